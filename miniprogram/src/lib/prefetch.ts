/**
 * The post a scan opened, asked for before the app's code ran: only the H5 page can (its index.html does, see
 * prefetch.h5.ts); in WeChat the code is already on the phone, so there is nothing to win.
 */
import type { PostInfo } from '../../../shared/schemas/views';

export async function prefetchedPost(_postId: string): Promise<PostInfo | undefined> {
  return undefined;
}
