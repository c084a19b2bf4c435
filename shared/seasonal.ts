/**
 * 未诉先办: a county's calendar of seasonal topics, which the monthly 预警提示 names for the coming month, and how the
 * county's settings form edits it a month at a time. Pure, and free of the counters' code (the app loads it).
 */
/** A county's calendar of seasonal topics: the categories to look out for in each month (1–12). */
export type SeasonalCalendar = ReadonlyArray<{ month: number; categoryIds: readonly string[]; note: string }>;

/**
 * From the seeds: heating (供暖) through the heating season, wage arrears (拖欠工资) in the two months before the
 * Spring Festival, grassland and land (草原、土地) in spring, when grazing and ploughing start.
 */
export const DEFAULT_SEASONAL_CALENDAR: SeasonalCalendar = [
  { month: 10, categoryIds: ['heating'], note: '供暖季开始，关注供暖不热、停暖' },
  { month: 11, categoryIds: ['heating'], note: '供暖季，关注供暖质量' },
  { month: 12, categoryIds: ['heating', 'wage_arrears'], note: '春节前，关注农民工工资支付；供暖季' },
  { month: 1, categoryIds: ['heating', 'wage_arrears'], note: '春节前，关注农民工工资支付；供暖季' },
  { month: 2, categoryIds: ['heating'], note: '供暖季，关注供暖质量' },
  { month: 3, categoryIds: ['heating', 'grassland', 'land_dispute'], note: '春季放牧、春耕前，关注草场边界和土地承包' },
  { month: 4, categoryIds: ['grassland', 'land_dispute'], note: '春耕春牧，关注草场边界和土地承包' },
  { month: 5, categoryIds: ['grassland', 'land_dispute'], note: '春耕春牧，关注草场边界和土地承包' },
];

/** What the calendar names for a month (`YYYY-MM`). */
export function seasonalFor(calendar: SeasonalCalendar, month: string): { categoryIds: readonly string[]; notes: string[] } {
  const m = Number(month.slice(5, 7));
  const rows = calendar.filter((r) => r.month === m);
  return { categoryIds: [...new Set(rows.flatMap((r) => r.categoryIds))], notes: rows.map((r) => r.note) };
}

/** One month of the calendar as the county's settings form edits it: its categories and its note. */
export interface SeasonalMonth {
  categoryIds: string[];
  note: string;
}

/** The calendar one entry a month (1–12): the categories of a month's rows together, their notes joined. */
export function calendarByMonth(calendar: SeasonalCalendar): Record<number, SeasonalMonth> {
  const out: Record<number, SeasonalMonth> = {};
  for (let m = 1; m <= 12; m++) {
    const rows = calendar.filter((r) => r.month === m);
    out[m] = { categoryIds: [...new Set(rows.flatMap((r) => r.categoryIds))], note: rows.map((r) => r.note).join('；') };
  }
  return out;
}

/** Back to the calendar's rows, in month order; a month with neither a category nor a note is left out. */
export function calendarRows(byMonth: Readonly<Record<number, SeasonalMonth>>): Array<{ month: number; categoryIds: string[]; note: string }> {
  const out: Array<{ month: number; categoryIds: string[]; note: string }> = [];
  for (let m = 1; m <= 12; m++) {
    const e = byMonth[m];
    if (e && (e.categoryIds.length > 0 || e.note.trim() !== '')) out.push({ month: m, categoryIds: e.categoryIds, note: e.note.trim() });
  }
  return out;
}
