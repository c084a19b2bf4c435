import { getHolidaysInRange, isWorkday as packageIsWorkday } from 'chinese-days';
import whole from 'chinese-days/dist/chinese-days.json';
import { describe, expect, it } from 'vitest';
import { FIRST_YEAR, isPublicHoliday, isWorkday } from '../../shared/calendar';

/** Every day from 1 January of `from` to 31 December of `to`, as YYYY-MM-DD. */
function days(from: number, to: number): string[] {
  const out: string[] = [];
  for (let t = Date.UTC(from, 0, 1); t <= Date.UTC(to, 11, 31); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** The last year of which the package has the State Council's notice. */
const lastNoticeYear = Math.max(...Object.keys(whole.holidays).map((d) => Number(d.slice(0, 4))));

describe("China's working calendar", () => {
  it('agrees with the chinese-days package on every day it knows from the first year a case can fall in, and the year after', () => {
    const all = days(FIRST_YEAR, lastNoticeYear + 1);
    expect(all.length).toBeGreaterThan(3 * 365);
    expect(all.filter((d) => isWorkday(d) !== packageIsWorkday(d))).toEqual([]);
    expect(all.filter((d) => isPublicHoliday(d) !== getHolidaysInRange(d, d, false).length > 0)).toEqual([]);
  });

  it.each([
    ['New Year 2026, a Thursday', '2026-01-01', false, true],
    ['a Spring Festival Monday', '2026-02-16', false, true],
    ['the make-up Saturday after National Day (调休上班)', '2026-10-10', true, false],
    ['an ordinary Friday', '2026-11-27', true, false],
    ['an ordinary Sunday', '2026-11-29', false, false],
    ['a Monday of a year without a notice yet', '2031-03-03', true, false],
  ] as const)('%s (%s): workday %s, public holiday %s', (_name, day, workday, holiday) => {
    expect(isWorkday(day)).toBe(workday);
    expect(isPublicHoliday(day)).toBe(holiday);
  });
});
