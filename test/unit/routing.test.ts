import { describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../../shared/errors';
import { levelNamesOf } from '../../shared/countySettings';
import { ancestors, inScope, route, scopeFitsRole, supervisingCentres, townshipsOf, type Org } from '../../shared/routing';
import { PREFIXED_COUNTY } from '../support/builders';
import { STAFF_ROLES } from '../../shared/schemas/common';
import type { OrgNode } from '../../shared/schemas/org';
import { readSeed } from '../../functions/local/seed';

const seed = readSeed();
const org: Org = { nodes: new Map(seed.nodes.map((n) => [n.id, n])), departments: seed.departments, categories: seed.categories };
const post = (id: string) => {
  const p = seed.posts.find((x) => x.id === id);
  if (!p) throw new Error(id);
  return p;
};
const category = (id: string) => {
  const c = seed.categories.find((x) => x.id === id);
  if (!c) throw new Error(id);
  return c;
};

describe('routing', () => {
  it.each([
    ['a post in a village goes to its township centre and the department of the category', 'babao-baiyanggou-p1', 'land_dispute', { centreId: 'babao', townshipId: 'babao', villageId: 'babao-baiyanggou', level: 'township', departmentId: 'babao-natural-resources' }],
    ['a post on a grid climbs to its village and township', 'ebao-huangcaogou-p2', 'grassland', { centreId: 'ebao', villageId: 'ebao-huangcaogou', departmentId: 'ebao-ecology' }],
    ['a village-level category stays with the township centre, level village', 'moler-moler-p1', 'neighbour', { centreId: 'moler', level: 'village', departmentId: 'moler-justice' }],
    ['a county-level category goes to the county centre', 'babao-baiyanggou-p1', 'wage_arrears', { centreId: 'qilian', centrePath: 'qilian', level: 'county', departmentId: 'qilian-human-resources' }],
    ['a department the township lacks falls back to the county’s', 'babao-baiyanggou-p1', 'family', { centreId: 'babao', departmentId: 'babao-justice' }],
  ] as const)('%s', (_name, postId, categoryId, expected) => {
    expect(route(org, { post: post(postId), category: category(categoryId) })).toMatchObject(expected);
  });

  it('routes a report without a post by the chosen township', () => {
    expect(route(org, { townshipId: 'ebao', category: category('heating') })).toMatchObject({ centreId: 'ebao', villageId: undefined });
  });

  it('refuses a category the post does not offer, and an unknown township', () => {
    expect(() => route(org, { post: post('ebao-huangcaogou-p2'), category: category('heating') })).toThrow(ValidationError);
    expect(() => route(org, { townshipId: 'nowhere', category: category('heating') })).toThrow(ValidationError);
    expect(() => route(org, { post: { ...post('babao-baiyanggou-p1'), nodeId: 'gone' }, category: category('other') })).toThrow(NotFoundError);
  });

  /** The field a refusal names, and its message. */
  const refusal = (input: Parameters<typeof route>[1]) => {
    try {
      route(org, input);
    } catch (e) {
      if (e instanceof ValidationError) return e.issues.map((i) => [i.path, i.message]);
      throw e;
    }
    throw new Error('routed');
  };

  it('routes a registration by its village (no post): the village holds a village-level matter, a township one goes to the centre', () => {
    expect(route(org, { villageId: 'babao-baiyanggou', townshipId: 'babao', category: category('neighbour') })).toMatchObject({ centreId: 'babao', villageId: 'babao-baiyanggou', level: 'village' });
    expect(route(org, { villageId: 'babao-baiyanggou', category: category('land_dispute') })).toMatchObject({ villageId: 'babao-baiyanggou', level: 'township' });
    // a village-level matter reported to a township without a village: the township handles it
    expect(route(org, { townshipId: 'babao', category: category('neighbour') })).toMatchObject({ villageId: undefined, level: 'township', centreId: 'babao' });
  });

  it('names the field of each refusal, in the county\'s names of its levels: no place, a village that is not one or not in the township, an unknown township, a category the post does not take', () => {
    const { township, village } = levelNamesOf(org.nodes.values());
    expect(refusal({ category: category('heating') })).toEqual([['townshipId', `请选择${township}`]]);
    expect(refusal({ villageId: 'babao', category: category('heating') })).toEqual([['villageId', `所选${village}不存在`]]);
    expect(refusal({ villageId: 'babao-baiyanggou', townshipId: 'ebao', category: category('heating') })).toEqual([['villageId', `所选${village}不在所选${township}`]]);
    expect(refusal({ townshipId: 'nowhere', category: category('heating') })).toEqual([['townshipId', `所选${township}不存在`]]);
    expect(refusal({ post: post('ebao-huangcaogou-p2'), category: category('heating') })).toEqual([['categoryId', '该岗点不受理此类诉求']]);
  });

  it('says each refusal in its message too, and a post whose township is gone is not found', () => {
    const { township, village } = levelNamesOf(org.nodes.values());
    expect(() => route(org, { category: category('heating') })).toThrow(`请扫码选择岗点，或选择所在${township}`);
    expect(() => route(org, { villageId: 'babao', category: category('heating') })).toThrow(`所选${village}不存在`);
    expect(() => route(org, { villageId: 'babao-baiyanggou', townshipId: 'ebao', category: category('heating') })).toThrow(`所选${village}不在所选${township}`);
    expect(() => route(org, { townshipId: 'nowhere', category: category('heating') })).toThrow(`所选${township}不存在`);
    expect(() => route(org, { post: post('ebao-huangcaogou-p2'), category: category('heating') })).toThrow('该岗点不受理此类诉求');
    expect(() => route(org, { post: { ...post('babao-baiyanggou-p1'), nodeId: 'gone' }, category: category('other') })).toThrow(`该岗点所属的${township}不存在`);
  });

  it("says a refusal in the words of the chosen place's county, not of a county listed before it; with no place, in the one county's or most of China's", () => {
    const alxa: OrgNode = { id: 'alxa', kind: 'county', name: '阿拉善左旗', path: 'alxa', centreName: '阿拉善左旗综治中心', settings: { levelNames: { township: '苏木', village: '嘎查' }, categoryOrder: [] } };
    const bayan: OrgNode = { id: 'alxa-bayan', kind: 'township', name: '巴彦浩特苏木', parentId: 'alxa', path: 'alxa/alxa-bayan', centreName: '巴彦浩特苏木综治中心' };
    const two: Org = { ...org, nodes: new Map([[alxa.id, alxa], [bayan.id, bayan], ...org.nodes]) };
    const heating = category('heating');
    // 八宝镇 is 祁连县's: its words are 乡镇 and 村（社区）, though 阿拉善左旗 comes first
    expect(() => route(two, { villageId: 'babao', category: heating })).toThrow('所选村（社区）不存在');
    expect(() => route(two, { villageId: 'alxa-bayan', category: heating })).toThrow('所选嘎查不存在');
    // a township and a village of two counties: the township chosen first gives the words
    expect(() => route(two, { villageId: 'babao-baiyanggou', townshipId: 'alxa-bayan', category: heating })).toThrow('所选嘎查不在所选苏木');
    // no place, or one that is not there: two counties, so the words most of China uses; one county, its own
    expect(() => route(two, { category: heating })).toThrow('请扫码选择岗点，或选择所在乡镇');
    expect(() => route(two, { townshipId: 'nowhere', category: heating })).toThrow('所选乡镇不存在');
    const alone: Org = { ...org, nodes: new Map([[alxa.id, alxa], [bayan.id, bayan]]) };
    expect(() => route(alone, { category: heating })).toThrow('请扫码选择岗点，或选择所在苏木');
    expect(() => route(alone, { townshipId: 'nowhere', category: heating })).toThrow('所选苏木不存在');
  });

  it('refuses a village that does not exist, and the county chosen as a township', () => {
    const { township, village } = levelNamesOf(org.nodes.values());
    expect(refusal({ villageId: 'nowhere', category: category('heating') })).toEqual([['villageId', `所选${village}不存在`]]);
    expect(refusal({ townshipId: 'qilian', category: category('heating') })).toEqual([['townshipId', `所选${township}不存在`]]);
  });

  it('takes the place from a scanned post, whatever village or township came beside it', () => {
    const scanned = { post: post('babao-baiyanggou-p1'), villageId: 'ebao-huangcaogou', townshipId: 'ebao', category: category('land_dispute') };
    expect(route(org, scanned)).toMatchObject({ centreId: 'babao', townshipId: 'babao', villageId: 'babao-baiyanggou' });
    expect(route(org, { ...scanned, villageId: undefined })).toMatchObject({ centreId: 'babao', townshipId: 'babao', villageId: 'babao-baiyanggou' });
  });

  it('sends a county-level matter reported without a post or village to the county centre', () => {
    expect(route(org, { townshipId: 'babao', category: category('wage_arrears') })).toMatchObject({ centreId: 'qilian', centrePath: 'qilian', level: 'county', townshipId: 'babao' });
  });

  it('routes a matter no department of the township or county takes to its centre, for the centre to dispatch by hand', () => {
    const heating = category('heating');
    const without = { ...org, departments: org.departments.filter((d) => d.kind !== heating.departmentKind) };
    expect(route(without, { townshipId: 'babao', category: heating })).toMatchObject({ centreId: 'babao', departmentId: undefined });
  });

  it('reads a node\'s chain from the county down, leaving out what the organisation no longer holds', () => {
    expect(ancestors(org, 'babao-baiyanggou').map((n) => n.id)).toEqual(['qilian', 'babao', 'babao-baiyanggou']);
    expect(ancestors(org, 'nowhere')).toEqual([]);
    const without = { ...org, nodes: new Map([...org.nodes].filter(([id]) => id !== 'babao')) };
    expect(ancestors(without, 'babao-baiyanggou').map((n) => n.id)).toEqual(['qilian', 'babao-baiyanggou']);
  });

  it('finds the centres that may supervise a case: its township\'s and its county\'s, and none for a place not held', () => {
    expect(supervisingCentres(org, { townshipId: 'babao', countyId: 'qilian' })).toEqual({
      township: { centreId: 'babao', centrePath: 'qilian/babao' },
      county: { centreId: 'qilian', centrePath: 'qilian' },
    });
    expect(() => supervisingCentres(org, { townshipId: 'nowhere', countyId: 'qilian' })).toThrow(NotFoundError);
    expect(() => supervisingCentres(org, { townshipId: 'babao', countyId: 'nowhere' })).toThrow('该诉求所属的中心不存在');
  });

  it('fits a staff scope to its role: centre roles a township or the county, village staff their village, handlers and agents any node', () => {
    const fits = (kind: 'county' | 'township' | 'village' | 'grid') => STAFF_ROLES.filter((role) => scopeFitsRole(role, { kind }));
    expect(fits('county')).toEqual(['centre_staff', 'handler', 'agent', 'county_supervisor', 'admin']);
    expect(fits('township')).toEqual(['centre_staff', 'handler', 'agent', 'county_supervisor', 'admin']);
    expect(fits('village')).toEqual(['handler', 'agent', 'village_staff']);
    expect(fits('grid')).toEqual(['handler', 'agent']);
  });

  it('lets a scope see its own subtree and nothing beside it', () => {
    expect(inScope('qilian', 'qilian/babao')).toBe(true);
    expect(inScope('qilian/babao', 'qilian/babao')).toBe(true);
    expect(inScope('qilian/babao', 'qilian/ebao')).toBe(false);
    expect(inScope('qilian/ba', 'qilian/babao')).toBe(false);
    expect(inScope('qilian/babao', 'qilian')).toBe(false);
  });

  it('lists a county’s townships, not its villages nor the townships of a county whose id begins with its own', () => {
    const two: Org = { ...org, nodes: new Map([...org.nodes, ...Object.values(PREFIXED_COUNTY).map((n) => [n.id, n] as const)]) };
    expect(townshipsOf(two, 'qilian').map((t) => t.name)).toEqual(['八宝镇', '峨堡镇', '默勒镇']);
    expect(townshipsOf(two, 'qilianshan').map((t) => t.name)).toEqual(['山前乡']);
    expect(townshipsOf(two, 'babao')).toEqual([]);
  });
});
