/**
 * The four figures from counters, against a hand-computed set of petitions walked with a clock the test moves. Every
 * test gets a fresh seeded table: the counts are county-wide (statuses, the county's mediation categories), so a test
 * must not see another's cases or settings.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Deps, StaffCaller } from '../../functions/usecases/context';
import { dashboard, townshipRanking } from '../../functions/usecases/dashboard';
import { submitPetition, transition, type TransitionInput } from '../../functions/usecases/petitions';
import { linkRepeat } from '../../functions/usecases/petitions';
import { saveCountySettings } from '../../functions/usecases/org';
import { newMeter } from '../../functions/adapters/dynamo/client';
import { ValidationError } from '../../shared/errors';
import { ANOTHER_COUNTY } from '../support/builders';
import { movableClock, seededDeps } from '../support/deps';

let deps: Deps;
let metered: Deps;
const meter = newMeter();
let drop: () => Promise<void>;
const clock = movableClock('2026-12-01T01:00:00Z');
const babao: StaffCaller = { kind: 'staff', id: 'u-babao', name: '值班员', role: 'centre_staff', scopeNodeId: 'babao' };
const county: StaffCaller = { kind: 'staff', id: 'u-county', name: '督办员', role: 'county_supervisor', scopeNodeId: 'qilian' };
const H = 3_600_000;
const D = 24 * H;

beforeEach(async () => {
  const seeded = await seededDeps({ clock, meter });
  ({ deps, drop } = seeded);
  metered = deps;
}, 120_000);
afterEach(() => drop());

const at = (ms: number) => { clock.t = new Date(Date.parse('2026-12-01T01:00:00Z') + ms); };
async function report(name: string, categoryId = 'land_dispute') {
  const out = await submitPetition(deps, { kind: 'citizen', openid: `wx_${name}` }, `key-${name}`, {
    channel: 'scan', postId: 'babao-baiyanggou-p1', categoryId, description: '草场纠纷需要调解处理。', photos: [], anonymous: false,
  });
  return out.response.id;
}
const step = (who: StaffCaller, id: string, input: TransitionInput) => transition(deps, who, id, input);
const rate = (name: string, id: string, rating: 'satisfied' | 'dissatisfied') => transition(deps, { kind: 'citizen', openid: `wx_${name}` }, id, { action: 'rate', rating });

describe('the four figures', () => {
  it('match a hand-computed set for the township and the county', async () => {
    at(0);
    const p1 = await report('p1'); // accepted in 2 h, resolved in time, 满意
    const p2 = await report('p2'); // accepted after 30 h (late), resolved in time, 不满意 → reopened
    const p3 = await report('p3'); // declined in time
    const p4 = await report('p4'); // never accepted
    const p5 = await report('p5', 'wage_arrears'); // county centre: accepted in time, resolved 70 days later (late)
    at(2 * H);
    await step(babao, p1, { action: 'accept' });
    await step(babao, p3, { action: 'decline', reason: '已进入诉讼', redirect: '人民法院' });
    await step(county, p5, { action: 'accept' });
    await step(babao, p1, { action: 'dispatch', departmentId: 'babao-natural-resources' });
    at(30 * H);
    await step(babao, p2, { action: 'accept' });
    await step(babao, p2, { action: 'dispatch', departmentId: 'babao-natural-resources' });
    at(5 * D);
    await step(babao, p1, { action: 'resolve', summary: '已调解' });
    await step(babao, p2, { action: 'resolve', summary: '已调解' });
    at(6 * D);
    await rate('p1', p1, 'satisfied');
    await rate('p2', p2, 'dissatisfied');
    at(70 * D);
    await step(county, p5, { action: 'dispatch', departmentId: 'qilian-human-resources' });
    await step(county, p5, { action: 'resolve', summary: '工资已追回' });
    expect(p4).toBeTruthy();

    const period = { from: '2026-12-01', to: '2027-03-31' };
    const town = await dashboard(deps, babao, period);
    expect(town.timelyAcceptance).toEqual({ numerator: 2, denominator: 4, rate: 0.5 });
    expect(town.onTimeCompletion).toEqual({ numerator: 2, denominator: 2, rate: 1 });
    expect(town.satisfaction).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
    expect(town.participation).toEqual({ numerator: 2, denominator: 2, rate: 1 });
    expect(town.byStatus).toEqual({ submitted: 1, declined: 1, rated: 1, reopened: 1 });
    expect(town.byCategory).toEqual([{ id: 'land_dispute', name: '土地纠纷', count: 4, yearAgo: 0 }]);
    expect(town.daily).toEqual(expect.arrayContaining([{ day: '2026-12-01', registered: 4, resolved: 0 }, { day: '2026-12-06', registered: 0, resolved: 2 }]));

    const all = await dashboard(deps, county, period);
    expect(all.timelyAcceptance).toEqual({ numerator: 3, denominator: 5, rate: 0.6 });
    expect(all.onTimeCompletion).toEqual({ numerator: 2, denominator: 3, rate: 0.6667 });
    expect(all.satisfaction).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
    expect(all.participation).toEqual({ numerator: 2, denominator: 3, rate: 0.6667 });
    expect(all.byTownship).toEqual([{ id: 'babao', name: '八宝镇', count: 5, yearAgo: 0 }]);
    expect(all.byStatus).toMatchObject({ resolved: 1 });

    // The county may look at one township: the same figures its centre staff see. Centre staff see no other.
    const chosen = await dashboard(deps, county, { ...period, townshipId: 'babao' });
    expect(chosen.scope).toEqual({ kind: 'centre', id: 'babao', name: '八宝镇综治中心' });
    expect([chosen.timelyAcceptance, chosen.onTimeCompletion, chosen.satisfaction, chosen.participation]).toEqual([
      town.timelyAcceptance, town.onTimeCompletion, town.satisfaction, town.participation,
    ]);
    expect(chosen.townships.map((t) => t.id)).toEqual(expect.arrayContaining(['babao', 'ebao', 'moler']));
    expect(town.townships).toEqual([]);
    await expect(dashboard(deps, babao, { ...period, townshipId: 'ebao' })).rejects.toThrow('未找到该乡镇（苏木）');

    // A period before anything happened has nothing to divide by.
    const empty = await dashboard(deps, babao, { from: '2026-11-01', to: '2026-11-30' });
    expect(empty.timelyAcceptance).toEqual({ numerator: 0, denominator: 0, rate: null });
  });
});

describe('the figures the seeds report (channels, 化解率, repeats, villages, year on year)', () => {
  const ebao: StaffCaller = { kind: 'staff', id: 'u-ebao', name: '值班员', role: 'centre_staff', scopeNodeId: 'ebao' };
  const Y = Date.parse('2027-05-10T02:00:00Z');
  const N = Date.parse('2028-05-10T02:00:00Z');
  const when = (t: number) => { clock.t = new Date(t); };
  const byCitizen = async (name: string, postId: string, categoryId: string) =>
    (await submitPetition(deps, { kind: 'citizen', openid: `wx_${name}` }, `key-${name}`, { channel: 'scan', postId, categoryId, description: '草场边界不清需要处理。', photos: [], anonymous: false })).response.id;
  const byStaff = async (name: string, channel: 'visit' | 'video', categoryId: string) =>
    (await submitPetition(deps, ebao, `key-${name}`, { channel, townshipId: 'ebao', categoryId, description: '来访群众反映草场问题。', photos: [], anonymous: false })).response.id;
  const settle = async (id: string) => {
    await step(ebao, id, { action: 'accept' });
    await step(ebao, id, { action: 'dispatch', departmentId: 'ebao-natural-resources' });
    await step(ebao, id, { action: 'resolve', summary: '已处理' });
  };

  it('match a hand-computed set, this May against last May', async () => {
    // A year before: one scan at 峨堡村 (土地纠纷), one visit (草原生态).
    when(Y);
    await byCitizen('y1', 'ebao-ebao-p1', 'land_dispute');
    await byStaff('y2', 'visit', 'grassland');
    // This May at 峨堡镇:
    when(N);
    const n1 = await byCitizen('n1', 'ebao-ebao-p1', 'land_dispute'); // accepted, resolved, 满意: 化解
    const n2 = await byCitizen('n2', 'ebao-ebao-p1', 'land_dispute'); // the same matter at the same post: a repeat of n1; accepted only
    const n3 = await byStaff('n3', 'video', 'grassland'); // accepted, resolved, reopened for review (复诊): not 化解
    const n4 = await byStaff('n4', 'visit', 'land_dispute'); // declined: never accepted
    const n5 = await byStaff('n5', 'video', 'grassland'); // accepted, resolved, not yet rated: 化解
    await byCitizen('n6', 'ebao-huangcaogou-p1', 'grassland'); // waits
    when(N + 2 * H);
    await settle(n1);
    await step(ebao, n2, { action: 'accept' });
    await settle(n3);
    await step(ebao, n4, { action: 'decline', reason: '已在法院立案', redirect: '人民法院' });
    await settle(n5);
    when(N + 2 * D);
    await rate('n1', n1, 'satisfied');
    await step(ebao, n3, { action: 'reopen', reason: '回访中群众不满意，重新核实' });
    // n3 is worked again and resolved: still not 化解, and not a second resolution
    await step(ebao, n3, { action: 'dispatch', departmentId: 'ebao-natural-resources' });
    await step(ebao, n3, { action: 'progress', note: '重新核实', visibility: 'public' });
    await step(ebao, n3, { action: 'resolve', summary: '再次处理' });

    const may = { from: '2028-05-01', to: '2028-05-31' };
    const d = await dashboard(deps, ebao, may);
    expect(d.registered).toBe(6);
    expect(d.byChannel).toEqual([
      { id: 'scan', name: '扫码', count: 3, yearAgo: 1, share: { numerator: 3, denominator: 6, rate: 0.5 } },
      { id: 'visit', name: '来访', count: 1, yearAgo: 1, share: { numerator: 1, denominator: 6, rate: 0.1667 } },
      { id: 'video', name: '视频', count: 2, yearAgo: 0, share: { numerator: 2, denominator: 6, rate: 0.3333 } },
    ]);
    // 视频接访占比 counts receptions held (none here: the booking tests hold them) against them and the one visit
    expect(d.videoShare).toEqual({ numerator: 0, denominator: 1, rate: 0 });
    expect([d.receptions, d.byWay.map((w) => w.count)]).toEqual([0, [0, 0, 0]]);
    expect(d.resolution).toEqual({ numerator: 2, denominator: 4, rate: 0.5 });
    expect(d.repeats).toEqual({ numerator: 1, denominator: 6, rate: 0.1667 });
    expect(d.participation).toEqual({ numerator: 1, denominator: 3, rate: 0.3333 });
    expect(sorted(d.byCategory)).toEqual([
      { id: 'grassland', name: '草原生态', count: 3, yearAgo: 1 },
      { id: 'land_dispute', name: '土地纠纷', count: 3, yearAgo: 1 },
    ]);
    expect(sorted(d.byVillage)).toEqual([
      { id: 'ebao-ebao', name: '峨堡村', count: 2, yearAgo: 1 },
      { id: 'ebao-huangcaogou', name: '黄草沟村', count: 1, yearAgo: 0 },
    ]);
    expect(d.yearAgo).toEqual({ period: { from: '2027-05-01', to: '2027-05-31' }, registered: 2, repeats: 0, persons: 2, receptions: 0 });
    expect(d.definitions.resolution).toBe('化解率 = 期内受理的诉求中，已办结且未被复诊（重新办理）的件数 ÷ 期内受理件数');

    // Unlinking the repeat takes it out of the count; linking it again puts it back.
    await step(ebao, n2, { action: 'unlink_repeat', note: '不是同一件事' });
    expect((await dashboard(deps, ebao, may)).repeats.numerator).toBe(0);
    await linkRepeat(deps, ebao, n2, { repeatOf: n1, note: '同一件事' });
    expect((await dashboard(deps, ebao, may)).repeats.numerator).toBe(1);

    // The county counts the same cases.
    const all = await dashboard(deps, county, may);
    expect([all.registered, all.resolution, all.videoShare]).toEqual([6, d.resolution, d.videoShare]);
    expect(all.byTownship).toEqual([{ id: 'ebao', name: '峨堡镇', count: 6, yearAgo: 2 }]);

    // The county's ranking: each township's figures from its own counters; 峨堡镇's are its dashboard's.
    const ranking = await townshipRanking(deps, county, may);
    expect(ranking.townships.map((t) => t.id).sort()).toEqual(['babao', 'ebao', 'moler']);
    const e = ranking.townships.find((t) => t.id === 'ebao')!;
    expect(e).toEqual({
      id: 'ebao', name: '峨堡镇', registered: 6, persons: 6, mediation: { numerator: 0, denominator: 0, rate: null },
      timelyAcceptance: d.timelyAcceptance, onTimeCompletion: d.onTimeCompletion, satisfaction: d.satisfaction, participation: d.participation,
      resolution: { numerator: 2, denominator: 4, rate: 0.5 }, repeats: { numerator: 1, denominator: 6, rate: 0.1667 }, videoShare: { numerator: 0, denominator: 1, rate: 0 },
    });
    expect(ranking.townships.find((t) => t.id === 'babao')).toMatchObject({ registered: 0, resolution: { numerator: 0, denominator: 0, rate: null } });
    // a township's centre has no county view
    await expect(townshipRanking(deps, ebao, may)).rejects.toThrow('未找到');
  });

  it('reads the counters in at most two requests, whatever the period', async () => {
    // the org tree is one small partition cached per container (read once when it starts); the figures themselves
    // are at most two reads
    await metered.org.load();
    for (const period of [{ from: '2028-05-01', to: '2028-05-31' }, { from: '2027-01-31', to: '2028-02-01' }]) {
      const before = meter.requests;
      await dashboard(metered, county, period);
      expect(meter.requests - before, period.from).toBeLessThanOrEqual(2);
    }
  });
});

describe('persons and batches (批次/人次), and 调处成功率', () => {
  const moler: StaffCaller = { kind: 'staff', id: 'u-moler', name: '值班员', role: 'centre_staff', scopeNodeId: 'moler' };
  const admin: StaffCaller = { kind: 'staff', id: 'u-admin', name: '管理员', role: 'admin', scopeNodeId: 'qilian' };
  const T = Date.parse('2030-03-05T02:00:00Z');
  const register = async (name: string, categoryId: string, persons?: number) =>
    (await submitPetition(deps, moler, `key-${name}`, { channel: 'visit', villageId: 'moler-moler', categoryId, description: '群众来访反映纠纷，请求调解。', photos: [], anonymous: false, ...(persons ? { persons } : {}) })).response.id;
  const handle = async (id: string, department: string, mediation?: 'agreed' | 'not_agreed') => {
    await step(moler, id, { action: 'accept' });
    await step(moler, id, { action: 'dispatch', departmentId: department });
    await step(moler, id, { action: 'resolve', summary: '经调解处理', ...(mediation ? { mediation } : {}) });
  };

  it('match a hand-computed set: persons from what each registration records, mediations by the county\'s mediation categories', async () => {
    clock.t = new Date(T);
    const m1 = await register('m1', 'neighbour', 6); // 邻里纠纷 (司法所: a mediation category by default), six came: agreed
    const m2 = await register('m2', 'family'); // 婚姻家庭纠纷 (司法所): resolved without a result said: not agreed
    const m3 = await register('m3', 'land_dispute', 3); // 土地纠纷 (自然资源): no mediation category yet, whatever is said
    await register('m4', 'neighbour', 2); // accepted only: no mediation ended
    clock.t = new Date(T + 2 * H);
    await handle(m1, 'moler-justice', 'agreed');
    await handle(m2, 'moler-justice');
    await handle(m3, 'moler-natural-resources', 'agreed');
    // m1 reopened and resolved again, not agreed this time: the first mediation stays the one counted
    await step(moler, m1, { action: 'reopen', reason: '群众反映协议未履行' });
    await step(moler, m1, { action: 'dispatch', departmentId: 'moler-justice' });
    await step(moler, m1, { action: 'resolve', summary: '再次调解', mediation: 'not_agreed' });
    // the county lists its mediation categories: now 邻里纠纷 and 土地纠纷, not 婚姻家庭纠纷
    await saveCountySettings(deps, admin, 'qilian', { levelNames: { township: '乡镇', village: '村（社区）' }, categoryOrder: [], mediationCategoryIds: ['neighbour', 'land_dispute'] });
    clock.t = new Date(T + 3 * H);
    const m5 = await register('m5', 'land_dispute');
    await handle(m5, 'moler-natural-resources', 'agreed');

    const march = { from: '2030-03-01', to: '2030-03-31' };
    const d = await dashboard(deps, moler, march);
    // 批次: five registrations; 人次: 6 + 1 + 3 + 2 + 1
    expect([d.registered, d.persons]).toEqual([5, 13]);
    // 调处: m1 agreed, m2 not, m5 agreed (m3 was resolved before 土地纠纷 was listed)
    expect(d.mediation).toEqual({ numerator: 2, denominator: 3, rate: 0.6667 });
    expect(d.yearAgo).toMatchObject({ registered: 0, persons: 0 });
    expect(d.definitions.mediation).toContain('调处成功率 = 期内首次办结的调解类诉求中');
    const all = await dashboard(deps, county, march);
    expect([all.persons, all.mediation]).toEqual([13, d.mediation]);
    const ranked = (await townshipRanking(deps, county, march)).townships.find((t) => t.id === 'moler');
    expect(ranked).toMatchObject({ registered: 5, persons: 13, mediation: d.mediation });
  });
});

const sorted = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

describe('the county’s ranking beside another county', () => {
  it('ranks only the county’s own townships, and refuses a period over a year in words', async () => {
    at(0);
    // 门源县 shares the table: its township 浩门镇 is none of 祁连县's
    for (const n of ANOTHER_COUNTY.nodes) await deps.org.putNode(n);
    for (const d of ANOTHER_COUNTY.departments) await deps.org.putDepartment(d);
    const ranking = await townshipRanking(deps, county, { from: '2026-11-01', to: '2026-11-30' });
    expect(sorted(ranking.townships).map((t) => [t.id, t.name])).toEqual([['babao', '八宝镇'], ['ebao', '峨堡镇'], ['moler', '默勒镇']]);
    // from a day more than a year back to today (the end left out)
    const long = await townshipRanking(deps, county, { from: '2025-11-01' }).then(() => undefined, (err: unknown) => err);
    expect(long).toBeInstanceOf(ValidationError);
    expect(long).toMatchObject({ message: '统计区间最长一年', issues: [{ path: 'query.to', message: '统计区间最长一年' }] });
  });
});
