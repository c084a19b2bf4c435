/**
 * Routing: post → village → township centre; category → department kind and level; a county-level category goes
 * to the county centre; without a post, the township the citizen chose.
 */
import { NotFoundError, ValidationError } from './errors';
import type { Level, StaffRole } from './schemas/common';
import { levelNamesAcross, levelNamesOf } from './countySettings';
import type { Category, Department, OrgNode, Post } from './schemas/org';

export interface Org {
  nodes: ReadonlyMap<string, OrgNode>;
  departments: readonly Department[];
  categories: readonly Category[];
}

export interface Route {
  countyId: string;
  townshipId: string;
  villageId?: string;
  centreId: string;
  centrePath: string;
  level: Level;
  departmentId?: string;
}

/** The chain of ids from the county down to the node, read off its path. */
export function ancestors(org: Org, nodeId: string): OrgNode[] {
  const node = org.nodes.get(nodeId);
  if (!node) return [];
  return node.path.split('/').flatMap((id) => {
    const n = org.nodes.get(id);
    return n ? [n] : [];
  });
}

export function townshipOf(org: Org, nodeId: string): OrgNode | undefined {
  return ancestors(org, nodeId).find((n) => n.kind === 'township');
}

export function countyOf(org: Org, nodeId: string): OrgNode | undefined {
  return ancestors(org, nodeId).find((n) => n.kind === 'county');
}

/** A county's townships (乡镇, 苏木): by the county the path begins with, never a county whose id begins with its id. */
export function townshipsOf(org: Org, countyId: string): OrgNode[] {
  return [...org.nodes.values()].filter((n) => n.kind === 'township' && n.path.split('/')[0] === countyId);
}

/** The department of that kind at the centre, else the county's (谁主管谁负责). */
export function departmentFor(org: Org, centreId: string, countyId: string, category: Category): Department | undefined {
  const at = (c: string) => org.departments.find((d) => d.centreId === c && d.kind === category.departmentKind);
  return at(centreId) ?? at(countyId);
}

export function categoriesAt(org: Org, post: Post | undefined): Category[] {
  if (!post || post.categoryIds.length === 0) return [...org.categories];
  return org.categories.filter((c) => post.categoryIds.includes(c.id));
}

/** The place of a report: a post, else a village (staff registering), else a township. */
export function route(org: Org, input: { post?: Post; villageId?: string; townshipId?: string; category: Category }): Route {
  // a refusal's words: those of the county of the place chosen; where none is known, of the deployment's one county
  // (found only when refusing: a report routed never needs them)
  const names = () => {
    const chosen = input.post?.nodeId ?? input.townshipId ?? input.villageId;
    const own = chosen ? countyOf(org, chosen) : undefined;
    return own ? levelNamesOf([own]) : levelNamesAcross(org.nodes.values());
  };
  if (!input.post && input.villageId && org.nodes.get(input.villageId)?.kind !== 'village') {
    const { village } = names();
    throw new ValidationError(`所选${village}不存在`, [{ path: 'villageId', message: `所选${village}不存在` }]);
  }
  const placeId = input.post?.nodeId ?? input.villageId ?? input.townshipId;
  if (!placeId) {
    const { township } = names();
    throw new ValidationError(`请扫码选择岗点，或选择所在${township}`, [{ path: 'townshipId', message: `请选择${township}` }]);
  }
  const township = townshipOf(org, placeId);
  const county = countyOf(org, placeId);
  if (!township || !county) {
    const townshipName = names().township;
    if (input.post) throw new NotFoundError(`该岗点所属的${townshipName}不存在`);
    throw new ValidationError(`所选${townshipName}不存在`, [{ path: 'townshipId', message: `所选${townshipName}不存在` }]);
  }
  if (!input.post && input.villageId && input.townshipId && input.townshipId !== township.id) {
    const { township: townshipName, village } = names();
    throw new ValidationError(`所选${village}不在所选${townshipName}`, [{ path: 'villageId', message: `所选${village}不在所选${townshipName}` }]);
  }
  const village = ancestors(org, placeId).find((n) => n.kind === 'village');
  if (input.post && !categoriesAt(org, input.post).some((c) => c.id === input.category.id)) {
    throw new ValidationError('该岗点不受理此类诉求', [{ path: 'categoryId', message: '该岗点不受理此类诉求' }]);
  }
  // 小事不出村: a village-level matter stays in its village, when it has one; otherwise its township handles it
  const level = input.category.level === 'village' && !village ? 'township' : input.category.level;
  const centre = level === 'county' ? county : township;
  return {
    countyId: county.id,
    townshipId: township.id,
    villageId: village?.id,
    centreId: centre.id,
    centrePath: centre.path,
    level,
    departmentId: departmentFor(org, centre.id, county.id, input.category)?.id,
  };
}

/** A centre, as a case records it. */
export interface CentreRef {
  centreId: string;
  centrePath: string;
}
/** The centres that may supervise a case: its township's and its county's. */
export interface SupervisingCentres {
  township: CentreRef;
  county: CentreRef;
}

/** The centres above a case that an escalation may bring in as supervisor (shared/workflow.ts nextSupervisor). */
export function supervisingCentres(org: Org, p: { townshipId: string; countyId: string }): SupervisingCentres {
  const township = org.nodes.get(p.townshipId);
  const county = org.nodes.get(p.countyId);
  if (!township || !county) throw new NotFoundError('该诉求所属的中心不存在');
  return { township: { centreId: township.id, centrePath: township.path }, county: { centreId: county.id, centrePath: county.path } };
}

/** Whether a staff user scoped to `scopePath` may see what a centre at `centrePath` owns: its subtree only. */
export function inScope(scopePath: string, centrePath: string): boolean {
  return centrePath === scopePath || centrePath.startsWith(`${scopePath}/`);
}

/**
 * Whether a staff user of this role may act for this node. Centre staff, county supervisors and admins read a
 * centre's queue, figures, tasks and receptions, which the table keeps per township and per county: so their scope
 * is a township or the county, never a village or grid (that could only be read as its whole township). Handlers act
 * for their department, agents for what they filed: any node. The user form refuses the rest, and a user made before
 * this rule reads no centre at all.
 */
export function scopeFitsRole(role: StaffRole, node: Pick<OrgNode, 'kind'>): boolean {
  if (role === 'handler' || role === 'agent') return true;
  // a village's own staff (网格长, 调解委员会) act for their village
  if (role === 'village_staff') return node.kind === 'village';
  return node.kind === 'township' || node.kind === 'county';
}
/**
 * 小事不出村: a case of a village-level category reported in a village is held by the village (level `village`): its
 * village staff see it, accept, handle and resolve it, or hand it up. The township centre owns it all along (it is in
 * the township's queue and figures) and takes it to the township by its own accept, dispatch or consultation.
 */
export const heldByVillage = (p: { level: Level; villageId?: string }): boolean => p.level === 'village' && p.villageId !== undefined;

export const SCOPE_NOT_A_CENTRE = '该角色的管辖范围须为乡镇（苏木）或县（综治中心），不能是村（嘎查、社区）或网格';
