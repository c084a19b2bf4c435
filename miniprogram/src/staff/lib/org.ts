/** The organisation as staff manage it: the calls the posts, posters and org pages make, through the typed client. */
import { levelNamesOf } from '../../../../shared/countySettings';
import type { Limit, StaffRole } from '../../../../shared/schemas/common';
import type { Category, CountySettingsBody, Department, DepartmentKind, EditUser, NewUser, NodeBody, OrgNode, Post, StaffUser } from '../../../../shared/schemas/org';
import type { StaffOrg, StaffPost } from '../../../../shared/schemas/staff';
import { api } from './api';

export type OrgView = StaffOrg;
export type { StaffPost };

export const loadOrg = () => api.staff.org();
export const listPosts = (townshipId: string, cursor?: string) => api.staff.posts(townshipId, { query: { limit: 50, cursor } });
export const getPost = (id: string) => api.staff.post(id);
export const savePost = (id: string, body: Omit<Post, 'id'>) => api.staff.savePost(id, { body });
export const saveNode = (id: string, body: NodeBody) => api.staff.saveNode(id, { body });
export const saveCountySettings = (countyId: string, body: CountySettingsBody) => api.staff.saveCountySettings(countyId, { body });
export const saveDepartment = (id: string, body: Omit<Department, 'id'>) => api.staff.saveDepartment(id, { body });
export const saveCategory = (id: string, body: Omit<Category, 'id'>) => api.staff.saveCategory(id, { body });
export const listUsers = (cursor?: string) => api.staff.users({ query: { limit: 100, cursor } });
export const createUser = (body: NewUser) => api.staff.createUser({ body });
export const editUser = (username: string, body: EditUser) => api.staff.editUser(username, { body });
export type { StaffUser };

/** The townships, villages and grids of the caller's scope in tree order, each with its ancestors' names. */
export function placesOf(org: OrgView, kinds: ReadonlyArray<OrgNode['kind']>): Array<OrgNode & { label: string }> {
  const byId = new Map(org.nodes.map((n) => [n.id, n]));
  const labelOf = (n: OrgNode) =>
    n.path
      .split('/')
      .map((id) => byId.get(id))
      .filter((a): a is OrgNode => !!a && a.kind !== 'county')
      .map((a) => a.name)
      .join(' / ') || n.name;
  const inScope = (n: OrgNode) => n.path === org.scope.path || n.path.startsWith(`${org.scope.path}/`);
  return org.nodes
    .filter((n) => kinds.includes(n.kind) && inScope(n))
    .map((n) => ({ ...n, label: labelOf(n) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** What each level is called in this county (its settings: 乡镇 / 苏木, 村 / 嘎查 / 社区). */
export function nodeKindLabels(nodes: readonly OrgNode[]): Record<OrgNode['kind'], string> {
  const names = levelNamesOf(nodes);
  return { county: '县', township: names.township, village: names.village, grid: '网格' };
}

export const DEPARTMENT_KIND_LABELS: Record<DepartmentKind, string> = {
  justice: '司法所',
  police: '派出所',
  natural_resources: '自然资源',
  human_resources: '人社',
  housing: '住建',
  agriculture: '农牧',
  ecology: '生态环境 / 林草',
  market: '市场监管',
  women: '妇联',
  letters: '信访 / 综治',
};

export const LIMIT_LABELS: Record<keyof Category['limits'], string> = {
  accept: '受理时限',
  dispatch: '分派时限',
  resolve: '办结时限',
  rate: '评价时限',
  review: '复查时限',
  followUp: '回访时限',
};
export const UNIT_LABELS: Record<Limit['unit'], string> = { hours: '小时', days: '自然日', workdays: '工作日' };
export const limitText = (l: Limit) => `${l.amount} ${UNIT_LABELS[l.unit]}`;

/** Roles a caller may give: below their own (an admin also admins), the rule the API holds (shared/roles.ts). */
export { assignableRoles } from '../../../../shared/roles';
