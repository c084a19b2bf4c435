/** What an admin reads of staff logins, and the bodies of the security routes. */
import * as z from 'zod/mini';
import { IsoTime } from './common';
import { PageQuery } from './api';
import { Username } from './org';

export const LOGIN_RESULTS = ['ok', 'wrong_password', 'unknown_user', 'throttled', 'inactive'] as const;
export const LoginResult = z.enum(LOGIN_RESULTS);
export type LoginResult = z.infer<typeof LoginResult>;

/**
 * One staff login attempt as recorded: never a password, and the username only when it is a real user's (a name
 * that is no user's may be a password typed into the wrong field).
 */
export const LoginRecord = z.object({
  id: z.string(),
  at: IsoTime,
  result: LoginResult,
  username: z.optional(z.string()),
  /** the source address the attempt came from */
  address: z.string(),
});
export type LoginRecord = z.infer<typeof LoginRecord>;

/** `GET /staff/logins`: the county's, newest first; `unknown=true`: attempts at usernames that are nobody's. */
export const LoginsQuery = z.extend(PageQuery, {
  unknown: z.optional(z.enum(['true', 'false'], { error: 'unknown 须为 true 或 false' })),
});

const Address = z.string({ error: '请填写来源地址' }).check(
  z.regex(/^[0-9A-Fa-f:.]{2,45}(\/64)?$/, { error: '来源地址格式不正确' }),
);
/** `POST /staff/login-locks/lift`: one username or one source address. */
export const LiftLockBody = z.union([z.strictObject({ username: Username }), z.strictObject({ address: Address })], { error: '请填写要解锁的用户名或来源地址' });
export type LiftLockBody = z.infer<typeof LiftLockBody>;
