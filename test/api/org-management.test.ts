import { describe, expect, it } from 'vitest';
import { call, staffToken } from '../support/api';

const post = (nodeId: string, name = '新设岗点') => ({
  name,
  address: '祁连县八宝镇白杨沟村二社路口',
  location: { lat: 38.2, lng: 100.25 },
  nodeId,
  categoryIds: ['grassland', 'neighbour'],
});

describe('staff manage the organisation within their scope', () => {
  it('lets a township centre add a post in its own village, which citizens can then scan', async () => {
    const babao = await staffToken('babao');
    const saved = await call('PUT', '/staff/posts/babao-baiyanggou-p9', { token: babao, body: post('babao-baiyanggou-g1') });
    expect(saved.status).toBe(200);
    const scanned = await call('GET', '/posts/babao-baiyanggou-p9');
    expect(scanned.body.township).toEqual({ id: 'babao', name: '八宝镇' });
    expect(scanned.body.categories.map((c: { id: string }) => c.id).sort()).toEqual(['grassland', 'neighbour']);
    const listed = await call('GET', '/staff/townships/babao/posts?limit=50', { token: babao });
    expect(listed.body.items.map((p: { id: string }) => p.id)).toContain('babao-baiyanggou-p9');
  });

  it('refuses a post in another township’s village, and hides that township’s posts', async () => {
    const babao = await staffToken('babao');
    const res = await call('PUT', '/staff/posts/ebao-x', { token: babao, body: post('ebao-ebao') });
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0].path).toBe('nodeId');
    expect((await call('GET', '/staff/townships/ebao/posts', { token: babao })).status).toBe(404);
  });

  it('lets the county supervisor add a staff user who can then log in, and no township staff may', async () => {
    const county = await staffToken('county');
    const username = `ebao-${Date.now().toString(36)}`;
    const made = await call('POST', '/staff/users', {
      token: county,
      body: { username, name: '峨堡镇新值班员', role: 'centre_staff', scopeNodeId: 'ebao', password: 'a-long-password' },
    });
    expect(made.status).toBe(201);
    expect(made.body).not.toHaveProperty('password');
    expect(made.body).not.toHaveProperty('passwordHash');
    const login = await call('POST', '/staff/login', { body: { username, password: 'a-long-password' } });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ role: 'centre_staff', scopeNodeId: 'ebao' });
    const again = await call('POST', '/staff/users', { token: county, body: { username, name: '重复', role: 'centre_staff', scopeNodeId: 'ebao', password: 'a-long-password' } });
    expect(again.status).toBe(409);
    const babao = await staffToken('babao');
    expect((await call('POST', '/staff/users', { token: babao, body: { username: 'sneaky', name: '越权', role: 'admin', scopeNodeId: 'qilian', password: 'a-long-password' } })).status).toBe(404);
    const users = await call('GET', '/staff/users?limit=100', { token: babao });
    expect(users.body.items.every((u: { scopeNodeId: string }) => u.scopeNodeId.startsWith('babao'))).toBe(true);
  });

  it('lets only the county set a category’s time limits', async () => {
    const body = {
      name: '供暖问题',
      departmentKind: 'housing',
      level: 'township',
      limits: {
        accept: { amount: 3, unit: 'hours' },
        dispatch: { amount: 4, unit: 'hours' },
        resolve: { amount: 3, unit: 'days' },
        rate: { amount: 7, unit: 'days' },
        review: { amount: 30, unit: 'days' },
      },
    };
    expect((await call('PUT', '/staff/categories/heating', { token: await staffToken('babao'), body })).status).toBe(404);
    expect((await call('PUT', '/staff/categories/heating', { token: await staffToken('county'), body })).status).toBe(200);
    const org = await call('GET', '/staff/org', { token: await staffToken('babao') });
    expect(org.body.nodes.map((n: { id: string }) => n.id)).not.toContain('ebao');
    // The township dispatches to its own departments and the county's.
    expect(new Set(org.body.departments.map((d: { centreId: string }) => d.centreId))).toEqual(new Set(['babao', 'qilian']));
    expect(org.body.categories.find((c: { id: string }) => c.id === 'heating').limits.accept).toEqual({ amount: 3, unit: 'hours' });
  });
});
