/** 化解成效考评's counters: what a step adds to a department's, and the figures of a period from them. */
import { describe, expect, it } from 'vitest';
import { FIGURE_SHARDS } from '../../functions/adapters/dynamo/keys';
import { departmentDeltas, departmentDeltasOfRecord, departmentFiguresOf } from '../../shared/evaluation';
import { monthsOf, type FigureDelta } from '../../shared/figures';
import { decide, type Command } from '../../shared/workflow';
import type { Actor, Petition, TimelineEvent } from '../../shared/schemas/petition';
import type { Role } from '../../shared/schemas/common';
import { aPetition, LIMITS } from '../support/builders';

const base = { centreId: 'babao', countyId: 'qilian', status: 'in_progress' as const, level: 'township' as const, departmentId: 'res' };
const at = '2026-12-03T01:00:00.000Z';
const fields = (d: ReturnType<typeof departmentDeltas>, scope = 'babao') => d.find((x) => x.scope === scope && x.key === 'DEP#2026-12')?.add ?? {};

describe('what a step adds to a department\'s counters', () => {
  it('counts a dispatch for the department it comes to, for the centre and the county alike', () => {
    const d = departmentDeltas({ ...base, status: 'accepted', departmentId: undefined }, { ...base, status: 'dispatched' }, [{ action: 'dispatch', at, from: 'accepted', data: undefined }]);
    expect(fields(d)).toEqual({ 'd03_res~h': 1 });
    expect(fields(d, 'qilian')).toEqual({ 'd03_res~h': 1 });
  });

  it('counts the first 办结 (on time, of a backlog case) once: not again after a review', () => {
    const backlog = { backlogClass: 'B' as const, classedAt: at, dueAt: at };
    const first = departmentDeltas(base, { ...base, status: 'resolved', backlog }, [{ action: 'resolve', at, from: 'in_progress', data: { onTime: true } }]);
    expect(fields(first)).toEqual({ 'd03_res~r': 1, 'd03_res~ro': 1, 'd03_res~bs': 1 });
    const again = departmentDeltas({ ...base, status: 'reopened', reopenedAt: at }, { ...base, status: 'resolved', reopenedAt: at }, [{ action: 'resolve', at, from: 'reopened', data: { onTime: true } }]);
    expect(again).toEqual([]);
  });

  it('moves a rating taken on the follow-up call to the citizen\'s own, on their days', () => {
    const call = { reached: true, rating: 'satisfied' as const, at: '2026-12-02T01:00:00.000Z', note: '电话回访' };
    const d = departmentDeltas({ ...base, status: 'resolved', followUp: call }, { ...base, status: 'rated', followUp: call }, [{ action: 'rate', at, from: 'resolved', data: { rating: 'dissatisfied' } }]);
    expect(fields(d)).toEqual({ 'd02_res~rt': -1, 'd02_res~sa': -1, 'd03_res~rt': 1 });
  });

  it('counts nothing for a case just reported, a step that moves nothing, or a re-dispatch to the same department', () => {
    // a new case has no counters yet, whatever its first event says
    expect(departmentDeltas(undefined, { ...base, status: 'resolved' }, [{ action: 'resolve', at, from: null, data: { onTime: true } }])).toEqual([]);
    expect(departmentDeltas(base, base, [{ action: 'progress', at, from: 'in_progress', data: undefined }])).toEqual([]);
    expect(departmentDeltas({ ...base, status: 'dispatched' }, { ...base, status: 'dispatched' }, [{ action: 'dispatch', at, from: 'dispatched', data: undefined }])).toEqual([]);
    // a dispatch that leaves the case at the centre (a hold) counts for no department
    expect(departmentDeltas({ ...base, status: 'accepted', departmentId: undefined }, { ...base, status: 'accepted' }, [{ action: 'dispatch', at, from: 'accepted', data: undefined }])).toEqual([]);
  });

  it('counts a case handed on to another department for that one, and a consultation for its lead department', () => {
    const moved = departmentDeltas({ ...base, status: 'dispatched' }, { ...base, status: 'dispatched', departmentId: 'jus' }, [{ action: 'dispatch', at, from: 'dispatched', data: undefined }]);
    expect(fields(moved)).toEqual({ 'd03_jus~h': 1 });
    const consulted = departmentDeltas({ ...base, status: 'accepted', departmentId: undefined }, { ...base, status: 'dispatched', departmentId: 'lead' }, [{ action: 'consult', at, from: 'accepted', data: undefined }]);
    expect(fields(consulted)).toEqual({ 'd03_lead~h': 1 });
  });

  it('counts a 办结 late or without a word on time as not on time, and none for a case resolved once before', () => {
    const resolved = { ...base, status: 'resolved' as const };
    expect(fields(departmentDeltas(base, resolved, [{ action: 'resolve', at, from: 'in_progress', data: { onTime: false } }]))).toEqual({ 'd03_res~r': 1 });
    expect(fields(departmentDeltas(base, resolved, [{ action: 'resolve', at, from: 'in_progress', data: undefined }]))).toEqual({ 'd03_res~r': 1 });
    // reopened earlier, now resolved from in_progress after a new dispatch: still not a first 办结
    expect(departmentDeltas({ ...base, reopenedAt: at }, { ...resolved, reopenedAt: at }, [{ action: 'resolve', at, from: 'in_progress', data: { onTime: true } }])).toEqual([]);
    // resolved from a reopened status the record did not mark: not a first 办结 either
    expect(departmentDeltas({ ...base, status: 'reopened' }, resolved, [{ action: 'resolve', at, from: 'reopened', data: { onTime: true } }])).toEqual([]);
  });

  it("counts a rating as rated, and as satisfied when satisfied or basically satisfied; a call's rating only while the citizen has given none", () => {
    const resolved = { ...base, status: 'resolved' as const };
    const rate = (rating: unknown) => fields(departmentDeltas(resolved, { ...resolved, status: 'rated' }, [{ action: 'rate', at, from: 'resolved', data: rating === undefined ? undefined : { rating } }]));
    expect(rate('satisfied')).toEqual({ 'd03_res~rt': 1, 'd03_res~sa': 1 });
    expect(rate('basically_satisfied')).toEqual({ 'd03_res~rt': 1, 'd03_res~sa': 1 });
    expect(rate('dissatisfied')).toEqual({ 'd03_res~rt': 1 });
    expect(rate(undefined)).toEqual({ 'd03_res~rt': 1 });
    const call = (data: Record<string, unknown> | undefined, before: Partial<typeof resolved & { rating: { rating: 'satisfied'; at: string } }> = {}) =>
      departmentDeltas({ ...resolved, ...before }, resolved, [{ action: 'follow_up', at, from: 'resolved', data }]);
    expect(fields(call({ reached: true, rating: 'basically_satisfied' }))).toEqual({ 'd03_res~rt': 1, 'd03_res~sa': 1 });
    expect(fields(call({ reached: true, rating: 'dissatisfied' }))).toEqual({ 'd03_res~rt': 1 });
    expect(call({ reached: false })).toEqual([]);
    expect(call(undefined)).toEqual([]);
    expect(call({ reached: true, rating: 'satisfied' }, { rating: { rating: 'satisfied', at } })).toEqual([]);
    // the citizen rates again after a review: the call's rating was given way to already
    const again = departmentDeltas(
      { ...resolved, rating: { rating: 'dissatisfied', at }, followUp: { reached: true, rating: 'satisfied', at, note: '' } },
      { ...resolved, status: 'rated' },
      [{ action: 'rate', at, from: 'resolved', data: { rating: 'satisfied' } }],
    );
    expect(fields(again)).toEqual({ 'd03_res~rt': 1, 'd03_res~sa': 1 });
  });

  it("leaves out what sums to nothing: a call's rating and the citizen's, the same day and the same", () => {
    const call = { reached: true, rating: 'satisfied' as const, at, note: '' };
    expect(departmentDeltas({ ...base, status: 'resolved', followUp: call }, { ...base, status: 'rated', followUp: call }, [{ action: 'rate', at, from: 'resolved', data: { rating: 'satisfied' } }])).toEqual([]);
    const partly = departmentDeltas({ ...base, status: 'resolved', followUp: call }, { ...base, status: 'rated', followUp: call }, [{ action: 'rate', at, from: 'resolved', data: { rating: 'dissatisfied' } }]);
    expect(fields(partly)).toEqual({ 'd03_res~sa': -1 });
  });

  it('counts nothing for a case its village holds, which has no department', () => {
    expect(departmentDeltas({ ...base, level: 'village' }, { ...base, level: 'village', status: 'resolved' }, [{ action: 'resolve', at, from: 'in_progress', data: { onTime: true } }])).toEqual([]);
  });
});

describe('a case\'s record replayed into the counters (the backfill)', () => {
  const ev = (action: string, day: string, from: string | null, to: string, data?: Record<string, unknown>, role = 'centre_staff') =>
    ({ action, at: `2026-12-${day}T01:00:00.000Z`, from, to, data, actor: { role } }) as Parameters<typeof departmentDeltasOfRecord>[1][number];
  const record = [
    ev('submit', '01', null, 'submitted', undefined, 'citizen'),
    // another township's centre transferred it here: counted at the centre that owned it then, and that is 八宝镇
    ev('transfer', '01', 'submitted', 'submitted', { fromCentreId: 'ebao', toCentreId: 'babao' }),
    ev('accept', '02', 'submitted', 'accepted'),
    ev('dispatch', '02', 'accepted', 'dispatched', { departmentId: 'res' }),
    ev('classify', '03', 'dispatched', 'dispatched', { backlogClass: 'A' }),
    ev('resolve', '04', 'dispatched', 'resolved', { onTime: true }, 'handler'),
    ev('follow_up', '05', 'resolved', 'resolved', { reached: true, rating: 'satisfied' }),
    ev('rate', '06', 'resolved', 'reopened', { rating: 'dissatisfied' }, 'citizen'),
    // resolved again after the review: not a second 办结
    ev('resolve', '07', 'reopened', 'resolved', { onTime: true }, 'handler'),
  ];
  const p = { centreId: 'babao', countyId: 'qilian', level: 'township' as const, departmentId: 'res' };

  it('counts each event as the step did, with the case as it was then', () => {
    const d = departmentDeltasOfRecord(p, record, '2027-01-01T00:00:00.000Z');
    const expected = { 'd02_res~h': 1, 'd04_res~r': 1, 'd04_res~ro': 1, 'd04_res~bs': 1, 'd06_res~rt': 1 };
    expect(fields(d)).toEqual(expected);
    expect(fields(d, 'qilian')).toEqual(expected);
    expect(d.map((x) => x.scope).sort()).toEqual(['babao', 'qilian']);
  });

  it('stops at `until`: what came after was counted as it happened', () => {
    expect(fields(departmentDeltasOfRecord(p, record, '2026-12-04T00:00:00.000Z'))).toEqual({ 'd02_res~h': 1 });
    // an event at `until` itself was counted live
    expect(fields(departmentDeltasOfRecord(p, record, '2026-12-04T01:00:00.000Z'))).toEqual({ 'd02_res~h': 1 });
    expect(departmentDeltasOfRecord(p, record, '2026-12-01T00:00:00.000Z')).toEqual([]);
  });
});

describe('a record replayed: where the case was', () => {
  const ev = (action: string, day: string, from: string | null, to: string, data?: Record<string, unknown>, role = 'centre_staff') =>
    ({ action, at: `2026-12-${day}T01:00:00.000Z`, from, to, data, actor: { role } }) as Parameters<typeof departmentDeltasOfRecord>[1][number];

  it('counts at the centre that owned the case then: a case the county took over after its dispatch', () => {
    const record = [
      ev('submit', '01', null, 'submitted', undefined, 'citizen'),
      ev('accept', '02', 'submitted', 'accepted'),
      ev('dispatch', '02', 'accepted', 'dispatched', { departmentId: 'res' }),
      ev('take_over', '03', 'dispatched', 'dispatched', { fromCentreId: 'babao', toCentreId: 'qilian-centre', fromLevel: 'township', toLevel: 'county' }, 'county_supervisor'),
      ev('resolve', '04', 'dispatched', 'resolved', { onTime: true }, 'handler'),
    ];
    const d = departmentDeltasOfRecord({ centreId: 'qilian-centre', countyId: 'qilian', level: 'county', departmentId: 'res' }, record, '2027-01-01T00:00:00.000Z');
    expect(fields(d, 'babao')).toEqual({ 'd02_res~h': 1 });
    expect(fields(d, 'qilian-centre')).toEqual({ 'd04_res~r': 1, 'd04_res~ro': 1 });
    expect(fields(d, 'qilian')).toEqual({ 'd02_res~h': 1, 'd04_res~r': 1, 'd04_res~ro': 1 });
  });

  it("counts a consultation for its lead department, and nothing for a transfer's department until the new centre dispatches", () => {
    const record = [
      ev('submit', '01', null, 'submitted', undefined, 'citizen'),
      ev('accept', '01', 'submitted', 'accepted'),
      ev('consult', '02', 'accepted', 'dispatched', { leadDepartmentId: 'lead', departmentIds: ['co'] }),
      ev('transfer', '03', 'dispatched', 'submitted', { fromCentreId: 'babao', toCentreId: 'ebao' }),
      ev('accept', '04', 'submitted', 'accepted'),
      ev('dispatch', '05', 'accepted', 'dispatched', { departmentId: 'ebao-res' }),
    ];
    const d = departmentDeltasOfRecord({ centreId: 'ebao', countyId: 'qilian', level: 'township', departmentId: 'ebao-res' }, record, '2027-01-01T00:00:00.000Z');
    expect(fields(d, 'babao')).toEqual({ 'd02_lead~h': 1 });
    expect(fields(d, 'ebao')).toEqual({ 'd05_ebao-res~h': 1 });
  });

  it("remembers what earlier events made of the case: a citizen's rating before a call, a reopening before a second 办结, a call and a rating the same day", () => {
    const p = { centreId: 'babao', countyId: 'qilian', level: 'township' as const, departmentId: 'res' };
    const done = [ev('accept', '01', 'submitted', 'accepted'), ev('dispatch', '01', 'accepted', 'dispatched', { departmentId: 'res' }), ev('resolve', '02', 'dispatched', 'resolved', { onTime: true }, 'handler')];
    const ratedThenCalled = [...done, ev('rate', '03', 'resolved', 'rated', { rating: 'satisfied' }, 'citizen'), ev('follow_up', '04', 'rated', 'rated', { reached: true, rating: 'dissatisfied' })];
    expect(fields(departmentDeltasOfRecord(p, ratedThenCalled, '2027-01-01T00:00:00.000Z'))).toEqual({ 'd01_res~h': 1, 'd02_res~r': 1, 'd02_res~ro': 1, 'd03_res~rt': 1, 'd03_res~sa': 1 });
    const reopened = [...done, ev('rate', '03', 'resolved', 'reopened', { rating: 'dissatisfied' }, 'citizen'), ev('dispatch', '04', 'reopened', 'dispatched', { departmentId: 'res' }), ev('resolve', '05', 'dispatched', 'resolved', { onTime: true }, 'handler')];
    expect(fields(departmentDeltasOfRecord(p, reopened, '2027-01-01T00:00:00.000Z'))).toEqual({ 'd01_res~h': 1, 'd02_res~r': 1, 'd02_res~ro': 1, 'd03_res~rt': 1 });
    const sameDay = [...done, { ...ev('follow_up', '03', 'resolved', 'resolved', { reached: true, rating: 'satisfied' }) }, ev('rate', '03', 'resolved', 'rated', { rating: 'satisfied' }, 'citizen')];
    expect(fields(departmentDeltasOfRecord(p, sameDay, '2027-01-01T00:00:00.000Z'))).toEqual({ 'd01_res~h': 1, 'd02_res~r': 1, 'd02_res~ro': 1, 'd03_res~rt': 1, 'd03_res~sa': 1 });
  });

  it('counts a rating and a call of the record as the live steps did', () => {
    const record = [
      ev('accept', '01', 'submitted', 'accepted'),
      ev('dispatch', '01', 'accepted', 'dispatched', { departmentId: 'res' }),
      ev('resolve', '02', 'dispatched', 'resolved', { onTime: false }, 'handler'),
      ev('follow_up', '03', 'resolved', 'resolved', { reached: true, rating: 'basically_satisfied' }),
      ev('rate', '04', 'resolved', 'rated', { rating: 'satisfied' }, 'citizen'),
    ];
    const d = departmentDeltasOfRecord({ centreId: 'babao', countyId: 'qilian', level: 'township', departmentId: 'res' }, record, '2027-01-01T00:00:00.000Z');
    expect(fields(d)).toEqual({ 'd01_res~h': 1, 'd02_res~r': 1, 'd04_res~rt': 1, 'd04_res~sa': 1 });
  });
});

describe('the figures of a period', () => {
  it('reads only the counters it knows, of the days asked for', () => {
    const items = [{ key: 'DEP#2026-12', counts: { 'd03_res~h': 1, 'xd03_res~h': 5, 'd03_res~zz': 5, 'd02_res~h': 7, 'd04_res~h': 9 } }];
    expect(departmentFiguresOf(items, '2026-12-03', '2026-12-03').map((f) => [f.departmentId, f.handled])).toEqual([['res', 1]]);
  });

  it('sums the shards of the days asked for; the longest period (a year and a day, 14 months) is one BatchGetItem', () => {
    const items: Array<{ key: string; counts: Record<string, number> }> = [
      { key: 'DEP#2026-12', counts: { 'd03_res~h': 2, 'd03_res~r': 2, 'd03_res~ro': 1, 'd31_res~rt': 1, 'd31_res~sa': 1 } },
      { key: 'DEP#2026-12', counts: { 'd04_res~h': 1, 'd04_jus~bs': 1, 'd04_jus~r': 1 } },
    ];
    expect(departmentFiguresOf(items, '2026-12-03', '2026-12-03')).toEqual([
      { departmentId: 'res', handled: 2, resolved: 2, onTime: { numerator: 1, denominator: 2, rate: 0.5 }, satisfaction: { numerator: 0, denominator: 0, rate: null }, backlogSettled: 0 },
    ]);
    const all = departmentFiguresOf(items, '2026-12-01', '2026-12-31');
    expect(all.map((f) => [f.departmentId, f.handled, f.resolved, f.backlogSettled, f.satisfaction.rate])).toEqual([
      ['jus', 0, 1, 1, null],
      ['res', 3, 2, 0, 1],
    ]);
    expect(monthsOf('2026-01-31', '2027-02-01').length * FIGURE_SHARDS).toBe(42);
    expect(monthsOf('2026-01-01', '2027-01-02').length * FIGURE_SHARDS).toBeLessThanOrEqual(100);
  });
});

/**
 * The backfill's oracle: cases walked through the workflow (`decide`), each step counted as storage counts it live
 * (departmentDeltas of the case before and after), and the final case's record replayed (departmentDeltasOfRecord)
 * from every point on: what the replay adds before a point is what the live steps added before it.
 */
describe('a record replayed counts what the live steps counted, at every point of it', () => {
  /** a step, its actor, and the days since the last step (1 unless said) */
  type Step = [Command, Actor & { role: Role }, number?];
  const staff = { role: 'centre_staff', id: 'u-staff', name: '王干事' } as const;
  const county = { role: 'county_supervisor', id: 'u-county', name: '县督查' } as const;
  const village = { role: 'village_staff', id: 'u-village', name: '村干部' } as const;
  const citizen = { role: 'citizen', id: 'wx_a' } as const;
  const handler = (departmentId: string) => ({ role: 'handler', id: `u-${departmentId}`, departmentId }) as const;
  const CENTRES = {
    township: { centreId: 'babao', centrePath: 'qilian/babao' },
    county: { centreId: 'qilian-centre', centrePath: 'qilian/qilian-centre' },
  };
  const named = (id: string) => ({ id, name: `${id}部门` });
  const consultOn = (lead: string, other: string, question: string, days: number): Command => ({
    action: 'consult',
    leadDepartmentId: lead,
    departmentIds: [other],
    lead: named(lead),
    departments: [named(other)],
    question,
    days,
  });

  const sum = (deltas: FigureDelta[]) => {
    const out: Record<string, number> = {};
    for (const d of deltas) for (const [f, n] of Object.entries(d.add)) out[`${d.scope}|${d.key}|${f}`] = (out[`${d.scope}|${d.key}|${f}`] ?? 0) + n;
    return Object.fromEntries(Object.entries(out).filter(([, n]) => n !== 0).sort());
  };

  /** Walks the case, a day a step; answers the live counts before each event and the final case with its record. */
  const walk = (start: Petition, steps: Step[]) => {
    let p = start;
    const events: Array<Omit<TimelineEvent, 'seq'>> = [];
    const live: FigureDelta[][] = [];
    let at = Date.parse('2026-11-30T01:00:00.000Z');
    steps.forEach(([cmd, actor, days = 1]) => {
      at += days * 86_400_000;
      const d = decide(p, cmd, actor, { now: new Date(at), limits: LIMITS });
      const next = { ...p, ...d.patch } as Petition;
      live.push(departmentDeltas(p, next, [d.event]));
      events.push(d.event);
      p = next;
    });
    return { p, events, live };
  };

  const JOURNEYS: Array<[string, Petition, Step[]]> = [
    [
      'a village takes its case, hands it up, and the township dispatches, resolves, is called and rated',
      aPetition({ level: 'village', villageId: 'v1', centreId: 'babao', dueAt: '2026-12-02T01:00:00.000Z' }).build(),
      [
        [{ action: 'accept' }, village],
        [{ action: 'hand_up', reason: '村里调解不成，交乡镇', departmentId: 'res' }, village],
        [{ action: 'dispatch', departmentId: 'res' }, staff],
        [{ action: 'resolve', summary: '已重新划定草场边界' }, handler('res')],
        [{ action: 'follow_up', reached: true, rating: 'basically_satisfied', note: '电话回访' }, staff],
        [{ action: 'rate', rating: 'satisfied' }, citizen],
      ],
    ],
    [
      'a village hands up a case it has not accepted; the township accepts and consults',
      aPetition({ level: 'village', villageId: 'v1' }).build(),
      [
        [{ action: 'hand_up', reason: '不属于村级事项' }, village],
        [{ action: 'accept' }, staff],
        [consultOn('res', 'jus', '边界怎么认定', 5), staff],
        [{ action: 'report_in', opinion: '按承包合同认定' }, handler('jus')],
        [{ action: 'resolve', summary: '已调解' }, handler('res')],
        [{ action: 'rate', rating: 'dissatisfied' }, citizen],
        [{ action: 'dispatch', departmentId: 'res' }, staff],
        [{ action: 'resolve', summary: '复查后重新调解' }, handler('res')],
      ],
    ],
    [
      'a township classes a backlog case, resolves it late, is called dissatisfied, then reopens it',
      aPetition().build(),
      [
        [{ action: 'accept' }, staff],
        [{ action: 'dispatch', departmentId: 'res' }, staff],
        [{ action: 'classify', backlogClass: 'C' }, county],
        [{ action: 'progress', note: '已约谈双方', visibility: 'public' }, handler('res')],
        [{ action: 'resolve', summary: '已化解' }, handler('res')],
        [{ action: 'follow_up', reached: true, rating: 'dissatisfied', note: '电话回访' }, staff],
        [{ action: 'reopen', reason: '回访不满意' }, staff],
        [consultOn('jus', 'res', '再议', 3), staff],
        [{ action: 'resolve', summary: '再次办结' }, handler('jus')],
        [{ action: 'rate', rating: 'basically_satisfied' }, citizen],
      ],
    ],
    [
      'a case transferred to another township, escalated, taken over by the county, resolved and rated',
      aPetition().build(),
      [
        [{ action: 'accept' }, staff],
        [{ action: 'transfer', centreId: 'ebao', centrePath: 'qilian/ebao', level: 'township', reason: '属地在峨堡镇' }, staff],
        [{ action: 'accept' }, staff],
        [{ action: 'dispatch', departmentId: 'ebao-res' }, staff],
        [{ action: 'escalate', reason: '久拖未决', centres: { township: { centreId: 'ebao', centrePath: 'qilian/ebao' }, county: CENTRES.county } }, staff],
        [{ action: 'take_over', reason: '县级接管', by: { ...CENTRES.county, level: 'county' } }, county],
        [consultOn('county-res', 'county-jus', '县级会诊', 5), county],
        [{ action: 'report_in', opinion: '同意' }, handler('county-jus')],
        [{ action: 'resolve', summary: '县级办结' }, handler('county-res')],
        [{ action: 'rate', rating: 'satisfied' }, citizen],
      ],
    ],
    [
      "a case its village holds, escalated and taken over by the township, which consults on it and resolves it",
      aPetition({ level: 'village', villageId: 'v1' }).build(),
      [
        [{ action: 'accept' }, village],
        [{ action: 'escalate', reason: '村里办不了', centres: CENTRES }, staff],
        [{ action: 'take_over', reason: '镇里接管', by: { ...CENTRES.township, level: 'township' } }, staff],
        [consultOn('res', 'jus', '怎么办', 5), staff],
        [{ action: 'report_in', opinion: '同意' }, handler('jus')],
        [{ action: 'resolve', summary: '已办结' }, handler('res')],
        [{ action: 'follow_up', reached: false, note: '电话未接通' }, staff],
        [{ action: 'rate', rating: 'basically_satisfied' }, citizen],
      ],
    ],
    [
      "a village's case the township accepts itself, classes as an A backlog case, and hands to another department after a dissatisfied rating",
      aPetition({ level: 'village', villageId: 'v1' }).build(),
      [
        [{ action: 'accept' }, staff],
        [{ action: 'dispatch', departmentId: 'res' }, staff],
        [{ action: 'classify', backlogClass: 'A', leadOfficial: '镇长' }, county],
        [{ action: 'resolve', summary: '已化解' }, handler('res')],
        [{ action: 'rate', rating: 'dissatisfied' }, citizen],
        [{ action: 'dispatch', departmentId: 'jus' }, staff],
        [{ action: 'resolve', summary: '复查后办结' }, handler('jus')],
        [{ action: 'follow_up', reached: true, rating: 'satisfied', note: '电话回访' }, staff],
      ],
    ],
    [
      'a case its village holds, transferred to another township (at that level now), which dispatches and resolves it',
      aPetition({ level: 'village', villageId: 'v1' }).build(),
      [
        [{ action: 'transfer', centreId: 'ebao', centrePath: 'qilian/ebao', level: 'township', reason: '属地在峨堡镇' }, staff],
        [{ action: 'accept' }, staff],
        [{ action: 'dispatch', departmentId: 'ebao-res' }, staff],
        [{ action: 'resolve', summary: '已办结' }, handler('ebao-res')],
        [{ action: 'rate', rating: 'satisfied' }, citizen],
      ],
    ],
    [
      "a case called in one month and rated by its citizen in the next: the call's month keeps nothing of it",
      aPetition().build(),
      [
        [{ action: 'accept' }, staff],
        [{ action: 'dispatch', departmentId: 'res' }, staff],
        [{ action: 'resolve', summary: '已办结' }, handler('res')],
        [{ action: 'follow_up', reached: true, rating: 'satisfied', note: '电话回访' }, staff, 30],
        [{ action: 'rate', rating: 'satisfied' }, citizen, 31],
      ],
    ],
  ];

  it.each(JOURNEYS)('%s', (_title, start, steps) => {
    const { p, events, live } = walk(start, steps);
    expect(sum(live.flat())).not.toEqual({});
    for (let k = 0; k <= events.length; k++) {
      const until = k < events.length ? events[k]!.at : '2027-12-31T00:00:00.000Z';
      const replayed = departmentDeltasOfRecord(p, events, until);
      expect([k, sum(replayed)]).toEqual([k, sum(live.slice(0, k).flat())]);
      // as storage writes it: no counter of nothing, no item without a counter
      expect([k, replayed.filter((d) => Object.keys(d.add).length === 0 || Object.values(d.add).includes(0))]).toEqual([k, []]);
    }
  });
});
