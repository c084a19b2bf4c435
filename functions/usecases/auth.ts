import { createHash } from 'node:crypto';
import { NotFoundError, TooManyRequestsError, UnauthorizedError, ValidationError } from '../../shared/errors';
import { FRESH, addressKey, afterFailure, current, isLocked, waitSeconds } from '../../shared/loginThrottle';
import { inScope } from '../../shared/routing';
import type { LiftLockBody, LoginRecord, LoginResult } from '../../shared/schemas/security';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../auth/passwords';
import { signToken, type Claims } from '../auth/tokens';
import type { StaffAccount, ThrottleCounter } from '../ports';
import { auditOf } from './audit';
import type { Deps, StaffCaller } from './context';
import { bumpTokenVersion, publicUser } from './users';

/** WeChat login: the mini-program's code becomes an openid through code2session, then our token. */
export async function wechatLogin(deps: Deps, code: string) {
  const { openid } = await deps.wechat.code2session(code);
  return signToken({ kind: 'citizen', sub: openid }, deps.auth.secret, deps.clock.now(), deps.auth.citizenHours);
}

/** The local stage's stand-in for WeChat login, for the H5 demo and tests. Other stages do not have it. */
export async function devLogin(deps: Deps, name: string) {
  if (!deps.auth.devLogin) throw new NotFoundError('未找到');
  return signToken({ kind: 'citizen', sub: `dev:${name}`, name }, deps.auth.secret, deps.clock.now(), deps.auth.citizenHours);
}

/** A staff token carries the user's token version; the user's record, not the token, says what they may do. */
async function staffSession(deps: Deps, user: StaffAccount) {
  const session = await signToken(
    { kind: 'staff', sub: user.id, usr: user.username, ver: user.tokenVersion, name: user.name, role: user.role, scope: user.scopeNodeId, dept: user.departmentId },
    deps.auth.secret,
    deps.clock.now(),
    deps.auth.staffHours,
  );
  const { active: _a, ...shown } = publicUser(user);
  return { ...session, user: shown };
}

/** The throttle counter names of a login: the username (hashed: a name that is nobody's may be a password) and the address. */
const userCounter = (username: string) => `u#${createHash('sha256').update(username).digest('base64url').slice(0, 32)}`;
const addressCounter = (address: string) => `a#${addressKey(address)}`;

/**
 * Staff login, throttled per username and per source address (shared/loginThrottle.ts): a blocked attempt is a 429
 * with Retry-After before any password is checked. An allowed attempt first writes the username's counter as if it
 * failed, over the version read, so parallel guesses at one user are taken one at a time; a success then clears it.
 * Every attempt is recorded for the county's admins, never with the password.
 */
export async function staffLogin(deps: Deps, username: string, password: string, address: string) {
  const now = deps.clock.now();
  const t = now.getTime();
  const [uName, aName] = [userCounter(username), addressCounter(address)];
  const policy = deps.loginThrottle;
  const user = await deps.org.getUser(username);
  const org = user ? await deps.org.load() : undefined;
  // a user whose place is gone from the org is recorded with the unknown usernames, and told so only after the right password
  const county = user && org ? org.nodes.get(user.scopeNodeId)?.path.split('/')[0] : undefined;
  const record = (result: LoginResult) => ({
    id: deps.ids.id(),
    at: now.toISOString(),
    result,
    address,
    ...(user ? { username: user.username } : {}),
    countyId: county ?? UNKNOWN_USERS,
  });

  // Claim the attempt: the username's counter is written as if it failed, over the version read. Two attempts at
  // once each claim a version of their own (the second re-reads and sees the first), so none goes uncounted.
  let aRead: ThrottleCounter = { state: FRESH, version: 0 };
  for (let claim = 0; ; claim++) {
    const counters = await deps.logins.counters([uName, aName]);
    const uRead = counters.get(uName) ?? { state: FRESH, version: 0 };
    aRead = counters.get(aName) ?? aRead;
    const [u, a] = [current(uRead.state, t), current(aRead.state, t)];
    const wait = Math.max(waitSeconds(u, t), waitSeconds(a, t));
    if (wait > 0) {
      // refused, and counted toward the lock (a lock already running is not lengthened)
      await Promise.all([
        deps.logins.write(uName, afterFailure(u, t, policy.user), uRead.version, record('throttled')),
        deps.logins.write(aName, afterFailure(a, t, policy.address), aRead.version),
      ]);
      const locked = isLocked(u, t, policy.user) || isLocked(a, t, policy.address);
      throw new TooManyRequestsError(
        locked ? `登录失败次数过多，已暂时锁定，请 ${Math.ceil(wait / 60)} 分钟后再试，或请管理员解锁` : `登录尝试过于频繁，请 ${wait} 秒后再试`,
        wait,
      );
    }
    if (await deps.logins.write(uName, afterFailure(u, t, policy.user), uRead.version)) break;
    if (claim >= 4) throw new TooManyRequestsError('该账号正在登录，请稍后再试', 1);
  }

  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) {
    await failAddress(deps, aName, aRead, t, record(user ? 'wrong_password' : 'unknown_user'));
    throw new UnauthorizedError('用户名或密码不正确');
  }
  if (!county) throw new NotFoundError('该用户的管辖范围不存在');
  // the right password: the username's counter goes (the address's stays: successes do not wash out failures)
  await deps.logins.write(uName, null, null, record(user.active === false ? 'inactive' : 'ok'));
  if (user.active === false) throw new UnauthorizedError('该账号已停用，请联系管理员');
  return staffSession(deps, user);
}

/** Counts a failure against the source address, re-reading if another attempt wrote it first. */
async function failAddress(deps: Deps, name: string, read: ThrottleCounter, t: number, rec: LoginRecord & { countyId: string }) {
  let counter = read;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await deps.logins.write(name, afterFailure(current(counter.state, t), t, deps.loginThrottle.address), counter.version, rec)) return;
    counter = (await deps.logins.counters([name])).get(name) ?? { state: FRESH, version: 0 };
  }
  await deps.logins.record(rec);
}

/** The partition of login records at usernames that are nobody's. */
export const UNKNOWN_USERS = '~';

export const STALE_SESSION = '登录状态已失效（账号已变更、停用或已在各处退出），请重新登录';

/**
 * Who a verified staff token speaks for, from the user's current record (cached per container for at most
 * STAFF_USER_CACHE_SECONDS): a token whose version is not the user's current one, or of a deactivated or deleted
 * user, is refused.
 */
export async function staffCaller(deps: Deps, claims: Extract<Claims, { kind: 'staff' }>): Promise<StaffCaller> {
  const user = await deps.org.getUser(claims.usr, { cached: true });
  if (!user || user.id !== claims.sub || user.active === false || user.tokenVersion !== claims.ver) throw new UnauthorizedError(STALE_SESSION);
  return { kind: 'staff', id: user.id, username: user.username, name: user.name, role: user.role, scopeNodeId: user.scopeNodeId, departmentId: user.departmentId };
}

/** The caller's own stored record, read afresh. */
async function own(deps: Deps, caller: StaffCaller): Promise<StaffAccount> {
  const user = caller.username ? await deps.org.getUser(caller.username) : undefined;
  if (!user || user.id !== caller.id) throw new UnauthorizedError(STALE_SESSION);
  return user;
}

/** One's own password, given the current one: every other session ends; this one goes on with the new token answered. */
export async function changeOwnPassword(deps: Deps, caller: StaffCaller, body: { oldPassword: string; newPassword: string }) {
  const user = await own(deps, caller);
  // the old password is guessed no faster here than at login: the same username counter
  const t = deps.clock.now().getTime();
  const name = userCounter(user.username);
  const read = (await deps.logins.counters([name])).get(name) ?? { state: FRESH, version: 0 };
  const state = current(read.state, t);
  const wait = waitSeconds(state, t);
  const fail = () => deps.logins.write(name, afterFailure(state, t, deps.loginThrottle.user), read.version);
  if (wait > 0) {
    await fail();
    throw new TooManyRequestsError(`尝试过于频繁，请 ${wait} 秒后再试`, wait);
  }
  if (!(await verifyPassword(body.oldPassword, user.passwordHash))) {
    await fail();
    throw new ValidationError('原密码不正确', [{ path: 'oldPassword', message: '原密码不正确' }]);
  }
  const updated = await bumpTokenVersion(deps, caller, await deps.org.load(), user, 'password', { passwordHash: await hashPassword(body.newPassword) });
  return staffSession(deps, updated);
}

/** 在所有设备上退出: every token the caller holds, this one too, is refused from now on. */
export async function signOutEverywhere(deps: Deps, caller: StaffCaller) {
  const user = await own(deps, caller);
  await bumpTokenVersion(deps, caller, await deps.org.load(), user, 'sign_out');
  return { signedOut: true as const };
}

/** Login records and locks are the admins' (of their county). */
async function requireAdmin(deps: Deps, caller: StaffCaller) {
  if (caller.role !== 'admin') throw new NotFoundError('未找到');
  const org = await deps.org.load();
  const scope = org.nodes.get(caller.scopeNodeId);
  if (!scope) throw new NotFoundError('您的管辖范围不存在');
  return { org, scope };
}

/** The county's staff login attempts, newest first; `unknown`: attempts at usernames that are nobody's. */
export async function listLogins(deps: Deps, caller: StaffCaller, q: { limit: number; cursor?: string; unknown?: 'true' | 'false' }) {
  const { scope } = await requireAdmin(deps, caller);
  const county = q.unknown === 'true' ? UNKNOWN_USERS : (scope.path.split('/')[0] ?? scope.id);
  return deps.logins.records(county, { limit: q.limit, cursor: q.cursor });
}

/** An admin lifts the lock (and any delay) on a username of their scope, or on a source address. */
export async function liftLock(deps: Deps, caller: StaffCaller, body: LiftLockBody) {
  const { org, scope } = await requireAdmin(deps, caller);
  if ('username' in body) {
    const user = await deps.org.getUser(body.username);
    const node = user ? org.nodes.get(user.scopeNodeId) : undefined;
    if (!user || !node || !inScope(scope.path, node.path)) throw new NotFoundError('未找到该用户');
  }
  const [name, subjectId] = 'username' in body ? [userCounter(body.username), body.username] : [addressCounter(body.address), body.address];
  const lifted = await deps.logins.clear(name);
  if (lifted) await deps.audit.put(auditOf(deps, caller, scope.path.split('/')[0] ?? scope.id, { subject: 'login_lock', subjectId, action: 'lift_lock' }));
  return { lifted };
}
