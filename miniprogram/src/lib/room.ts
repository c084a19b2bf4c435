import Taro from '@tarojs/taro';
import { isWeapp } from './request';

/**
 * Join a video room (a reception, or a consultation's meeting): in the browser the room opens in a new tab; a
 * mini-program cannot open outside links, so the link is copied for the citizen to paste into the browser or the
 * meeting app.
 */
export async function joinRoom(url: string): Promise<'opened' | 'copied'> {
  if (!isWeapp() && typeof window !== 'undefined' && typeof window.open === 'function') {
    window.open(url, '_blank', 'noopener');
    return 'opened';
  }
  await Taro.setClipboardData({ data: url });
  return 'copied';
}
