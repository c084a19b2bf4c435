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

  it('opens one post for its edit form and poster, with its township and village, only within the caller’s scope', async () => {
    const seen = await call('GET', '/staff/posts/babao-baiyanggou-p1', { token: await staffToken('babao') });
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ post: { id: 'babao-baiyanggou-p1', nodeId: 'babao-baiyanggou' }, township: { id: 'babao', name: '八宝镇' }, node: { name: '白杨沟村' } });
    expect((await call('GET', '/staff/posts/babao-baiyanggou-p1', { token: await staffToken('ebao') })).status).toBe(404);
    expect((await call('GET', '/staff/posts/no-such-post', { token: await staffToken('babao') })).status).toBe(404);
  });

  it('lets the county add a township, a village under it and a grid under that, each placed by its parent', async () => {
    const county = await staffToken('county');
    const t = `t${Date.now().toString(36)}`;
    const township = await call('PUT', `/staff/nodes/${t}`, { token: county, body: { kind: 'township', name: '野牛沟乡', parentId: 'qilian' } });
    expect(township.status).toBe(200);
    expect(township.body).toMatchObject({ path: `qilian/${t}`, centreName: '野牛沟乡综治中心' });
    const village = await call('PUT', `/staff/nodes/${t}-v1`, { token: county, body: { kind: 'village', name: '大泉村', parentId: t } });
    expect(village.body.path).toBe(`qilian/${t}/${t}-v1`);
    expect((await call('PUT', `/staff/nodes/${t}-g1`, { token: county, body: { kind: 'grid', name: '大泉村第一网格', parentId: `${t}-v1` } })).status).toBe(200);

    const org = await call('GET', '/staff/org', { token: county });
    expect(org.body.nodes.map((n: { id: string }) => n.id)).toEqual(expect.arrayContaining([t, `${t}-v1`, `${t}-g1`]));

    // a renamed village keeps its place; a village cannot be moved, nor hang under a village
    expect((await call('PUT', `/staff/nodes/${t}-v1`, { token: county, body: { kind: 'village', name: '大泉村（新）', parentId: t } })).body.name).toBe('大泉村（新）');
    const moved = await call('PUT', `/staff/nodes/${t}-v1`, { token: county, body: { kind: 'village', name: '大泉村', parentId: 'babao' } });
    expect(moved.status).toBe(400);
    expect(moved.body.error.issues[0]).toEqual({ path: 'parentId', message: '单位建立后不能改变类别或上级，请新建' });
    const misplaced = await call('PUT', `/staff/nodes/${t}-v2`, { token: county, body: { kind: 'village', name: '错位村', parentId: `${t}-v1` } });
    expect(misplaced.status).toBe(400);
    expect(misplaced.body.error.issues[0].path).toBe('parentId');
    const empty = await call('PUT', `/staff/nodes/${t}-v3`, { token: county, body: { kind: 'village', name: ' ', parentId: t } });
    expect(empty.body.error.issues).toEqual([{ path: 'name', message: '请填写名称' }]);
  });

  it('keeps townships, villages and departments from centre staff: they are told the route has nothing for them', async () => {
    const babao = await staffToken('babao');
    expect((await call('PUT', '/staff/nodes/babao-newvillage', { token: babao, body: { kind: 'village', name: '新村', parentId: 'babao' } })).status).toBe(404);
    const department = { centreId: 'babao', kind: 'justice', name: '八宝镇调解室' };
    expect((await call('PUT', '/staff/departments/babao-mediation', { token: babao, body: department })).status).toBe(404);
    expect((await call('PUT', '/staff/departments/babao-mediation', { token: await staffToken('county'), body: department })).status).toBe(200);
    const org = await call('GET', '/staff/org', { token: babao });
    expect(org.body.nodes.map((n: { id: string }) => n.id)).not.toContain('babao-newvillage');
  });

  it('lets the county name its levels and order its categories, which the citizen’s form then follows', async () => {
    const county = await staffToken('county');
    const settings = { levelNames: { township: '苏木', village: '嘎查' }, categoryOrder: ['other', 'heating'] };
    const unknown = await call('PUT', '/staff/counties/qilian/settings', { token: county, body: { ...settings, categoryOrder: ['no-such-category'] } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.issues).toEqual([{ path: 'categoryOrder', message: '诉求类型不存在：no-such-category' }]);
    const blank = await call('PUT', '/staff/counties/qilian/settings', { token: county, body: { ...settings, levelNames: { township: ' ', village: '嘎查' } } });
    expect(blank.body.error.issues).toEqual([{ path: 'levelNames.township', message: '请填写乡镇一级的名称' }]);
    // a township's staff are told there is no such route for them, and a county that is not the caller's does not exist
    expect((await call('PUT', '/staff/counties/qilian/settings', { token: await staffToken('babao'), body: settings })).status).toBe(404);
    expect((await call('PUT', '/staff/counties/menyuan/settings', { token: county, body: settings })).status).toBe(404);

    const saved = await call('PUT', '/staff/counties/qilian/settings', { token: county, body: settings });
    expect(saved.status).toBe(200);
    expect(saved.body.settings).toEqual(settings);
    await expect.poll(async () => (await call('GET', '/townships')).body.levelNames, { timeout: 5_000 }).toEqual(settings.levelNames);
    const categories = (await call('GET', '/townships')).body.items[0].categories.map((c: { id: string }) => c.id);
    expect(categories.slice(0, 2)).toEqual(['other', 'heating']);
  });
});
