/**
 * The org with the real ports, on a table whose seed also holds what a county's seed may carry (it checks each
 * record's shape, not its place): a township with no centre name of its own, a post in a village that hangs under no
 * township, and a room set at a village as if it were a department. What a citizen who scans a post or chooses a
 * township is shown, and which departments and handlers a centre's staff are offered to dispatch to.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeed } from '../../functions/local/seed';
import type { Deps, StaffCaller } from '../../functions/usecases/context';
import { stepForStaff, submitPetition } from '../../functions/usecases/petitions';
import { listPosts, listTownships, orgForStaff, postForCitizen, postForStaff, saveCategory, saveCountySettings, saveNode, savePost } from '../../functions/usecases/org';
import { saveUser } from '../../functions/usecases/users';
import { DomainError, NotFoundError } from '../../shared/errors';
import { movableClock, seededDeps } from '../support/deps';

let deps: Deps;
let drop: () => Promise<void>;
const clock = movableClock('2026-12-01T01:00:00Z');
const county: StaffCaller = { kind: 'staff', id: 'u-county', name: '县督办员', role: 'county_supervisor', scopeNodeId: 'qilian' };
const babao: StaffCaller = { kind: 'staff', id: 'u-babao', name: '值班员', role: 'centre_staff', scopeNodeId: 'babao' };
const seed = readSeed();
const byId = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
const ids = (xs: ReadonlyArray<{ id: string }>) => xs.map((x) => x.id).sort();
/** Every category of the county, as a citizen's form lists them: in the county's order (its settings), by name. */
const allCategories = seed.nodes.find((n) => n.id === 'qilian')!.settings!.categoryOrder.map((id) => ({ id, name: seed.categories.find((c) => c.id === id)!.name }));
const location = { lat: 38.3, lng: 100.1 };

beforeAll(async () => {
  ({ deps, drop } = await seededDeps({ clock }));
  // 野牛沟乡: a township whose seed names no centre of its own, with a village and a post offering two categories
  await deps.org.putNode({ id: 'yeniugou', kind: 'township', name: '野牛沟乡', parentId: 'qilian', path: 'qilian/yeniugou' });
  await deps.org.putNode({ id: 'yeniugou-daquan', kind: 'village', name: '大泉村', parentId: 'yeniugou', path: 'qilian/yeniugou/yeniugou-daquan' });
  await deps.org.putPost({ id: 'yeniugou-daquan-p1', name: '大泉村村委会岗', address: '祁连县野牛沟乡大泉村村委会', location, nodeId: 'yeniugou-daquan', categoryIds: ['grassland', 'neighbour'] }, 'yeniugou');
  // a village placed under a township the seed does not have, and a post there
  await deps.org.putNode({ id: 'orphan-village', kind: 'village', name: '无主村', parentId: 'no-such-township', path: 'qilian/no-such-township/orphan-village' });
  await deps.org.putPost({ id: 'orphan-village-p1', name: '无主村岗', address: '无主村村口', location, nodeId: 'orphan-village', categoryIds: [] }, 'no-such-township');
  // a village's mediation room set as a department of 白杨沟村: a village has no centre to dispatch from
  await deps.org.putDepartment({ id: 'babao-baiyanggou-mediation', centreId: 'babao-baiyanggou', kind: 'justice', name: '白杨沟村调解室' });
}, 120_000);
afterAll(() => drop());

describe('the org as a citizen sees it', () => {
  it('shows a scanned post with its township and the centre’s name, or the township’s own name where it names no centre', async () => {
    expect(await postForCitizen(deps, 'babao-baiyanggou-p1')).toEqual({
      post: { id: 'babao-baiyanggou-p1', name: '白杨沟村党群服务中心岗', address: '祁连县八宝镇白杨沟村党群服务中心门口', location: { lat: 38.18, lng: 100.245 } },
      township: { id: 'babao', name: '八宝镇' },
      centreName: '八宝镇综治中心',
      categories: allCategories,
      levelNames: { township: '乡镇', village: '村（社区）' },
    });
    expect(await postForCitizen(deps, 'yeniugou-daquan-p1')).toEqual({
      post: { id: 'yeniugou-daquan-p1', name: '大泉村村委会岗', address: '祁连县野牛沟乡大泉村村委会', location },
      township: { id: 'yeniugou', name: '野牛沟乡' },
      centreName: '野牛沟乡',
      categories: [{ id: 'neighbour', name: '邻里纠纷' }, { id: 'grassland', name: '草原生态' }],
      levelNames: { township: '乡镇', village: '村（社区）' },
    });
  });

  it('tells a citizen who scans a post that is not there, or one in a village under no township, to scan again', async () => {
    for (const postId of ['no-such-post', 'orphan-village-p1']) {
      const scanned = postForCitizen(deps, postId);
      await expect(scanned, postId).rejects.toThrow(NotFoundError);
      await expect(scanned, postId).rejects.toThrow('该岗点不存在或已停用，请重新扫码');
    }
  });

  it('lists the townships a citizen may choose, each under its centre’s name or its own, and no county, village or grid', async () => {
    const res = await listTownships(deps);
    expect(byId(res.items)).toEqual([
      { id: 'babao', name: '八宝镇', centreName: '八宝镇综治中心', categories: allCategories },
      { id: 'ebao', name: '峨堡镇', centreName: '峨堡镇综治中心', categories: allCategories },
      { id: 'moler', name: '默勒镇', centreName: '默勒镇综治中心', categories: allCategories },
      { id: 'yeniugou', name: '野牛沟乡', centreName: '野牛沟乡', categories: allCategories },
    ]);
    expect(res.levelNames).toEqual({ township: '乡镇', village: '村（社区）' });
  });
});

describe('the org a centre’s staff dispatch within', () => {
  it('offers the departments of the townships’ and the county’s centres only, not a room set at a village', async () => {
    const atCentres = (...centres: string[]) => seed.departments.filter((d) => centres.includes(d.centreId)).map((d) => d.id).sort();
    expect(ids((await orgForStaff(deps, babao)).departments)).toEqual(atCentres('babao', 'qilian'));
    expect(ids((await orgForStaff(deps, county)).departments)).toEqual(atCentres('babao', 'ebao', 'moler', 'qilian'));
  });

  it('offers a department’s handlers, and no longer one made centre staff, even one whose record kept the department', async () => {
    const handlersOf = async () => byId((await orgForStaff(deps, babao)).handlers);
    const seeded = [
      { id: 'u-babao-justice', name: '八宝镇司法所承办人', departmentId: 'babao-justice' },
      { id: 'u-babao-resources', name: '八宝镇自然资源所承办人', departmentId: 'babao-natural-resources' },
    ];
    expect(await handlersOf()).toEqual(seeded);

    const made = await saveUser(deps, county, 'babao-justice-2', { username: 'babao-justice-2', name: '八宝镇司法所新承办人', role: 'handler', scopeNodeId: 'babao', departmentId: 'babao-justice', password: 'a-long-password' }, true);
    expect(await handlersOf()).toEqual(byId([...seeded, { id: made.id, name: '八宝镇司法所新承办人', departmentId: 'babao-justice' }]));

    // made the township's centre staff, the form still sending the department they were of
    const promoted = await saveUser(deps, county, 'babao-justice-2', { name: '八宝镇司法所新承办人', role: 'centre_staff', scopeNodeId: 'babao', departmentId: 'babao-justice' }, false);
    expect(promoted).toMatchObject({ role: 'centre_staff' });
    expect(promoted).not.toHaveProperty('departmentId');
    expect(await handlersOf()).toEqual(seeded);
    // a record saved before 2026-12-01 kept the department it was sent
    const stored = (await deps.org.getUser('babao-justice-2'))!;
    await deps.org.putUser({ ...stored, departmentId: 'babao-justice' }, 'qilian', { expectVersion: stored.tokenVersion });
    expect(await handlersOf()).toEqual(seeded);
    // nor may a dispatch name them its handler
    const { response } = await submitPetition(deps, babao, 'key-old-record-handler', {
      channel: 'visit', townshipId: 'babao', categoryId: 'neighbour', description: '邻里之间因为院墙起了争执。', photos: [], anonymous: false,
    });
    await stepForStaff(deps, babao, response.id, { action: 'accept' });
    const named = stepForStaff(deps, babao, response.id, { action: 'dispatch', departmentId: 'babao-justice', handlerId: made.id });
    expect(await outcome(named)).toEqual({ code: 'validation', message: '承办人不属于所选责任部门', issues: [{ path: 'handlerId', message: '请选择该责任部门的承办人' }] });
  });
});

/** What a use case answered: 'saved', or its refusal as the client reads it (code, words, fields). */
const outcome = (p: Promise<unknown>) => p.then(() => 'saved', (e: DomainError) => ({ code: e.code, message: e.message, issues: e.issues }));
const notFound = (message: string) => ({ code: 'not_found', message, issues: [] });
const township: StaffCaller = { kind: 'staff', id: 'u-tsup', name: '八宝镇督办', role: 'county_supervisor', scopeNodeId: 'babao' };
const newPost = (id: string, nodeId: string) => ({ id, name: '新设岗点', address: '祁连县八宝镇白杨沟村二社路口', location, nodeId, categoryIds: ['grassland'] });

describe('what a township’s staff are shown of posts, and may save', () => {
  it('tells township staff that another township, a village or a township not there has no posts for them', async () => {
    for (const townshipId of ['ebao', 'babao-baiyanggou', 'no-such-township']) {
      expect(await outcome(listPosts(deps, babao, townshipId, { limit: 10 })), townshipId).toEqual(notFound('未找到该乡镇（苏木）'));
    }
    expect(ids((await listPosts(deps, babao, 'babao', { limit: 10 })).items)).toContain('babao-baiyanggou-p1');
  });

  it('opens no post of another township, and none in a village under no township, even for the county', async () => {
    expect(await outcome(postForStaff(deps, babao, 'ebao-ebao-p1'))).toEqual(notFound('未找到该岗点'));
    expect(await outcome(postForStaff(deps, county, 'orphan-village-p1'))).toEqual(notFound('未找到该岗点'));
    expect(await postForStaff(deps, county, 'ebao-ebao-p1')).toMatchObject({ township: { id: 'ebao', name: '峨堡镇' }, node: { id: 'ebao-ebao', kind: 'village' } });
  });

  it('tells a centre that another township’s post does not exist, even moved into its own village, and leaves it there', async () => {
    expect(await outcome(savePost(deps, babao, newPost('ebao-ebao-p1', 'babao-baiyanggou')))).toEqual(notFound('未找到该岗点'));
    expect((await postForStaff(deps, county, 'ebao-ebao-p1')).node.id).toBe('ebao-ebao');
  });

  it('places a post in a village or grid of the centre’s own township only, saving none elsewhere', async () => {
    const refused = { code: 'validation', message: '岗点所在的村（嘎查、社区）不存在', issues: [{ path: 'nodeId', message: '请选择您管辖范围内的村（嘎查、社区）或网格' }] };
    for (const nodeId of ['ebao-ebao', 'babao', 'no-such-village']) {
      expect(await outcome(savePost(deps, babao, newPost(`babao-new-${nodeId}`, nodeId))), nodeId).toEqual(refused);
      expect(await outcome(postForStaff(deps, county, `babao-new-${nodeId}`)), nodeId).toEqual(notFound('未找到该岗点'));
    }
    expect(await outcome(savePost(deps, babao, newPost('babao-new-grid', 'babao-baiyanggou-g1')))).toBe('saved');
  });
});

describe('what the county’s forms refuse, in the words its staff see', () => {
  it('asks for a parent of the kind each unit hangs under, within the caller’s place', async () => {
    const wrongParent = (wanted: string) => ({ code: 'validation', message: '上级单位不正确', issues: [{ path: 'parentId', message: `请选择您管辖范围内的${wanted}作为上级` }] });
    expect(await outcome(saveNode(deps, county, 'in-babao', { kind: 'township', name: '错位乡', parentId: 'babao' }))).toEqual(wrongParent('县'));
    expect(await outcome(saveNode(deps, county, 'under-grid', { kind: 'village', name: '错位村', parentId: 'babao-baiyanggou-g1' }))).toEqual(wrongParent('乡镇（苏木）'));
    expect(await outcome(saveNode(deps, county, 'under-township', { kind: 'grid', name: '错位网格', parentId: 'babao' }))).toEqual(wrongParent('村（嘎查、社区）'));
    expect(await outcome(saveNode(deps, county, 'nowhere', { kind: 'village', name: '无处村', parentId: 'no-such-township' }))).toEqual(wrongParent('乡镇（苏木）'));
    expect(await outcome(saveNode(deps, township, 'babao-in-ebao', { kind: 'village', name: '越界村', parentId: 'ebao' }))).toEqual(wrongParent('乡镇（苏木）'));
    const nodes = ids((await orgForStaff(deps, county)).nodes);
    for (const id of ['in-babao', 'under-grid', 'under-township', 'nowhere', 'babao-in-ebao']) expect(nodes, id).not.toContain(id);
  });

  it('keeps a unit’s kind once made, naming the kind as what cannot change', async () => {
    const regridded = await outcome(saveNode(deps, county, 'babao-chengxi', { kind: 'grid', name: '城西网格', parentId: 'babao-baiyanggou' }));
    expect(regridded).toEqual({ code: 'validation', message: '单位建立后不能改变类别或上级', issues: [{ path: 'kind', message: '单位建立后不能改变类别或上级，请新建' }] });
    const moved = await outcome(saveNode(deps, county, 'babao-chengxi', { kind: 'village', name: '城西村', parentId: 'ebao' }));
    expect(moved).toEqual({ code: 'validation', message: '单位建立后不能改变类别或上级', issues: [{ path: 'parentId', message: '单位建立后不能改变类别或上级，请新建' }] });
    expect((await orgForStaff(deps, county)).nodes.find((n) => n.id === 'babao-chengxi')).toMatchObject({ kind: 'village', parentId: 'babao' });
  });

  it('names a centre for a new township only, not for a village', async () => {
    expect(await saveNode(deps, county, 'babao-xinzhuang', { kind: 'village', name: '新庄村', parentId: 'babao' }))
      .toEqual({ id: 'babao-xinzhuang', kind: 'village', name: '新庄村', parentId: 'babao', path: 'qilian/babao/babao-xinzhuang' });
  });

  it('tells the county that a township’s settings and a category it does not have do not exist', async () => {
    const settings = { levelNames: { township: '苏木', village: '嘎查' }, categoryOrder: ['other'] };
    expect(await outcome(saveCountySettings(deps, county, 'babao', settings))).toEqual(notFound('未找到该县'));
    expect((await orgForStaff(deps, county)).nodes.find((n) => n.id === 'babao')).not.toHaveProperty('settings');
    expect(await outcome(saveCountySettings(deps, county, 'qilian', { ...settings, categoryOrder: ['other', 'no-such-kind', 'nor-this'] })))
      .toEqual({ code: 'validation', message: '诉求类型不存在', issues: [{ path: 'categoryOrder', message: '诉求类型不存在：no-such-kind、nor-this' }] });
  });

  it('leaves categories to the county’s supervisors and admins, not a township’s supervisor nor the county centre’s staff', async () => {
    const heating = { ...seed.categories.find((c) => c.id === 'heating')!, name: '冬季供暖' };
    const countyStaff: StaffCaller = { kind: 'staff', id: 'u-county-staff', name: '县值班员', role: 'centre_staff', scopeNodeId: 'qilian' };
    for (const caller of [babao, township, countyStaff]) expect(await outcome(saveCategory(deps, caller, heating)), caller.id).toEqual(notFound('未找到'));
    expect((await orgForStaff(deps, county)).categories.find((c) => c.id === 'heating')?.name).toBe(seed.categories.find((c) => c.id === 'heating')!.name);
  });
});
