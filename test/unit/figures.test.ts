/** The pure parts of the figures: what a step adds to the counters, and how many counter items a dashboard reads. */
import { describe, expect, it } from 'vitest';
import { FIGURE_SHARDS } from '../../functions/adapters/dynamo/keys';
import { dashboardMonths, figureDeltas, figureScopes, figuresOf, filerScope, yearBefore } from '../../shared/figures';
import { DASHBOARD_MAX_DAYS } from '../../shared/schemas/staff';

const DAY = 86_400_000;
const plus = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

describe('the dashboard reads one BatchGetItem of counters', () => {
  it('for every period up to the longest, starting on any day of a year: its months and a year before, every shard, and now', () => {
    let most = 0;
    for (let start = 0; start < 366; start++) {
      const from = plus('2027-01-01', start);
      const keys = (dashboardMonths(from, plus(from, DASHBOARD_MAX_DAYS - 1)).length + 1) * FIGURE_SHARDS;
      most = Math.max(most, keys);
    }
    // DynamoDB answers at most 100 keys in one BatchGetItem; the warnings of the scope's month take one more
    expect(most + 1).toBeLessThanOrEqual(100);
    expect(most).toBe(81);
  });

  it('compares with the same days a year before (29 February with the 28th)', () => {
    expect(yearBefore('2028-02-29')).toBe('2027-02-28');
    expect(yearBefore('2028-05-31')).toBe('2027-05-31');
    expect(dashboardMonths('2028-05-01', '2028-05-31')).toEqual(['M#2027-05', 'M#2028-05']);
  });
});

describe('what a step adds to the counters', () => {
  const base = {
    centreId: 'babao', countyId: 'qilian', townshipId: 'babao', categoryId: 'land_dispute', status: 'submitted' as const,
    createdAt: '2026-12-01T01:00:00.000Z', channel: 'scan' as const, villageId: 'babao-baiyanggou', postId: 'p1',
  };
  const at = '2026-12-03T01:00:00.000Z';
  const ev = (action: 'accept' | 'resolve' | 'reopen' | 'transfer' | 'link_repeat', from: 'submitted' | 'accepted' | 'in_progress' | 'resolved' = 'submitted', data: Record<string, unknown> = {}) => ({ action, at, from, data });
  const fields = (deltas: ReturnType<typeof figureDeltas>, scope: string) => deltas.find((d) => d.scope === scope && d.key === 'M#2026-12')?.add ?? {};

  it('counts a new case on its registration day by channel, village and post, and a repeat', () => {
    const d = figureDeltas(undefined, { ...base, repeatOf: 'p0' }, [{ action: 'submit', at: base.createdAt, from: null, data: undefined }]);
    expect(fields(d, 'babao')).toEqual({ d01_registered: 1, d01_cat_land_dispute: 1, d01_tw_babao: 1, d01_ch_scan: 1, 'd01_vil_babao-baiyanggou': 1, d01_pst_p1: 1, d01_rep: 1 });
  });

  it('counts an acceptance on its day, 化解 when resolved, and takes 化解 back when reopened', () => {
    const accepted = { ...base, status: 'accepted' as const, acceptedAt: at };
    expect(fields(figureDeltas(base, accepted, [ev('accept')]), 'babao')).toEqual({ d03_accepted: 1 });
    const resolved = { ...accepted, status: 'resolved' as const };
    expect(fields(figureDeltas({ ...accepted, status: 'in_progress' }, resolved, [ev('resolve', 'in_progress')]), 'babao')).toEqual({ d03_resolved: 1, d03_settled: 1 });
    const reopened = { ...resolved, status: 'reopened' as const, reopenedAt: at };
    expect(fields(figureDeltas(resolved, reopened, [ev('reopen', 'resolved')]), 'babao')).toEqual({ d03_settled: -1 });
    // worked again and resolved: neither a second resolution nor 化解
    expect(fields(figureDeltas({ ...reopened, status: 'in_progress' }, { ...reopened, status: 'resolved' }, [ev('resolve', 'in_progress')]), 'babao')).toEqual({});
  });

  it('counts a case its village holds for the village too, and moves it off the village when handed up', () => {
    const held = { ...base, categoryId: 'neighbour', level: 'village' as const };
    const made = figureDeltas(undefined, held, [{ action: 'submit', at: base.createdAt, from: null, data: undefined }]);
    expect(fields(made, 'babao-baiyanggou')).toMatchObject({ d01_registered: 1 });
    expect(fields(made, 'babao')).toMatchObject({ d01_registered: 1 });
    const up = figureDeltas(held, { ...held, level: 'township' as const, status: 'accepted' as const, acceptedAt: at }, [{ action: 'hand_up', at, from: 'submitted', data: {} }]);
    expect(fields(up, 'babao-baiyanggou')).toMatchObject({ d01_registered: -1, d01_cat_neighbour: -1 });
    expect(fields(up, 'babao')).toEqual({ d03_accepted: 1 });
    expect(up.find((d) => d.scope === 'babao-baiyanggou' && d.key === 'NOW')?.add).toEqual({ st_submitted: -1 });
  });

  it('counts the persons a registration records beyond the first (人次 = registered + px), and moves them with a transfer', () => {
    const many = { ...base, persons: 12 };
    expect(fields(figureDeltas(undefined, many, [{ action: 'submit', at: base.createdAt, from: null, data: undefined }]), 'qilian')).toMatchObject({ d01_registered: 1, d01_px: 11 });
    expect(fields(figureDeltas(undefined, base, [{ action: 'submit', at: base.createdAt, from: null, data: undefined }]), 'babao')).not.toHaveProperty('d01_px');
    const moved = figureDeltas(many, { ...many, centreId: 'ebao' }, [ev('transfer')]);
    expect(fields(moved, 'babao')).toMatchObject({ d01_registered: -1, d01_px: -11 });
    expect(fields(moved, 'ebao')).toMatchObject({ d01_registered: 1, d01_px: 11 });
  });

  it('counts a mediation when a case is first resolved (调处), a success when it ended in an agreement', () => {
    const working = { ...base, status: 'in_progress' as const, acceptedAt: at };
    const done = { ...working, status: 'resolved' as const };
    expect(fields(figureDeltas(working, done, [ev('resolve', 'in_progress', { mediation: 'agreed' })]), 'babao')).toEqual({ d03_resolved: 1, d03_settled: 1, d03_med: 1, d03_medOk: 1 });
    expect(fields(figureDeltas(working, done, [ev('resolve', 'in_progress', { mediation: 'not_agreed' })]), 'babao')).toEqual({ d03_resolved: 1, d03_settled: 1, d03_med: 1 });
    expect(fields(figureDeltas(working, done, [ev('resolve', 'in_progress')]), 'babao')).not.toHaveProperty('d03_med');
    // resolved again after a review: the first mediation stays the one counted
    const again = { ...working, reopenedAt: at };
    expect(fields(figureDeltas(again, { ...again, status: 'resolved' }, [ev('resolve', 'in_progress', { mediation: 'agreed' })]), 'babao')).toEqual({});
  });

  it('moves a transferred case\'s channel, village and post with its registration, and an unlinked repeat out', () => {
    const d = figureDeltas(base, { ...base, centreId: 'ebao' }, [ev('transfer')]);
    expect(fields(d, 'babao')).toMatchObject({ d01_registered: -1, d01_ch_scan: -1, d01_pst_p1: -1 });
    expect(fields(d, 'ebao')).toMatchObject({ d01_registered: 1, d01_ch_scan: 1, d01_pst_p1: 1 });
    expect(fields(d, 'qilian')).toEqual({});
    expect(fields(figureDeltas({ ...base, repeatOf: 'p0' }, base, [ev('link_repeat')]), 'babao')).toEqual({ d01_rep: -1 });
  });

  it('counts an acceptance or a refusal in time on the registration day, and a 办结 in time on the day it fell due', () => {
    const accepted = { ...base, status: 'accepted' as const, acceptedAt: at };
    expect(fields(figureDeltas(base, accepted, [ev('accept', 'submitted', { onTime: true })]), 'babao')).toEqual({ d01_acceptedOnTime: 1, d03_accepted: 1 });
    expect(fields(figureDeltas(base, { ...base, status: 'declined' }, [{ action: 'decline', at, from: 'submitted', data: { onTime: true } }]), 'babao')).toEqual({ d01_acceptedOnTime: 1 });
    expect(fields(figureDeltas(base, accepted, [ev('accept', 'submitted', { onTime: false })]), 'babao')).toEqual({ d03_accepted: 1 });
    expect(fields(figureDeltas(base, accepted, [{ action: 'accept', at, from: 'submitted', data: undefined }]), 'babao')).toEqual({ d03_accepted: 1 });
    const due = { ...accepted, status: 'in_progress' as const, resolveDueAt: '2026-12-20T01:00:00.000Z' };
    const done = { ...due, status: 'resolved' as const };
    expect(fields(figureDeltas(due, done, [ev('resolve', 'in_progress', { onTime: true })]), 'babao')).toEqual({ d03_resolved: 1, d03_settled: 1, d20_resolvedOnTime: 1 });
    expect(fields(figureDeltas(due, done, [ev('resolve', 'in_progress', { onTime: false })]), 'babao')).toEqual({ d03_resolved: 1, d03_settled: 1 });
    expect(fields(figureDeltas(due, done, [{ action: 'resolve', at, from: 'in_progress', data: undefined }]), 'babao')).toEqual({ d03_resolved: 1, d03_settled: 1 });
    // resolved from reopened, which the case did not mark: no second 办结 (its 化解 follows the case's reopenedAt)
    expect(fields(figureDeltas({ ...due, status: 'reopened' }, done, [ev('resolve', 'reopened' as never, { onTime: true })]), 'babao')).toEqual({ d03_settled: 1 });
  });

  it('moves a case due to be resolved from its old day to its new one when the deadline moves (延期)', () => {
    const due = { ...base, status: 'in_progress' as const, acceptedAt: at, resolveDueAt: '2026-12-20T01:00:00.000Z' };
    const later = { ...due, resolveDueAt: '2026-12-27T01:00:00.000Z' };
    expect(fields(figureDeltas(due, later, [{ action: 'extend', at, from: 'in_progress', data: undefined }]), 'babao')).toEqual({ d20_resolveDue: -1, d27_resolveDue: 1 });
    expect(fields(figureDeltas({ ...due, resolveDueAt: undefined as never }, due, [{ action: 'accept', at, from: 'submitted', data: undefined }]), 'babao')).toEqual({ d20_resolveDue: 1 });
    expect(fields(figureDeltas(due, { ...due, resolveDueAt: undefined as never }, [{ action: 'progress', at, from: 'in_progress', data: undefined }]), 'babao')).toEqual({ d20_resolveDue: -1 });
  });

  it('counts the status now only when it changed or the case moved', () => {
    const now = (d: ReturnType<typeof figureDeltas>, scope: string) => d.find((x) => x.scope === scope && x.key === 'NOW')?.add;
    const working = { ...base, status: 'in_progress' as const, acceptedAt: at };
    expect(now(figureDeltas(working, working, [{ action: 'progress', at, from: 'in_progress', data: undefined }]), 'babao')).toBeUndefined();
    expect(now(figureDeltas(working, { ...working, status: 'resolved' }, [{ action: 'progress', at, from: 'in_progress', data: undefined }]), 'babao')).toEqual({ st_in_progress: -1, st_resolved: 1 });
    const moved = figureDeltas(working, { ...working, centreId: 'ebao' }, [ev('transfer', 'in_progress' as never)]);
    expect([now(moved, 'babao'), now(moved, 'ebao'), now(moved, 'qilian')]).toEqual([{ st_in_progress: -1 }, { st_in_progress: 1 }, undefined]);
    expect(now(figureDeltas(undefined, base, [{ action: 'submit', at: base.createdAt, from: null, data: undefined }]), 'qilian')).toEqual({ st_submitted: 1 });
  });

  it("counts a rating as rated and, unless 不满意, satisfied; a call's rating until the citizen rates", () => {
    const resolved = { ...base, status: 'resolved' as const, acceptedAt: at };
    const rate = (rating: string | undefined, before: typeof resolved & { followUp?: unknown; rating?: unknown } = resolved) =>
      figureDeltas(before as never, { ...before, status: 'rated' } as never, [{ action: 'rate', at, from: 'resolved', data: rating ? { rating } : undefined }]);
    expect(fields(rate('basically_satisfied'), 'babao')).toEqual({ d03_rated: 1, d03_satisfied: 1 });
    expect(fields(rate('dissatisfied'), 'babao')).toEqual({ d03_rated: 1 });
    expect(fields(rate(undefined), 'babao')).toEqual({ d03_rated: 1, d03_satisfied: 1 });
    // the call on the 2nd counted a satisfied rating: the citizen's own takes its place
    const called = { ...resolved, followUp: { at: '2026-12-02T01:00:00.000Z', reached: true, rating: 'satisfied', note: '' } };
    expect(fields(rate('dissatisfied', called), 'babao')).toEqual({ d02_rated: -1, d02_satisfied: -1, d03_rated: 1 });
    // a second rating after a review: the call had already given way
    expect(fields(rate('satisfied', { ...called, rating: { rating: 'dissatisfied', at } }), 'babao')).toEqual({ d03_rated: 1, d03_satisfied: 1 });
    const call = (data: Record<string, unknown> | undefined, before: object = resolved) => fields(figureDeltas(before as never, resolved, [{ action: 'follow_up', at, from: 'resolved', data }]), 'babao');
    expect(call({ reached: true, rating: 'dissatisfied' })).toEqual({ d03_rated: 1 });
    expect(call({ reached: true, rating: 'satisfied' })).toEqual({ d03_rated: 1, d03_satisfied: 1 });
    expect(call({ reached: false })).toEqual({});
    expect(call(undefined)).toEqual({});
    expect(call({ reached: true, rating: 'satisfied' }, { ...resolved, rating: { rating: 'satisfied', at } })).toEqual({});
  });

  it("counts a case an agent filed for the agent too, and its village's only while the village holds it", () => {
    expect(figureScopes({ ...base, agentId: 'u7' })).toEqual(['babao', 'qilian', filerScope('u7')]);
    expect(filerScope('u7')).toBe('filer~u7');
    expect(figureScopes({ ...base, level: 'village' })).toEqual(['babao', 'qilian', 'babao-baiyanggou']);
    expect(figureScopes({ ...base, level: 'township' })).toEqual(['babao', 'qilian']);
    expect(figureScopes({ ...base, level: 'village', villageId: undefined })).toEqual(['babao', 'qilian']);
  });

  it('counts a case without a channel, village or post by none of them', () => {
    const bare = { ...base, channel: undefined, villageId: undefined, postId: undefined };
    expect(fields(figureDeltas(undefined, bare, [{ action: 'submit', at: base.createdAt, from: null, data: undefined }]), 'babao')).toEqual({ d01_registered: 1, d01_cat_land_dispute: 1, d01_tw_babao: 1 });
  });
});

describe('the figures of a period, from the counters', () => {
  it('sums the days asked for, every shard, into each figure', () => {
    const months: Array<{ key: string; counts: Record<string, number> }> = [
      { key: 'M#2026-12', counts: { d01_registered: 2, d01_px: 3, d01_cat_heating: 2, d01_tw_babao: 2, d01_ch_visit: 1, d01_ch_scan: 1, 'd01_vil_babao-a': 1, d01_pst_p1: 1, d01_rep: 1, d01_acceptedOnTime: 1, d02_accepted: 2, d02_settled: 1 } },
      { key: 'M#2026-12', counts: { d03_resolved: 2, d03_resolveDue: 2, d03_resolvedOnTime: 1, d03_rated: 2, d03_satisfied: 1, d03_med: 2, d03_medOk: 1, d03_rcv_video: 1, d03_rcv_phone: 2, d03_cat_heating: 1, d03_cat_roads: 0, d03_registered: 1 } },
      // outside the period, and fields that are no day's
      { key: 'M#2026-12', counts: { d30_registered: 9, registered: 9, xd01_registered: 9 } },
    ];
    const f = figuresOf(months, { st_submitted: 3, st_resolved: 0, st_closed: -1, st_in_progress: 2 }, '2026-12-01', '2026-12-29');
    expect(f).toEqual({
      timelyAcceptance: { numerator: 1, denominator: 3, rate: 0.3333 },
      onTimeCompletion: { numerator: 1, denominator: 2, rate: 0.5 },
      satisfaction: { numerator: 1, denominator: 2, rate: 0.5 },
      participation: { numerator: 2, denominator: 2, rate: 1 },
      byCategory: { heating: 3 },
      byTownship: { babao: 2 },
      byStatus: { submitted: 3, in_progress: 2 },
      daily: [
        { day: '2026-12-01', registered: 2, resolved: 0 },
        { day: '2026-12-02', registered: 0, resolved: 0 },
        { day: '2026-12-03', registered: 1, resolved: 2 },
      ],
      registered: 3,
      resolution: { numerator: 1, denominator: 2, rate: 0.5 },
      repeats: { numerator: 1, denominator: 3, rate: 0.3333 },
      videoShare: { numerator: 1, denominator: 4, rate: 0.25 },
      byWay: { video: 1, phone: 2 },
      receptions: 3,
      byChannel: { visit: 1, scan: 1 },
      byVillage: { 'babao-a': 1 },
      byPost: { p1: 1 },
      persons: 6,
      mediation: { numerator: 1, denominator: 2, rate: 0.5 },
    });
  });

  it('compares with year one before year 1000 written with four digits', () => {
    expect(yearBefore('1000-03-01')).toBe('0999-03-01');
  });
});
