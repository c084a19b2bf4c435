/**
 * The four figures every centre is judged by, kept as counters while cases move (never by scanning petitions).
 *
 * | figure | 中文 | numerator | denominator |
 * |---|---|---|---|
 * | timely acceptance | 及时受理率 | accepted or declined within the acceptance limit | registered, by registration day |
 * | on-time completion | 按期办结率 | resolved by the resolve deadline, by that deadline's day | cases whose resolve deadline falls in the period (open and overdue ones count against it) |
 * | satisfaction | 满意率 | 满意 + 基本满意 | rated, by rating day |
 * | participation | 参评率 | rated | resolved, by resolve day |
 * | mediation success | 调处成功率 | resolved with 调解成功 recorded | resolved in a mediation category (the county's), by first resolve day |
 * | video share | 视频接访占比 | video receptions held | receptions held, every way, and visits (来访) registered, by their day |
 *
 * Rated: the citizen's rating in the app, else one taken on the follow-up call (回访), counted on the day of the call;
 * an app rating after such a call takes its place (the call's counts are taken back on their day).
 *
 * Each count is kept for the owning centre and for the county, per China calendar day, in one item per month
 * (`M#YYYY-MM`, fields `dDD_<count>`) so a period's figures are a handful of items read at once; the current status
 * counts are kept apart (`NOW`, fields `st_<status>`). `figureDeltas` says what one step adds; storage applies it in
 * the step's transaction.
 */
import { STATUSES, type Status } from './schemas/common';
import type { Petition, TimelineEvent } from './schemas/petition';
import { chinaDate } from './timeLimits';

export interface FigureDelta {
  /** a centre id or a county id */
  scope: string;
  /** `M#YYYY-MM` or `NOW` */
  key: string;
  add: Record<string, number>;
}

export const NOW_KEY = 'NOW';
export const monthKey = (day: string) => `M#${day.slice(0, 7)}`;
/** The month item and the field prefix of the China calendar day of `iso`. */
function dayOf(iso: string): { key: string; prefix: string } {
  const day = chinaDate(new Date(iso));
  return { key: monthKey(day), prefix: `d${day.slice(8, 10)}_` };
}
const statusField = (s: Status) => `st_${s}`;

type Counted = Pick<Petition, 'centreId' | 'countyId' | 'townshipId' | 'categoryId' | 'status' | 'createdAt' | 'resolveDueAt'> &
  Partial<Pick<Petition, 'channel' | 'level' | 'villageId' | 'agentId' | 'postId' | 'repeatOf' | 'acceptedAt' | 'reopenedAt' | 'rating' | 'followUp' | 'persons'>>;

/** The counters of what one staff user filed for citizens (凡诉代办): an agent's figures. */
export const filerScope = (userId: string) => `filer~${userId}`;

/**
 * Whose counters a case adds to: its owning centre and its county; while its village holds it (小事不出村) the
 * village, whose staff read their own figures (a hand-up or the township taking it moves its counts off the village);
 * and the staff user who filed it for a citizen (an agent's figures: filed, resolved, rated, satisfied).
 */
export function figureScopes(p: Counted): string[] {
  return [...new Set([p.centreId, p.countyId, ...(p.level === 'village' && p.villageId ? [p.villageId] : []), ...(p.agentId ? [filerScope(p.agentId)] : [])])];
}
/**
 * What a registration counts on its day: one registered (one 批次), its category and township, and the persons it
 * records beyond the first (`px`: 人次 = registered + px, so counters written before persons were recorded still add up).
 */
const registration = (p: Counted, n: 1 | -1) => ({
  registered: n,
  [`cat_${p.categoryId}`]: n,
  [`tw_${p.townshipId}`]: n,
  ...((p.persons ?? 1) > 1 ? { px: n * ((p.persons ?? 1) - 1) } : {}),
});
/** What a rating adds: one rated, and one satisfied unless 不满意. */
const rated = (rating: unknown, n: 1 | -1) => ({ rated: n, ...(rating !== 'dissatisfied' ? { satisfied: n } : {}) });

/** Counted among the resolved: resolved, rated or closed after an acceptance (a closed decline is not). */
const SETTLED_STATUSES: readonly Status[] = ['resolved', 'rated', 'closed'];

/**
 * The counters that follow from what a case is now, each on the China day of its anchor: on the registration day
 * its channel (`ch_`), village (`vil_`), post (`pst_`) and whether it is marked as a repeat (`rep`); on the acceptance
 * day that it was accepted (`accepted`) and whether it is 化解 now: resolved and never reopened (`settled`). A step
 * takes the case's snapshot before away and adds the one after, so a transfer, a link or a reopen moves exactly
 * what changed (shared by the merge).
 */
function snapshot(p: Counted): Array<{ at: string; add: Record<string, number> }> {
  const reg: Record<string, number> = {};
  if (p.channel) reg[`ch_${p.channel}`] = 1;
  if (p.villageId) reg[`vil_${p.villageId}`] = 1;
  if (p.postId) reg[`pst_${p.postId}`] = 1;
  if (p.repeatOf) reg.rep = 1;
  const out = [{ at: p.createdAt, add: reg }];
  if (p.acceptedAt) {
    out.push({ at: p.acceptedAt, add: { accepted: 1, ...(SETTLED_STATUSES.includes(p.status) && !p.reopenedAt ? { settled: 1 } : {}) } });
  }
  return out;
}

/** What one step adds to the counters, merged per item. `before` is undefined for a new petition. */
export function figureDeltas(before: Counted | undefined, after: Counted, events: ReadonlyArray<Pick<TimelineEvent, 'action' | 'at' | 'data' | 'from'>>): FigureDelta[] {
  const out: FigureDelta[] = [];
  const both = (p: Counted, key: string, add: Record<string, number>) => {
    for (const scope of figureScopes(p)) out.push({ scope, key, add });
  };
  /** counts on the day of `iso` */
  const onDay = (p: Counted, iso: string, add: Record<string, number>) => {
    const { key, prefix } = dayOf(iso);
    both(p, key, Object.fromEntries(Object.entries(add).map(([f, n]) => [prefix + f, n])));
  };
  const reg = after.createdAt;
  for (const s of snapshot(after)) onDay(after, s.at, s.add);
  if (!before) {
    onDay(after, reg, registration(after, 1));
    both(after, NOW_KEY, { [statusField(after.status)]: 1 });
    return merge(out);
  }
  for (const s of snapshot(before)) onDay(before, s.at, Object.fromEntries(Object.entries(s.add).map(([f, n]) => [f, -n])));
  const moved = figureScopes(before).join() !== figureScopes(after).join();
  if (before.status !== after.status || moved) {
    both(before, NOW_KEY, { [statusField(before.status)]: -1 });
    both(after, NOW_KEY, { [statusField(after.status)]: 1 });
  }
  if (moved) {
    // A transfer or a takeover (接管) moves the case's registration to its new owner, a hand-up off its village; an
    // escalation never does.
    onDay(before, reg, registration(before, -1));
    onDay(after, reg, registration(after, 1));
  }
  if (before.resolveDueAt !== after.resolveDueAt) {
    if (before.resolveDueAt) onDay(before, before.resolveDueAt, { resolveDue: -1 });
    if (after.resolveDueAt) onDay(after, after.resolveDueAt, { resolveDue: 1 });
  }
  for (const e of events) {
    switch (e.action) {
      case 'accept':
      case 'decline':
        if (e.data?.onTime === true) onDay(after, reg, { acceptedOnTime: 1 });
        break;
      case 'resolve':
        // A case counts once: resolving it again after a review changes neither figure.
        if (e.from === 'reopened' || before.reopenedAt) break;
        onDay(after, e.at, { resolved: 1 });
        // 调处: a case of a mediation category, mediated to an agreement or not (decided with the county's settings)
        if (e.data?.mediation === 'agreed' || e.data?.mediation === 'not_agreed') onDay(after, e.at, { med: 1, ...(e.data.mediation === 'agreed' ? { medOk: 1 } : {}) });
        if (e.data?.onTime === true && after.resolveDueAt) onDay(after, after.resolveDueAt, { resolvedOnTime: 1 });
        break;
      case 'rate':
        // a rating taken on the follow-up call counted in its place gives way to the citizen's own
        if (before.followUp?.rating && !before.rating) onDay(before, before.followUp.at, rated(before.followUp.rating, -1));
        onDay(after, e.at, rated(e.data?.rating, 1));
        break;
      case 'follow_up':
        // 回访: the rating the citizen gave on the call counts when they have not rated in the app
        if (e.data?.rating && !before.rating) onDay(after, e.at, rated(e.data.rating, 1));
        break;
      default:
        break;
    }
  }
  return merge(out);
}

function merge(deltas: FigureDelta[]): FigureDelta[] {
  const byItem = new Map<string, FigureDelta>();
  for (const d of deltas) {
    const k = `${d.scope}|${d.key}`;
    const cur = byItem.get(k) ?? { scope: d.scope, key: d.key, add: {} };
    for (const [f, n] of Object.entries(d.add)) cur.add[f] = (cur.add[f] ?? 0) + n;
    byItem.set(k, cur);
  }
  return [...byItem.values()]
    .map((d) => ({ ...d, add: Object.fromEntries(Object.entries(d.add).filter(([, n]) => n !== 0)) }))
    .filter((d) => Object.keys(d.add).length > 0);
}

export interface Ratio {
  numerator: number;
  denominator: number;
  /** null when there is nothing to divide by */
  rate: number | null;
}
export const ratio = (numerator: number, denominator: number): Ratio => ({
  numerator,
  denominator,
  rate: denominator > 0 ? Math.round((numerator / denominator) * 10_000) / 10_000 : null,
});

export interface Figures {
  timelyAcceptance: Ratio;
  onTimeCompletion: Ratio;
  satisfaction: Ratio;
  participation: Ratio;
  byCategory: Record<string, number>;
  byTownship: Record<string, number>;
  byStatus: Partial<Record<Status, number>>;
  daily: Array<{ day: string; registered: number; resolved: number }>;
  /** registered in the period */
  registered: number;
  /** 化解率: accepted in the period and now resolved, never reopened ÷ accepted in the period */
  resolution: Ratio;
  /** 重复信访: registered in the period and marked as a repeat ÷ registered */
  repeats: Ratio;
  /**
   * 视频接访占比 (云视讯): video receptions held ÷ (receptions held, every way, + visits registered (来访)); receptions are
   * counted by the booking repository into these same month items (shared/bookingFigures.ts receptionDeltas)
   */
  videoShare: Ratio;
  /** receptions held in the period by way (video, in_person, phone) */
  byWay: Record<string, number>;
  /** receptions held in the period, every way */
  receptions: number;
  byChannel: Record<string, number>;
  byVillage: Record<string, number>;
  byPost: Record<string, number>;
  /** 人次: the persons the period's registrations record (one each unless a registration names more); 批次 is `registered` */
  persons: number;
  /** 调处成功率: of the mediation categories' cases resolved in the period (first 办结), those mediated to an agreement */
  mediation: Ratio;
}

/** The months whose items hold the days from `from` to `to` (YYYY-MM-DD, inclusive). */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const [ty, tm] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(monthKey(`${y}-${String(m).padStart(2, '0')}-01`));
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}

/**
 * The counts of each day `from`..`to` (China calendar, inclusive) from month items whose fields are `dDD_<count>`
 * (items of one month may come more than once: shards are summed), sorted by day.
 */
export function countsByDay(months: ReadonlyArray<{ key: string; counts: Record<string, number> }>, from: string, to: string) {
  const perDay = new Map<string, Record<string, number>>();
  for (const m of months) {
    const month = m.key.slice(2, 9);
    for (const [field, n] of Object.entries(m.counts)) {
      const hit = /^d(\d\d)_(.+)$/.exec(field);
      if (!hit) continue;
      const day = `${month}-${hit[1]}`;
      if (day < from || day > to) continue;
      const counts = perDay.get(day) ?? {};
      counts[hit[2]!] = (counts[hit[2]!] ?? 0) + n;
      perDay.set(day, counts);
    }
  }
  return [...perDay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, counts]) => ({ day, counts }));
}

/**
 * The figures of the days `from`..`to` (China calendar, inclusive) from the month items (summed over their
 * shards by the caller or not: items of one month may come more than once) and the current status counts.
 */
export function figuresOf(
  months: ReadonlyArray<{ key: string; counts: Record<string, number> }>,
  now: Record<string, number>,
  from: string,
  to: string,
): Figures {
  const days = countsByDay(months, from, to);
  const sum = (f: string) => days.reduce((n, d) => n + (d.counts[f] ?? 0), 0);
  const prefixed = (prefix: string) => {
    const out: Record<string, number> = {};
    for (const d of days) for (const [k, v] of Object.entries(d.counts)) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = (out[k.slice(prefix.length)] ?? 0) + v;
    return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== 0));
  };
  const byWay = prefixed('rcv_');
  const receptions = Object.values(byWay).reduce((n, v) => n + v, 0);
  const byStatus: Partial<Record<Status, number>> = {};
  for (const s of STATUSES) if ((now[statusField(s)] ?? 0) > 0) byStatus[s] = now[statusField(s)];
  return {
    timelyAcceptance: ratio(sum('acceptedOnTime'), sum('registered')),
    onTimeCompletion: ratio(sum('resolvedOnTime'), sum('resolveDue')),
    satisfaction: ratio(sum('satisfied'), sum('rated')),
    participation: ratio(sum('rated'), sum('resolved')),
    byCategory: prefixed('cat_'),
    byTownship: prefixed('tw_'),
    byStatus,
    daily: days.map((d) => ({ day: d.day, registered: d.counts.registered ?? 0, resolved: d.counts.resolved ?? 0 })),
    registered: sum('registered'),
    resolution: ratio(sum('settled'), sum('accepted')),
    repeats: ratio(sum('rep'), sum('registered')),
    videoShare: ratio(sum('rcv_video'), receptions + sum('ch_visit')),
    byWay,
    receptions,
    byChannel: prefixed('ch_'),
    byVillage: prefixed('vil_'),
    byPost: prefixed('pst_'),
    persons: sum('registered') + sum('px'),
    mediation: ratio(sum('medOk'), sum('med')),
  };
}

/** The same China calendar day a year before (29 February: the 28th). */
export function yearBefore(day: string): string {
  const y = String(Number(day.slice(0, 4)) - 1).padStart(4, '0');
  const md = day.slice(5) === '02-29' ? '02-28' : day.slice(5);
  return `${y}-${md}`;
}

/** The same period a year before: what the year-on-year column (同比) compares with. */
export const periodYearBefore = (p: { from: string; to: string }) => ({ from: yearBefore(p.from), to: yearBefore(p.to) });

/**
 * The month items a dashboard reads: the period's and the same months a year before (year on year), each in every
 * shard, and now. Kept within one BatchGetItem (100 keys) for the longest period: see the unit test.
 */
export function dashboardMonths(from: string, to: string): string[] {
  const before = periodYearBefore({ from, to });
  return [...new Set([...monthsOf(before.from, before.to), ...monthsOf(from, to)])];
}
