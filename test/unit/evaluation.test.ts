/** 化解成效考评's counters: what a step adds to a department's, and the figures of a period from them. */
import { describe, expect, it } from 'vitest';
import { FIGURE_SHARDS } from '../../functions/adapters/dynamo/keys';
import { departmentDeltas, departmentDeltasOfRecord, departmentFiguresOf } from '../../shared/evaluation';
import { monthsOf } from '../../shared/figures';

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
    expect(departmentDeltasOfRecord(p, record, '2026-12-01T00:00:00.000Z')).toEqual([]);
  });
});

describe('the figures of a period', () => {
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
