/**
 * The one request wrapper: picks the base URL, adds the token (logging in first when there is none, and once
 * more on a 401), and turns the API's error body into an ApiError with field issues. A request that got no
 * answer at all becomes an ApiError with code `network`, which is what the draft store waits on.
 */
import Taro from '@tarojs/taro';
import { CITIZEN_REPORT } from '../../../shared/contract/report';
import { ApiError, errorFromBody } from './apiError';
import { storage } from './storage';
import { words } from '../i18n';

export { ApiError } from './apiError';

export const apiBaseUrl: string = API_BASE_URL.replace(/\/+$/, '');
const TOKEN_KEY = 'sg.token';
const DEV_NAME_KEY = 'sg.devName';

interface Token {
  token: string;
  expiresAt: string;
}

function savedToken(): string | null {
  const t = storage.get(TOKEN_KEY);
  if (typeof t !== 'object' || t === null) return null;
  const { token, expiresAt } = t as Partial<Token>;
  if (typeof token !== 'string' || typeof expiresAt !== 'string') return null;
  // a minute's margin: a token that expires in flight is a needless 401
  return Date.parse(expiresAt) - 60_000 > Date.now() ? token : null;
}

export function isWeapp(): boolean {
  return process.env.TARO_ENV === 'weapp';
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT';
  data?: unknown;
  headers?: Record<string, string>;
  /** false for the login routes themselves */
  auth?: boolean;
  timeout?: number;
}

/** One HTTP exchange, no login: the citizen `request` below and the staff session (src/staff/lib) build on it. */
export async function send(path: string, opts: RequestOptions, token: string | null): Promise<{ status: number; body: unknown }> {
  // a type only with a body: a GET with no header of ours but the token is a simple request in a browser, so a
  // public GET (the post a scan opened) costs no CORS preflight, a whole round trip on a slow network
  const header: Record<string, string> = { ...(opts.data === undefined ? {} : { 'Content-Type': 'application/json' }), ...opts.headers };
  if (token) header['Authorization'] = `Bearer ${token}`;
  try {
    const res = await Taro.request({
      url: `${apiBaseUrl}${path}`,
      method: opts.method ?? 'GET',
      data: opts.data === undefined ? undefined : JSON.stringify(opts.data),
      header,
      dataType: '其他',
      responseType: 'text',
      timeout: opts.timeout ?? 15_000,
    });
    const text: unknown = res.data;
    let body: unknown = text;
    if (typeof text === 'string' && text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    return { status: res.statusCode, body };
  } catch (e) {
    throw new ApiError('network', words.errors.network);
  }
}

let loggingIn: Promise<string> | null = null;

/** WeChat: Taro.login then /auth/wechat. H5 (local stage only): /auth/dev with a name kept in this browser. */
export function login(): Promise<string> {
  loggingIn ??= (async () => {
    try {
      let res: { status: number; body: unknown };
      if (isWeapp()) {
        const { code } = await Taro.login();
        res = await send(CITIZEN_REPORT.wechatLogin.path, { method: 'POST', data: { code } }, null);
      } else {
        if (!DEV_LOGIN) throw new ApiError('unauthorized', words.errors.openInWeChat);
        let name = storage.get(DEV_NAME_KEY);
        if (typeof name !== 'string' || !name) {
          name = `居民${Math.floor(Math.random() * 1e6)}`;
          storage.set(DEV_NAME_KEY, name);
        }
        res = await send(CITIZEN_REPORT.devLogin.path, { method: 'POST', data: { name } }, null);
      }
      if (res.status >= 400) throw errorFromBody(res.status, res.body);
      const b = res.body;
      if (typeof b !== 'object' || b === null || !('token' in b) || typeof b.token !== 'string') {
        throw new ApiError('http', words.errors.login, res.status);
      }
      const expiresAt = 'expiresAt' in b && typeof b.expiresAt === 'string' ? b.expiresAt : new Date(Date.now() + 3600_000).toISOString();
      storage.set(TOKEN_KEY, { token: b.token, expiresAt });
      return b.token;
    } finally {
      loggingIn = null;
    }
  })();
  return loggingIn;
}

/** Calls the API and returns the parsed body of a 2xx answer; anything else throws an ApiError. */
export async function request(path: string, opts: RequestOptions = {}): Promise<unknown> {
  const useAuth = opts.auth !== false;
  let token = useAuth ? (savedToken() ?? (await login())) : null;
  let res = await send(path, opts, token);
  if (res.status === 401 && useAuth) {
    storage.remove(TOKEN_KEY);
    token = await login();
    res = await send(path, opts, token);
  }
  if (res.status >= 200 && res.status < 300) return res.body;
  throw errorFromBody(res.status, res.body);
}

/** A message for any error a page catches. */
export function messageOf(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  return words.errors.unknown;
}
