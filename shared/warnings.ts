/**
 * 未诉先办: the early-warning rule, pure. From a township's counters (shared/figures.ts) it says which categories are
 * rising this month and which places gather several cases in a short window (聚集); the sweep stores each warning
 * once per township, subject and month (functions/usecases/warnings.ts). The county's calendar of seasonal topics
 * that the monthly 预警提示 names for the coming month is in shared/seasonal.ts.
 *
 * A category rises when its count this month so far is at least `minCount` and at least `ratio` times either baseline:
 * the mean of the three months before, or the same month a year before (a baseline of zero: any count from
 * `minCount` up rises). A place (a post, or a village) gathers a cluster when `cluster.count` cases or more were
 * registered there within the last `cluster.days` days.
 */
import { countsByDay } from './figures';

export interface WarningPolicy {
  /** this month ≥ ratio × baseline */
  ratio: number;
  /** and this month ≥ minCount: a rise from 1 to 2 is no warning */
  minCount: number;
  /** 聚集: at least `count` cases at one post or village within `days` days */
  cluster: { count: number; days: number };
}
export const DEFAULT_WARNING_POLICY: WarningPolicy = { ratio: 1.5, minCount: 5, cluster: { count: 3, days: 7 } };

/** One category's counts: this month so far, the three months before (oldest first), the same month a year before. */
export interface CategorySeries {
  categoryId: string;
  current: number;
  previous: readonly [number, number, number];
  yearAgo: number;
}

export interface RiseWarning {
  kind: 'rise';
  categoryId: string;
  count: number;
  /** the mean of the three months before, to two decimals */
  mean3: number;
  yearAgo: number;
  /** which baselines it rose past */
  against: Array<'mean3' | 'yearAgo'>;
}
export interface ClusterWarning {
  kind: 'cluster';
  /** a post's cluster names the post's village once the sweep knows it (onePerPlace) */
  place: { kind: 'post' | 'village'; id: string; villageId?: string };
  count: number;
  /** the window's first and last China day */
  from: string;
  to: string;
}
export type Warning = RiseWarning | ClusterWarning;

/** The key a warning is stored under for its township and month: one per category, one per place. */
export const warningKey = (w: Warning) => (w.kind === 'rise' ? `rise_${w.categoryId}` : `cl_${w.place.kind}_${w.place.id}`);

const past = (count: number, baseline: number, p: WarningPolicy) => count >= p.minCount && (baseline === 0 || count >= p.ratio * baseline);

export function risingCategories(series: readonly CategorySeries[], policy: WarningPolicy = DEFAULT_WARNING_POLICY): RiseWarning[] {
  const out: RiseWarning[] = [];
  for (const s of series) {
    const mean3 = Math.round(((s.previous[0] + s.previous[1] + s.previous[2]) / 3) * 100) / 100;
    const against: RiseWarning['against'] = [];
    if (past(s.current, mean3, policy)) against.push('mean3');
    if (past(s.current, s.yearAgo, policy)) against.push('yearAgo');
    if (against.length) out.push({ kind: 'rise', categoryId: s.categoryId, count: s.current, mean3, yearAgo: s.yearAgo, against });
  }
  return out.sort((a, b) => b.count - a.count || a.categoryId.localeCompare(b.categoryId));
}

const DAY = 86_400_000;
const shift = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/**
 * The places with a cluster in the `cluster.days` days up to `today` (China days), from month items whose fields
 * count registrations per post (`dDD_pst_<post>`) and village (`dDD_vil_<village>`).
 */
export function clusters(
  months: ReadonlyArray<{ key: string; counts: Record<string, number> }>,
  today: string,
  policy: WarningPolicy = DEFAULT_WARNING_POLICY,
): ClusterWarning[] {
  const from = shift(today, -(policy.cluster.days - 1));
  const totals = new Map<string, number>();
  for (const d of countsByDay(months, from, today)) {
    for (const [field, n] of Object.entries(d.counts)) if (field.startsWith('pst_') || field.startsWith('vil_')) totals.set(field, (totals.get(field) ?? 0) + n);
  }
  const out: ClusterWarning[] = [];
  for (const [field, count] of totals) {
    if (count < policy.cluster.count) continue;
    out.push({ kind: 'cluster', place: { kind: field.startsWith('pst_') ? 'post' : 'village', id: field.slice(4) }, count, from, to: today });
  }
  return out.sort((a, b) => b.count - a.count || warningKey(a).localeCompare(warningKey(b)));
}

/**
 * One cluster line per place, the more specific one: a village's cluster is dropped when the clusters at its posts
 * already hold as many cases (they are the same cases: every case at a post counts in its village too). A village
 * with more cases than its posts' clusters hold keeps its own line. A post's cluster names its village
 * (`place.villageId`, set by the sweep); one that does not is counted for no village.
 */
export function onePerPlace<W extends { kind: string; count: number; place?: { kind: 'post' | 'village'; id: string; villageId?: string } }>(warnings: readonly W[]): W[] {
  const atPosts = new Map<string, number>();
  for (const w of warnings) {
    const village = w.kind === 'cluster' && w.place?.kind === 'post' ? w.place.villageId : undefined;
    if (village) atPosts.set(village, (atPosts.get(village) ?? 0) + w.count);
  }
  return warnings.filter((w) => !(w.kind === 'cluster' && w.place?.kind === 'village' && (atPosts.get(w.place.id) ?? 0) >= w.count));
}

/** `YYYY-MM` shifted by whole months. */
export function shiftMonth(month: string, by: number): string {
  const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + by, 1));
  return d.toISOString().slice(0, 7);
}

/**
 * One township's warnings for the month of `today`, from its month items of that month, the three before and the
 * same month a year before (shared/figures.ts fields `dDD_cat_<category>`, `dDD_pst_`, `dDD_vil_`).
 */
export function warningsOf(
  months: ReadonlyArray<{ key: string; counts: Record<string, number> }>,
  today: string,
  policy: WarningPolicy = DEFAULT_WARNING_POLICY,
): Warning[] {
  const month = today.slice(0, 7);
  const perMonth = (m: string) => {
    const out: Record<string, number> = {};
    for (const item of months) {
      if (item.key !== `M#${m}`) continue;
      for (const [field, n] of Object.entries(item.counts)) {
        const hit = /^d\d\d_cat_(.+)$/.exec(field);
        if (hit) out[hit[1]!] = (out[hit[1]!] ?? 0) + n;
      }
    }
    return out;
  };
  const [now, p1, p2, p3, lastYear] = [perMonth(month), perMonth(shiftMonth(month, -3)), perMonth(shiftMonth(month, -2)), perMonth(shiftMonth(month, -1)), perMonth(shiftMonth(month, -12))];
  const series: CategorySeries[] = Object.keys(now).map((categoryId) => ({
    categoryId,
    current: now[categoryId] ?? 0,
    previous: [p1[categoryId] ?? 0, p2[categoryId] ?? 0, p3[categoryId] ?? 0],
    yearAgo: lastYear[categoryId] ?? 0,
  }));
  return [...risingCategories(series, policy), ...clusters(months, today, policy)];
}

/** The months a township's warnings compare (`M#YYYY-MM`): this one, the three before, the same one a year before. */
export const warningMonths = (today: string) => {
  const month = today.slice(0, 7);
  return [0, -1, -2, -3, -12].map((by) => `M#${shiftMonth(month, by)}`);
};

// the county's calendar of seasonal topics lives apart, so the app's settings form need not load the counters' code
export { DEFAULT_SEASONAL_CALENDAR, calendarByMonth, calendarRows, seasonalFor, type SeasonalCalendar, type SeasonalMonth } from './seasonal';
