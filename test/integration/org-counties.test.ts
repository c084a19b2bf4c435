/**
 * The org as it grows: counties made by another container a moment ago, a category added, a hundred staff users,
 * and a second county's settings, which are its own citizens' only. Its own table (these change what every citizen
 * and every centre of the deployment is shown), apart from org.test.ts, whose views read the demo county as seeded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeed } from '../../functions/local/seed';
import type { Deps, StaffCaller } from '../../functions/usecases/context';
import { stepForStaff, submitPetition } from '../../functions/usecases/petitions';
import { listTownships, orgForStaff, postForCitizen, saveCategory, saveCountySettings, saveDepartment, saveNode } from '../../functions/usecases/org';
import type { DomainError } from '../../shared/errors';
import { depsOn, movableClock, seededDeps } from '../support/deps';

let deps: Deps;
let drop: () => Promise<void>;
let table: string;
const clock = movableClock('2026-12-01T01:00:00Z');
const seed = readSeed();
const babao: StaffCaller = { kind: 'staff', id: 'u-babao', name: '值班员', role: 'centre_staff', scopeNodeId: 'babao' };
const outcome = (p: Promise<unknown>) => p.then(() => 'saved', (e: DomainError) => ({ code: e.code, message: e.message, issues: e.issues }));
/** 祁连县's own order of its citizens' categories (the demo seed's settings) */
const qilianOrder = seed.nodes.find((n) => n.id === 'qilian')!.settings!.categoryOrder;

beforeAll(async () => {
  ({ deps, drop, table } = await seededDeps({ clock }));
  // 野牛沟乡 and its 大泉村: a township of the demo county with no department of the 农牧 kind
  await deps.org.putNode({ id: 'yeniugou', kind: 'township', name: '野牛沟乡', parentId: 'qilian', path: 'qilian/yeniugou' });
  await deps.org.putNode({ id: 'yeniugou-daquan', kind: 'village', name: '大泉村', parentId: 'yeniugou', path: 'qilian/yeniugou/yeniugou-daquan' });
}, 120_000);
afterAll(() => drop());

/** A county made by another container after this one read the org, and its supervisor, who works in it at once. */
const madeElsewhere = async (id: string, name: string): Promise<StaffCaller> => {
  await deps.org.load();
  await depsOn(table, { clock }).org.putNode({ id, kind: 'county', name, path: id });
  return { kind: 'staff', id: `u-${id}`, name: `${name}督办员`, role: 'county_supervisor', scopeNodeId: id };
};

describe('what a county sets, its own citizens see, and no other county’s', () => {
  it('shows 祁连县’s citizens its own category order and level names after a county listed before it sets others', async () => {
    // 河南县 sorts before 祁连县, and names its levels 苏木 and 嘎查, its categories in the reverse of 祁连县's order
    const henan = await madeElsewhere('henan', '河南县');
    expect(await outcome(saveNode(deps, henan, 'henan-youganning', { kind: 'township', name: '优干宁镇', parentId: 'henan' }))).toBe('saved');
    expect(await outcome(saveCountySettings(deps, henan, 'henan', { levelNames: { township: '苏木', village: '嘎查' }, categoryOrder: [...qilianOrder].reverse() }))).toBe('saved');

    // a post of 峨堡镇 offering four categories: in 祁连县's order, in 祁连县's words
    const post = await postForCitizen(deps, 'ebao-huangcaogou-p2');
    expect(post.categories.map((c) => c.id)).toEqual(qilianOrder.filter((id) => ['grassland', 'land_dispute', 'neighbour', 'other'].includes(id)));
    expect(post.levelNames).toEqual({ township: '乡镇', village: '村（社区）' });

    // the townships to choose from: each its own county's order, and the list, of two counties, in the common words
    const townships = await listTownships(deps);
    const idsOf = (id: string) => townships.items.find((t) => t.id === id)!.categories.map((c) => c.id).slice(0, qilianOrder.length);
    expect(idsOf('babao')).toEqual(qilianOrder);
    expect(idsOf('henan-youganning')).toEqual([...qilianOrder].reverse());
    expect(townships.levelNames).toEqual({ township: '乡镇', village: '村（社区）' });
  });
});

describe('the county’s forms read the org as it is now, not as this container last cached it', () => {
  it('saves a township, the settings, a department and a category of a county made a moment ago', async () => {
    const menyuan = await madeElsewhere('menyuan', '门源县');
    expect(await outcome(saveNode(deps, menyuan, 'menyuan-haomen', { kind: 'township', name: '浩门镇', parentId: 'menyuan' }))).toBe('saved');
    const haiyan = await madeElsewhere('haiyan', '海晏县');
    expect(await outcome(saveCountySettings(deps, haiyan, 'haiyan', { levelNames: { township: '乡镇', village: '村' }, categoryOrder: [] }))).toBe('saved');
    const gangcha = await madeElsewhere('gangcha', '刚察县');
    expect(await outcome(saveDepartment(deps, gangcha, { id: 'gangcha-justice', centreId: 'gangcha', kind: 'justice', name: '刚察县司法局' }))).toBe('saved');
    const tianjun = await madeElsewhere('tianjun', '天峻县');
    expect(await outcome(saveCategory(deps, tianjun, seed.categories.find((c) => c.id === 'heating')!))).toBe('saved');
  });
});

describe('a village’s matter handed up where no department takes its kind', () => {
  it('goes to the township centre with no department named when neither 野牛沟乡 nor the county has one of its kind: the centre chooses', async () => {
    // 草原补奖 disputes: a village-level matter for the 农牧 kind, which 野牛沟乡 has no department of, nor the county
    const neighbour = seed.categories.find((c) => c.id === 'neighbour')!;
    await deps.org.putCategory({ ...neighbour, id: 'grazing_subsidy', name: '草原补奖纠纷', departmentKind: 'agriculture' });
    const centre: StaffCaller = { kind: 'staff', id: 'u-yeniugou', name: '野牛沟乡值班员', role: 'centre_staff', scopeNodeId: 'yeniugou' };
    const village: StaffCaller = { kind: 'staff', id: 'u-daquan', name: '大泉村调解委员会', role: 'village_staff', scopeNodeId: 'yeniugou-daquan' };
    const { response } = await submitPetition(deps, centre, 'key-grazing-subsidy', {
      channel: 'visit', villageId: 'yeniugou-daquan', categoryId: 'grazing_subsidy', description: '草原补奖资金分配有争议，村里调解不成。', photos: [], anonymous: false,
    });
    const held = await deps.petitions.get(response.id);
    expect(held).toMatchObject({ level: 'village', villageId: 'yeniugou-daquan', centreId: 'yeniugou' });
    expect(held!.departmentId).toBeUndefined();

    const up = await stepForStaff(deps, village, response.id, { action: 'hand_up', reason: '涉及补奖资金，请乡里处理。' });
    expect(up).toMatchObject({ handedOver: true, level: 'township', centreId: 'yeniugou' });
    const after = await deps.petitions.get(response.id);
    expect(after).toMatchObject({ level: 'township', status: 'submitted' });
    expect(after!.departmentId).toBeUndefined();
  });
});

describe('the handlers of a county of many staff users', () => {
  it('offers a handler listed after the first hundred of the county’s staff users', async () => {
    // a hundred duty staff of 峨堡镇, and a handler of 八宝镇司法所 whose username sorts after every one of them
    const account = (username: string, role: 'centre_staff' | 'handler', scopeNodeId: string, departmentId?: string) =>
      ({ id: username, username, name: username === 'zz-babao-justice' ? '八宝镇司法所末位承办人' : '峨堡镇值班员', role, scopeNodeId, ...(departmentId ? { departmentId } : {}), passwordHash: 'not-a-login', tokenVersion: 0 });
    for (let i = 0; i < 100; i += 1) await deps.org.putUser(account(`ebao-duty-${String(i).padStart(3, '0')}`, 'centre_staff', 'ebao'), 'qilian');
    await deps.org.putUser(account('zz-babao-justice', 'handler', 'babao', 'babao-justice'), 'qilian');
    expect((await orgForStaff(deps, babao)).handlers).toContainEqual({ id: 'zz-babao-justice', name: '八宝镇司法所末位承办人', departmentId: 'babao-justice' });
  });
});
