import { NotFoundError, UnauthorizedError } from '../../shared/errors';
import { DUMMY_HASH, verifyPassword } from '../auth/passwords';
import { signToken } from '../auth/tokens';
import type { Deps } from './context';

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

export async function staffLogin(deps: Deps, username: string, password: string) {
  const user = await deps.org.getUser(username);
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) throw new UnauthorizedError('用户名或密码不正确');
  const session = signToken(
    { kind: 'staff', sub: user.id, name: user.name, role: user.role, scope: user.scopeNodeId, dept: user.departmentId },
    deps.auth.secret,
    deps.clock.now(),
    deps.auth.staffHours,
  );
  return { ...session, user: { id: user.id, username: user.username, name: user.name, role: user.role, scopeNodeId: user.scopeNodeId, departmentId: user.departmentId } };
}
