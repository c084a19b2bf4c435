/**
 * The org with the real ports, on a table whose seed also holds what a county's seed may carry (it checks each
 * record's shape, not its place): a township with no centre name of its own, a post in a village that hangs under no
 * township, and a room set at a village as if it were a department. What a citizen who scans a post or chooses a
 * township is shown, and which departments and handlers a centre's staff are offered to dispatch to.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeed } from '../../functions/local/seed';
import type { Deps, StaffCaller } from '../../functions/usecases/context';
import { listTownships, orgForStaff, postForCitizen } from '../../functions/usecases/org';
import { saveUser } from '../../functions/usecases/users';
import { NotFoundError } from '../../shared/errors';
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
  await deps.org.putPost({ id: 'yeniugou-daquan-p1', name: '大泉村村委会岗', address: '祁连县野牛沟乡大泉村村委会', location, nodeId: 'yeniugou-daquan', categoryIds: ['grassland', 'neighbour'] }, 'yeniugou', 'qilian');
  // a village placed under a township the seed does not have, and a post there
  await deps.org.putNode({ id: 'orphan-village', kind: 'village', name: '无主村', parentId: 'no-such-township', path: 'qilian/no-such-township/orphan-village' });
  await deps.org.putPost({ id: 'orphan-village-p1', name: '无主村岗', address: '无主村村口', location, nodeId: 'orphan-village', categoryIds: [] }, 'no-such-township', 'qilian');
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

  it('offers a department’s handlers, and no longer one made centre staff who keeps the department on their record', async () => {
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
    expect(promoted).toMatchObject({ role: 'centre_staff', departmentId: 'babao-justice' });
    expect(await handlersOf()).toEqual(seeded);
  });
});
