/**
 * The dashboard of a centre or the county: the four figures with numerator and denominator, counts by status,
 * category and township, the daily trend and what is overdue, all from counters and the due index.
 */
import { NotFoundError, ValidationError } from '../../shared/errors';
import { DASHBOARD_MAX_DAYS } from '../../shared/schemas/staff';
import { figuresOf, monthsOf } from '../../shared/figures';
import type { Org } from '../../shared/routing';
import { chinaDate } from '../../shared/timeLimits';
import type { FigureScope } from '../ports';
import type { Deps, StaffCaller } from './context';
import { queueScope } from './petitions';
import { staffSummary } from './views';

/** The definitions shown on the page beside the figures, in Chinese only (the English meaning is in shared/figures.ts). */
export const DEFINITIONS = {
  timelyAcceptance: '及时受理率 = 期内登记的诉求中，在受理时限内受理或依法不予受理的件数 ÷ 期内登记件数',
  onTimeCompletion: '按期办结率 = 办理期限落在期内的诉求中，按期办结的件数 ÷ 办理期限落在期内的件数（逾期未办结的计入分母）',
  satisfaction: '满意率 = （满意 + 基本满意）÷ 期内参评件数',
  participation: '参评率 = 期内参评件数 ÷ 期内办结件数',
};
const DAY = 86_400_000;

/**
 * Whose figures a caller asks for: centre staff their own township centre; a county supervisor or admin the county,
 * or one of its townships when they name it. Anything else does not exist for them (404).
 */
export function figureScope(caller: StaffCaller, org: Org, townshipId?: string): { scope: FigureScope; countyId: string; id: string; countyWide: boolean } {
  if (caller.role === 'handler' || caller.role === 'agent') throw new NotFoundError('未找到');
  const own = queueScope(caller, org);
  if (own.kind === 'department') throw new NotFoundError('未找到');
  const countyOf = (id: string) => org.nodes.get(id)?.path.split('/')[0] ?? '';
  if (own.kind === 'centre') {
    if (townshipId && townshipId !== own.centreId) throw new NotFoundError('未找到该乡镇（苏木）');
    return { scope: own, countyId: countyOf(own.centreId), id: own.centreId, countyWide: false };
  }
  if (!townshipId) return { scope: own, countyId: own.countyId, id: own.countyId, countyWide: true };
  const township = org.nodes.get(townshipId);
  if (!township || township.kind !== 'township' || countyOf(township.id) !== own.countyId) throw new NotFoundError('未找到该乡镇（苏木）');
  return { scope: { kind: 'centre', centreId: township.id }, countyId: own.countyId, id: township.id, countyWide: true };
}

/** The period in China calendar days: by default the 30 days up to today; at most `maxDays` days. */
export function periodOf(q: { from?: string; to?: string }, now: Date, maxDays: number, tooLong: string): { from: string; to: string } {
  const to = q.to ?? chinaDate(now);
  const from = q.from ?? chinaDate(new Date(Date.parse(`${to}T00:00:00+08:00`) - 29 * DAY));
  if (from > to) throw new ValidationError('开始日期不能晚于结束日期', [{ path: 'query.from', message: '开始日期不能晚于结束日期' }]);
  if ((Date.parse(to) - Date.parse(from)) / DAY + 1 > maxDays) throw new ValidationError(tooLong, [{ path: 'query.to', message: tooLong }]);
  return { from, to };
}

export async function dashboard(deps: Deps, caller: StaffCaller, q: { from?: string; to?: string; townshipId?: string }) {
  const org = await deps.org.load();
  const { scope, countyId, id: scopeId, countyWide } = figureScope(caller, org, q.townshipId);
  const now = deps.clock.now();
  const { from, to } = periodOf(q, now, DASHBOARD_MAX_DAYS, '统计区间最长一年');
  const [counters, overdue] = await Promise.all([
    deps.petitions.figures(scopeId, monthsOf(from, to)),
    deps.petitions.listOverdue(scope, now, { limit: 50 }),
  ]);
  const figures = figuresOf(counters.months, counters.now, from, to);
  const name = (id: string, list: ReadonlyArray<{ id: string; name: string }>) => list.find((x) => x.id === id)?.name ?? id;
  const townships = [...org.nodes.values()].filter((n) => n.kind === 'township' && n.path.split('/')[0] === countyId);
  return {
    scope: { kind: scope.kind, id: scopeId, name: org.nodes.get(scopeId)?.centreName ?? scopeId },
    /** the townships a county caller may choose; centre staff see only their own */
    townships: countyWide ? townships.map((t) => ({ id: t.id, name: t.name })) : [],
    period: { from, to },
    ...figures,
    byCategory: Object.entries(figures.byCategory).map(([id, count]) => ({ id, name: name(id, org.categories), count })),
    byTownship: Object.entries(figures.byTownship).map(([id, count]) => ({ id, name: name(id, townships), count })),
    overdue: overdue.items.map((p) => staffSummary(p, org, now, deps.supervision)),
    definitions: DEFINITIONS,
  };
}
