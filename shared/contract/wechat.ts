/**
 * What WeChat's servers send us (消息推送, plain mode, JSON): the check of the push address when it is configured (GET,
 * answered with its `echostr`), and events (POST, answered `success`), of which we read the media check's verdict
 * (wxa_media_check). Every request is signed: `signature` = SHA-1 of the sorted token, `timestamp` and `nonce`
 * (WECHAT_PUSH_TOKEN, the token set in the mini-program's console). Not part of the app's client.
 */
import * as z from 'zod/mini';
import { route } from './route';

const Signed = { signature: z.string().check(z.regex(/^[0-9a-f]{40}$/, '签名格式不正确')), timestamp: z.string().check(z.regex(/^\d{1,12}$/, '时间戳格式不正确')), nonce: z.string().check(z.maxLength(64)) };

export const PushCheck = z.object({ ...Signed, echostr: z.string().check(z.minLength(1), z.maxLength(128)) });
export const PushQuery = z.object({ ...Signed, openid: z.optional(z.string()) });
/** An event as WeChat pushes it: only what we read is checked; anything else is let through and ignored. */
export const PushEvent = z.looseObject({
  MsgType: z.optional(z.string()),
  Event: z.optional(z.string()),
  trace_id: z.optional(z.string().check(z.maxLength(128))),
  result: z.optional(z.looseObject({ suggest: z.optional(z.string()) })),
});

/** WeChat reads the answer's text: the echostr, or `success`. */
const TEXT = { file: 'text/plain; charset=utf-8', inline: true } as const;

export const WECHAT = {
  check: route({ method: 'GET', path: '/wechat/push', access: 'public', summary: '微信消息推送：服务器地址校验（返回 echostr）', query: PushCheck, answer: TEXT }),
  event: route({ method: 'POST', path: '/wechat/push', access: 'public', summary: '微信消息推送：接收事件（多媒体内容安全检测结果）', query: PushQuery, body: PushEvent, answer: TEXT }),
};
