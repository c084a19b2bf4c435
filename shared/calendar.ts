/**
 * China's working calendar: public holidays (法定节假日) and the weekend days worked in their place (调休上班), from the
 * State Council's yearly notice, written here for the years a case can fall in (the `chinese-days` package, whole,
 * was 23 KiB of every function's bundle). A year without a notice is a plain Monday-to-Friday week. When the notice
 * of a new year comes out (each November), add its line: a unit test (test/unit/calendar.test.ts) fails until this
 * table agrees with the `chinese-days` package on every day the package knows from FIRST_YEAR on.
 */

/** Each year's holidays as `first day+days` (weekends inside them included), and its make-up workdays. */
const NOTICES: Record<number, { holidays: string[]; workdays: string[] }> = {
  2024: {
    holidays: ['2024-01-01+1', '2024-02-10+8', '2024-04-04+3', '2024-05-01+5', '2024-06-10+1', '2024-09-15+3', '2024-10-01+7'],
    workdays: ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
  },
  2025: {
    holidays: ['2025-01-01+1', '2025-01-28+8', '2025-04-04+3', '2025-05-01+5', '2025-05-31+3', '2025-10-01+8'],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    holidays: ['2026-01-01+3', '2026-02-15+9', '2026-04-04+3', '2026-05-01+5', '2026-06-19+3', '2026-09-25+3', '2026-10-01+7'],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

export const FIRST_YEAR = Math.min(...Object.keys(NOTICES).map(Number));

const DAY = 86_400_000;
/** Each day of a `first+days` span. */
const spanDays = (span: string): string[] => {
  const [first = '', days = '0'] = span.split('+');
  return Array.from({ length: Number(days) }, (_, i) => new Date(Date.parse(`${first}T00:00:00Z`) + i * DAY).toISOString().slice(0, 10));
};
const HOLIDAYS = new Set(Object.values(NOTICES).flatMap((y) => y.holidays.flatMap(spanDays)));
const MAKEUP_WORKDAYS = new Set(Object.values(NOTICES).flatMap((y) => y.workdays));

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
