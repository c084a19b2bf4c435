/**
 * The dashboard of a centre or the county: the four figures with numerator and denominator, counts by status,
 * category and township, the daily trend and what is overdue, all from counters and the due index.
 */
import { NotFoundError } from '../../shared/errors';
import { figuresOf, monthsOf } from '../../shared/figures';
import { chinaDate } from '../../shared/timeLimits';
import { isOpen } from '../../shared/workflow';
import type { Deps, StaffCaller } from './context';
import { queueScope } from './petitions';
import { staffSummary } from './views';

/** The working definitions, shown on the page beside the figures. */
export const DEFINITIONS = {
  timelyAcceptance: '及时受理率 = 期内登记的诉求中，在受理时限内受理或依法不予受理的件数 ÷ 期内登记件数',
  onTimeCompletion: '按期办结率 = 办理期限落在期内的诉求中，按期办结的件数 ÷ 办理期限落在期内的件数（逾期未办结的计入分母）',
  satisfaction: '满意率 = （满意 + 基本满意）÷ 期内参评件数',
  participation: '参评率 = 期内参评件数 ÷ 期内办结件数',
};

export async function dashboard(deps: Deps, caller: StaffCaller, q: { from?: string; to?: string }) {
  if (caller.role === 'handler' || caller.role === 'agent') throw new NotFoundError('未找到');
  const org = await deps.org.load();
  const scope = queueScope(caller, org);
  if (scope.kind === 'department') throw new NotFoundError('未找到');
  const now = deps.clock.now();
  const to = q.to ?? chinaDate(now);
  const from = q.from ?? chinaDate(new Date(Date.parse(`${to}T00:00:00+08:00`) - 29 * 86_400_000));
  const scopeId = scope.kind === 'centre' ? scope.centreId : scope.countyId;
  const countyId = scope.kind === 'county' ? scope.countyId : (org.nodes.get(scope.centreId)?.path.split('/')[0] ?? '');
  const [counters, overdue] = await Promise.all([
    deps.petitions.figures(scopeId, monthsOf(from, to)),
    deps.petitions.listOverdue(countyId, now, scope.kind === 'centre' ? { centreId: scope.centreId } : {}, { limit: 50 }),
  ]);
  const figures = figuresOf(counters.months, counters.now, from, to);
  const name = (id: string, list: ReadonlyArray<{ id: string; name: string }>) => list.find((x) => x.id === id)?.name ?? id;
  const townships = [...org.nodes.values()].filter((n) => n.kind === 'township');
  return {
    scope: { kind: scope.kind, id: scopeId, name: org.nodes.get(scopeId)?.centreName ?? scopeId },
    period: { from, to },
    ...figures,
    byCategory: Object.entries(figures.byCategory).map(([id, count]) => ({ id, name: name(id, org.categories), count })),
    byTownship: Object.entries(figures.byTownship).map(([id, count]) => ({ id, name: name(id, townships), count })),
    overdue: overdue.items.filter((p) => isOpen(p.status)).map((p) => staffSummary(p, org, now)),
    definitions: DEFINITIONS,
  };
}
