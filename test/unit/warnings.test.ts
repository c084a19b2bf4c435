/** The early-warning rule (shared/warnings.ts) on hand-made series: rises, minimums, year on year, clusters. */
import { describe, expect, it } from 'vitest';
import { isNewWarning } from '../../shared/schemas/warnings';
import { DEFAULT_SEASONAL_CALENDAR, calendarByMonth, calendarRows, clusters, onePerPlace, risingCategories, seasonalFor, warningKey, warningMonths, warningsOf, type WarningPolicy } from '../../shared/warnings';

const policy: WarningPolicy = { ratio: 1.5, minCount: 5, cluster: { count: 3, days: 7 } };
const series = (current: number, previous: [number, number, number], yearAgo = 0) => [{ categoryId: 'heating', current, previous, yearAgo }];

describe('a category rises', () => {
  it('past the configured ratio of the mean of the three months before', () => {
    // mean 4: 6 is exactly 1.5 times, 5 is not
    expect(risingCategories(series(6, [3, 4, 5], 6), policy)).toEqual([{ kind: 'rise', categoryId: 'heating', count: 6, mean3: 4, yearAgo: 6, against: ['mean3'] }]);
    expect(risingCategories(series(5, [3, 4, 5], 6), policy)).toEqual([]);
  });

  it('past the ratio of the same month a year before, even when the last three months were as busy', () => {
    expect(risingCategories(series(9, [8, 9, 10], 4), policy)).toEqual([{ kind: 'rise', categoryId: 'heating', count: 9, mean3: 9, yearAgo: 4, against: ['yearAgo'] }]);
    expect(risingCategories(series(12, [2, 2, 2], 4), policy)[0]?.against).toEqual(['mean3', 'yearAgo']);
  });

  it('never below the minimum count, however steep the rise; from nothing, at the minimum', () => {
    expect(risingCategories(series(4, [0, 0, 1], 0), policy)).toEqual([]);
    expect(risingCategories(series(5, [0, 0, 0], 0), policy)[0]?.against).toEqual(['mean3', 'yearAgo']);
    expect(risingCategories(series(5, [0, 0, 0], 0), { ...policy, minCount: 6 })).toEqual([]);
  });

  it('by the configured ratio', () => {
    expect(risingCategories(series(8, [4, 4, 4], 8), { ...policy, ratio: 2 })).toEqual([{ kind: 'rise', categoryId: 'heating', count: 8, mean3: 4, yearAgo: 8, against: ['mean3'] }]);
    expect(risingCategories(series(7, [4, 4, 4], 8), { ...policy, ratio: 2 })).toEqual([]);
  });

  it('lists the most cases first, equal counts by category', () => {
    const several = [
      { categoryId: 'roads', current: 6, previous: [0, 0, 0] as [number, number, number], yearAgo: 0 },
      { categoryId: 'heating', current: 9, previous: [0, 0, 0] as [number, number, number], yearAgo: 0 },
      { categoryId: 'land', current: 6, previous: [0, 0, 0] as [number, number, number], yearAgo: 0 },
    ];
    expect(risingCategories(several, policy).map((w) => w.categoryId)).toEqual(['heating', 'land', 'roads']);
  });

  it('is stored under one key per category, a cluster under one per place', () => {
    expect(warningKey({ kind: 'rise', categoryId: 'heating', count: 9, mean3: 2, yearAgo: 0, against: ['mean3'] })).toBe('rise_heating');
    expect(warningKey({ kind: 'cluster', place: { kind: 'post', id: 'p1' }, count: 3, from: '2026-11-26', to: '2026-12-02' })).toBe('cl_post_p1');
  });
});

describe('a cluster (聚集)', () => {
  const month = (key: string, counts: Record<string, number>) => ({ key, counts });

  it('is several cases at one post or village within the window, across a month\'s end', () => {
    const items = [
      month('M#2026-11', { d28_pst_p1: 1, d29_pst_p1: 1, d23_pst_p2: 5 }),
      month('M#2026-12', { d02_pst_p1: 1, d02_vil_v1: 2, d01_vil_v2: 2 }),
    ];
    // 2 December: the window is 26 November to 2 December; p2's five on the 23rd are outside it
    expect(clusters(items, '2026-12-02', policy)).toEqual([{ kind: 'cluster', place: { kind: 'post', id: 'p1' }, count: 3, from: '2026-11-26', to: '2026-12-02' }]);
    // a longer window holds p2's as well; fewer needed makes the villages clusters too
    expect(clusters(items, '2026-12-02', { ...policy, cluster: { count: 2, days: 10 } }).map((c) => `${c.place.kind}:${c.place.id}:${c.count}`)).toEqual(['post:p2:5', 'post:p1:3', 'village:v1:2', 'village:v2:2']);
  });

  it('sums the shards of a month', () => {
    const items = [month('M#2026-12', { d05_vil_v1: 1 }), month('M#2026-12', { d05_vil_v1: 1 }), month('M#2026-12', { d06_vil_v1: 1 })];
    expect(clusters(items, '2026-12-06', policy)).toHaveLength(1);
  });
});

describe('one cluster line per place', () => {
  const cl = (kind: 'post' | 'village', id: string, count: number, villageId?: string) => ({ kind: 'cluster' as const, count, place: { kind, id, ...(villageId ? { villageId } : {}) } });
  const rise = { kind: 'rise' as const, count: 9 };

  it('keeps the post when its village holds the same cases, and a village that holds more', () => {
    expect(onePerPlace([cl('post', 'p1', 3, 'v1'), cl('village', 'v1', 3), rise])).toEqual([cl('post', 'p1', 3, 'v1'), rise]);
    // two posts of v2 hold its five between them; v3 holds one more than its post
    expect(onePerPlace([cl('post', 'p2', 3, 'v2'), cl('post', 'p3', 2, 'v2'), cl('village', 'v2', 5), cl('post', 'p4', 3, 'v3'), cl('village', 'v3', 4)]).map((w) => w.place.id)).toEqual(['p2', 'p3', 'p4', 'v3']);
  });

  it('keeps both when the post does not name its village', () => {
    expect(onePerPlace([cl('post', 'p1', 3), cl('village', 'v1', 3)])).toHaveLength(2);
  });

  it('counts only clusters at posts for their village, and drops only village clusters', () => {
    const other = { kind: 'seasonal', count: 3, place: { kind: 'post' as const, id: 'p1', villageId: 'v1' } };
    expect(onePerPlace([other, cl('village', 'v1', 3)])).toHaveLength(2);
    // a post cluster whose id is a village's is not that village's line
    expect(onePerPlace([cl('post', 'v1', 3, 'v1'), { kind: 'seasonal', count: 3, place: { kind: 'village' as const, id: 'v1' } }])).toHaveLength(2);
  });
});

describe('a township\'s warnings of a month', () => {
  it('read this month so far, the three before and the same month a year before, from the counters', () => {
    expect(warningMonths('2026-12-15')).toEqual(['M#2026-12', 'M#2026-11', 'M#2026-10', 'M#2026-09', 'M#2025-12']);
    const items: Array<{ key: string; counts: Record<string, number> }> = [
      // the month's other counters are not categories
      { key: 'M#2026-12', counts: { d01_cat_heating: 4, d10_cat_heating: 3, d10_cat_other: 1, d10_pst_p1: 1, xd10_cat_heating: 50 } },
      { key: 'M#2026-11', counts: { d03_cat_heating: 4 } },
      { key: 'M#2026-10', counts: { d03_cat_heating: 2 } },
      { key: 'M#2026-09', counts: { d03_cat_heating: 3 } },
      { key: 'M#2025-12', counts: { d20_cat_heating: 7 } },
      // a month the rule does not compare is never counted
      { key: 'M#2026-08', counts: { d01_cat_heating: 100 } },
    ];
    expect(warningsOf(items, '2026-12-15', policy)).toEqual([{ kind: 'rise', categoryId: 'heating', count: 7, mean3: 3, yearAgo: 7, against: ['mean3'] }]);
  });
});

describe('the county\'s seasonal calendar (default from the seeds)', () => {
  it('names heating in winter, wage arrears before the Spring Festival, grassland and land in spring', () => {
    expect(seasonalFor(DEFAULT_SEASONAL_CALENDAR, '2027-01').categoryIds).toEqual(['heating', 'wage_arrears']);
    expect(seasonalFor(DEFAULT_SEASONAL_CALENDAR, '2027-04').categoryIds).toEqual(['grassland', 'land_dispute']);
    expect(seasonalFor(DEFAULT_SEASONAL_CALENDAR, '2027-07').categoryIds).toEqual([]);
    expect(seasonalFor(DEFAULT_SEASONAL_CALENDAR, '2027-02').notes).toEqual(['供暖季，关注供暖质量']);
  });

  it('is edited a month at a time: rows of a month merged, an empty month left out, back in month order', () => {
    const byMonth = calendarByMonth([
      { month: 12, categoryIds: ['heating'], note: '供暖季' },
      { month: 1, categoryIds: ['wage_arrears'], note: '春节前' },
      { month: 12, categoryIds: ['wage_arrears', 'heating'], note: '春节前' },
    ]);
    expect(byMonth[12]).toEqual({ categoryIds: ['heating', 'wage_arrears'], note: '供暖季；春节前' });
    expect(byMonth[7]).toEqual({ categoryIds: [], note: '' });
    expect(calendarRows({ ...byMonth, 7: { categoryIds: [], note: '  ' }, 8: { categoryIds: [], note: ' 汛期 ' }, 9: { categoryIds: ['grassland'], note: '' } })).toEqual([
      { month: 1, categoryIds: ['wage_arrears'], note: '春节前' },
      { month: 8, categoryIds: [], note: '汛期' },
      { month: 9, categoryIds: ['grassland'], note: '' },
      { month: 12, categoryIds: ['heating', 'wage_arrears'], note: '供暖季；春节前' },
    ]);
    // the default calendar goes through unchanged in what it names for each month
    for (const m of ['2027-01', '2027-04', '2027-10']) expect(seasonalFor(calendarRows(calendarByMonth(DEFAULT_SEASONAL_CALENDAR)), m)).toEqual(seasonalFor(DEFAULT_SEASONAL_CALENDAR, m));
  });
});

describe('新预警: what a staff user has not seen', () => {
  it('is every warning before the user marks the month seen, then those raised after the mark', () => {
    const w = { raisedAt: '2030-06-08T01:00:00.000Z' };
    expect(isNewWarning(w, undefined)).toBe(true);
    expect(isNewWarning(w, '2030-06-08T02:00:00.000Z')).toBe(false);
    expect(isNewWarning(w, '2030-06-08T01:00:00.000Z')).toBe(false);
    expect(isNewWarning(w, '2030-06-08T00:59:59.999Z')).toBe(true);
  });
});
