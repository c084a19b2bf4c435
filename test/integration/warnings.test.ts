/**
 * 未诉先办 on DynamoDB Local: reports walked through the months with a clock the test moves, then the warning sweep.
 * 八宝镇's 供暖问题 rises in December 2029 (3 + 4 so far, against 1, 2 and 3 in the three months before, mean 2, and
 * none in December 2028), and four of December's reports came from one post of 白杨沟村 within a week: a cluster at
 * the post, which holds every case of the village's (one line, the post's), until a fifth is registered for the village
 * itself. 峨堡镇's two reports rise past nothing but stay under the minimum of five.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newMeter } from '../../functions/adapters/dynamo/client';
import type { Deps, StaffCaller } from '../../functions/usecases/context';
import { dashboard } from '../../functions/usecases/dashboard';
import { submitPetition } from '../../functions/usecases/petitions';
import { listWarnings, warnSweep, warningCases } from '../../functions/usecases/warnings';
import { QUEUE_FILTER_READS } from '../../functions/adapters/dynamo/petitions';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../functions/adapters/dynamo/client';
import { keys } from '../../functions/adapters/dynamo/keys';
import { ROW_VILLAGE, runMigrations } from '../../functions/adapters/dynamo/migrations';
import { markWarningsSeen } from '../../functions/usecases/warnings';
import { PREFIXED_COUNTY } from '../support/builders';
import { movableClock, seededDeps } from '../support/deps';
import { stack } from '../support/worker';

const clock = movableClock('2029-09-05T02:00:00Z');
const meter = newMeter();
let deps: Deps;
let drop: () => Promise<void>;
let table = '';
const babao: StaffCaller = { kind: 'staff', id: 'u-babao', name: '值班员', role: 'centre_staff', scopeNodeId: 'babao' };
const county: StaffCaller = { kind: 'staff', id: 'u-county', name: '督办员', role: 'county_supervisor', scopeNodeId: 'qilian' };

beforeAll(async () => {
  ({ deps, drop, table } = await seededDeps({ clock, meter }));
}, 120_000);
afterAll(() => drop());

let n = 0;
async function report(day: string, where: { postId: string } | { townshipId: string }) {
  clock.t = new Date(`${day}T10:00:00+08:00`);
  n += 1;
  await submitPetition(deps, { kind: 'citizen', openid: `wx_warm_${n}` }, `warm-${n}`, {
    channel: 'postId' in where ? 'scan' : 'online', ...where, categoryId: 'heating', description: '暖气不热，家里很冷。', photos: [], anonymous: false,
  });
}

describe('the warning sweep', () => {
  it('raises a rising category and the places with a cluster once, for the township and the county, reading only counters', async () => {
    const town = { townshipId: 'babao' };
    await report('2029-09-10', town);
    await report('2029-10-10', town);
    await report('2029-10-20', town);
    for (const d of ['2029-11-03', '2029-11-13', '2029-11-23']) await report(d, town);
    // December so far: three at the 白杨沟村 post within a week, four without a post
    for (const d of ['2029-12-01', '2029-12-02', '2029-12-03']) await report(d, town);
    for (const d of ['2029-12-08', '2029-12-09', '2029-12-10', '2029-12-11']) await report(d, { postId: 'babao-baiyanggou-p1' });
    await report('2029-12-05', { townshipId: 'ebao' });
    await report('2029-12-06', { townshipId: 'ebao' });

    const now = new Date('2029-12-12T09:00:00+08:00');
    clock.t = now;
    const before = meter.reads;
    const first = await warnSweep(deps, now);
    expect(first.townships).toBe(3);
    // the village's four are the post's four: one line, the post's, which names its village
    expect(first.raised.map((w) => `${w.townshipId} ${w.key} ${w.count}`).sort()).toEqual([
      'babao cl_post_babao-baiyanggou-p1 4',
      'babao rise_heating 7',
    ]);
    expect(first.raised.find((w) => w.kind === 'cluster')?.place).toEqual({ kind: 'post', id: 'babao-baiyanggou-p1', villageId: 'babao-baiyanggou' });
    expect(first.raised.find((w) => w.key === 'rise_heating')).toMatchObject({
      kind: 'rise', month: '2029-12', subject: '供暖问题', townshipName: '八宝镇', mean3: 2, yearAgo: 0, against: ['mean3', 'yearAgo'],
    });
    expect(first.raised.find((w) => w.key === 'cl_post_babao-baiyanggou-p1')).toMatchObject({ from: '2029-12-06', to: '2029-12-12' });
    // the counters of 3 townships × 5 months × the shards and their warnings in one BatchGetItem, and the cluster post's name
    expect(meter.reads - before).toBeLessThanOrEqual(3);

    // once per township, subject and month: the next sweep raises nothing again, and writes nothing (it read them)
    const writes = meter.writes;
    const second = await warnSweep(deps, new Date('2029-12-12T10:00:00+08:00'));
    expect(second.raised).toEqual([]);
    expect(meter.writes - writes).toBe(0);

    // a case registered for the village itself: the village now holds one more than its post, its own line
    clock.t = new Date('2029-12-12T11:00:00+08:00');
    await submitPetition(deps, babao, 'warm-village', { channel: 'visit', villageId: 'babao-baiyanggou', categoryId: 'heating', description: '来访群众反映暖气不热。', photos: [], anonymous: false });
    const third = await warnSweep(deps, new Date('2029-12-12T12:00:00+08:00'));
    expect(third.raised.map((w) => `${w.key} ${w.count}`)).toEqual(['cl_village_babao-baiyanggou 5']);

    // the centre sees them on its dashboard and the 工作台's list; the county sees them too
    const dash = await dashboard(deps, babao, { from: '2029-12-01', to: '2029-12-31' });
    expect(dash.warnings.map((w) => w.key).sort()).toEqual(['cl_post_babao-baiyanggou-p1', 'cl_village_babao-baiyanggou', 'rise_heating']);
    expect((await dashboard(deps, county, { from: '2029-12-01', to: '2029-12-31' })).warnings).toHaveLength(3);
    expect((await dashboard(deps, babao, { from: '2029-11-01', to: '2029-11-30' })).warnings).toEqual([]);
    const listed = await listWarnings(deps, babao, { month: '2029-12' });
    expect(listed.warnings.map((w) => w.subject).sort()).toEqual(['供暖问题', '白杨沟村', '白杨沟村党群服务中心岗（岗点）']);
    expect(listed.warnings.map((w) => w.count).sort()).toEqual([4, 5, 7]);
    // the coming month's seasonal topics from the county's calendar (the default: heating and wage arrears in January)
    expect(listed.seasonal).toMatchObject({ month: '2030-01', categories: [{ id: 'heating', name: '供暖问题' }, { id: 'wage_arrears', name: '拖欠工资' }] });
    // another township's centre does not see 八宝镇's
    expect((await listWarnings(deps, { ...babao, scopeNodeId: 'ebao' }, { month: '2029-12' })).warnings).toEqual([]);

    // the cases behind each warning, newest first: December's 供暖问题 at 八宝镇 (eight by now), the post's four of its
    // window, the village's five (the post's four and the one registered for the village)
    // (and one case of another category that month, behind no warning)
    clock.t = new Date('2029-12-04T10:00:00+08:00');
    await submitPetition(deps, { kind: 'citizen', openid: 'wx_grass_1204' }, 'grass-1204', { channel: 'online', townshipId: 'babao', categoryId: 'grassland', description: '草场围栏被人拆了。', photos: [], anonymous: false });
    const cases = async (key: string, limit = 20, cursor?: string) => warningCases(deps, babao, { month: '2029-12', key, limit, cursor });
    const rise = await cases('rise_heating');
    expect(rise.warning).toMatchObject({ key: 'rise_heating', count: 7 });
    expect(rise.items.map((p) => p.createdAt.slice(0, 10))).toEqual(['2029-12-12', '2029-12-11', '2029-12-10', '2029-12-09', '2029-12-08', '2029-12-03', '2029-12-02', '2029-12-01']);
    expect(rise.items.every((p) => p.categoryId === 'heating' && p.townshipId === 'babao')).toBe(true);
    expect((await cases('cl_post_babao-baiyanggou-p1')).items.map((p) => p.createdAt.slice(0, 10))).toEqual(['2029-12-11', '2029-12-10', '2029-12-09', '2029-12-08']);
    expect((await cases('cl_village_babao-baiyanggou')).items).toHaveLength(5);
    // a page at a time, each page one read of the warnings and at most QUEUE_FILTER_READS queries of a page
    const reads = meter.reads;
    const page1 = await cases('rise_heating', 5);
    expect(meter.reads - reads).toBeLessThanOrEqual(1 + QUEUE_FILTER_READS);
    const page2 = await cases('rise_heating', 5, page1.cursor);
    expect([...page1.items, ...page2.items].map((p) => p.id)).toEqual(rise.items.map((p) => p.id));
    // the county names the township; another township's centre, or a warning not raised, finds nothing
    expect((await warningCases(deps, county, { month: '2029-12', townshipId: 'babao', key: 'rise_heating', limit: 20 })).items).toHaveLength(8);
    await expect(warningCases(deps, county, { month: '2029-12', key: 'rise_heating', limit: 20 })).rejects.toMatchObject({
      message: '请选择乡镇（苏木）',
      issues: [{ path: 'query.townshipId', message: '预警属于某个乡镇（苏木），请选择' }],
    });
    await expect(warningCases(deps, { ...babao, scopeNodeId: 'ebao' }, { month: '2029-12', townshipId: 'babao', key: 'rise_heating', limit: 20 })).rejects.toThrow('未找到');
    await expect(warningCases(deps, babao, { month: '2029-12', key: 'rise_other', limit: 20 })).rejects.toThrow('未找到该预警');
  });
});

describe('the centre is told of a new warning (新预警 on its 工作台, until seen)', () => {
  const moler: StaffCaller = { kind: 'staff', id: 'u-moler', name: '值班员', role: 'centre_staff', scopeNodeId: 'moler' };
  const colleague: StaffCaller = { ...moler, id: 'u-moler-2', name: '另一位值班员' };

  it('marks each warning new once, for each staff user of the township and the county, until they mark the month seen', async () => {
    // June 2030 at 默勒镇: five 邻里纠纷 registered by the centre (none before: a rise past a baseline of zero)
    for (const d of ['2030-06-02', '2030-06-03', '2030-06-04', '2030-06-05', '2030-06-06']) {
      clock.t = new Date(`${d}T10:00:00+08:00`);
      await submitPetition(deps, moler, `seen-${d}`, { channel: 'visit', townshipId: 'moler', categoryId: 'neighbour', description: '来访群众反映邻里纠纷。', photos: [], anonymous: false });
    }
    const sweep = async (at: string) => { clock.t = new Date(at); return warnSweep(deps, clock.t); };
    expect((await sweep('2030-06-08T09:00:00+08:00')).raised.map((w) => `${w.townshipId} ${w.key}`)).toEqual(['moler rise_neighbour']);
    const june = { month: '2030-06' };
    const listed = await listWarnings(deps, moler, june);
    expect([listed.unseen, listed.seenAt]).toEqual([1, undefined]);
    expect((await listWarnings(deps, county, { ...june, townshipId: 'moler' })).unseen).toBe(1);
    expect((await listWarnings(deps, county, june)).unseen).toBe(1);

    // seen by this user: no longer new to them; still new to a colleague and to the county
    clock.t = new Date('2030-06-08T10:00:00+08:00');
    // (the month left out: this one)
    expect(await markWarningsSeen(deps, moler, {})).toEqual({ month: '2030-06', seenAt: '2030-06-08T02:00:00.000Z' });
    expect(await listWarnings(deps, moler, june)).toMatchObject({ unseen: 0, seenAt: '2030-06-08T02:00:00.000Z' });
    expect((await listWarnings(deps, colleague, june)).unseen).toBe(1);
    expect((await listWarnings(deps, county, june)).unseen).toBe(1);

    // a later sweep raises nothing again: nothing new
    expect((await sweep('2030-06-08T11:00:00+08:00')).raised).toEqual([]);
    expect((await listWarnings(deps, moler, june)).unseen).toBe(0);

    // a new warning (three at one post within a week): new again, that one only
    for (const d of ['2030-06-09', '2030-06-10', '2030-06-11']) {
      clock.t = new Date(`${d}T10:00:00+08:00`);
      await submitPetition(deps, { kind: 'citizen', openid: `wx_seen_${d}` }, `seen-post-${d}`, { channel: 'scan', postId: 'moler-zhadalong-p1', categoryId: 'grassland', description: '草场被占用，需要处理。', photos: [], anonymous: false });
    }
    expect((await sweep('2030-06-11T12:00:00+08:00')).raised.map((w) => w.key)).toEqual(['cl_post_moler-zhadalong-p1']);
    const after = await listWarnings(deps, moler, june);
    expect(after.unseen).toBe(1);
    expect(after.warnings.filter((w) => w.raisedAt > after.seenAt!).map((w) => w.key)).toEqual(['cl_post_moler-zhadalong-p1']);
    expect((await listWarnings(deps, county, june)).unseen).toBe(2);

    // a month without warnings keeps no mark (no item is written for nothing)
    await markWarningsSeen(deps, moler, { month: '2030-07' });
    expect(await deps.petitions.warningsSeen('moler', '2030-07')).toEqual({ warnings: [], seen: {} });
    // another township's centre may not mark 默勒镇's (404)
    await expect(markWarningsSeen(deps, { ...moler, scopeNodeId: 'ebao' }, { ...june, townshipId: 'moler' })).rejects.toThrow('未找到');
  });
});

describe('a village cluster lists its older cases (rows written before they carried the village)', () => {
  const ebao: StaffCaller = { kind: 'staff', id: 'u-ebao', name: '值班员', role: 'centre_staff', scopeNodeId: 'ebao' };

  it('finds them once the one-off migration has copied each petition\'s village into its row, which runs once per table', async () => {
    // September 2030 at 峨堡村: three registered for the village itself within a week, a cluster of the village
    const ids: string[] = [];
    for (const d of ['2030-09-02', '2030-09-03', '2030-09-04']) {
      clock.t = new Date(`${d}T10:00:00+08:00`);
      ids.push((await submitPetition(deps, ebao, `old-${d}`, { channel: 'visit', villageId: 'ebao-ebao', categoryId: 'grassland', description: '来访群众反映草场问题。', photos: [], anonymous: false })).response.id);
    }
    clock.t = new Date('2030-09-05T09:00:00+08:00');
    expect((await warnSweep(deps, clock.t)).raised.filter((w) => w.townshipId === 'ebao').map((w) => w.key)).toEqual(['cl_village_ebao-ebao']);
    const listed = async () => (await warningCases(deps, ebao, { month: '2030-09', key: 'cl_village_ebao-ebao', limit: 20 })).items.map((p) => p.id).sort();
    expect(await listed()).toEqual([...ids].sort());

    // two of them as rows were written before 2026-11-29: no village in the row (the petition itself has it)
    const db = documentClient({ region: 'local', endpoint: stack().dynamoEndpoint });
    for (const id of ids.slice(0, 2)) {
      await db.send(new UpdateCommand({ TableName: table, Key: keys.petition(id), UpdateExpression: 'REMOVE #row.#v', ExpressionAttributeNames: { '#row': 'row', '#v': 'villageId' } }));
    }
    expect(await listed()).toEqual([ids[2]]);

    // the migration copies the village into those two rows (and no other), once; its second run reads its marker only
    expect(await runMigrations(db, table, [ROW_VILLAGE])).toEqual([{ id: ROW_VILLAGE.id, what: ROW_VILLAGE.what, changed: 2 }]);
    expect(await listed()).toEqual([...ids].sort());
    expect(await runMigrations(db, table, [ROW_VILLAGE])).toEqual([]);
    // a step after it writes the whole row again, village and all
    expect((await deps.petitions.get(ids[0]!))?.villageId).toBe('ebao-ebao');
  });
});

describe('a cluster at a post that is in no village', () => {
  it('is raised for the post alone: one at the 默勒镇 centre itself, and one at a grid’s post that names the grid’s village', async () => {
    const location = { lat: 38.18, lng: 100.24 };
    await deps.org.putPost({ id: 'moler-centre-p1', name: '默勒镇便民服务中心岗', address: '祁连县默勒镇便民服务中心', location, nodeId: 'moler', categoryIds: ['heating'] }, 'moler');
    await deps.org.putPost({ id: 'ebao-grid-p9', name: '黄草沟村一网格岗', address: '祁连县峨堡镇黄草沟村一网格', location, nodeId: 'ebao-huangcaogou-g1', categoryIds: ['heating'] }, 'ebao');
    for (const d of ['2032-01-05', '2032-01-06', '2032-01-07', '2032-01-08']) {
      await report(d, { postId: 'moler-centre-p1' });
      await report(d, { postId: 'ebao-grid-p9' });
    }
    const raised = (await warnSweep(deps, new Date('2032-01-08T12:00:00+08:00'))).raised.filter((w) => w.kind === 'cluster');
    expect(raised.map((w) => [w.key, w.place]).sort()).toStrictEqual([
      ['cl_post_ebao-grid-p9', { kind: 'post', id: 'ebao-grid-p9', villageId: 'ebao-huangcaogou' }],
      ['cl_post_moler-centre-p1', { kind: 'post', id: 'moler-centre-p1' }],
    ]);
  });
});

describe('a cluster raised before warnings carried their window', () => {
  const ebao: StaffCaller = { kind: 'staff', id: 'u-ebao', name: '值班员', role: 'centre_staff', scopeNodeId: 'ebao' };

  it('lists its place’s cases of the whole month it was raised in, and none of the month before', async () => {
    const ids: string[] = [];
    for (const d of ['2031-02-27', '2031-03-10', '2031-03-20']) {
      clock.t = new Date(`${d}T10:00:00+08:00`);
      ids.push((await submitPetition(deps, ebao, `window-${d}`, { channel: 'visit', villageId: 'ebao-ebao', categoryId: 'grassland', description: '来访群众反映草场问题。', photos: [], anonymous: false })).response.id);
    }
    // stored as the sweep wrote it then: the place, no first or last day
    const raised = await deps.petitions.raiseWarning('qilian', {
      key: 'cl_village_ebao-ebao', townshipId: 'ebao', month: '2031-03', raisedAt: '2031-03-21T01:00:00.000Z', kind: 'cluster', count: 2,
      place: { kind: 'village', id: 'ebao-ebao' }, townshipName: '峨堡镇', subject: '峨堡村',
    });
    expect(raised).toBe(true);
    const out = await warningCases(deps, ebao, { month: '2031-03', key: 'cl_village_ebao-ebao', limit: 20 });
    expect(out.warning).toMatchObject({ kind: 'cluster', place: { id: 'ebao-ebao' } });
    expect(out.items.map((p) => p.id).sort()).toEqual(ids.slice(1).sort());
  });
});

describe('the 预警提示 a county prints, a sheet a township, and what a township reads', () => {
  it('lists the county’s own townships to the county only, names the coming month’s seasonal topics, and states the rule with the deployment’s numbers', async () => {
    // a table of its own, with 祁连山县 (an id that begins with 祁连县's; one township, no settings) and a rule of other numbers
    const own = await seededDeps({ clock, env: { WARNING_RISE_RATIO: '2', WARNING_MIN_COUNT: '6', WARNING_CLUSTER_COUNT: '4', WARNING_CLUSTER_DAYS: '10' } });
    try {
      await own.deps.org.putNode(PREFIXED_COUNTY.county);
      await own.deps.org.putNode(PREFIXED_COUNTY.township);
      clock.t = new Date('2031-03-10T10:00:00+08:00');
      const sheet = await listWarnings(own.deps, county, {});
      expect(sheet).toMatchObject({ scope: { id: 'qilian', name: '祁连县' }, month: '2031-03', warnings: [], unseen: 0 });
      expect(sheet.townships).toEqual([{ id: 'babao', name: '八宝镇' }, { id: 'ebao', name: '峨堡镇' }, { id: 'moler', name: '默勒镇' }]);
      expect(sheet.rules).toEqual({
        rise: '本月至今某类诉求达到 6 件以上，且达到前三个月月均的 2 倍或上年同月的 2 倍时预警',
        cluster: '同一岗点或同一村（社区）10 天内登记 4 件以上时提示聚集',
      });
      // April's topics (the default calendar: neither county set its own)
      expect(sheet.seasonal).toEqual({
        month: '2031-04',
        categories: [{ id: 'grassland', name: '草原生态' }, { id: 'land_dispute', name: '土地纠纷' }],
        notes: ['春耕春牧，关注草场边界和土地承包'],
      });
      // one township's sheet, named by the county or read by its centre: no list of townships
      const moler = await listWarnings(own.deps, county, { townshipId: 'moler' });
      expect([moler.scope, moler.townships]).toEqual([{ id: 'moler', name: '默勒镇' }, []]);
      expect((await listWarnings(own.deps, babao, {})).townships).toEqual([]);
      // 祁连山县's supervisor: its own township only, the same topics from a county without settings
      const shan: StaffCaller = { kind: 'staff', id: 'u-shan', name: '督办员', role: 'county_supervisor', scopeNodeId: 'qilianshan' };
      const other = await listWarnings(own.deps, shan, {});
      expect([other.scope, other.townships, other.seasonal.month]).toEqual([{ id: 'qilianshan', name: '祁连山县' }, [{ id: 'shanqian', name: '山前乡' }], '2031-04']);
      // the sweep reads each county's townships once: four in all, none twice
      expect((await warnSweep(own.deps, clock.t)).townships).toBe(4);
    } finally {
      await own.drop();
    }
  });
});
