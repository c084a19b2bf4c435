/** The organisation as staff manage it: every call the posts, posters and org pages make, answers parsed with zod. */
import * as z from 'zod/mini';
import { Category, Department, OrgNode, Post, StaffUser, type DepartmentKind, type NodeBody } from '../../../../shared/schemas/org';
import type { Limit, StaffRole } from '../../../../shared/schemas/common';
import { parseAnswer, staffRequest } from './session';

const OrgAnswer = z.object({ scope: OrgNode, nodes: z.array(OrgNode), departments: z.array(Department), categories: z.array(Category) });
export type OrgView = z.infer<typeof OrgAnswer>;
const PostsPage = z.object({ items: z.array(Post), cursor: z.optional(z.string()) });
const StaffPost = z.object({
  post: Post,
  township: z.object({ id: z.string(), name: z.string() }),
  node: z.object({ id: z.string(), name: z.string() }),
});
export type StaffPost = z.infer<typeof StaffPost>;
const UsersPage = z.object({ items: z.array(StaffUser), cursor: z.optional(z.string()) });

const path = (s: string) => encodeURIComponent(s);

export const loadOrg = async () => parseAnswer(OrgAnswer, await staffRequest('/staff/org'));
export const listPosts = async (townshipId: string, cursor?: string) =>
  parseAnswer(PostsPage, await staffRequest(`/staff/townships/${path(townshipId)}/posts?limit=50${cursor ? `&cursor=${path(cursor)}` : ''}`));
export const getPost = async (id: string) => parseAnswer(StaffPost, await staffRequest(`/staff/posts/${path(id)}`));
export const savePost = async (id: string, body: Omit<Post, 'id'>) => parseAnswer(Post, await staffRequest(`/staff/posts/${path(id)}`, { method: 'PUT', data: body }));
export const saveNode = async (id: string, body: NodeBody) => parseAnswer(OrgNode, await staffRequest(`/staff/nodes/${path(id)}`, { method: 'PUT', data: body }));
export const saveDepartment = async (id: string, body: Omit<Department, 'id'>) =>
  parseAnswer(Department, await staffRequest(`/staff/departments/${path(id)}`, { method: 'PUT', data: body }));
export const saveCategory = async (id: string, body: Omit<Category, 'id'>) =>
  parseAnswer(Category, await staffRequest(`/staff/categories/${path(id)}`, { method: 'PUT', data: body }));
export const listUsers = async (cursor?: string) => parseAnswer(UsersPage, await staffRequest(`/staff/users?limit=100${cursor ? `&cursor=${path(cursor)}` : ''}`));
export const createUser = async (body: Omit<StaffUser, 'id'> & { password: string }) =>
  parseAnswer(z.omit(StaffUser, { id: true }), await staffRequest('/staff/users', { method: 'POST', data: body }));
export const editUser = async (username: string, body: Omit<StaffUser, 'id' | 'username'> & { password?: string }) =>
  parseAnswer(z.omit(StaffUser, { id: true }), await staffRequest(`/staff/users/${path(username)}`, { method: 'PUT', data: body }));

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

export const NODE_KIND_LABELS: Record<OrgNode['kind'], string> = { county: '县', township: '苏木镇', village: '嘎查村', grid: '网格' };

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
