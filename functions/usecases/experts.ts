/**
 * 专家库: the county's experts (listed by centre staff, county supervisors and admins; saved by the county's), and
 * 推荐专家 on a case: the experts of the fields its category calls for, who serve its township, ranked.
 */
import { ConflictError, NotFoundError, ValidationError } from '../../shared/errors';
import { fieldsOfCategory, rankExperts } from '../../shared/experts';
import type { Expert, ExpertBody } from '../../shared/schemas/expert';
import type { Org } from '../../shared/routing';
import type { Deps, StaffCaller } from './context';
import { canSee } from './petitions';
import { readsCentre } from '../../shared/roles';

function countyOf(caller: StaffCaller, org: Org): string {
  const scope = org.nodes.get(caller.scopeNodeId);
  if (!scope) throw new NotFoundError('您的管辖范围不存在');
  return scope.path.split('/')[0] ?? scope.id;
}

/** Handlers and agents work their cases; the pool is the centres' to read. */
function requireCentre(caller: StaffCaller) {
  if (!readsCentre(caller.role)) throw new NotFoundError('未找到');
}

export async function listExperts(deps: Deps, caller: StaffCaller, page: { limit: number; cursor?: string }) {
  requireCentre(caller);
  return deps.experts.list(countyOf(caller, await deps.org.load()), page);
}

/** Creates or changes an expert of the caller's county (county supervisors and admins); load and ratings stay. */
export async function saveExpert(deps: Deps, caller: StaffCaller, id: string, body: ExpertBody): Promise<Expert> {
  if (caller.role !== 'county_supervisor' && caller.role !== 'admin') throw new NotFoundError('未找到');
  const org = await deps.org.load();
  const countyId = countyOf(caller, org);
  body.townshipIds.forEach((t, i) => {
    const node = org.nodes.get(t);
    if (!node || node.kind !== 'township' || !node.path.startsWith(`${countyId}/`)) {
      throw new ValidationError('服务乡镇不存在', [{ path: `townshipIds.${i}`, message: '请选择本县的乡镇（苏木）' }]);
    }
  });
  const before = await deps.experts.get(id);
  // another county's expert is not this caller's to know of
  if (before && before.countyId !== countyId) throw new NotFoundError('未找到该专家');
  const after: Expert = {
    id,
    countyId,
    ...body,
    townshipIds: [...new Set(body.townshipIds)],
    fields: [...new Set(body.fields)],
    load: before?.load ?? 0,
    ratingSum: before?.ratingSum ?? 0,
    ratingCount: before?.ratingCount ?? 0,
    updatedAt: deps.clock.now().toISOString(),
    version: (before?.version ?? 0) + 1,
  };
  if (!(await deps.experts.put(before, after))) throw new ConflictError('该专家刚被他人修改，请刷新后重试');
  return after;
}

/** 推荐专家: for a case the caller's centre sees, the experts matching its category's fields and township, ranked. */
export async function recommendExperts(deps: Deps, caller: StaffCaller, petitionId: string) {
  requireCentre(caller);
  const [p, org] = await Promise.all([deps.petitions.get(petitionId), deps.org.load()]);
  if (!p || !canSee(caller, p, org)) throw new NotFoundError('未找到该诉求');
  const category = org.categories.find((c) => c.id === p.categoryId);
  if (!category) throw new NotFoundError('诉求类型不存在');
  const fields = [...fieldsOfCategory(category)];
  const invited = new Set((p.consultation?.experts ?? []).map((e) => e.expertId));
  const ranked = rankExperts(await deps.experts.ofFields(p.countyId, fields), { fields, townshipId: p.townshipId });
  return { fields, items: ranked.slice(0, 20).map((e) => ({ ...e, invited: invited.has(e.id) })) };
}

/** The expert an invitation names: one of the case's county, who may be invited now. */
export async function invitable(deps: Deps, p: { countyId: string }, expertId: string) {
  const e = await deps.experts.get(expertId);
  if (!e || e.countyId !== p.countyId) throw new ValidationError('专家不存在', [{ path: 'expertId', message: '请从本县专家库中选择专家' }]);
  if (!e.available) throw new ValidationError('该专家暂不接受邀请', [{ path: 'expertId', message: '该专家暂不接受邀请，请另选' }]);
  return { id: e.id, name: e.name };
}

