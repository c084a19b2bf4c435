/** 临期 as a share of the step's own limit: the one instant the sweeper, the tab and the badge read. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SUPERVISION, isNearDue, nearDueAt, nextAlert, supervise } from '../../shared/supervision';
import { aPetition } from '../support/builders';

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

  it('is near due up to and at its deadline, never once closed or without a deadline', () => {
    expect(isNearDue(open(24), new Date(T0 + 24 * H), DEFAULT_SUPERVISION)).toBe(true);
    expect(isNearDue(open(24), new Date(T0 + 18 * H - 1), DEFAULT_SUPERVISION)).toBe(false);
    expect(isNearDue({ ...open(24), status: 'closed' }, new Date(T0 + 20 * H), DEFAULT_SUPERVISION)).toBe(false);
    expect(isNearDue({ ...open(24), dueAt: undefined }, new Date(T0 + 20 * H), DEFAULT_SUPERVISION)).toBe(false);
    expect(nearDueAt({ ...open(24), dueAt: undefined }, DEFAULT_SUPERVISION)).toBeUndefined();
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

describe('the rating limit (评哨)', () => {
  const centres = { township: { centreId: 'babao', centrePath: 'qilian/babao' }, county: { centreId: 'qilian', centrePath: 'qilian' } };
  // resolved at T0, the rating due 7 days on: reminded in the last quarter (from 5.25 days), closed at 7 days
  const resolved = aPetition().resolved().with({ resolvedAt: iso(0), dueFrom: iso(0), dueAt: iso(7 * 24) }).build();

  it('is watched once resolved: a reminder in its last share, then the close at the deadline', () => {
    expect(nextAlert(resolved, DEFAULT_SUPERVISION)).toEqual({ alert: 'rate_remind', at: iso(7 * 24 * 0.75) });
    expect(nextAlert({ ...resolved, remindedFor: resolved.dueAt }, DEFAULT_SUPERVISION)).toEqual({ alert: 'rate_close', at: iso(7 * 24) });
    expect(nextAlert({ ...resolved, status: 'rated', dueAt: undefined }, DEFAULT_SUPERVISION)).toBeUndefined();
  });

  it('reminds once, publicly, and closes the case as not rated', () => {
    const [remind] = supervise(resolved, new Date(T0 + 6 * 24 * H), DEFAULT_SUPERVISION, centres);
    expect(remind!.event).toMatchObject({ action: 'rate_remind', visibility: 'public', from: 'resolved', to: 'resolved', data: { dueAt: iso(7 * 24) } });
    expect(remind!.event.note).toBe('请在 2026年12月8日 09:00 前对办理结果作出评价，逾期视为未评价');
    const reminded = { ...resolved, ...remind!.patch };
    expect(supervise(reminded, new Date(T0 + 6.5 * 24 * H), DEFAULT_SUPERVISION, centres)).toEqual([]);
    const [close] = supervise(reminded, new Date(T0 + 7 * 24 * H + 1), DEFAULT_SUPERVISION, centres);
    expect(close!.patch).toMatchObject({ status: 'closed', dueAt: undefined });
    expect(close!.event).toMatchObject({ action: 'rate_close', from: 'resolved', to: 'closed', visibility: 'public', data: { dueAt: iso(7 * 24), rated: false } });
    expect(close!.event.note).toBe('评价期限已过，群众未评价，本案按未评价归档');
    expect(supervise({ ...reminded, ...close!.patch }, new Date(T0 + 30 * 24 * H), DEFAULT_SUPERVISION, centres)).toEqual([]);
  });

  it('skips the reminder when the sweep first comes at or past the deadline', () => {
    expect(supervise(resolved, new Date(T0 + 7 * 24 * H), DEFAULT_SUPERVISION, centres).map((d) => d.event.action)).toEqual(['rate_close']);
    expect(supervise(resolved, new Date(T0 + 8 * 24 * H), DEFAULT_SUPERVISION, centres).map((d) => d.event.action)).toEqual(['rate_close']);
  });
});
