/**
 * The time-limit policy. Hours run on the clock, days on the calendar; workdays skip China's public holidays
 * and count make-up workdays (调休), from China's working calendar (calendar.ts). Calendar days are counted in China time.
 */
import { isWorkday } from './calendar';
import type { Limit } from './schemas/common';

/** 《信访工作条例》: resolve within 60 days of acceptance, extendable once by up to 30 days. */
export const STATUTORY_RESOLVE_DAYS = 60;
export const MAX_EXTENSION_DAYS = 30;
/** Backlog classes (积案) and their resolve limits in days. */
export const BACKLOG_CLASS_DAYS = { A: 90, B: 60, C: 30 } as const;
export type BacklogClass = keyof typeof BACKLOG_CLASS_DAYS;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CHINA_OFFSET = 8 * HOUR;

/** The calendar date in China (UTC+8, no daylight saving) as YYYY-MM-DD. */
export function chinaDate(t: Date): string {
  return new Date(t.getTime() + CHINA_OFFSET).toISOString().slice(0, 10);
}

export function isChinaWorkday(t: Date): boolean {
  return isWorkday(chinaDate(t));
}

/** The moment `limit` after `from`. Workdays land at the same clock time on the Nth working day after. */
export function addLimit(from: Date, limit: Limit): Date {
  switch (limit.unit) {
    case 'hours':
      return new Date(from.getTime() + limit.amount * HOUR);
    case 'days':
      return new Date(from.getTime() + limit.amount * DAY);
    case 'workdays': {
      let t = from.getTime();
      let left = limit.amount;
      while (left > 0) {
        t += DAY;
        if (isChinaWorkday(new Date(t))) left -= 1;
      }
      return new Date(t);
    }
  }
}

/**
 * The resolve deadline from acceptance: the category's limit (or the backlog class's), never later than the
 * statutory 60 days.
 */
export function resolveDeadline(acceptedAt: Date, limit: Limit, backlogClass?: BacklogClass): Date {
  const byPolicy = backlogClass
    ? new Date(acceptedAt.getTime() + BACKLOG_CLASS_DAYS[backlogClass] * DAY)
    : addLimit(acceptedAt, limit);
  const cap = backlogClass
    ? byPolicy
    : new Date(acceptedAt.getTime() + STATUTORY_RESOLVE_DAYS * DAY);
  return byPolicy < cap ? byPolicy : cap;
}

/** One extension, at most 30 days past the current resolve deadline. */
export function extendedDeadline(current: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 1 || days > MAX_EXTENSION_DAYS) {
    throw new RangeError(`extension must be 1..${MAX_EXTENSION_DAYS} days`);
  }
  return new Date(current.getTime() + days * DAY);
}
