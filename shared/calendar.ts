/**
 * China's working calendar: public holidays (法定节假日) and the weekend days worked in their place (调休上班), from the
 * State Council's yearly notice as the `chinese-days` package publishes it, one file a year. Only the years a case can
 * fall in are taken (the package's whole history and its lunar calendar were 23 KiB of every function's bundle); a
 * year without a notice is a plain Monday-to-Friday week. When the package gains a year, add its line: a unit test
 * (test/unit/calendar.test.ts) fails until the two agree on every day the package knows from FIRST_YEAR on.
 */
import y2024 from 'chinese-days/dist/years/2024.json';
import y2025 from 'chinese-days/dist/years/2025.json';
import y2026 from 'chinese-days/dist/years/2026.json';

interface YearNotice {
  /** each rest day of a holiday, weekends inside it included */
  holidays: Record<string, string>;
  /** each weekend day worked in lieu */
  workdays: Record<string, string>;
}

export const FIRST_YEAR = 2024;
const YEARS: YearNotice[] = [y2024, y2025, y2026];

const HOLIDAYS = new Set(YEARS.flatMap((y) => Object.keys(y.holidays)));
const MAKEUP_WORKDAYS = new Set(YEARS.flatMap((y) => Object.keys(y.workdays)));

/** 1 = Monday … 7 = Sunday, of a `YYYY-MM-DD` day. */
const weekdayOf = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay() || 7;

/** A working day in China: Monday to Friday but a public holiday, or a weekend day worked in lieu. */
export function isWorkday(day: string): boolean {
  return MAKEUP_WORKDAYS.has(day) || (weekdayOf(day) <= 5 && !HOLIDAYS.has(day));
}

/** A statutory rest day (法定节假日 and the weekends inside it), as opposed to a plain weekend. */
export function isPublicHoliday(day: string): boolean {
  return HOLIDAYS.has(day);
}
