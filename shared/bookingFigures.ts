/**
 * The figures of video receptions, kept as counters while bookings move (never by scanning bookings), for each host
 * and for the host's centre. Everything is counted on the China calendar day of the reception (its start), so a
 * period's figures are those of the receptions held, or to be held, in it:
 *
 * | count | 中文 | counted when |
 * |---|---|---|
 * | booked | 预约 | a booking is made (moved to the new day when rescheduled; a cancelled one stays counted) |
 * | cancelled | 取消 | the citizen or staff cancel it |
 * | attended / noShow | 已接访 / 未到场 | staff record attendance |
 * | satisfied, basically_satisfied, dissatisfied | 满意 / 基本满意 / 不满意 | the citizen rates the reception |
 *
 * `bookingFigureDeltas` says what one change adds; storage applies it in the change's own transaction, into one item
 * per month (fields `dDD_<count>`) as the petition figures do (shared/figures.ts).
 */
import { RATINGS } from './schemas/common';
import { WAYS, type Booking, type Way } from './schemas/booking';
import { countsByDay, monthKey, ratio, type Ratio } from './figures';
import { chinaDate } from './timeLimits';

export const BOOKING_COUNTS = ['booked', 'cancelled', 'attended', 'noShow', ...RATINGS] as const;
export type BookingCount = (typeof BOOKING_COUNTS)[number];

export interface BookingFigureDelta {
  /** `M#YYYY-MM` of the reception's China day */
  month: string;
  /** `dDD_<count>` */
  field: string;
  add: number;
}

type Counted = Pick<Booking, 'start' | 'status' | 'rating'>;

/** The dashboard's count of receptions held by way (`rcv_video`, `rcv_in_person`, `rcv_phone`): see receptionDeltas. */
export const receptionField = (way: Way) => `rcv_${way}`;
export const RECEPTION_FIELDS = WAYS.map(receptionField);

/**
 * What a change of a booking adds to the petition figures' month items of its centre and county (shared/figures.ts,
 * the items the dashboard reads): one reception held, by its way (视频、现场、电话), on the China day of the reception,
 * when staff record that the citizen attended. Attendance is recorded once (a booking leaves `booked` for good), so
 * each reception counts once; a no-show or a cancel is no reception.
 */
export function receptionDeltas(before: (Counted & Pick<Booking, 'way'>) | undefined, after: Counted & Pick<Booking, 'way'>): BookingFigureDelta[] {
  if (after.status !== 'attended' || before?.status === 'attended') return [];
  const day = chinaDate(new Date(after.start));
  return [{ month: monthKey(day), field: `d${day.slice(8, 10)}_${receptionField(after.way)}`, add: 1 }];
}

function on(start: string, count: BookingCount, add: number): BookingFigureDelta {
  const day = chinaDate(new Date(start));
  return { month: monthKey(day), field: `d${day.slice(8, 10)}_${count}`, add };
}

/** What a change of a booking adds to its host's and centre's counters. `before` is undefined for a new booking. */
export function bookingFigureDeltas(before: Counted | undefined, after: Counted): BookingFigureDelta[] {
  if (!before) return [on(after.start, 'booked', 1)];
  const out: BookingFigureDelta[] = [];
  if (chinaDate(new Date(before.start)) !== chinaDate(new Date(after.start))) {
    out.push(on(before.start, 'booked', -1), on(after.start, 'booked', 1));
  }
  if (before.status !== after.status) {
    if (after.status === 'cancelled') out.push(on(after.start, 'cancelled', 1));
    if (after.status === 'attended') out.push(on(after.start, 'attended', 1));
    if (after.status === 'no_show') out.push(on(after.start, 'noShow', 1));
  }
  if (!before.rating && after.rating) out.push(on(after.start, after.rating.rating, 1));
  return out;
}

export type BookingTotals = Record<BookingCount, number> & {
  rated: number;
  /** (满意 + 基本满意) ÷ rated */
  satisfaction: Ratio;
  /** attended ÷ (attended + no-show) */
  attendance: Ratio;
};

/** The totals of the days `from`..`to` (inclusive) from month items; shards of one month may come more than once. */
export function bookingTotals(months: ReadonlyArray<{ key: string; counts: Record<string, number> }>, from: string, to: string): BookingTotals {
  const days = countsByDay(months, from, to);
  const sum = (f: BookingCount) => days.reduce((n, d) => n + (d.counts[f] ?? 0), 0);
  const counts = Object.fromEntries(BOOKING_COUNTS.map((c) => [c, sum(c)])) as Record<BookingCount, number>;
  const rated = counts.satisfied + counts.basically_satisfied + counts.dissatisfied;
  return {
    ...counts,
    rated,
    satisfaction: ratio(counts.satisfied + counts.basically_satisfied, rated),
    attendance: ratio(counts.attended, counts.attended + counts.noShow),
  };
}

export const BOOKING_FIGURE_DEFINITIONS = {
  period: '按接访日期（北京时间）统计：期内预约的接访，含已取消的',
  satisfaction: '接访满意率 = （满意 + 基本满意）÷ 期内接访的评价数',
  attendance: '到场率 = 已接访 ÷ （已接访 + 未到场）',
};
