import { NotFoundError, UnauthorizedError, ValidationError } from '../../shared/errors';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../auth/passwords';
import { signToken, type Claims } from '../auth/tokens';
import type { StaffAccount } from '../ports';
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
function staffSession(deps: Deps, user: StaffAccount) {
  const session = signToken(
    { kind: 'staff', sub: user.id, usr: user.username, ver: user.tokenVersion, name: user.name, role: user.role, scope: user.scopeNodeId, dept: user.departmentId },
    deps.auth.secret,
    deps.clock.now(),
    deps.auth.staffHours,
  );
  const { active: _a, ...shown } = publicUser(user);
  return { ...session, user: shown };
}

export async function staffLogin(deps: Deps, username: string, password: string) {
  const user = await deps.org.getUser(username);
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) throw new UnauthorizedError('用户名或密码不正确');
  if (user.active === false) throw new UnauthorizedError('该账号已停用，请联系管理员');
  return staffSession(deps, user);
}

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
  if (!(await verifyPassword(body.oldPassword, user.passwordHash))) {
    throw new ValidationError('原密码不正确', [{ path: 'oldPassword', message: '原密码不正确' }]);
  }
  const updated = await bumpTokenVersion(deps, await deps.org.load(), user, { passwordHash: await hashPassword(body.newPassword) });
  return staffSession(deps, updated);
}

/** 在所有设备上退出: every token the caller holds, this one too, is refused from now on. */
export async function signOutEverywhere(deps: Deps, caller: StaffCaller) {
  const user = await own(deps, caller);
  await bumpTokenVersion(deps, await deps.org.load(), user);
  return { signedOut: true };
}
