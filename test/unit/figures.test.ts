/** The pure parts of the figures: what a step adds to the counters, and how many counter items a dashboard reads. */
import { describe, expect, it } from 'vitest';
import { FIGURE_SHARDS } from '../../functions/adapters/dynamo/keys';
import { dashboardMonths, figureDeltas, yearBefore } from '../../shared/figures';
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
});
