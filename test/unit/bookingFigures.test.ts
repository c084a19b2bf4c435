/** What each change of a booking adds to the reception counters, and a period's totals from month items. */
import { describe, expect, it } from 'vitest';
import { bookingFigureDeltas, bookingTotals, receptionDeltas } from '../../shared/bookingFigures';
import { figuresOf } from '../../shared/figures';

// 23:30 on 30 November, China time: the reception's day is the China day, not the UTC one.
const lateNov = { start: '2026-11-30T15:30:00.000Z', status: 'booked' as const };

describe('reception counters', () => {
  it('counts a new booking on the China day of the reception', () => {
    expect(bookingFigureDeltas(undefined, lateNov)).toEqual([{ month: 'M#2026-11', field: 'd30_booked', add: 1 }]);
  });

  it('moves a rescheduled booking to its new day, across a month, and leaves a move within the day uncounted', () => {
    const moved = { ...lateNov, start: '2026-12-01T01:00:00.000Z' };
    expect(bookingFigureDeltas(lateNov, moved)).toEqual([
      { month: 'M#2026-11', field: 'd30_booked', add: -1 },
      { month: 'M#2026-12', field: 'd01_booked', add: 1 },
    ]);
    expect(bookingFigureDeltas(lateNov, { ...lateNov, start: '2026-11-30T15:00:00.000Z' })).toEqual([]);
  });

  it('counts a cancel, attendance, a no-show and a rating once each', () => {
    expect(bookingFigureDeltas(lateNov, { ...lateNov, status: 'cancelled' })).toEqual([{ month: 'M#2026-11', field: 'd30_cancelled', add: 1 }]);
    expect(bookingFigureDeltas(lateNov, { ...lateNov, status: 'attended' })).toEqual([{ month: 'M#2026-11', field: 'd30_attended', add: 1 }]);
    expect(bookingFigureDeltas(lateNov, { ...lateNov, status: 'no_show' })).toEqual([{ month: 'M#2026-11', field: 'd30_noShow', add: 1 }]);
    const attended = { ...lateNov, status: 'attended' as const };
    const rated = { ...attended, rating: { rating: 'basically_satisfied' as const, at: '2026-12-02T00:00:00.000Z' } };
    expect(bookingFigureDeltas(attended, rated)).toEqual([{ month: 'M#2026-11', field: 'd30_basically_satisfied', add: 1 }]);
    expect(bookingFigureDeltas(rated, rated)).toEqual([]);
  });

  it('sums the days of the period over shards and months, with satisfaction and attendance rates', () => {
    const items: Array<{ key: string; counts: Record<string, number> }> = [
      { key: 'M#2026-11', counts: { d29_booked: 2, d30_booked: 3, d30_attended: 2, d30_noShow: 1, d30_satisfied: 1, d30_dissatisfied: 1 } },
      { key: 'M#2026-11', counts: { d30_booked: 1, d30_cancelled: 1 } },
      { key: 'M#2026-12', counts: { d01_booked: 4, d01_basically_satisfied: 1 } },
    ];
    expect(bookingTotals(items, '2026-11-30', '2026-12-01')).toEqual({
      booked: 8, cancelled: 1, attended: 2, noShow: 1, satisfied: 1, basically_satisfied: 1, dissatisfied: 1, rated: 3,
      satisfaction: { numerator: 2, denominator: 3, rate: 0.6667 },
      attendance: { numerator: 2, denominator: 3, rate: 0.6667 },
    });
    expect(bookingTotals([], '2026-11-30', '2026-12-01').satisfaction.rate).toBeNull();
  });
});

describe('receptions held, for the dashboard (接访 by way)', () => {
  const booked = { ...lateNov, way: 'phone' as const };
  it('counts a reception by its way on its China day when the citizen attended, once', () => {
    expect(receptionDeltas(booked, { ...booked, status: 'attended' })).toEqual([{ month: 'M#2026-11', field: 'd30_rcv_phone', add: 1 }]);
    const attended = { ...booked, status: 'attended' as const };
    expect(receptionDeltas(attended, { ...attended, rating: { rating: 'satisfied' as const, at: '2026-12-01T00:00:00.000Z' } })).toEqual([]);
  });
  it('counts no booking, no-show or cancel', () => {
    expect(receptionDeltas(undefined, booked)).toEqual([]);
    expect(receptionDeltas(booked, { ...booked, status: 'no_show' })).toEqual([]);
    expect(receptionDeltas(booked, { ...booked, status: 'cancelled' })).toEqual([]);
  });
  it('gives the video share among receptions held and visits registered', () => {
    const month = [{ key: 'M#2026-11', counts: { d30_rcv_video: 3, d30_rcv_phone: 1, d30_rcv_in_person: 2, d30_ch_visit: 4, d30_ch_video: 9, d29_rcv_video: 5 } }];
    const f = figuresOf(month, {}, '2026-11-30', '2026-11-30');
    expect([f.byWay, f.receptions, f.videoShare]).toEqual([{ video: 3, phone: 1, in_person: 2 }, 6, { numerator: 3, denominator: 10, rate: 0.3 }]);
  });
});
