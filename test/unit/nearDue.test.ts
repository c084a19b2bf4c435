/** 临期 as a share of the step's own limit: the one instant the sweeper, the tab and the badge read. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SUPERVISION, isNearDue, nearDueAt, nextAlert } from '../../shared/supervision';

const H = 3_600_000;
const T0 = Date.parse('2026-12-01T01:00:00Z');
const iso = (hours: number) => new Date(T0 + hours * H).toISOString();
const open = (limitHours: number) => ({ status: 'submitted' as const, createdAt: iso(0), dueFrom: iso(0), dueAt: iso(limitHours) });

describe('near due', () => {
  it('is the last quarter of a 24-hour step and of a 15-day one', () => {
    expect(nearDueAt(open(24), DEFAULT_SUPERVISION)).toBe(iso(18));
    expect(nearDueAt(open(15 * 24), DEFAULT_SUPERVISION)).toBe(iso(15 * 24 * 0.75));
    expect(isNearDue(open(24), new Date(T0 + 60_000), DEFAULT_SUPERVISION)).toBe(false);
    expect(isNearDue(open(24), new Date(T0 + 18 * H), DEFAULT_SUPERVISION)).toBe(true);
    expect(isNearDue(open(24), new Date(T0 + 24 * H + 1), DEFAULT_SUPERVISION)).toBe(false); // overdue, no longer near
  });

  it('lasts at least the minimum hours, and follows the configured share', () => {
    expect(nearDueAt(open(2), DEFAULT_SUPERVISION)).toBe(iso(1));
    expect(nearDueAt(open(24), { nearDueShare: 0.5, nearDueMinHours: 1 })).toBe(iso(12));
    expect(nearDueAt(open(24), { nearDueShare: 0.1, nearDueMinHours: 4 })).toBe(iso(20));
  });

  it('is when the sweeper reminds', () => {
    expect(nextAlert({ ...open(24), remindedFor: undefined, urgedFor: undefined, overdueFor: undefined }, DEFAULT_SUPERVISION)).toEqual({ alert: 'remind', at: iso(18) });
  });
});
