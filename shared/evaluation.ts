/**
 * 化解成效考评: each department's figures over a period, for the county and for a township centre, kept as counters
 * while cases move (never by scanning petitions), in items of their own beside the centre's figures.
 *
 * | count | 中文 | counted on the day of | for the department |
 * |---|---|---|---|
 * | `h`  | 承办件数 | the dispatch (分派, or 联合会诊 naming it the lead) that brings the case to the department | it came to |
 * | `r`  | 办结件数 | the case's first 办结 (a resolution after a review does not count again) | that resolved it |
 * | `ro` | 按期办结 | that first 办结, when within the resolve deadline | that resolved it |
 * | `rt` | 参评件数 | the rating (the citizen's in the app, else the one taken on the follow-up call) | that resolved it |
 * | `sa` | 满意件数 | that rating, when 满意 or 基本满意 | that resolved it |
 * | `bs` | 积案化解 | the first 办结 of a backlog case (积案) | that resolved it |
 *
 * Each count is kept for the case's owning centre and its county, per China calendar day, in one item per month
 * (`DEP#YYYY-MM`, fields `dDD_<department>~<count>`) in the figures' shards: a period of up to a year is at most 13
 * months × 3 shards, one BatchGetItem.
 */
import type { FigureDelta, Ratio } from './figures';
import { ratio } from './figures';
import { STATUS_GROUPS } from './schemas/common';
import type { Petition, TimelineEvent } from './schemas/petition';
import { chinaDate } from './timeLimits';

export const DEPARTMENT_COUNTS = ['h', 'r', 'ro', 'rt', 'sa', 'bs'] as const;
export type DepartmentCount = (typeof DEPARTMENT_COUNTS)[number];

export const departmentMonthKey = (month: string) => `DEP#${month}`;

type Counted = Pick<Petition, 'centreId' | 'countyId' | 'status' | 'level'> & Partial<Pick<Petition, 'departmentId' | 'backlog' | 'reopenedAt' | 'rating' | 'followUp'>>;

/** A case a department handles: at a department (not held by a village, which has none). */
const departmentOf = (p: Counted) => (p.departmentId && p.level !== 'village' ? p.departmentId : undefined);
const satisfied = (rating: unknown) => rating === 'satisfied' || rating === 'basically_satisfied';

/** What one step adds to the departments' counters, merged per item (storage applies it in the step's transaction). */
export function departmentDeltas(before: Counted | undefined, after: Counted, events: ReadonlyArray<Pick<TimelineEvent, 'action' | 'at' | 'data' | 'from'>>): FigureDelta[] {
  if (!before) return [];
  const adds: Array<{ p: Counted; at: string; department: string; add: Partial<Record<DepartmentCount, number>> }> = [];
  const count = (p: Counted, at: string, add: Partial<Record<DepartmentCount, number>>) => {
    const department = departmentOf(p);
    if (department) adds.push({ p, at, department, add });
  };
  for (const e of events) {
    switch (e.action) {
      case 'dispatch':
      case 'consult':
        // the case comes to a department: a new one, or back to one from the centre
        if (STATUS_GROUPS[after.status].atDepartment && (!STATUS_GROUPS[before.status].atDepartment || before.departmentId !== after.departmentId)) count(after, e.at, { h: 1 });
        break;
      case 'resolve':
        if (e.from === 'reopened' || before.reopenedAt) break;
        count(after, e.at, { r: 1, ...(e.data?.onTime === true ? { ro: 1 } : {}), ...(after.backlog ? { bs: 1 } : {}) });
        break;
      case 'rate':
        // a rating taken on the follow-up call gives way to the citizen's own, as in the centre's figures
        if (before.followUp?.rating && !before.rating) count(before, before.followUp.at, { rt: -1, ...(satisfied(before.followUp.rating) ? { sa: -1 } : {}) });
        count(after, e.at, { rt: 1, ...(satisfied(e.data?.rating) ? { sa: 1 } : {}) });
        break;
      case 'follow_up':
        if (e.data?.rating && !before.rating) count(after, e.at, { rt: 1, ...(satisfied(e.data.rating) ? { sa: 1 } : {}) });
        break;
      default:
        break;
    }
  }
  const byItem = new Map<string, FigureDelta>();
  for (const a of adds) {
    const day = chinaDate(new Date(a.at));
    const key = departmentMonthKey(day.slice(0, 7));
    for (const scope of new Set([a.p.centreId, a.p.countyId])) {
      const item = byItem.get(`${scope}|${key}`) ?? { scope, key, add: {} };
      for (const [c, n] of Object.entries(a.add)) {
        const field = `d${day.slice(8, 10)}_${a.department}~${c}`;
        item.add[field] = (item.add[field] ?? 0) + (n ?? 0);
      }
      byItem.set(`${scope}|${key}`, item);
    }
  }
  return [...byItem.values()]
    .map((d) => ({ ...d, add: Object.fromEntries(Object.entries(d.add).filter(([, n]) => n !== 0)) }))
    .filter((d) => Object.keys(d.add).length > 0);
}

export interface DepartmentFigures {
  departmentId: string;
  /** 承办件数 */
  handled: number;
  /** 办结件数 */
  resolved: number;
  /** 按期办结率: on time ÷ resolved */
  onTime: Ratio;
  /** 满意率: satisfied ÷ rated */
  satisfaction: Ratio;
  /** 积案化解 */
  backlogSettled: number;
}

/** Each department's figures of the days `from`..`to` (China calendar, inclusive) from its month items (any shard). */
export function departmentFiguresOf(items: ReadonlyArray<{ key: string; counts: Record<string, number> }>, from: string, to: string): DepartmentFigures[] {
  const sums = new Map<string, Record<DepartmentCount, number>>();
  for (const item of items) {
    const month = item.key.slice('DEP#'.length);
    for (const [field, n] of Object.entries(item.counts)) {
      const hit = /^d(\d\d)_(.+)~(h|r|ro|rt|sa|bs)$/.exec(field);
      if (!hit) continue;
      const day = `${month}-${hit[1]}`;
      if (day < from || day > to) continue;
      const s = sums.get(hit[2]!) ?? { h: 0, r: 0, ro: 0, rt: 0, sa: 0, bs: 0 };
      s[hit[3] as DepartmentCount] += n;
      sums.set(hit[2]!, s);
    }
  }
  return [...sums.entries()]
    .map(([departmentId, s]) => ({ departmentId, handled: s.h, resolved: s.r, onTime: ratio(s.ro, s.r), satisfaction: ratio(s.sa, s.rt), backlogSettled: s.bs }))
    .sort((a, b) => a.departmentId.localeCompare(b.departmentId));
}

/** The definitions shown beside the figures, on the page and its print, in Chinese only. */
export const EVALUATION_DEFINITIONS = {
  handled: '承办件数 = 期内分派（或联合会诊确定为牵头部门）到该部门的诉求件数',
  resolved: '办结件数 = 期内由该部门首次办结的诉求件数（复查后再次办结的不重复计）',
  onTime: '按期办结率 = 期内该部门办结的诉求中，在办理期限内办结的件数 ÷ 期内该部门办结件数',
  satisfaction: '满意率 = 期内对该部门办结诉求的评价中，（满意 + 基本满意）÷ 参评件数（群众未在小程序评价的，计回访时的评价）',
  backlogSettled: '积案化解 = 期内由该部门办结的积案件数',
};

type Recorded = Pick<TimelineEvent, 'action' | 'at' | 'data' | 'from' | 'to'> & { actor: Pick<TimelineEvent['actor'], 'role'> };
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/**
 * The counters a case's record adds, for the backfill of the cases moved before the counters were kept: the record's
 * events before `until`, each given to departmentDeltas with the case as it was then, rebuilt from the events
 * (status, owning centre, level, department, backlog, reopening, ratings); merged into one delta per item. A
 * department handed a case by 上交中心 is the case's department now (that event does not name it).
 */
export function departmentDeltasOfRecord(p: Pick<Petition, 'centreId' | 'countyId' | 'level' | 'departmentId'>, timeline: readonly Recorded[], until: string): FigureDelta[] {
  const moved = timeline.find((e) => (e.action === 'transfer' || e.action === 'take_over') && str(e.data?.fromCentreId));
  const village = p.level === 'village' || timeline.some((e) => e.action === 'hand_up');
  const takenOver = timeline.find((e) => e.action === 'take_over');
  let s: Counted = {
    centreId: str(moved?.data?.fromCentreId) ?? p.centreId,
    countyId: p.countyId,
    status: 'submitted',
    // the level before the first move (a transfer kept it before 2026-12-01, and did not record it)
    level: village ? 'village' : ((str(moved?.data?.fromLevel) ?? str(takenOver?.data?.fromLevel) ?? p.level) as Counted['level']),
  };
  const merged = new Map<string, FigureDelta>();
  for (const e of timeline) {
    if (e.at >= until) break;
    const next: Counted = { ...s, status: e.to };
    // the township takes a case its village holds by its own accept, dispatch or consultation
    const toTownship = () => {
      if (next.level === 'village') next.level = 'township';
    };
    switch (e.action) {
      case 'accept':
        if (e.actor.role !== 'village_staff') toTownship();
        break;
      case 'dispatch':
        next.departmentId = str(e.data?.departmentId);
        toTownship();
        break;
      case 'consult':
        next.departmentId = str(e.data?.leadDepartmentId) ?? s.departmentId;
        toTownship();
        break;
      case 'hand_up':
        next.level = 'township';
        next.departmentId = p.departmentId;
        break;
      case 'transfer':
        next.centreId = str(e.data?.toCentreId) ?? s.centreId;
        next.level = (str(e.data?.toLevel) as Counted['level'] | undefined) ?? s.level;
        next.departmentId = undefined;
        break;
      case 'take_over':
        next.centreId = str(e.data?.toCentreId) ?? s.centreId;
        next.level = (str(e.data?.toLevel) as Counted['level'] | undefined) ?? s.level;
        break;
      case 'classify':
        next.backlog = { backlogClass: e.data?.backlogClass === 'A' || e.data?.backlogClass === 'C' ? e.data.backlogClass : 'B', classedAt: e.at, dueAt: str(e.data?.dueAt) ?? e.at };
        break;
      case 'resolve':
        // a new 办结 waits for a new call: the step clears the last one (shared/workflow.ts)
        next.followUp = undefined;
        break;
      case 'rate':
        next.rating = { rating: e.data?.rating as NonNullable<Petition['rating']>['rating'], at: e.at };
        break;
      case 'follow_up':
        next.followUp = { at: e.at, reached: e.data?.reached === true, rating: e.data?.rating as NonNullable<Petition['followUp']>['rating'], note: '' };
        break;
      default:
        break;
    }
    if (e.to === 'reopened' && !s.reopenedAt) next.reopenedAt = e.at;
    for (const d of departmentDeltas(s, next, [e])) {
      const item = merged.get(`${d.scope}|${d.key}`) ?? { scope: d.scope, key: d.key, add: {} };
      for (const [f, n] of Object.entries(d.add)) item.add[f] = (item.add[f] ?? 0) + n;
      merged.set(`${d.scope}|${d.key}`, item);
    }
    s = next;
  }
  return [...merged.values()]
    .map((d) => ({ ...d, add: Object.fromEntries(Object.entries(d.add).filter(([, n]) => n !== 0)) }))
    .filter((d) => Object.keys(d.add).length > 0);
}
