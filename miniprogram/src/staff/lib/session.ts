/**
 * The staff session: a token from POST /staff/login kept in storage under its own key (a citizen's token on the same
 * phone is another key), dropped when it expires, on a 401, and on logout. `staffRequest` is the staff pages' one way
 * to the API: a missing or refused session sends the user to the login page and back afterwards.
 */
import Taro from '@tarojs/taro';
import type * as z from 'zod/mini';
import { STAFF } from '../../../../shared/contract/staff';
import type { StaffRole } from '../../../../shared/schemas/common';
import { StaffSession } from '../../../../shared/schemas/staff';
import { ApiError, errorFromBody, parseAnswer } from '../../lib/apiError';
import { send, type RequestOptions } from '../../lib/request';
import { storage } from '../../lib/storage';
import { staffUrl } from '../routes';

const SESSION_KEY = 'sg.staff';

/** The session is what POST /staff/login answers (the contract's StaffSession). */
const Session = StaffSession;
type Session = z.infer<typeof Session>;
export type StaffUser = Session['user'];

export const ROLE_LABELS: Record<StaffRole, string> = {
  centre_staff: '综治中心',
  handler: '承办部门',
  agent: '代办员',
  village_staff: '村级调解',
  county_supervisor: '县级督办',
  admin: '管理员',
};

/** The stored session while it is valid (a minute's margin), else null. */
export function staffSession(now = Date.now()): Session | null {
  const r = Session.safeParse(storage.get(SESSION_KEY));
  if (!r.success) return null;
  return Date.parse(r.data.expiresAt) - 60_000 > now ? r.data : null;
}

export async function staffLogin(username: string, password: string): Promise<StaffUser> {
  const res = await send(STAFF.login.path, { method: 'POST', data: { username, password } }, null);
  if (res.status >= 400) throw errorFromBody(res.status, res.body);
  const r = Session.safeParse(res.body);
  if (!r.success) throw new ApiError('http', '登录失败，请稍后再试', res.status);
  storage.set(SESSION_KEY, r.data);
  return r.data.user;
}

/** The login page, coming back to the current page afterwards. */
export function toLogin(): void {
  const pages = Taro.getCurrentPages();
  const here = pages[pages.length - 1];
  const next = here?.route ? `/${here.route.replace(/^\//, '')}${queryOf(here.options)}` : undefined;
  void Taro.reLaunch({ url: staffUrl('login', next && !next.includes('/login/') ? { next } : {}) });
}

export function logout(): void {
  storage.remove(SESSION_KEY);
  void Taro.reLaunch({ url: staffUrl('login') });
}

function queryOf(options: Record<string, unknown> | undefined): string {
  const pairs = Object.entries(options ?? {}).filter(([k, v]) => typeof v === 'string' && k !== '$taroTimestamp');
  return pairs.length ? `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`).join('&')}` : '';
}

/** Calls the API as the logged-in staff user and returns a 2xx body; anything else throws an ApiError. */
export async function staffRequest(path: string, opts: RequestOptions = {}): Promise<unknown> {
  const session = staffSession();
  if (!session) {
    toLogin();
    throw new ApiError('unauthorized', '登录已过期，请重新登录', 401);
  }
  const res = await send(path, opts, session.token);
  if (res.status === 401) {
    storage.remove(SESSION_KEY);
    toLogin();
  }
  if (res.status >= 200 && res.status < 300) return res.body;
  throw errorFromBody(res.status, res.body);
}

/** Staff pages parse answers the way the citizen pages do. */
export { parseAnswer };
