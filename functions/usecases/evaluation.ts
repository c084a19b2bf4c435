/**
 * 化解成效考评: each department's figures over a period (承办, 办结, 按期办结, 满意, 积案化解) for the county, or a
 * township centre, from the departments' counters (shared/evaluation.ts): one BatchGetItem of the period's months in
 * every shard (at most 13 × 3 keys), never a read of the petitions.
 */
import { NotFoundError } from '../../shared/errors';
import { departmentFiguresOf, departmentMonthKey, EVALUATION_DEFINITIONS, type DepartmentFigures } from '../../shared/evaluation';
import { monthsOf, ratio } from '../../shared/figures';
import { townshipsOf } from '../../shared/routing';
import { DASHBOARD_MAX_DAYS } from '../../shared/schemas/staff';
import type { Deps, StaffCaller } from './context';
import { figureScope, periodOf } from './dashboard';

/** The departments' figures of a scope (a centre or the county) over the days `from`..`to`: one read. */
export async function departmentFigures(deps: Deps, scopeId: string, from: string, to: string): Promise<DepartmentFigures[]> {
  const items = await deps.petitions.monthFigures([scopeId], monthsOf(from, to).map((m) => departmentMonthKey(m.slice('M#'.length))));
  return departmentFiguresOf(items.get(scopeId) ?? [], from, to);
}

export async function evaluation(deps: Deps, caller: StaffCaller, q: { from?: string; to?: string; townshipId?: string }) {
  if (caller.role === 'village_staff') throw new NotFoundError('未找到');
  const org = await deps.org.load();
  const { scope, countyId, id: scopeId, countyWide } = figureScope(caller, org, q.townshipId);
  const { from, to } = periodOf(q, deps.clock.now(), DASHBOARD_MAX_DAYS, '统计区间最长一年');
  const counted = await departmentFigures(deps, scopeId, from, to);
  // every department of the scope is listed, those with nothing counted in the period too; the county's own
  // departments appear in a township's list only when they handled its cases
  const own = org.departments.filter((d) => (scope.kind === 'county' ? (org.nodes.get(d.centreId)?.path.split('/')[0] ?? '') === countyId : d.centreId === scopeId));
  const ids = [...new Set([...own.map((d) => d.id), ...counted.map((f) => f.departmentId)])];
  const nameOf = (id: string) => org.departments.find((d) => d.id === id);
  const rows = ids.map((id) => {
    const f = counted.find((x) => x.departmentId === id);
    const dep = nameOf(id);
    const centre = dep ? org.nodes.get(dep.centreId) : undefined;
    return {
      departmentId: id,
      name: dep?.name ?? id,
      centreName: centre?.centreName ?? centre?.name ?? '',
      handled: f?.handled ?? 0,
      resolved: f?.resolved ?? 0,
      onTime: f?.onTime ?? ratio(0, 0),
      satisfaction: f?.satisfaction ?? ratio(0, 0),
      backlogSettled: f?.backlogSettled ?? 0,
    };
  });
  const sum = (k: 'handled' | 'resolved' | 'backlogSettled') => rows.reduce((n, r) => n + r[k], 0);
  const townships = townshipsOf(org, countyId);
  return {
    scope: { kind: scope.kind === 'county' ? ('county' as const) : ('centre' as const), id: scopeId, name: org.nodes.get(scopeId)?.centreName ?? org.nodes.get(scopeId)?.name ?? scopeId },
    townships: countyWide ? townships.map((t) => ({ id: t.id, name: t.name })) : [],
    period: { from, to },
    rows,
    totals: {
      handled: sum('handled'),
      resolved: sum('resolved'),
      onTime: ratio(rows.reduce((n, r) => n + r.onTime.numerator, 0), sum('resolved')),
      satisfaction: ratio(rows.reduce((n, r) => n + r.satisfaction.numerator, 0), rows.reduce((n, r) => n + r.satisfaction.denominator, 0)),
      backlogSettled: sum('backlogSettled'),
    },
    definitions: EVALUATION_DEFINITIONS,
  };
}
