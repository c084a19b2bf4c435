/**
 * The audit record (操作记录): every change to users, roles, scopes, nodes, departments, categories and time limits,
 * with who made it and the record before and after, readable by the county's supervisors and admins.
 */
import { NotFoundError } from '../../shared/errors';
import type { AuditEntry } from '../../shared/schemas/security';
import type { Audited } from '../ports';
import type { Deps, StaffCaller } from './context';

type Fields = Record<string, unknown>;

/** The fields whose values differ, by their JSON. */
function changedFields(before: Fields | undefined, after: Fields | undefined): string[] {
  const names = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...names].filter((k) => JSON.stringify(before?.[k]) !== JSON.stringify(after?.[k]));
}

/**
 * The entry for one change. `before`/`after` are what may be shown (never a password's hash); `also` names changes
 * they cannot show, such as `password`.
 */
export function auditOf(
  deps: Deps,
  caller: StaffCaller,
  countyId: string,
  change: Pick<AuditEntry, 'subject' | 'subjectId' | 'action'> & { before?: Fields; after?: Fields; also?: string[] },
): Audited {
  const { before, after, also = [], ...what } = change;
  return {
    id: deps.ids.id(),
    at: deps.clock.now().toISOString(),
    countyId,
    actor: { id: caller.id, ...(caller.username ? { username: caller.username } : {}), name: caller.name, role: caller.role },
    ...what,
    changed: [...changedFields(before, after), ...also],
    ...(before ? { before } : {}),
    ...(after ? { after } : {}),
  };
}

/** The county's audit record, newest first: its supervisors and admins read it. */
export async function listAudit(deps: Deps, caller: StaffCaller, page: { limit: number; cursor?: string }) {
  if (caller.role !== 'county_supervisor' && caller.role !== 'admin') throw new NotFoundError('未找到');
  const org = await deps.org.load();
  const county = org.nodes.get(caller.scopeNodeId)?.path.split('/')[0];
  if (!county) throw new NotFoundError('您的管辖范围不存在');
  return deps.audit.list(county, page);
}
