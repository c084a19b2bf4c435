/**
 * Slot generation, pure: a host's weekly hours, dated exceptions and China's calendar give the day's windows; the
 * slot length and buffer cut them into slots; minimum notice and the booking horizon bound what may be booked.
 * Hours are China time; slots are UTC instants.
 */
import { isPublicHoliday, isWorkday } from './calendar';
import type { Availability, SlotRules, Window } from './schemas/booking';
import { chinaDate } from './timeLimits';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export interface SlotTime {
  start: string;
  end: string;
}

type Span = [from: number, to: number];

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const spans = (ws: readonly Window[]): Span[] => ws.map((w) => [minutes(w.from), minutes(w.to)]);

/** ISO weekday of a China date: 1 Monday … 7 Sunday. */
export function weekdayOf(day: string): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The China day `n` days after `day`. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

/** The China week (Monday to Sunday) an instant falls in, named by its Monday: `2026-11-30`. */
export function weekOf(iso: string): string {
  const day = chinaDate(new Date(iso));
  return addDays(day, 1 - weekdayOf(day));
}

/** The UTC instant of a China day's midnight. */
export function chinaMidnight(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

function merge(list: Span[]): Span[] {
  const sorted = [...list].sort((a, b) => a[0] - b[0]);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else out.push([s[0], s[1]]);
  }
  return out;
}

function subtract(list: Span[], off: Span): Span[] {
  return list.flatMap(([a, b]): Span[] => {
    if (off[1] <= a || off[0] >= b) return [[a, b]];
    const parts: Span[] = [];
    if (off[0] > a) parts.push([a, off[0]]);
    if (off[1] < b) parts.push([off[1], b]);
    return parts;
  });
}

/** The host's receiving hours on a China day, in minutes after midnight China time. */
export function dayWindows(availability: Availability, day: string): Span[] {
  const hoursOf = (weekday: number) => availability.weekly.filter((w) => w.weekday === weekday).flatMap((w) => spans(w.windows));
  let base: Span[];
  const weekday = weekdayOf(day);
  if (!availability.chinaCalendar) base = hoursOf(weekday);
  else if (isPublicHoliday(day)) base = [];
  else if (weekday >= 6 && isWorkday(day)) {
    // 调休上班: the calendar does not say which weekday it stands for; the host's first weekday with hours does.
    const first = [1, 2, 3, 4, 5].find((d) => hoursOf(d).length > 0);
    base = first ? hoursOf(first) : [];
  } else base = hoursOf(weekday);
  base = merge(base);
  const exceptions = availability.exceptions.filter((e) => e.date === day);
  for (const e of exceptions.filter((x) => x.kind === 'leave')) {
    base = e.windows.length === 0 ? [] : spans(e.windows).reduce(subtract, base);
  }
  const extra = exceptions.filter((x) => x.kind === 'extra').flatMap((x) => spans(x.windows));
  return merge([...base, ...extra]);
}

/** Slots of one China day: each window cut into slot-length pieces with the buffer between them. */
export function daySlots(availability: Availability, rules: Pick<SlotRules, 'slotMinutes' | 'bufferMinutes'>, day: string): SlotTime[] {
  const midnight = chinaMidnight(day).getTime();
  const out: SlotTime[] = [];
  for (const [from, to] of dayWindows(availability, day)) {
    for (let t = from; t + rules.slotMinutes <= to; t += rules.slotMinutes + rules.bufferMinutes) {
      out.push({
        start: new Date(midnight + t * MINUTE).toISOString(),
        end: new Date(midnight + (t + rules.slotMinutes) * MINUTE).toISOString(),
      });
    }
  }
  return out;
}

/**
 * The slots a citizen may book now: from today (China) for `days` days, never past the horizon, never sooner than
 * the minimum notice.
 */
export function bookableSlots(host: { availability: Availability; rules: SlotRules }, now: Date, days = host.rules.horizonDays): SlotTime[] {
  const today = chinaDate(now);
  const earliest = now.getTime() + host.rules.minNoticeMinutes * MINUTE;
  const span = Math.min(days, host.rules.horizonDays);
  const out: SlotTime[] = [];
  for (let i = 0; i < span; i++) {
    for (const s of daySlots(host.availability, host.rules, addDays(today, i))) {
      if (Date.parse(s.start) >= earliest) out.push(s);
    }
  }
  return out;
}

/** The bookable slot that starts at `start`, if there is one. */
export function findSlot(host: { availability: Availability; rules: SlotRules }, now: Date, start: string): SlotTime | undefined {
  const at = Date.parse(start);
  if (Number.isNaN(at)) return undefined;
  return bookableSlots(host, now).find((s) => Date.parse(s.start) === at);
}
