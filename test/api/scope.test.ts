/**
 * A centre's reads (queue, dashboard, export, tasks, receptions) are per township or per county: a centre user
 * scoped to a village would read its whole township. Such a user cannot be made, and one made before the rule
 * reads no centre at all.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../functions/auth/passwords';
import { call, report, citizenToken, staffToken } from '../support/api';
import { movableClock, stackDeps } from '../support/deps';

let admin = '';
beforeAll(async () => {
  admin = await staffToken('admin');
});

const newUser = (role: string, scopeNodeId: string) => ({
  username: `v-${randomUUID().slice(0, 8)}`,
  name: '白杨沟村值班员',
  role,
  scopeNodeId,
  password: 'village-local-2026',
});

describe('a centre user scoped below a township', () => {
  it('cannot be made: the user form is told the scope must be a township or the county', async () => {
    for (const role of ['centre_staff', 'county_supervisor']) {
      const res = await call('POST', '/staff/users', { token: admin, body: newUser(role, 'babao-baiyanggou') });
      expect({ role, status: res.status }).toEqual({ role, status: 400 });
      expect(res.body.error.issues[0].path).toBe('scopeNodeId');
    }
  });

  it('may still be an agent of that village, and centre staff of the township', async () => {
    expect((await call('POST', '/staff/users', { token: admin, body: newUser('agent', 'babao-baiyanggou') })).status).toBe(201);
    expect((await call('POST', '/staff/users', { token: admin, body: newUser('centre_staff', 'babao') })).status).toBe(201);
  });

  it('made before the rule, reads nothing of the township: queue, dashboard, export, tasks and receptions are 404', async () => {
    // One written straight to the table, as the user form let it be made before.
    const user = { ...newUser('centre_staff', 'babao-baiyanggou'), id: randomUUID().replace(/-/g, '') };
    const { password, ...stored } = user;
    await stackDeps(movableClock('2026-11-29T00:00:00Z')).org.putUser({ ...stored, role: 'centre_staff', passwordHash: await hashPassword(password), tokenVersion: 0 }, 'qilian');
    // a case of 八宝镇 that a township read would show
    expect((await report(await citizenToken())).status).toBe(201);
    const login = await call('POST', '/staff/login', { body: { username: user.username, password } });
    expect(login.status).toBe(200);
    const token = login.body.token as string;
    const reads = ['/staff/petitions', '/staff/petitions?sort=urgent', '/staff/dashboard', '/staff/export', '/staff/tasks', '/staff/hosts', '/staff/bookings', '/staff/booking-figures'];
    const answers = await Promise.all(reads.map(async (path) => [path, (await call('GET', path, { token })).status] as const));
    expect(Object.fromEntries(answers)).toEqual(Object.fromEntries(reads.map((p) => [p, 404])));
  });
});

describe('a staff user whose place is gone from the org', () => {
  // Such a user is written straight to the table: the staff pages cannot take a place out of the org.
  const putUser = async (user: { username: string; name: string; role: 'centre_staff' | 'admin'; scopeNodeId: string; id: string }, password: string) =>
    stackDeps(movableClock('2026-11-29T00:00:00Z')).org.putUser({ ...user, passwordHash: await hashPassword(password), tokenVersion: 0 }, 'qilian');

  it('is left out of the county’s user list, and told at login that their place does not exist, but only with the right password', async () => {
    const { password, ...user } = { ...newUser('centre_staff', 'no-longer-a-township'), id: randomUUID().replace(/-/g, '') };
    await putUser({ ...user, role: 'centre_staff' }, password);
    const listed = await call('GET', '/staff/users?limit=100', { token: await staffToken('county') });
    expect(listed.status).toBe(200);
    const usernames = listed.body.items.map((u: { username: string }) => u.username);
    expect(usernames).toContain('babao');
    expect(usernames).not.toContain(user.username);
    // a wrong password is answered as for a username that is nobody’s: it does not tell a stranger the name is there
    const guess = await call('POST', '/staff/login', { body: { username: user.username, password: 'not-the-password' } });
    const nobody = await call('POST', '/staff/login', { body: { username: `nobody-${randomUUID().slice(0, 8)}`, password: 'not-the-password' } });
    expect([guess.status, guess.body.error.message]).toEqual([401, '用户名或密码不正确']);
    expect([nobody.status, nobody.body.error.message]).toEqual([401, '用户名或密码不正确']);
    const login = await call('POST', '/staff/login', { body: { username: user.username, password } });
    expect(login.status).toBe(404);
    expect(login.body.error.message).toBe('该用户的管辖范围不存在');
  });

  it('who still holds a token is told their scope does not exist by the audit record, the login records, the org and the user list', async () => {
    const { password, ...user } = { ...newUser('admin', 'qilian'), name: '县管理员', id: randomUUID().replace(/-/g, '') };
    await putUser({ ...user, role: 'admin' }, password);
    const login = await call('POST', '/staff/login', { body: { username: user.username, password } });
    expect(login.status).toBe(200);
    const token = login.body.token as string;
    // the same user, the same token version: the token stands, its place does not
    await putUser({ ...user, role: 'admin', scopeNodeId: 'no-longer-a-county' }, password);
    await expect.poll(async () => (await call('GET', '/staff/me', { token })).body.scopeNodeId, { timeout: 10_000 }).toBe('no-longer-a-county');
    const reads = ['/staff/audit', '/staff/logins', '/staff/org', '/staff/users'];
    const answers = await Promise.all(reads.map(async (path) => {
      const res = await call('GET', path, { token });
      return [path, { status: res.status, message: res.body.error?.message }] as const;
    }));
    expect(Object.fromEntries(answers)).toEqual(Object.fromEntries(reads.map((p) => [p, { status: 404, message: '您的管辖范围不存在' }])));
  });
});
