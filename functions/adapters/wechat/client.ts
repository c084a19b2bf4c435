/**
 * WeChat's server API over HTTP: code2session, the text content check (msgSecCheck v2) and the asynchronous media
 * check (mediaCheckAsync v2). The base URL comes
 * from config, so the local stack and tests point this same client at the stand-in server.
 */
import * as z from 'zod/mini';
import { UnauthorizedError } from '../../../shared/errors';
import type { SendResult, WechatClient } from '../../ports';

const Session = z.object({ openid: z.optional(z.string()), errcode: z.optional(z.number()), errmsg: z.optional(z.string()) });
const AccessToken = z.object({ access_token: z.optional(z.string()), expires_in: z.optional(z.number()), errcode: z.optional(z.number()) });
const Errcode = z.object({ errcode: z._default(z.number(), 0), errmsg: z.optional(z.string()) });
/** WeChat's answers that no retry will change: the user refused, or the template or openid is wrong. */
const PERMANENT = new Set([43101, 40003, 40037, 47003, 41030]);

const SecCheck = z.object({
  errcode: z.number(),
  errmsg: z.optional(z.string()),
  result: z.optional(z.object({ suggest: z.string(), label: z.optional(z.number()) })),
});

const MediaCheck = z.object({ errcode: z._default(z.number(), 0), errmsg: z.optional(z.string()), trace_id: z.optional(z.string()), traceId: z.optional(z.string()) });
/** mediaCheckAsync's scene: 1 资料 (a user's own material), the nearest to a report. */
const MEDIA_SCENE = 1;

export class HttpWechatClient implements WechatClient {
  private token?: { value: string; until: number };

  constructor(
    private readonly base: string,
    private readonly appid: string,
    private readonly secret: string,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  private async getJson(path: string, init?: RequestInit): Promise<unknown> {
    const res = await this.fetchImpl(new URL(path, this.base), { ...init, signal: AbortSignal.timeout(5000) });
    if (!res.ok) throw new Error(`WeChat API answered HTTP ${res.status} for ${new URL(path, this.base).pathname}`);
    return res.json();
  }

  async code2session(code: string) {
    const q = new URLSearchParams({ appid: this.appid, secret: this.secret, js_code: code, grant_type: 'authorization_code' });
    const body = Session.parse(await this.getJson(`/sns/jscode2session?${q}`));
    if (!body.openid) throw new UnauthorizedError('微信登录已失效，请重新进入小程序');
    return { openid: body.openid };
  }

  private async accessToken(): Promise<string> {
    if (this.token && this.token.until > Date.now()) return this.token.value;
    const q = new URLSearchParams({ grant_type: 'client_credential', appid: this.appid, secret: this.secret });
    const body = AccessToken.parse(await this.getJson(`/cgi-bin/token?${q}`));
    if (!body.access_token) throw new Error(`WeChat access_token failed with errcode ${body.errcode ?? 'unknown'}`);
    // Refresh five minutes early: WeChat tokens last 7200 s.
    this.token = { value: body.access_token, until: Date.now() + ((body.expires_in ?? 7200) - 300) * 1000 };
    return body.access_token;
  }

  async sendSubscribeMessage(m: { openid: string; templateId: string; page: string; data: Record<string, string> }): Promise<SendResult> {
    let body;
    try {
      const token = await this.accessToken();
      body = Errcode.parse(
        await this.getJson(`/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            touser: m.openid,
            template_id: m.templateId,
            page: m.page,
            miniprogram_state: 'formal',
            lang: 'zh_CN',
            // thing.DATA holds at most 20 characters
            data: Object.fromEntries(Object.entries(m.data).map(([k, v]) => [k, { value: [...v].slice(0, 20).join('') }])),
          }),
        }),
      );
    } catch (err) {
      return { ok: false, permanent: false, reason: err instanceof Error ? err.message : 'network error' };
    }
    if (body.errcode === 0) return { ok: true };
    return { ok: false, permanent: PERMANENT.has(body.errcode), reason: `errcode ${body.errcode}${body.errmsg ? ` ${body.errmsg}` : ''}` };
  }

  async checkText(content: string, openid?: string) {
    const token = await this.accessToken();
    const body = SecCheck.parse(
      await this.getJson(`/wxa/msg_sec_check?access_token=${encodeURIComponent(token)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ content, version: 2, scene: 1, openid }),
      }),
    );
    if (body.errcode === 87014) return false; // the v1 "risky content" answer
    if (body.errcode !== 0) throw new Error(`WeChat msg_sec_check failed with errcode ${body.errcode}`);
    return body.result?.suggest === 'pass';
  }

  async checkMediaAsync(m: { url: string; type: 'audio' | 'image'; openid: string }) {
    const token = await this.accessToken();
    const body = MediaCheck.parse(
      await this.getJson(`/wxa/media_check_async?access_token=${encodeURIComponent(token)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ media_url: m.url, media_type: m.type === 'audio' ? 1 : 2, version: 2, scene: MEDIA_SCENE, openid: m.openid }),
      }),
    );
    // (the community reports the answer's id spelt traceId as well as the documented trace_id)
    const traceId = body.trace_id ?? body.traceId;
    if (body.errcode !== 0 || !traceId) throw new Error(`WeChat media_check_async failed with errcode ${body.errcode}`);
    return { traceId };
  }
}
