/**
 * What a county sets for itself (stored on its org node, `settings`): the names of its levels, since 苏木 / 嘎查 in
 * Inner Mongolia are 乡镇 / 村 / 社区 in Qinghai, and the order its citizens see the categories in. Pure.
 */
import type { Category, CountySettings, LevelNames } from './schemas/org';

/** a node as any answer carries it: its kind, and a county's settings */
type NodeLike = { kind: string; settings?: CountySettings };

/** Most of China: 乡镇 and 村（社区）; a county without settings is named so. */
export const DEFAULT_LEVEL_NAMES: LevelNames = { township: '乡镇', village: '村（社区）' };

function countyNode(nodes: Iterable<NodeLike>): NodeLike | undefined {
  for (const n of nodes) if (n.kind === 'county') return n;
  return undefined;
}

export function levelNamesOf(nodes: Iterable<NodeLike>): LevelNames {
  return countyNode(nodes)?.settings?.levelNames ?? DEFAULT_LEVEL_NAMES;
}

/** Where no one place is known: the names of the one county among the nodes (each node once); across several, 乡镇 and 村（社区）. */
export function levelNamesAcross(nodes: Iterable<NodeLike>): LevelNames {
  const counties = [...new Set(nodes)].filter((n) => n.kind === 'county');
  return counties.length === 1 ? levelNamesOf(counties) : DEFAULT_LEVEL_NAMES;
}

/** The categories in the county's order: those it lists first, as listed; any other after them, as stored. */
export function inCountyOrder<C extends Pick<Category, 'id'>>(categories: readonly C[], nodes: Iterable<NodeLike>): C[] {
  const order = countyNode(nodes)?.settings?.categoryOrder ?? [];
  const rank = (c: C) => {
    const i = order.indexOf(c.id);
    return i < 0 ? order.length : i;
  };
  return categories.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i).map(({ c }) => c);
}

/**
 * 调处: whether a category's cases are mediated (调解类), counted in 调处成功率. The county lists them in its settings;
 * a county that has not: the categories handled by the 司法所 (justice), where the people's mediation committees sit.
 */
export function isMediationCategory(county: NodeLike | undefined, category: Pick<Category, 'id' | 'departmentKind'>): boolean {
  const listed = county?.settings?.mediationCategoryIds;
  return listed ? listed.includes(category.id) : category.departmentKind === 'justice';
}
