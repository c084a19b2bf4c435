import { describe, expect, it } from 'vitest';
import { addLimit, chinaDate, extendedDeadline, resolveDeadline } from '../../shared/timeLimits';

const at = (s: string) => new Date(s);

describe('time limits', () => {
  it.each([
    ['hours run on the clock', '2026-11-23T02:00:00Z', { amount: 4, unit: 'hours' }, '2026-11-23T06:00:00.000Z'],
    ['days run on the calendar, holidays included', '2026-09-30T02:00:00Z', { amount: 3, unit: 'days' }, '2026-10-03T02:00:00.000Z'],
    ['workdays skip a weekend', '2026-11-20T02:00:00Z', { amount: 1, unit: 'workdays' }, '2026-11-23T02:00:00.000Z'],
    // National Day 2026: 1–7 October off; Saturday 10 October is a make-up workday (调休).
    ['workdays skip the National Day holiday', '2026-09-30T02:00:00Z', { amount: 1, unit: 'workdays' }, '2026-10-08T02:00:00.000Z'],
    ['a make-up Saturday counts as a workday', '2026-10-09T02:00:00Z', { amount: 1, unit: 'workdays' }, '2026-10-10T02:00:00.000Z'],
    ['workdays across the holiday and its make-up day', '2026-09-29T02:00:00Z', { amount: 5, unit: 'workdays' }, '2026-10-12T02:00:00.000Z'],
  ] as const)('%s', (_name, from, limit, expected) => {
    expect(addLimit(at(from), limit).toISOString()).toBe(expected);
  });

  it('counts calendar days in China time, not UTC', () => {
    // 17:00 UTC on 30 September is already 1 October in China.
    expect(chinaDate(at('2026-09-30T17:00:00Z'))).toBe('2026-10-01');
  });

  it('caps a resolve limit at the statutory 60 days from acceptance', () => {
    const accepted = at('2026-03-02T02:00:00Z');
    expect(resolveDeadline(accepted, { amount: 90, unit: 'workdays' }).toISOString()).toBe('2026-05-01T02:00:00.000Z');
    expect(resolveDeadline(accepted, { amount: 10, unit: 'days' }).toISOString()).toBe('2026-03-12T02:00:00.000Z');
  });

  it('gives backlog classes A/B/C 90/60/30 days', () => {
    const accepted = at('2026-01-01T00:00:00Z');
    const limit = { amount: 15, unit: 'workdays' } as const;
    expect(resolveDeadline(accepted, limit, 'A').toISOString()).toBe('2026-04-01T00:00:00.000Z');
    expect(resolveDeadline(accepted, limit, 'B').toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(resolveDeadline(accepted, limit, 'C').toISOString()).toBe('2026-01-31T00:00:00.000Z');
  });

  it('extends once by at most 30 days', () => {
    expect(extendedDeadline(at('2026-05-01T00:00:00Z'), 30).toISOString()).toBe('2026-05-31T00:00:00.000Z');
    expect(() => extendedDeadline(at('2026-05-01T00:00:00Z'), 31)).toThrow(RangeError);
    expect(() => extendedDeadline(at('2026-05-01T00:00:00Z'), 0)).toThrow(RangeError);
    expect(() => extendedDeadline(at('2026-05-01T00:00:00Z'), 1.5)).toThrow('extension must be 1..30 days');
  });
});
