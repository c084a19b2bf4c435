/**
 * 消息推送: what WeChat's servers push to us. A push is WeChat's only when its `signature` is the SHA-1 of the sorted
 * token, timestamp and nonce; anything else is nobody we know (404), as is every push while no token is set. Of the
 * events, the media check's verdict on a report's recording is kept on its case; the others are acknowledged and left.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { MEDIA_VERDICTS, type MediaVerdict } from '../../shared/audio';
import { NotFoundError } from '../../shared/errors';
import type { Deps } from './context';

interface Signed {
  signature: string;
  timestamp: string;
  nonce: string;
}

/** WeChat's signature of a push: SHA-1 (hex) of the token, timestamp and nonce, sorted and joined. */
export const pushSignature = (token: string, timestamp: string, nonce: string) =>
  createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');

function requireWechat(deps: Deps, q: Signed) {
  const token = deps.wechatPush.token;
  const expected = token ? Buffer.from(pushSignature(token, q.timestamp, q.nonce)) : undefined;
  const given = Buffer.from(q.signature);
  if (!expected || expected.length !== given.length || !timingSafeEqual(expected, given)) throw new NotFoundError('未找到');
}

const TEXT = (content: string) => ({ filename: '', content });

/** The address check when the push is configured in the console: answer its echostr. */
export function checkPushAddress(deps: Deps, q: Signed & { echostr: string }) {
  requireWechat(deps, q);
  return TEXT(q.echostr);
}

export interface PushEvent {
  MsgType?: string;
  Event?: string;
  trace_id?: string;
  result?: { suggest?: string };
}

/** An event: the media check's verdict goes on the case whose recording it checked; WeChat is told `success` either way. */
export async function receivePush(deps: Deps, q: Signed, event: PushEvent) {
  requireWechat(deps, q);
  const suggest = event.result?.suggest;
  if (event.Event === 'wxa_media_check' && event.trace_id && MEDIA_VERDICTS.includes(suggest as MediaVerdict)) {
    await deps.petitions.recordMediaVerdict(event.trace_id, suggest as MediaVerdict);
  }
  return TEXT('success');
}
