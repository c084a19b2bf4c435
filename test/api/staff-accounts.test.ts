/**
 * Staff accounts (issue 11, findings 1 and 2): a user manages only users below their role and inside their scope,
 * never themselves; a staff token stands only while the user's token version is unchanged.
 */
import { describe, expect, it } from 'vitest';
import { call, staffToken } from '../support/api';

const suffix = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const PASSWORD = 'a-long-password';

/** A new user made by the admin, and a token of theirs. */
async function newUser(fields: { role: string; scopeNodeId: string; departmentId?: string }, prefix = 'acct') {
  const username = `${prefix}-${suffix()}`;
  const made = await call('POST', '/staff/users', { token: await staffToken('admin'), body: { username, name: '测试人员', password: PASSWORD, ...fields } });
  if (made.status !== 201) throw new Error(`admin could not make ${username}: ${made.status} ${JSON.stringify(made.body)}`);
  return { username, token: await login(username) };
}

async function login(username: string, password = PASSWORD): Promise<string> {
  const res = await call('POST', '/staff/login', { body: { username, password } });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token;
}

const edit = (token: string, username: string, body: Record<string, unknown>) => call('PUT', `/staff/users/${username}`, { token, body });

describe('who may manage which staff user (finding 1)', () => {
  it('refuses a county supervisor who edits an admin: the admin keeps its role and password', async () => {
    const second = await newUser({ role: 'admin', scopeNodeId: 'qilian' }, 'admin2');
    const county = await staffToken('county');
    const demoted = await edit(county, second.username, { name: '被降级', role: 'centre_staff', scopeNodeId: 'babao', password: 'taken-over-123' });
    expect(demoted.status).toBe(403);
    expect(demoted.body.error.message).toBe('只有管理员可以修改管理员');
    const still = await call('GET', '/staff/me', { token: await login(second.username) });
    expect(still.body).toMatchObject({ role: 'admin', scopeNodeId: 'qilian' });
    expect((await call('POST', '/staff/login', { body: { username: second.username, password: 'taken-over-123' } })).status).toBe(401);
  });

  it('refuses a county supervisor who edits another county supervisor, or makes one', async () => {
    const peer = await newUser({ role: 'county_supervisor', scopeNodeId: 'qilian' }, 'peer');
    const county = await staffToken('county');
    const refused = await edit(county, peer.username, { name: '改名', role: 'county_supervisor', scopeNodeId: 'qilian' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('只能修改角色低于您的工作人员');
    const made = await call('POST', '/staff/users', {
      token: county,
      body: { username: `sup-${suffix()}`, name: '新督办', role: 'county_supervisor', scopeNodeId: 'qilian', password: PASSWORD },
    });
    expect(made.status).toBe(400);
    expect(made.body.error.issues).toEqual([{ path: 'role', message: '只能设置角色低于您的工作人员' }]);
  });

  it('tells what is wrong with a new account, field by field, and makes none: a place outside the caller’s, an admin made by a supervisor, a handler without a department of theirs', async () => {
    const [county, township] = await Promise.all([staffToken('county'), newUser({ role: 'county_supervisor', scopeNodeId: 'babao' }, 'tsup').then((u) => u.token)]);
    const make = (token: string, fields: Record<string, unknown>) => {
      const username = `new-${suffix()}`;
      return call('POST', '/staff/users', { token, body: { username, name: '新人员', password: PASSWORD, ...fields } }).then((res) => ({ res, username }));
    };
    const refusals = [
      // 八宝镇's supervisor places no one in 峨堡镇, and nobody in a place that does not exist
      [township, { role: 'centre_staff', scopeNodeId: 'ebao' }, '管辖范围不存在', { path: 'scopeNodeId', message: '请选择您管辖范围内的单位' }],
      [county, { role: 'centre_staff', scopeNodeId: 'no-such-place' }, '管辖范围不存在', { path: 'scopeNodeId', message: '请选择您管辖范围内的单位' }],
      // only an admin makes an admin
      [county, { role: 'admin', scopeNodeId: 'qilian' }, '只有管理员可以设置管理员', { path: 'role', message: '只有管理员可以设置管理员' }],
      // a handler belongs to a department inside the caller's place
      [county, { role: 'handler', scopeNodeId: 'babao' }, '承办人须属于一个部门', { path: 'departmentId', message: '请选择您管辖范围内的部门' }],
      [township, { role: 'handler', scopeNodeId: 'babao', departmentId: 'ebao-natural-resources' }, '承办人须属于一个部门', { path: 'departmentId', message: '请选择您管辖范围内的部门' }],
    ] as const;
    for (const [token, fields, message, issue] of refusals) {
      const { res, username } = await make(token, fields);
      expect(res.status, JSON.stringify(fields)).toBe(400);
      expect(res.body.error.message, JSON.stringify(fields)).toBe(message);
      expect(res.body.error.issues).toEqual([issue]);
      expect((await call('POST', '/staff/login', { body: { username, password: PASSWORD } })).status).toBe(401);
    }
    // the same handler inside the place is made
    expect((await make(township, { role: 'handler', scopeNodeId: 'babao', departmentId: 'babao-natural-resources' })).res.status).toBe(201);
  });

  it('refuses anyone who edits themselves through the user form', async () => {
    const admin = await newUser({ role: 'admin', scopeNodeId: 'qilian' }, 'selfadmin');
    const res = await edit(admin.token, admin.username, { name: '管理员', role: 'admin', scopeNodeId: 'qilian', password: 'my-new-password' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe('不能在这里修改自己的账号；修改自己的密码请用“修改密码”');
    const county = await staffToken('county');
    expect((await edit(county, 'county', { name: '督办', role: 'county_supervisor', scopeNodeId: 'qilian' })).status).toBe(403);
  });

  it('checks the scope of the user being edited: a township supervisor cannot pull another township’s user into its own', async () => {
    const supervisor = await newUser({ role: 'county_supervisor', scopeNodeId: 'babao' }, 'tsup');
    const target = await newUser({ role: 'centre_staff', scopeNodeId: 'ebao' }, 'ebaostaff');
    const res = await edit(supervisor.token, target.username, { name: '被挪走', role: 'centre_staff', scopeNodeId: 'babao', password: 'taken-over-123' });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('未找到该用户');
    expect((await call('GET', '/staff/me', { token: await login(target.username) })).body.scopeNodeId).toBe('ebao');
    const none = await edit(supervisor.token, `no-such-${suffix()}`, { name: '无此人', role: 'centre_staff', scopeNodeId: 'babao' });
    expect([none.status, none.body.error.message]).toEqual([404, '未找到该用户']);
    // inside its own scope, below its role: allowed
    const own = await newUser({ role: 'centre_staff', scopeNodeId: 'babao' }, 'babaostaff');
    expect((await edit(supervisor.token, own.username, { name: '八宝镇值班员', role: 'centre_staff', scopeNodeId: 'babao' })).status).toBe(200);
  });

  it('lists the staff of the caller’s place only, and tells handlers and centre staff who would make an account 未找到', async () => {
    const supervisor = await newUser({ role: 'county_supervisor', scopeNodeId: 'babao' }, 'tsup');
    const listed = await call('GET', '/staff/users?limit=100', { token: supervisor.token });
    expect(listed.status).toBe(200);
    const names = (listed.body.items as { username: string }[]).map((u) => u.username);
    expect(names).toEqual(expect.arrayContaining(['babao', 'babao-justice', supervisor.username]));
    expect(names).not.toContain('ebao');
    expect(names).not.toContain('county');
    const handler = await call('GET', '/staff/users', { token: await staffToken('babao-justice') });
    expect([handler.status, handler.body.error.message]).toEqual([404, '未找到']);
    const made = await call('POST', '/staff/users', {
      token: await staffToken('babao'),
      body: { username: `by-staff-${suffix()}`, name: '值班员建的', role: 'handler', scopeNodeId: 'babao', departmentId: 'babao-justice', password: PASSWORD },
    });
    expect([made.status, made.body.error.message]).toEqual([404, '未找到']);
  });

  it('keeps a deactivated account off when a later edit leaves `active` out', async () => {
    const admin = await staffToken('admin');
    const u = await newUser({ role: 'centre_staff', scopeNodeId: 'ebao' }, 'stayoff');
    expect((await edit(admin, u.username, { name: '测试人员', role: 'centre_staff', scopeNodeId: 'ebao', active: false })).status).toBe(200);
    const renamed = await edit(admin, u.username, { name: '改名不复用', role: 'centre_staff', scopeNodeId: 'ebao' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: '改名不复用', active: false });
    const refused = await call('POST', '/staff/login', { body: { username: u.username, password: PASSWORD } });
    expect([refused.status, refused.body.error.message]).toEqual([401, '该账号已停用，请联系管理员']);
  });

  it('lets an admin edit another admin, and a supervisor a centre user', async () => {
    const second = await newUser({ role: 'admin', scopeNodeId: 'qilian' }, 'admin3');
    expect((await edit(await staffToken('admin'), second.username, { name: '第二管理员', role: 'admin', scopeNodeId: 'qilian' })).status).toBe(200);
    const staffer = await newUser({ role: 'centre_staff', scopeNodeId: 'ebao' }, 'cs');
    const res = await edit(await staffToken('county'), staffer.username, { name: '改过的名字', role: 'centre_staff', scopeNodeId: 'moler' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ username: staffer.username, scopeNodeId: 'moler' });
    expect(res.body).not.toHaveProperty('passwordHash');
    expect(res.body).not.toHaveProperty('tokenVersion');
  });

  it('takes a handler’s department away when the handler is made centre staff, though the form still sends it', async () => {
    const handler = await newUser({ role: 'handler', scopeNodeId: 'babao', departmentId: 'babao-justice' }, 'moved');
    const res = await edit(await staffToken('admin'), handler.username, { name: '测试人员', role: 'centre_staff', scopeNodeId: 'babao', departmentId: 'babao-justice' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ username: handler.username, role: 'centre_staff' });
    expect(res.body).not.toHaveProperty('departmentId');
    const again = await edit(await staffToken('admin'), handler.username, { name: '测试人员', role: 'handler', scopeNodeId: 'babao', departmentId: 'babao-natural-resources' });
    expect(again.body).toMatchObject({ role: 'handler', departmentId: 'babao-natural-resources' });
  });

  it('lets a user change their own password with the old one, and keeps the session that did it', async () => {
    const me = await newUser({ role: 'centre_staff', scopeNodeId: 'babao' }, 'pw');
    const other = await login(me.username);
    const wrong = await call('POST', '/staff/me/password', { token: me.token, body: { oldPassword: 'not-it-at-all', newPassword: 'brand-new-password' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.issues).toEqual([{ path: 'oldPassword', message: '原密码不正确' }]);
    const changed = await call('POST', '/staff/me/password', { token: me.token, body: { oldPassword: PASSWORD, newPassword: 'brand-new-password' } });
    expect(changed.status).toBe(200);
    expect((await call('GET', '/staff/me', { token: changed.body.token })).status).toBe(200);
    expect((await call('GET', '/staff/me', { token: other })).status).toBe(401);
    expect((await call('POST', '/staff/login', { body: { username: me.username, password: PASSWORD } })).status).toBe(401);
    expect((await call('POST', '/staff/login', { body: { username: me.username, password: 'brand-new-password' } })).status).toBe(200);
  });
});

describe('a staff token stands only while the user is unchanged (finding 2)', () => {
  const STALE = '登录状态已失效（账号已变更、停用或已在各处退出），请重新登录';

  it('refuses a demoted user’s old token at once: it cannot act on its old power', async () => {
    const sup = await newUser({ role: 'county_supervisor', scopeNodeId: 'qilian' }, 'demoted');
    expect((await edit(await staffToken('admin'), sup.username, { name: '降为值班员', role: 'centre_staff', scopeNodeId: 'babao' })).status).toBe(200);
    const made = await call('POST', '/staff/users', {
      token: sup.token,
      body: { username: `via-old-${suffix()}`, name: '借旧凭证', role: 'centre_staff', scopeNodeId: 'ebao', password: PASSWORD },
    });
    expect(made.status).toBe(401);
    expect(made.body.error.message).toBe(STALE);
    expect((await call('GET', '/staff/me', { token: await login(sup.username) })).body).toMatchObject({ role: 'centre_staff', scopeNodeId: 'babao' });
  });

  it('refuses old tokens after a password reset, a change of role, scope or department alone, and a deactivation, even once reactivated', async () => {
    const admin = await staffToken('admin');
    const a = await newUser({ role: 'centre_staff', scopeNodeId: 'babao' }, 'reset');
    expect((await edit(admin, a.username, { name: '测试人员', role: 'centre_staff', scopeNodeId: 'babao', password: 'reset-by-admin' })).status).toBe(200);
    expect((await call('GET', '/staff/me', { token: a.token })).status).toBe(401);

    const b = await newUser({ role: 'handler', scopeNodeId: 'babao', departmentId: 'babao-justice' }, 'dept');
    expect((await edit(admin, b.username, { name: '测试人员', role: 'handler', scopeNodeId: 'babao', departmentId: 'babao-natural-resources' })).status).toBe(200);
    expect((await call('GET', '/staff/petitions', { token: b.token })).status).toBe(401);

    // the role alone (八宝镇's centre staff made its supervisor), the scope alone (moved to 默勒镇)
    const r = await newUser({ role: 'centre_staff', scopeNodeId: 'babao' }, 'role');
    expect((await edit(admin, r.username, { name: '测试人员', role: 'county_supervisor', scopeNodeId: 'babao' })).status).toBe(200);
    expect((await call('GET', '/staff/me', { token: r.token })).status).toBe(401);
    const m = await newUser({ role: 'centre_staff', scopeNodeId: 'babao' }, 'moved');
    expect((await edit(admin, m.username, { name: '测试人员', role: 'centre_staff', scopeNodeId: 'moler' })).status).toBe(200);
    expect((await call('GET', '/staff/me', { token: m.token })).status).toBe(401);

    const c = await newUser({ role: 'centre_staff', scopeNodeId: 'ebao' }, 'off');
    expect((await edit(admin, c.username, { name: '测试人员', role: 'centre_staff', scopeNodeId: 'ebao', active: false })).status).toBe(200);
    expect((await call('GET', '/staff/me', { token: c.token })).status).toBe(401);
    const refused = await call('POST', '/staff/login', { body: { username: c.username, password: PASSWORD } });
    expect(refused.status).toBe(401);
    expect(refused.body.error.message).toBe('该账号已停用，请联系管理员');
    expect((await edit(admin, c.username, { name: '测试人员', role: 'centre_staff', scopeNodeId: 'ebao', active: true })).status).toBe(200);
    expect((await call('GET', '/staff/me', { token: await login(c.username) })).status).toBe(200);
    // a token from before the deactivation does not come back with the account
    expect((await call('GET', '/staff/me', { token: c.token })).status).toBe(401);
  });

  it('keeps tokens through a change of name only', async () => {
    const u = await newUser({ role: 'centre_staff', scopeNodeId: 'moler' }, 'rename');
    expect((await edit(await staffToken('admin'), u.username, { name: '新名字', role: 'centre_staff', scopeNodeId: 'moler' })).status).toBe(200);
    expect((await call('GET', '/staff/me', { token: u.token })).body.name).toBe('新名字');
  });

  it('signs a user out everywhere, by themselves or by a supervisor above them', async () => {
    const u = await newUser({ role: 'centre_staff', scopeNodeId: 'babao' }, 'out');
    const second = await login(u.username);
    const out = await call('POST', '/staff/me/sign-out-everywhere', { token: u.token, body: {} });
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ signedOut: true });
    expect((await call('GET', '/staff/me', { token: u.token })).status).toBe(401);
    expect((await call('GET', '/staff/me', { token: second })).status).toBe(401);

    const fresh = await login(u.username);
    const signedOut = await call('POST', `/staff/users/${u.username}/sign-out`, { token: await staffToken('county'), body: {} });
    expect(signedOut.status).toBe(200);
    expect(signedOut.body).toEqual({ username: u.username, signedOut: true });
    const refused = await call('GET', '/staff/me', { token: fresh });
    expect(refused.status).toBe(401);
    expect(refused.body.error.message).toBe(STALE);
    // not above them: refused, and the admin is not signed out
    const admin = await staffToken('admin');
    expect((await call('POST', '/staff/users/admin/sign-out', { token: await staffToken('county'), body: {} })).status).toBe(403);
    expect((await call('GET', '/staff/me', { token: admin })).status).toBe(200);
  });
});
