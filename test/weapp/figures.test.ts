/** The dashboard's view logic (miniprogram/src/staff/lib/figures.ts): a rate as shown, the ranking, a warning's words. */
import { describe, expect, it } from 'vitest';
import { percent, rankBy, warningText } from '../../miniprogram/src/staff/lib/figures';

const r = (numerator: number, denominator: number) => ({ numerator, denominator, rate: denominator ? numerator / denominator : null });
const row = (name: string, resolution: ReturnType<typeof r>) => ({
  name, resolution, timelyAcceptance: r(0, 0), onTimeCompletion: r(0, 0), satisfaction: r(0, 0), participation: r(0, 0), repeats: r(0, 0), videoShare: r(0, 0), mediation: r(0, 0),
});

describe('the county ranking', () => {
  it('puts the highest rate first, a township with nothing to divide by last, ties by name', () => {
    const rows = [row('默勒镇', r(0, 0)), row('八宝镇', r(1, 2)), row('峨堡镇', r(3, 4)), row('阿柔乡', r(2, 4))];
    // 峨堡镇 3/4; 阿柔乡 2/4 and 八宝镇 1/2 tie at a half, by name; 默勒镇 has none
    const names = rankBy(rows, 'resolution').map((x) => x.name);
    expect(names[0]).toBe('峨堡镇');
    expect(names.slice(1, 3)).toEqual(['阿柔乡', '八宝镇'].sort((a, b) => a.localeCompare(b, 'zh')));
    expect(names[3]).toBe('默勒镇');
    expect(percent(r(2, 3))).toBe('66.7%');
    expect(percent(r(0, 0))).toBe('—');
  });
});

describe('a warning in words', () => {
  const base = { key: 'k', townshipId: 'babao', townshipName: '八宝镇', month: '2026-12', raisedAt: '2026-12-12T01:00:00Z', count: 7 };
  it('gives a rise its numbers and the baselines it rose past', () => {
    expect(warningText({ ...base, kind: 'rise', subject: '供暖问题', categoryId: 'heating', mean3: 2, yearAgo: 6, against: ['mean3'] })).toBe(
      '供暖问题：本月至今 7 件，前三个月月均 2 件，上年同月 6 件（高于前三个月月均）',
    );
  });
  it('gives a cluster its place and window', () => {
    expect(warningText({ ...base, kind: 'cluster', subject: '白杨沟村', place: { kind: 'village', id: 'v' }, from: '2026-12-06', to: '2026-12-12', count: 4 })).toBe(
      '白杨沟村：2026-12-06 至 2026-12-12 登记 4 件（聚集）',
    );
  });
});
