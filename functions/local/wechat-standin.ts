/**
 * A local stand-in for WeChat's server API, for the local stack and tests: the real HTTP client talks to it.
 * code2session turns a code `X` into the openid `wx_X` (the code `invalid` is refused, as an expired code is);
 * msg_sec_check flags texts containing any word in RISKY_WORDS; media_check_async takes a request as WeChat does (the
 * v2 fields, else 47001), fetches the media as WeChat would and answers a trace id; what it fetched is listed at
 * `GET /__standin/media-checks`; `POST /__standin/push {url, traceId, suggest}` pushes that check's verdict to the API at
 * `url` as WeChat does (消息推送, signed with STANDIN_PUSH_TOKEN) and answers what the API said; subscribe messages are recorded and listed at
 * `GET /__standin/messages`. `POST /__standin/fail {count, errcode}` makes the next sends fail, as WeChat does when
 * busy (-1) or when a user refused (43101). Every call is recorded.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const RISKY_WORDS = ['违禁测试词', '赌博网站', '代开发票'];
/** The stand-in's 消息推送 Token: the local stack gives the API the same (WECHAT_PUSH_TOKEN). */
export const STANDIN_PUSH_TOKEN = 'local-push-token';

export interface WechatCall {
  path: string;
  query: Record<string, string>;
  body?: unknown;
}

export interface RunningWechat {
  url: string;
  calls: WechatCall[];
  stop(): Promise<void>;
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (data += c));
    req.on('end', () => resolve(data));
  });

export async function startWechatStandin(port = 0): Promise<RunningWechat> {
  const calls: WechatCall[] = [];
  const messages: unknown[] = [];
  const failing = { count: 0, errcode: -1 };
  const mediaChecks: Array<{ traceId: string; mediaType: number; openid: string; fetched: number; bytes: number; contentType: string }> = [];
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const query = Object.fromEntries(url.searchParams);
    const raw = req.method === 'POST' ? await readBody(req) : '';
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    calls.push({ path: url.pathname, query, body });
    const send = (obj: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(obj));
    };
    switch (url.pathname) {
      case '/sns/jscode2session': {
        const code = query.js_code ?? '';
        if (!code || code === 'invalid') return send({ errcode: 40029, errmsg: 'invalid code' });
        return send({ openid: `wx_${code}`, session_key: 'standin-session-key' });
      }
      case '/cgi-bin/token':
        return send({ access_token: `standin-token-${Date.now()}`, expires_in: 7200 });
      case '/wxa/msg_sec_check': {
        const content = typeof body === 'object' && body && 'content' in body ? String((body as { content: unknown }).content) : '';
        const risky = RISKY_WORDS.some((w) => content.includes(w));
        return send({ errcode: 0, errmsg: 'ok', result: { suggest: risky ? 'risky' : 'pass', label: risky ? 20006 : 100 } });
      }
      case '/wxa/media_check_async': {
        const b = (body ?? {}) as { media_url?: unknown; media_type?: unknown; version?: unknown; openid?: unknown; scene?: unknown };
        const valid = typeof b.media_url === 'string' && (b.media_type === 1 || b.media_type === 2) && b.version === 2 && typeof b.openid === 'string' && b.openid && [1, 2, 3, 4].includes(Number(b.scene));
        if (!valid) return send({ errcode: 47001, errmsg: 'data format error' });
        const traceId = `standin-trace-${mediaChecks.length + 1}-${Date.now()}`;
        let fetched = 0;
        let bytes = 0;
        let contentType = '';
        try {
          const got = await fetch(String(b.media_url), { signal: AbortSignal.timeout(5000) });
          fetched = got.status;
          contentType = got.headers.get('content-type') ?? '';
          bytes = (await got.arrayBuffer()).byteLength;
        } catch {
          fetched = -1;
        }
        mediaChecks.push({ traceId, mediaType: Number(b.media_type), openid: String(b.openid), fetched, bytes, contentType });
        return send({ errcode: 0, errmsg: 'ok', trace_id: traceId });
      }
      case '/__standin/media-checks':
        return send({ checks: mediaChecks });
      case '/__standin/push': {
        const b = (body ?? {}) as { url?: string; traceId?: string; suggest?: string; token?: string };
        const timestamp = String(Math.floor(Date.now() / 1000));
        const nonce = String(Math.floor(Math.random() * 1e9));
        const signature = createHash('sha1').update([b.token ?? STANDIN_PUSH_TOKEN, timestamp, nonce].sort().join('')).digest('hex');
        const event = {
          ToUserName: 'gh_standin', FromUserName: 'standin', CreateTime: Number(timestamp), MsgType: 'event', Event: 'wxa_media_check',
          appid: 'wx-local-appid', trace_id: b.traceId, version: 2,
          result: { suggest: b.suggest, label: b.suggest === 'pass' ? 100 : 20002 },
          detail: [{ strategy: 'content_model', errcode: 0, suggest: b.suggest, label: b.suggest === 'pass' ? 100 : 20002, prob: 90 }],
        };
        const got = await fetch(`${b.url}/wechat/push?signature=${signature}&timestamp=${timestamp}&nonce=${nonce}`, {
          method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(event),
        });
        return send({ status: got.status, body: await got.text() });
      }
      case '/cgi-bin/message/subscribe/send': {
        if (failing.count > 0) {
          failing.count -= 1;
          return send({ errcode: failing.errcode, errmsg: failing.errcode === -1 ? 'system error' : 'refused' });
        }
        messages.push(body);
        return send({ errcode: 0, errmsg: 'ok', msgid: messages.length });
      }
      case '/__standin/messages':
        return send({ messages });
      case '/__standin/fail': {
        const b = (body ?? {}) as { count?: number; errcode?: number };
        failing.count = b.count ?? 1;
        failing.errcode = b.errcode ?? -1;
        return send({ ok: true });
      }
      default:
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errcode: 404, errmsg: 'unknown api' }));
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    calls,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
