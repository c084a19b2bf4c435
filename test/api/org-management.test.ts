import { describe, expect, it } from 'vitest';
import { call, staffToken } from '../support/api';
import { movableClock, stackDeps } from '../support/deps';

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
    expect(moved.body.error.message).toBe('单位建立后不能改变类别或上级');
    expect(moved.body.error.issues).toEqual([{ path: 'parentId', message: '单位建立后不能改变类别或上级，请新建' }]);
    const misplaced = await call('PUT', `/staff/nodes/${t}-v2`, { token: county, body: { kind: 'village', name: '错位村', parentId: `${t}-v1` } });
    expect(misplaced.status).toBe(400);
    expect(misplaced.body.error.issues[0].path).toBe('parentId');
    const empty = await call('PUT', `/staff/nodes/${t}-v3`, { token: county, body: { kind: 'village', name: ' ', parentId: t } });
    expect(empty.body.error.issues).toEqual([{ path: 'name', message: '请填写名称' }]);
  });

  it('keeps townships, villages and departments from centre staff, and posts from handlers: they are told the route has nothing for them (未找到)', async () => {
    const babao = await staffToken('babao');
    const refused = (res: { status: number; body: { error: { message: string } } }) => [res.status, res.body.error.message];
    expect(refused(await call('PUT', '/staff/nodes/babao-newvillage', { token: babao, body: { kind: 'village', name: '新村', parentId: 'babao' } }))).toEqual([404, '未找到']);
    const department = { centreId: 'babao', kind: 'justice', name: '八宝镇调解室' };
    expect(refused(await call('PUT', '/staff/departments/babao-mediation', { token: babao, body: department }))).toEqual([404, '未找到']);
    expect((await call('PUT', '/staff/departments/babao-mediation', { token: await staffToken('county'), body: department })).status).toBe(200);
    const org = await call('GET', '/staff/org', { token: babao });
    expect(org.body.nodes.map((n: { id: string }) => n.id)).not.toContain('babao-newvillage');

    // a handler of 八宝镇 does their cases; the township's posts are its centre's to set
    const handler = await staffToken('babao-justice');
    expect(refused(await call('PUT', '/staff/posts/babao-baiyanggou-p7', { token: handler, body: post('babao-baiyanggou') }))).toEqual([404, '未找到']);
    expect((await call('GET', '/posts/babao-baiyanggou-p7')).status).toBe(404);
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

/** A county supervisor of 八宝镇 only (a township's supervisor), made by the admin, and a token of theirs. */
async function townshipSupervisor(): Promise<string> {
  const username = `tsup-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const made = await call('POST', '/staff/users', {
    token: await staffToken('admin'),
    body: { username, name: '八宝镇督办', role: 'county_supervisor', scopeNodeId: 'babao', password: 'a-long-password' },
  });
  if (made.status !== 201) throw new Error(`admin could not make ${username}: ${made.status} ${JSON.stringify(made.body)}`);
  const login = await call('POST', '/staff/login', { body: { username, password: 'a-long-password' } });
  return login.body.token;
}

const orgOf = async (token: string) => (await call('GET', '/staff/org', { token })).body as {
  nodes: Array<{ id: string; name: string }>;
  departments: Array<{ id: string; centreId: string; name: string }>;
};

describe('what the organisation forms refuse, in the words staff and citizens see', () => {
  it('tells a citizen who scans a post that is not there to scan again', async () => {
    const res = await call('GET', '/posts/no-such-post');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('该岗点不存在或已停用，请重新扫码');
  });

  it('refuses a post offering categories the county does not have, naming each, and saves no post', async () => {
    const babao = await staffToken('babao');
    const res = await call('PUT', '/staff/posts/babao-baiyanggou-p8', {
      token: babao,
      body: { ...post('babao-baiyanggou'), categoryIds: ['no-such-kind', 'grassland', 'no-such-other'] },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('诉求类型不存在');
    expect(res.body.error.issues).toEqual([{ path: 'categoryIds', message: '诉求类型不存在：no-such-kind、no-such-other' }]);
    expect((await call('GET', '/staff/posts/babao-baiyanggou-p8', { token: babao })).status).toBe(404);
    expect((await call('GET', '/posts/babao-baiyanggou-p8')).status).toBe(404);
  });

  it('tells a township’s supervisor that another township’s village does not exist, and leaves its name as it was', async () => {
    const township = await townshipSupervisor();
    const res = await call('PUT', '/staff/nodes/ebao-ebao', { token: township, body: { kind: 'village', name: '被改名村', parentId: 'ebao' } });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('未找到该单位');
    const org = await orgOf(await staffToken('county'));
    expect(org.nodes.find((n) => n.id === 'ebao-ebao')?.name).toBe('峨堡村');
  });

  it('places a department at a township’s or the county’s own centre only, and within the caller’s place', async () => {
    const county = await staffToken('county');
    // the county's own centre has departments too
    const atCounty = await call('PUT', '/staff/departments/qilian-mediation', { token: county, body: { centreId: 'qilian', kind: 'justice', name: '祁连县矛盾纠纷调解中心' } });
    expect(atCounty.status).toBe(200);
    // a village has no centre
    const atVillage = await call('PUT', '/staff/departments/baiyanggou-office', { token: county, body: { centreId: 'babao-baiyanggou', kind: 'justice', name: '白杨沟村调解室' } });
    expect(atVillage.status).toBe(400);
    expect(atVillage.body.error.message).toBe('所属中心不存在');
    expect(atVillage.body.error.issues).toEqual([{ path: 'centreId', message: '请选择您管辖范围内的中心' }]);
    // a township's supervisor places none in another township
    const township = await townshipSupervisor();
    const elsewhere = await call('PUT', '/staff/departments/ebao-mediation', { token: township, body: { centreId: 'ebao', kind: 'justice', name: '峨堡镇调解室' } });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.issues).toEqual([{ path: 'centreId', message: '请选择您管辖范围内的中心' }]);
    expect((await call('PUT', '/staff/departments/babao-mediation-2', { token: township, body: { centreId: 'babao', kind: 'justice', name: '八宝镇第二调解室' } })).status).toBe(200);

    const ids = (await orgOf(county)).departments.map((d) => d.id);
    expect(ids).toEqual(expect.arrayContaining(['qilian-mediation', 'babao-mediation-2']));
    expect(ids).not.toContain('baiyanggou-office');
    expect(ids).not.toContain('ebao-mediation');
  });

  it('tells a township’s supervisor that another township’s department does not exist, even one moved into its own centre, and leaves it where it was', async () => {
    const township = await townshipSupervisor();
    const res = await call('PUT', '/staff/departments/ebao-natural-resources', {
      token: township,
      body: { centreId: 'babao', kind: 'natural_resources', name: '被挪走的自然资源所' },
    });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('未找到该部门');
    const org = await orgOf(await staffToken('county'));
    expect(org.departments.find((d) => d.id === 'ebao-natural-resources')).toMatchObject({ centreId: 'ebao', name: '峨堡镇自然资源所' });
  });

  it('refuses mediation categories and a month’s seasonal topics the county does not have, naming them and the month’s row, and keeps the settings as they were', async () => {
    const county = await staffToken('county');
    const settingsAudit = async () => {
      const audit = await call('GET', '/staff/audit?limit=100', { token: county });
      return audit.body.items.filter((e: { subject: string; subjectId: string }) => e.subject === 'node' && e.subjectId === 'qilian');
    };
    const before = await settingsAudit();
    const levelNames = { township: '乡镇', village: '村' };
    const seasonal = [
      { month: 1, categoryIds: ['heating'], note: '供暖期' },
      { month: 7, categoryIds: ['grassland', 'no-such-kind', 'no-such-other'], note: '夏季牧场' },
    ];
    const mediation = await call('PUT', '/staff/counties/qilian/settings', {
      token: county,
      body: { levelNames, categoryOrder: [], mediationCategoryIds: ['neighbour', 'no-such-kind', 'no-such-other'] },
    });
    expect(mediation.status).toBe(400);
    expect(mediation.body.error.message).toBe('诉求类型不存在');
    expect(mediation.body.error.issues).toEqual([{ path: 'mediationCategoryIds', message: '诉求类型不存在：no-such-kind、no-such-other' }]);
    const topics = await call('PUT', '/staff/counties/qilian/settings', { token: county, body: { levelNames, categoryOrder: [], seasonal } });
    expect(topics.status).toBe(400);
    expect(topics.body.error.message).toBe('诉求类型不存在');
    expect(topics.body.error.issues).toEqual([{ path: 'seasonal.1.categoryIds', message: '诉求类型不存在：no-such-kind、no-such-other' }]);
    expect(await settingsAudit()).toEqual(before);

    // the same settings with categories the county has are kept
    const known = { levelNames, categoryOrder: [], mediationCategoryIds: ['neighbour'], seasonal: [seasonal[0]!, { ...seasonal[1]!, categoryIds: ['grassland'] }] };
    const saved = await call('PUT', '/staff/counties/qilian/settings', { token: county, body: known });
    expect(saved.status).toBe(200);
    expect(saved.body.settings).toEqual(known);
    expect(await settingsAudit()).toHaveLength(before.length + 1);
  });

  it('refuses a post in a village that belongs to no township, and saves no post', async () => {
    // Such a village is written straight to the table: the county's form places every village under a township.
    await stackDeps(movableClock(new Date().toISOString())).org.putNode({ id: 'orphan-village', kind: 'village', name: '无主村', parentId: 'no-such-township', path: 'qilian/no-such-township/orphan-village' });
    const county = await staffToken('county');
    await expect.poll(async () => (await orgOf(county)).nodes.map((n) => n.id), { timeout: 10_000 }).toContain('orphan-village');
    const res = await call('PUT', '/staff/posts/orphan-village-p1', { token: county, body: post('orphan-village') });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('岗点所在的村（嘎查、社区）不存在');
    expect(res.body.error.issues).toEqual([{ path: 'nodeId', message: '该村（嘎查、社区）不属于任何乡镇（苏木）' }]);
    expect((await call('GET', '/staff/posts/orphan-village-p1', { token: county })).status).toBe(404);
  });
});
