/**
 * The audit record (issue 11, "Also"): every change to users, roles, scopes, categories, time limits, departments and
 * nodes names who made it, when, and the record before and after, never a password or its hash; county supervisors
 * and admins read it.
 */
import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { call, staffToken } from '../support/api';

const suffix = () => `${Date.now().toString(36)}${randomInt(1e6)}`;

interface Entry {
  actor: { username?: string; role: string };
  subject: string;
  subjectId: string;
  action: string;
  changed: string[];
  before?: Record<string, any>;
  after?: Record<string, any>;
  at: string;
}

async function entriesFor(subjectId: string, token?: string): Promise<Entry[]> {
  const res = await call('GET', '/staff/audit?limit=100', { token: token ?? (await staffToken('admin')) });
  expect(res.status).toBe(200);
  return (res.body.items as Entry[]).filter((e) => e.subjectId === subjectId);
}

const LIMITS = {
  accept: { amount: 3, unit: 'hours' },
  dispatch: { amount: 4, unit: 'hours' },
  resolve: { amount: 3, unit: 'days' },
  rate: { amount: 7, unit: 'days' },
  review: { amount: 30, unit: 'days' },
};

describe('the audit record', () => {
  it('records a user made, moved and given a new password: who, the user before and after, and no password', async () => {
    const admin = await staffToken('admin');
    const username = `aud-${suffix()}`;
    const secret = 'first-secret-pass';
    expect((await call('POST', '/staff/users', { token: admin, body: { username, name: '审计对象', role: 'centre_staff', scopeNodeId: 'babao', password: secret } })).status).toBe(201);
    const county = await staffToken('county');
    expect((await call('PUT', `/staff/users/${username}`, { token: county, body: { name: '审计对象', role: 'centre_staff', scopeNodeId: 'ebao', password: 'second-secret-pass' } })).status).toBe(200);

    const entries = await entriesFor(username, county);
    expect(entries.map((e) => [e.action, e.actor.username, e.actor.role])).toEqual([
      ['update', 'county', 'county_supervisor'],
      ['create', 'admin', 'admin'],
    ]);
    const [moved, made] = entries;
    expect(moved?.changed.sort()).toEqual(['password', 'scopeNodeId']);
    // made with a first password: the new account's fields, and no password change
    expect(made?.changed.sort()).toEqual(['id', 'name', 'role', 'scopeNodeId', 'username']);
    expect(moved?.before).toMatchObject({ username, scopeNodeId: 'babao', role: 'centre_staff' });
    expect(moved?.after).toMatchObject({ username, scopeNodeId: 'ebao' });
    const text = JSON.stringify(entries);
    for (const leak of ['passwordHash', 'scrypt$', secret, 'second-secret-pass', 'tokenVersion']) expect(text).not.toContain(leak);
  });

  it('records a category’s time limits, a department and a node, each with its before and after', async () => {
    const county = await staffToken('county');
    const id = `cat-${suffix()}`;
    const body = { name: '审计类型', departmentKind: 'housing', level: 'township', limits: LIMITS };
    expect((await call('PUT', `/staff/categories/${id}`, { token: county, body })).status).toBe(200);
    expect((await call('PUT', `/staff/categories/${id}`, { token: county, body: { ...body, limits: { ...LIMITS, accept: { amount: 1, unit: 'hours' } } } })).status).toBe(200);
    const [changed, made] = await entriesFor(id);
    expect(made).toMatchObject({ subject: 'category', action: 'create' });
    expect(changed).toMatchObject({ subject: 'category', action: 'update', changed: ['limits'] });
    expect(changed?.before?.limits.accept).toEqual({ amount: 3, unit: 'hours' });
    expect(changed?.after?.limits.accept).toEqual({ amount: 1, unit: 'hours' });

    const dep = `dep-${suffix()}`;
    expect((await call('PUT', `/staff/departments/${dep}`, { token: county, body: { centreId: 'babao', kind: 'justice', name: '审计调解室' } })).status).toBe(200);
    expect(await entriesFor(dep)).toMatchObject([{ subject: 'department', action: 'create', after: { name: '审计调解室', centreId: 'babao' } }]);

    const node = `v${suffix()}`;
    expect((await call('PUT', `/staff/nodes/${node}`, { token: county, body: { kind: 'village', name: '审计村', parentId: 'babao' } })).status).toBe(200);
    expect(await entriesFor(node)).toMatchObject([{ subject: 'node', action: 'create', after: { name: '审计村', path: `qilian/babao/${node}` } }]);
  });

  it('records a sign-out everywhere by a user above', async () => {
    const admin = await staffToken('admin');
    const username = `out-${suffix()}`;
    await call('POST', '/staff/users', { token: admin, body: { username, name: '审计对象', role: 'centre_staff', scopeNodeId: 'moler', password: 'a-long-password' } });
    expect((await call('POST', `/staff/users/${username}/sign-out`, { token: admin, body: {} })).status).toBe(200);
    expect((await entriesFor(username))[0]).toMatchObject({ action: 'sign_out', actor: { username: 'admin' }, changed: [] });
  });

  it('records a rename alone as the name, and one’s own new password as a password change', async () => {
    const admin = await staffToken('admin');
    const username = `pw-${suffix()}`;
    await call('POST', '/staff/users', { token: admin, body: { username, name: '审计对象', role: 'centre_staff', scopeNodeId: 'moler', password: 'a-long-password' } });
    expect((await call('PUT', `/staff/users/${username}`, { token: admin, body: { name: '改了名', role: 'centre_staff', scopeNodeId: 'moler' } })).status).toBe(200);
    const own = await call('POST', '/staff/login', { body: { username, password: 'a-long-password' } });
    expect((await call('POST', '/staff/me/password', { token: own.body.token, body: { oldPassword: 'a-long-password', newPassword: 'another-long-one' } })).status).toBe(200);
    const [changedOwn, renamed] = await entriesFor(username);
    expect(renamed).toMatchObject({ action: 'update', changed: ['name'] });
    expect(changedOwn).toMatchObject({ action: 'password', actor: { username }, changed: ['password'] });
  });

  it('is read by county supervisors and admins only', async () => {
    for (const who of ['babao', 'babao-justice', 'agent-baiyanggou'] as const) {
      const res = await call('GET', '/staff/audit', { token: await staffToken(who) });
      expect(res.status).toBe(404);
      expect(res.body.error.message).toBe('未找到');
    }
  });
});
