/** The four figures from counters, against a hand-computed set of petitions walked with a clock the test moves. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps, StaffCaller } from '../../functions/usecases/context';
import { dashboard } from '../../functions/usecases/dashboard';
import { submitPetition, transition, type TransitionInput } from '../../functions/usecases/petitions';
import { movableClock, seededDeps } from '../support/deps';

let deps: Deps;
let drop: () => Promise<void>;
const clock = movableClock('2026-12-01T01:00:00Z');
const babao: StaffCaller = { kind: 'staff', id: 'u-babao', name: '值班员', role: 'centre_staff', scopeNodeId: 'babao' };
const county: StaffCaller = { kind: 'staff', id: 'u-county', name: '督办员', role: 'county_supervisor', scopeNodeId: 'qilian' };
const H = 3_600_000;
const D = 24 * H;

beforeAll(async () => {
  ({ deps, drop } = await seededDeps({ clock }));
}, 120_000);
afterAll(() => drop());

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
    expect(town.byCategory).toEqual([{ id: 'land_dispute', name: '土地纠纷', count: 4 }]);
    expect(town.daily).toEqual(expect.arrayContaining([{ day: '2026-12-01', registered: 4, resolved: 0 }, { day: '2026-12-06', registered: 0, resolved: 2 }]));

    const all = await dashboard(deps, county, period);
    expect(all.timelyAcceptance).toEqual({ numerator: 3, denominator: 5, rate: 0.6 });
    expect(all.onTimeCompletion).toEqual({ numerator: 2, denominator: 3, rate: 0.6667 });
    expect(all.satisfaction).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
    expect(all.participation).toEqual({ numerator: 2, denominator: 3, rate: 0.6667 });
    expect(all.byTownship).toEqual([{ id: 'babao', name: '八宝镇', count: 5 }]);
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
