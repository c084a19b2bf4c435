/** The org as citizens see it (a post and what it offers) and as staff manage it, within their scope. */
import { NotFoundError, ValidationError } from '../../shared/errors';
import { inCountyOrder, levelNamesAcross, levelNamesOf } from '../../shared/countySettings';
import { categoriesAt, countyOf, inScope, townshipOf, type Org } from '../../shared/routing';
import { NODE_PARENT_KIND, type Category, type CountySettingsBody, type Department, type NodeBody, type OrgNode, type Post } from '../../shared/schemas/org';
import { auditOf } from './audit';
import type { Deps, StaffCaller } from './context';
import { readsCentre } from '../../shared/roles';

const brief = (c: Category) => ({ id: c.id, name: c.name });

/** The county a place is in, as the settings' readers take it: its own, never another county's of the deployment. */
const countyAt = (org: Org, nodeId: string) => [countyOf(org, nodeId)].filter((n) => n !== undefined);

export async function postForCitizen(deps: Deps, postId: string) {
  const [post, org] = await Promise.all([deps.org.getPost(postId), deps.org.load()]);
  const township = post ? townshipOf(org, post.nodeId) : undefined;
  if (!post || !township) throw new NotFoundError('该岗点不存在或已停用，请重新扫码');
  const county = countyAt(org, township.id);
  return {
    post: { id: post.id, name: post.name, address: post.address, location: post.location },
    township: { id: township.id, name: township.name },
    centreName: township.centreName ?? township.name,
    categories: inCountyOrder(categoriesAt(org, post), county).map(brief),
    levelNames: levelNamesOf(county),
  };
}

export async function listTownships(deps: Deps) {
  const org = await deps.org.load();
  const townships = [...org.nodes.values()].filter((n) => n.kind === 'township').map((n) => ({ n, county: countyAt(org, n.id) }));
  const items = townships.map(({ n, county }) => ({ id: n.id, name: n.name, centreName: n.centreName ?? n.name, categories: inCountyOrder(org.categories, county).map(brief) }));
  // one county's townships in its own words; a list across counties in the words most of China uses
  return { items, levelNames: levelNamesAcross(townships.flatMap(({ county }) => county)) };
}

function scopeOf(caller: StaffCaller, org: Org) {
  const node = org.nodes.get(caller.scopeNodeId);
  if (!node) throw new NotFoundError('您的管辖范围不存在');
  return node;
}

function requireManager(caller: StaffCaller) {
  // Handlers and agents do their cases; they do not manage the organisation.
  if (!readsCentre(caller.role)) throw new NotFoundError('未找到');
}

/** Townships, villages and staff users are the county's to set: its supervisors and admins. */
function requireCounty(caller: StaffCaller) {
  if (caller.role !== 'county_supervisor' && caller.role !== 'admin') throw new NotFoundError('未找到');
}

/** The org within the caller's scope: the subtree's nodes, departments of those centres, and the categories. */
export async function orgForStaff(deps: Deps, caller: StaffCaller) {
  const org = await deps.org.load();
  const scope = scopeOf(caller, org);
  const county = scope.path.split('/')[0];
  const nodes = [...org.nodes.values()].filter((n) => inScope(scope.path, n.path) || n.id === county);
  const centreIds = new Set(nodes.filter((n) => n.kind === 'township' || n.kind === 'county').map((n) => n.id));
  const departments = org.departments.filter((d) => centreIds.has(d.centreId));
  return { scope, nodes, departments, categories: [...org.categories], handlers: await handlersOf(deps, county ?? scope.id, departments) };
}

/** The handlers a case may be dispatched to: the staff users of those departments, by name. */
async function handlersOf(deps: Deps, countyId: string, departments: Department[]) {
  const ids = new Set(departments.map((d) => d.id));
  const handlers: Array<{ id: string; name: string; departmentId: string }> = [];
  let cursor: string | undefined;
  // a county's staff users: dozens, never the petitions
  do {
    const page = await deps.org.listUsers(countyId, { limit: 100, cursor });
    for (const u of page.items) if (u.role === 'handler' && u.departmentId && ids.has(u.departmentId)) handlers.push({ id: u.id, name: u.name, departmentId: u.departmentId });
    cursor = page.cursor;
  } while (cursor);
  return handlers;
}

export async function listPosts(deps: Deps, caller: StaffCaller, townshipId: string, page: { limit: number; cursor?: string }) {
  const org = await deps.org.load();
  const township = org.nodes.get(townshipId);
  if (!township || township.kind !== 'township' || !inScope(scopeOf(caller, org).path, township.path)) throw new NotFoundError('未找到该乡镇（苏木）');
  return deps.org.listPosts(townshipId, page);
}

/** One post for its edit form and poster, with the names a poster prints; 404 outside the caller's scope. */
export async function postForStaff(deps: Deps, caller: StaffCaller, postId: string) {
  const [post, org] = await Promise.all([deps.org.getPost(postId), deps.org.load()]);
  const node = post ? org.nodes.get(post.nodeId) : undefined;
  const township = node ? townshipOf(org, node.id) : undefined;
  if (!post || !node || !township || !inScope(scopeOf(caller, org).path, node.path)) throw new NotFoundError('未找到该岗点');
  return { post, township: { id: township.id, name: township.name }, node: { id: node.id, name: node.name, kind: node.kind } };
}

export async function savePost(deps: Deps, caller: StaffCaller, post: Post) {
  requireManager(caller);
  const org = await deps.org.load();
  const scope = scopeOf(caller, org);
  // another township's post does not exist for the caller, whatever the body says
  const existing = await deps.org.getPost(post.id);
  if (existing) {
    const was = org.nodes.get(existing.nodeId);
    if (!was || !inScope(scope.path, was.path)) throw new NotFoundError('未找到该岗点');
  }
  const node = org.nodes.get(post.nodeId);
  if (!node || (node.kind !== 'village' && node.kind !== 'grid') || !inScope(scope.path, node.path)) {
    throw new ValidationError('岗点所在的村（嘎查、社区）不存在', [{ path: 'nodeId', message: '请选择您管辖范围内的村（嘎查、社区）或网格' }]);
  }
  const unknown = post.categoryIds.filter((id) => !org.categories.some((c) => c.id === id));
  if (unknown.length) throw new ValidationError('诉求类型不存在', [{ path: 'categoryIds', message: `诉求类型不存在：${unknown.join('、')}` }]);
  const township = townshipOf(org, node.id);
  if (!township) throw new ValidationError('岗点所在的村（嘎查、社区）不存在', [{ path: 'nodeId', message: '该村（嘎查、社区）不属于任何乡镇（苏木）' }]);
  await deps.org.putPost(post, township.id);
  return post;
}

/**
 * Adds or renames a township, village or grid. Its place is fixed once made (children's paths and every petition's
 * scope hang on it), so an edit may change the names only.
 */
export async function saveNode(deps: Deps, caller: StaffCaller, id: string, body: NodeBody): Promise<OrgNode> {
  requireCounty(caller);
  const org = await deps.org.load({ fresh: true });
  const scope = scopeOf(caller, org);
  const existing = org.nodes.get(id);
  if (existing && !inScope(scope.path, existing.path)) throw new NotFoundError('未找到该单位');
  const parent = org.nodes.get(body.parentId);
  if (!parent || !inScope(scope.path, parent.path) || parent.kind !== NODE_PARENT_KIND[body.kind]) {
    const wanted = { township: '县', village: '乡镇（苏木）', grid: '村（嘎查、社区）' }[body.kind];
    throw new ValidationError('上级单位不正确', [{ path: 'parentId', message: `请选择您管辖范围内的${wanted}作为上级` }]);
  }
  if (existing && (existing.kind !== body.kind || existing.parentId !== body.parentId)) {
    throw new ValidationError('单位建立后不能改变类别或上级', [{ path: existing.kind !== body.kind ? 'kind' : 'parentId', message: '单位建立后不能改变类别或上级，请新建' }]);
  }
  const node: OrgNode = {
    id,
    kind: body.kind,
    name: body.name,
    parentId: parent.id,
    path: `${parent.path}/${id}`,
    ...(body.kind === 'township' ? { centreName: body.centreName ?? `${body.name}综治中心` } : {}),
  };
  const county = node.path.split('/')[0] ?? node.id;
  await deps.org.putNode(node, auditOf(deps, caller, county, { subject: 'node', subjectId: id, action: existing ? 'update' : 'create', before: existing, after: node }));
  return node;
}

/**
 * The county's own settings (人员与组织 → 本县设置): what it calls its levels, the order of its categories. The county's
 * supervisors and admins only; another county's settings do not exist for them.
 */
export async function saveCountySettings(deps: Deps, caller: StaffCaller, countyId: string, body: CountySettingsBody): Promise<OrgNode> {
  requireCounty(caller);
  const org = await deps.org.load({ fresh: true });
  const county = org.nodes.get(countyId);
  if (!county || county.kind !== 'county' || !inScope(scopeOf(caller, org).path, county.path)) throw new NotFoundError('未找到该县');
  const unknown = body.categoryOrder.filter((id) => !org.categories.some((c) => c.id === id));
  if (unknown.length) throw new ValidationError('诉求类型不存在', [{ path: 'categoryOrder', message: `诉求类型不存在：${unknown.join('、')}` }]);
  const unknownMediation = (body.mediationCategoryIds ?? []).filter((id) => !org.categories.some((c) => c.id === id));
  if (unknownMediation.length) throw new ValidationError('诉求类型不存在', [{ path: 'mediationCategoryIds', message: `诉求类型不存在：${unknownMediation.join('、')}` }]);
  (body.seasonal ?? []).forEach((row, i) => {
    const missing = row.categoryIds.filter((id) => !org.categories.some((c) => c.id === id));
    if (missing.length) throw new ValidationError('诉求类型不存在', [{ path: `seasonal.${i}.categoryIds`, message: `诉求类型不存在：${missing.join('、')}` }]);
  });
  const node: OrgNode = { ...county, settings: body };
  await deps.org.putNode(node, auditOf(deps, caller, county.id, { subject: 'node', subjectId: county.id, action: 'update', before: county, after: node }));
  return node;
}

/** Departments are set by the county (人员与组织), for its own centre or a township's. */
export async function saveDepartment(deps: Deps, caller: StaffCaller, d: Department) {
  requireCounty(caller);
  const org = await deps.org.load({ fresh: true });
  const scope = scopeOf(caller, org);
  const centre = org.nodes.get(d.centreId);
  if (!centre || (centre.kind !== 'township' && centre.kind !== 'county') || !inScope(scope.path, centre.path)) {
    throw new ValidationError('所属中心不存在', [{ path: 'centreId', message: '请选择您管辖范围内的中心' }]);
  }
  const existing = org.departments.find((x) => x.id === d.id);
  const was = existing ? org.nodes.get(existing.centreId) : undefined;
  if (existing && (!was || !inScope(scope.path, was.path))) throw new NotFoundError('未找到该部门');
  const county = centre.path.split('/')[0] ?? centre.id;
  await deps.org.putDepartment(d, auditOf(deps, caller, county, { subject: 'department', subjectId: d.id, action: existing ? 'update' : 'create', before: existing, after: d }));
  return d;
}

/** Categories and their time limits are county-wide: only the county's supervisors and admins set them. */
export async function saveCategory(deps: Deps, caller: StaffCaller, c: Category) {
  const org = await deps.org.load({ fresh: true });
  const scope = scopeOf(caller, org);
  if (scope.kind !== 'county' || !['county_supervisor', 'admin'].includes(caller.role)) throw new NotFoundError('未找到');
  const existing = org.categories.find((x) => x.id === c.id);
  await deps.org.putCategory(c, auditOf(deps, caller, scope.id, { subject: 'category', subjectId: c.id, action: existing ? 'update' : 'create', before: existing, after: c }));
  return c;
}
