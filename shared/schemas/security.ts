/** What an admin reads of staff logins, and the bodies of the security routes. */
import * as z from 'zod/mini';
import { IsoTime, StaffRole } from './common';
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

export const AUDIT_SUBJECTS = ['user', 'node', 'department', 'category', 'login_lock', 'partner'] as const;
export const AUDIT_ACTIONS = ['create', 'update', 'sign_out', 'password', 'lift_lock', 'revoke'] as const;

/**
 * One change to who may do what or how the county is organised: who made it, when, and the record before and after
 * (never a password or its hash: a password change shows as `password` among the changed fields).
 */
export const AuditEntry = z.object({
  id: z.string(),
  at: IsoTime,
  actor: z.object({ id: z.string(), username: z.optional(z.string()), name: z.string(), role: StaffRole }),
  subject: z.enum(AUDIT_SUBJECTS),
  subjectId: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  /** the names of the fields that changed */
  changed: z.array(z.string()),
  before: z.optional(z.record(z.string(), z.unknown())),
  after: z.optional(z.record(z.string(), z.unknown())),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
