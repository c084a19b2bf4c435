/**
 * The post a scan opened, asked for by index.html while the app's code was still loading (on slow 3G the code takes
 * seconds; the post's answer is ready when the form wants it). Taken once, for the same post only, parsed with the
 * route's answer schema like any answer; anything else (no answer, an error, another post) is undefined, and the
 * form asks the API itself, with its usual errors and retry.
 */
import { CITIZEN_REPORT } from '../../../shared/contract/report';
import type { PostInfo } from '../../../shared/schemas/views';
import { parseAnswer } from './apiError';

declare global {
  interface Window {
    __sgPost?: { id: string; answer: Promise<unknown> };
  }
}

export async function prefetchedPost(postId: string): Promise<PostInfo | undefined> {
  const early = window.__sgPost;
  if (!early || early.id !== postId) return undefined;
  window.__sgPost = undefined;
  const body = await early.answer;
  if (!body) return undefined;
  try {
    return parseAnswer(CITIZEN_REPORT.post.answer, body);
  } catch {
    return undefined;
  }
}
