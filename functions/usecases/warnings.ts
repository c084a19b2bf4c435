/**
 * 未诉先办: the warning sweep and what staff read of it. For each county, the sweep reads its townships' counters of
 * the months the rule compares (this month, the three before, the same month a year before: 5 months × the shards a
 * township, and the month's warnings item; 100 keys to a read, never a petition), decides with shared/warnings.ts and
 * raises each new warning once per township, subject and month (a conditional write: two sweeps at once raise it once). The township's centre is told on its 工作台 and dashboard, which
 * read the month's warnings; the monthly 预警提示 prints them with the coming month's seasonal topics.
 */
import { NotFoundError, ValidationError } from '../../shared/errors';
import { ancestors, townshipsOf, type Org } from '../../shared/routing';
import { isNewWarning, type StoredWarning } from '../../shared/schemas/warnings';
import { chinaDate } from '../../shared/timeLimits';
import { DEFAULT_SEASONAL_CALENDAR, onePerPlace, seasonalFor, shiftMonth, warningKey, warningMonths, warningsOf, type Warning, type WarningPolicy } from '../../shared/warnings';
import type { Clock, OrgRepository, PetitionRepository, QueueFilter } from '../ports';
import { chinaDayStart } from './petitions';
import { staffSummary } from './views';
import type { Deps, StaffCaller } from './context';
import { figureScope } from './dashboard';

export interface WarnReport {
  /** the China day the sweep compared up to */
  day: string;
  /** townships read */
  townships: number;
  /** warnings raised now (raised before: not again) */
  raised: StoredWarning[];
}

export async function warnSweep(
  deps: { petitions: PetitionRepository; org: OrgRepository; clock: Clock; warning: WarningPolicy },
  now: Date = deps.clock.now(),
): Promise<WarnReport> {
  const org = await deps.org.load();
  const day = chinaDate(now);
  const report: WarnReport = { day, townships: 0, raised: [] };
  for (const county of [...org.nodes.values()].filter((n) => n.kind === 'county')) {
    const townships = townshipsOf(org, county.id);
    // the counters and, in the same read, the warnings already raised this month: only new ones are written
    const counters = await deps.petitions.monthFigures(townships.map((t) => t.id), warningMonths(day), day.slice(0, 7));
    for (const t of townships) {
      report.townships += 1;
      const raised = new Set((counters.warnings.get(t.id) ?? []).map((w) => w.key));
      for (const w of await oneLinePerPlace(deps.org, org, warningsOf(counters.get(t.id) ?? [], day, deps.warning))) {
        if (raised.has(warningKey(w))) continue;
        const stored: StoredWarning = { ...w, key: warningKey(w), townshipId: t.id, month: day.slice(0, 7), raisedAt: now.toISOString(), townshipName: t.name, subject: await subjectOf(deps.org, org, w) };
        if (await deps.petitions.raiseWarning(county.id, stored)) report.raised.push(stored);
      }
    }
  }
  return report;
}

/**
 * A post's cluster learns its village (the post, cached by the org repository), and a village's cluster that its posts'
 * clusters already hold is not raised: one line per place, the post.
 */
async function oneLinePerPlace(repo: OrgRepository, org: Org, warnings: Warning[]): Promise<Warning[]> {
  for (const w of warnings) {
    if (w.kind !== 'cluster' || w.place.kind !== 'post') continue;
    const post = await repo.getPost(w.place.id);
    const village = post ? ancestors(org, post.nodeId).find((n) => n.kind === 'village')?.id : undefined;
    if (village) w.place = { ...w.place, villageId: village };
  }
  return onePerPlace(warnings);
}

/** What the 预警提示 prints under its two lists: the rule, with the county's numbers. */
export function rulesText(p: WarningPolicy) {
  return {
    rise: `本月至今某类诉求达到 ${p.minCount} 件以上，且达到前三个月月均的 ${p.ratio} 倍或上年同月的 ${p.ratio} 倍时预警`,
    cluster: `同一岗点或同一村（社区）${p.cluster.days} 天内登记 ${p.cluster.count} 件以上时提示聚集`,
  };
}

/** What a warning is about, as the page names it: a category, a post or a village. */
async function subjectOf(repo: OrgRepository, org: Org, w: Warning): Promise<string> {
  if (w.kind === 'rise') return org.categories.find((c) => c.id === w.categoryId)?.name ?? w.categoryId;
  if (w.place.kind === 'village') return org.nodes.get(w.place.id)?.name ?? w.place.id;
  const post = await repo.getPost(w.place.id);
  return post ? `${post.name}（岗点）` : w.place.id;
}

/**
 * GET /staff/warnings?month=&townshipId=: a month's warnings in the caller's scope (centre staff: their township; the
 * county: all its townships, or one), and the county's seasonal topics of the month after. One read.
 */
export async function listWarnings(deps: Deps, caller: StaffCaller, q: { month?: string; townshipId?: string }) {
  const org = await deps.org.load();
  const { id, countyId } = figureScope(caller, org, q.townshipId);
  // the month is the query's, checked by the route's contract (WarningsQuery), or this one
  const month = q.month ?? chinaDate(deps.clock.now()).slice(0, 7);
  const next = shiftMonth(month, 1);
  const calendar = org.nodes.get(countyId)?.settings?.seasonal ?? DEFAULT_SEASONAL_CALENDAR;
  const season = seasonalFor(calendar, next);
  const read = await deps.petitions.warningsSeen(id, month);
  // raised before a post's cluster knew its village, both lines may be stored: those the sweep now raises once
  const warnings = onePerPlace(read.warnings);
  const seenAt = read.seen[caller.id];
  return {
    scope: { id, name: org.nodes.get(id)?.name ?? id },
    month,
    warnings,
    /** 新预警: when the caller last marked this month's warnings seen, and how many were raised since (all, if never) */
    seenAt,
    unseen: warnings.filter((w) => isNewWarning(w, seenAt)).length,
    /** a county caller prints every township's 预警提示 at once: its townships, each a sheet */
    townships: id === countyId ? townshipsOf(org, id).map((t) => ({ id: t.id, name: t.name })) : [],
    seasonal: {
      month: next,
      categories: season.categoryIds.map((c) => ({ id: c, name: org.categories.find((x) => x.id === c)?.name ?? c })),
      notes: season.notes,
    },
    rules: rulesText(deps.warning),
  };
}

/**
 * POST /staff/warnings/seen {month, townshipId}: the caller has seen the month's warnings of their township or county
 * (the scope GET /staff/warnings reads): the 工作台's 新预警 mark goes until a warning is raised after it. How the
 * centre is told of a warning: staff have no message channel (the outbox sends WeChat subscribe messages to citizens,
 * by their openid; staff log in with a password), so the sweep's warning waits on their 工作台, marked new, until seen.
 */
export async function markWarningsSeen(deps: Deps, caller: StaffCaller, q: { month?: string; townshipId?: string }) {
  const org = await deps.org.load();
  const { id } = figureScope(caller, org, q.townshipId);
  const month = q.month ?? chinaDate(deps.clock.now()).slice(0, 7);
  const seenAt = deps.clock.now().toISOString();
  await deps.petitions.markWarningsSeen(id, month, caller.id, seenAt);
  return { month, seenAt };
}

/**
 * GET /staff/warnings/cases?month=&townshipId=&key=: the cases behind one warning, newest first, a page at a time: a
 * rise's category registered at the township's centre in its month, a cluster's post or village registered in its
 * window. One read of the township's warnings item, then the centre's queue by registration time with the category,
 * post or village as a filter (at most QUEUE_FILTER_READS queries of a page: O(page), never the township's cases).
 * Centre staff: their own township; the county: a township it names (a warning belongs to one). Else 404.
 */
export async function warningCases(deps: Deps, caller: StaffCaller, q: { month: string; townshipId?: string; key: string; limit: number; cursor?: string }) {
  const org = await deps.org.load();
  const { id } = figureScope(caller, org, q.townshipId);
  if (org.nodes.get(id)?.kind !== 'township') throw new ValidationError('请选择乡镇（苏木）', [{ path: 'query.townshipId', message: '预警属于某个乡镇（苏木），请选择' }]);
  const warning = (await deps.petitions.warnings(id, q.month)).find((w) => w.key === q.key);
  if (!warning) throw new NotFoundError('未找到该预警');
  const monthEnd = chinaDayStart(`${shiftMonth(q.month, 1)}-01`);
  const filter: QueueFilter =
    warning.kind === 'rise'
      ? { categoryId: warning.categoryId, created: { from: chinaDayStart(`${q.month}-01`), to: monthEnd } }
      : {
          ...(warning.place?.kind === 'post' ? { postId: warning.place.id } : { villageId: warning.place?.id }),
          created: { from: chinaDayStart(warning.from ?? `${q.month}-01`), to: warning.to ? chinaDayStart(warning.to, 1) : monthEnd },
        };
  const now = deps.clock.now();
  const out = await deps.petitions.listQueue({ kind: 'centre', centreId: id }, filter, { limit: q.limit, cursor: q.cursor });
  return { warning, items: out.items.map((p) => staffSummary(p, org, now, deps.supervision)), cursor: out.cursor };
}
