/**
 * Staff users: who may list, create, edit and sign out whom. A user manages only users strictly below their own role
 * (an admin also other admins) and inside their own scope, never themselves: the rule is `shared/roles.ts`, checked
 * here against the stored user being changed as well as the role and scope being given.
 */
import { ForbiddenError, NotFoundError, ValidationError } from '../../shared/errors';
import { mayManageRole } from '../../shared/roles';
import { SCOPE_NOT_A_CENTRE, inScope, scopeFitsRole, type Org } from '../../shared/routing';
import type { EditUser, NewUser, OrgNode, StaffUser } from '../../shared/schemas/org';
import { hashPassword } from '../auth/passwords';
import type { StaffAccount } from '../ports';
import { auditOf } from './audit';
import type { Deps, StaffCaller } from './context';
import { readsCentre } from '../../shared/roles';

function scopeOf(caller: StaffCaller, org: Org): OrgNode {
  const node = org.nodes.get(caller.scopeNodeId);
  if (!node) throw new NotFoundError('您的管辖范围不存在');
  return node;
}

/** What may be answered of a user: never the password's hash, nor the token version. */
export const publicUser = ({ passwordHash: _h, tokenVersion: _v, ...user }: StaffAccount): StaffUser => user;

/** The county a user belongs to, from the place they act for. */
export function countyOfUser(org: Org, user: Pick<StaffUser, 'scopeNodeId'>): string {
  const node = org.nodes.get(user.scopeNodeId);
  const county = node?.path.split('/')[0];
  if (!county) throw new NotFoundError('该用户的管辖范围不存在');
  return county;
}

/** Does this change touch what a token stands for: role, scope, department, password or being active. */
function touchesPower(before: StaffAccount, after: Omit<StaffAccount, 'tokenVersion'>): boolean {
  return (
    before.role !== after.role ||
    before.scopeNodeId !== after.scopeNodeId ||
    before.departmentId !== after.departmentId ||
    before.passwordHash !== after.passwordHash ||
    (before.active ?? true) !== (after.active ?? true)
  );
}

/**
 * The stored user `username` if `caller` may manage it: 404 when it does not exist or lies outside the caller's
 * scope (they may not know of it), 403 for oneself or a user not below the caller's role.
 */
async function manageable(deps: Deps, caller: StaffCaller, scope: OrgNode, org: Org, username: string): Promise<StaffAccount> {
  const user = await deps.org.getUser(username);
  const node = user ? org.nodes.get(user.scopeNodeId) : undefined;
  if (!user || !node || !inScope(scope.path, node.path)) throw new NotFoundError('未找到该用户');
  if (user.id === caller.id) throw new ForbiddenError('不能在这里修改自己的账号；修改自己的密码请用“修改密码”');
  if (!mayManageRole(caller.role, user.role)) {
    throw new ForbiddenError(user.role === 'admin' ? '只有管理员可以修改管理员' : '只能修改角色低于您的工作人员');
  }
  return user;
}

/** Townships, villages and staff users are the county's to set: its supervisors and admins. */
function requireCounty(caller: StaffCaller) {
  if (caller.role !== 'county_supervisor' && caller.role !== 'admin') throw new NotFoundError('未找到');
}

export async function listUsers(deps: Deps, caller: StaffCaller, page: { limit: number; cursor?: string }) {
  // Handlers and agents do their cases; they do not manage the organisation.
  if (!readsCentre(caller.role)) throw new NotFoundError('未找到');
  const org = await deps.org.load();
  const scope = scopeOf(caller, org);
  const county = scope.path.split('/')[0] ?? scope.id;
  const out = await deps.org.listUsers(county, page);
  // The page is the county's; users outside the caller's subtree are left out of it.
  return {
    items: out.items.filter((u) => {
      const n = org.nodes.get(u.scopeNodeId);
      return n ? inScope(scope.path, n.path) : false;
    }),
    cursor: out.cursor,
  };
}

/**
 * Creates a user (`isNew`) or changes one. The user changed, and the role, scope and department given, must all be
 * the caller's to manage. A change of role, scope, department, password or `active` bumps the token version, so
 * every token issued before it is refused.
 */
export async function saveUser(
  deps: Deps,
  caller: StaffCaller,
  username: string,
  body: NewUser | EditUser,
  isNew: boolean,
): Promise<StaffUser> {
  requireCounty(caller);
  const org = await deps.org.load();
  const scope = scopeOf(caller, org);
  const existing = isNew ? undefined : await manageable(deps, caller, scope, org, username);
  const node = org.nodes.get(body.scopeNodeId);
  if (!node || !inScope(scope.path, node.path)) {
    throw new ValidationError('管辖范围不存在', [{ path: 'scopeNodeId', message: '请选择您管辖范围内的单位' }]);
  }
  if (!scopeFitsRole(body.role, node)) throw new ValidationError(SCOPE_NOT_A_CENTRE, [{ path: 'scopeNodeId', message: SCOPE_NOT_A_CENTRE }]);
  if (!mayManageRole(caller.role, body.role)) {
    const message = body.role === 'admin' ? '只有管理员可以设置管理员' : '只能设置角色低于您的工作人员';
    throw new ValidationError(message, [{ path: 'role', message }]);
  }
  if (body.role === 'handler') {
    const dep = org.departments.find((d) => d.id === body.departmentId);
    const centre = dep ? org.nodes.get(dep.centreId) : undefined;
    if (!centre || !inScope(scope.path, centre.path)) throw new ValidationError('承办人须属于一个部门', [{ path: 'departmentId', message: '请选择您管辖范围内的部门' }]);
  }
  if (isNew && !body.password) throw new ValidationError('请设置初始密码', [{ path: 'password', message: '请设置初始密码' }]);
  // a department is a handler's only: a user made anything else keeps none (the form may still send the old one)
  const { password, departmentId, ...rest } = body;
  const fields = { ...rest, ...(body.role === 'handler' ? { departmentId } : {}) };
  const passwordHash = password ? await hashPassword(password) : (existing?.passwordHash ?? '');
  const active = ('active' in fields ? fields.active : undefined) ?? existing?.active;
  const next = { ...fields, ...(active === undefined ? {} : { active }), username, id: existing?.id ?? deps.ids.id(), passwordHash };
  const tokenVersion = existing ? existing.tokenVersion + (touchesPower(existing, next) ? 1 : 0) : 0;
  const account: StaffAccount = { ...next, tokenVersion };
  const county = countyOfUser(org, account);
  const audit = auditOf(deps, caller, county, {
    subject: 'user',
    subjectId: username,
    action: existing ? 'update' : 'create',
    before: existing && publicUser(existing),
    after: publicUser(account),
    also: existing && password ? ['password'] : [],
  });
  await deps.org.putUser(account, county, existing ? { expectVersion: existing.tokenVersion, audit } : { mustBeNew: true, audit });
  return publicUser(account);
}

/** Signs another user out everywhere: every token they hold is refused from now on. Only a user one manages. */
export async function signOutUser(deps: Deps, caller: StaffCaller, username: string) {
  requireCounty(caller);
  const org = await deps.org.load();
  const user = await manageable(deps, caller, scopeOf(caller, org), org, username);
  await bumpTokenVersion(deps, caller, org, user, 'sign_out');
  return { username, signedOut: true as const };
}

/**
 * Writes the user with the next token version, over the version read, and its audit entry: a sign-out everywhere,
 * or one's own new password (`passwordHash`).
 */
export async function bumpTokenVersion(
  deps: Deps,
  caller: StaffCaller,
  org: Org,
  user: StaffAccount,
  action: 'sign_out' | 'password',
  change: Pick<Partial<StaffAccount>, 'passwordHash'> = {},
): Promise<StaffAccount> {
  const account: StaffAccount = { ...user, ...change, tokenVersion: user.tokenVersion + 1 };
  const county = countyOfUser(org, account);
  const audit = auditOf(deps, caller, county, { subject: 'user', subjectId: user.username, action, also: action === 'password' ? ['password'] : [] });
  await deps.org.putUser(account, county, { expectVersion: user.tokenVersion, audit });
  return account;
}
