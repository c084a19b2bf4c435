/**
 * 专家库 with the real ports: two saves of one expert that cross. The later one read the expert before the first
 * wrote it; its write, made on what it read, is refused (409 in words) and the first one's stays. An expert the
 * table holds for another county (a second county served by the same deployment) is not the caller's to know of,
 * nor one our cases may invite, nor is that county's township one an expert of ours may serve. And 推荐专家 names twenty at most, the best ranked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../functions/usecases/context';
import type { StaffCaller } from '../../functions/usecases/context';
import { invitable, recommendExperts, saveExpert } from '../../functions/usecases/experts';
import { submitPetition } from '../../functions/usecases/petitions';
import { ConflictError, NotFoundError, ValidationError } from '../../shared/errors';
import { ExpertBody } from '../../shared/schemas/expert';
import { movableClock, seededDeps } from '../support/deps';

let deps: Deps;
let drop: () => Promise<void>;
const clock = movableClock('2026-12-01T01:00:00Z');
const county: StaffCaller = { kind: 'staff', id: 'u-county', name: '县督办员', role: 'county_supervisor', scopeNodeId: 'qilian' };
const babao: StaffCaller = { kind: 'staff', id: 'u-babao', name: '值班员', role: 'centre_staff', scopeNodeId: 'babao' };

beforeAll(async () => {
  ({ deps, drop } = await seededDeps({ clock }));
}, 120_000);
afterAll(() => drop());

describe('two saves of one expert that cross', () => {
  it('refuses the later save, made on what it read before the first, and keeps the first', async () => {
    const body = (name: string) => ExpertBody.parse({ name, title: '青海祁连律师事务所 律师', fields: ['law', 'land'], townshipIds: ['babao'] });
    // the first save makes the expert
    expect(await saveExpert(deps, county, 'e-crossed', body('马律师'))).toMatchObject({ name: '马律师', version: 1 });
    // the later save read the expert before the first wrote it: not there yet
    const experts = Object.assign(Object.create(deps.experts) as Deps['experts'], { get: () => Promise.resolve(undefined) });
    const later = saveExpert({ ...deps, experts }, county, 'e-crossed', body('韩律师'));
    await expect(later).rejects.toThrow(ConflictError);
    await expect(later).rejects.toThrow('该专家刚被他人修改，请刷新后重试');
    expect(await deps.experts.get('e-crossed')).toMatchObject({ name: '马律师', version: 1 });
  });
});

describe('an expert of another county', () => {
  it('does not exist for the county: saving one of that id is refused as not found, and it stays as it was', async () => {
    const theirs = { id: 'e-menyuan', countyId: 'menyuan', name: '李律师', title: '门源县律师事务所 律师', fields: ['law' as const], townshipIds: [], available: true, load: 0, ratingSum: 0, ratingCount: 0, updatedAt: '2026-11-30T00:00:00.000Z', version: 1 };
    expect(await deps.experts.put(undefined, theirs)).toBe(true);
    const saved = saveExpert(deps, county, 'e-menyuan', ExpertBody.parse({ name: '马律师', title: '青海祁连律师事务所 律师', fields: ['law'] }));
    await expect(saved).rejects.toThrow(NotFoundError);
    await expect(saved).rejects.toThrow('未找到该专家');
    expect(await deps.experts.get('e-menyuan')).toEqual(theirs);
  });

  it('is invited to its own county’s cases only: refused for ours in words naming the field', async () => {
    const theirs = { id: 'e-menyuan-han', countyId: 'menyuan', name: '韩律师', title: '门源县律师事务所 律师', fields: ['law' as const], townshipIds: [], available: true, load: 0, ratingSum: 0, ratingCount: 0, updatedAt: '2026-11-30T00:00:00.000Z', version: 1 };
    expect(await deps.experts.put(undefined, theirs)).toBe(true);
    expect(await invitable(deps, { countyId: 'menyuan' }, 'e-menyuan-han')).toEqual({ id: 'e-menyuan-han', name: '韩律师' });
    const ours = invitable(deps, { countyId: 'qilian' }, 'e-menyuan-han');
    await expect(ours).rejects.toThrow(ValidationError);
    await expect(ours).rejects.toMatchObject({ message: '专家不存在', issues: [{ path: 'expertId', message: '请从本县专家库中选择专家' }] });
  });
});

describe('a township of another county', () => {
  it('is not one an expert of the county may serve: the save is refused naming the field, and no expert is made', async () => {
    // 门源县 and its 浩门镇, served by the same deployment
    await deps.org.putNode({ id: 'menyuan', kind: 'county', name: '门源回族自治县', path: 'menyuan' });
    await deps.org.putNode({ id: 'haomen', kind: 'township', name: '浩门镇', parentId: 'menyuan', path: 'menyuan/haomen' });
    const saved = saveExpert(deps, county, 'e-haomen', ExpertBody.parse({ name: '马律师', title: '青海祁连律师事务所 律师', fields: ['law'], townshipIds: ['babao', 'haomen'] }));
    await expect(saved).rejects.toThrow(ValidationError);
    await expect(saved).rejects.toMatchObject({ message: '服务乡镇不存在', issues: [{ path: 'townshipIds.1', message: '请选择本县的乡镇（苏木）' }] });
    expect(await deps.experts.get('e-haomen')).toBeUndefined();
  });
});

describe('推荐专家 on a case with many experts to offer', () => {
  it('names the twenty best ranked and leaves off those who match fewer of its fields', async () => {
    // twenty-one lawyers of land and law who serve 八宝镇, and one of land only
    for (let i = 1; i <= 21; i++) {
      const n = String(i).padStart(2, '0');
      await saveExpert(deps, county, `e-both-${n}`, ExpertBody.parse({ name: `土地法律专家${n}`, title: '青海祁连律师事务所 律师', fields: ['land', 'law'], townshipIds: ['babao'] }));
    }
    await saveExpert(deps, county, 'e-land-only', ExpertBody.parse({ name: '土地专家', title: '祁连县自然资源局 工程师', fields: ['land'], townshipIds: ['babao'] }));
    const sent = await submitPetition(deps, { kind: 'citizen', openid: 'wx_experts' }, 'k-experts', {
      channel: 'scan', postId: 'babao-baiyanggou-p1', categoryId: 'land_dispute', description: '草场围栏被邻居挪动，请调解。', photos: [], anonymous: false,
    });

    const offered = await recommendExperts(deps, babao, sent.response.id);
    expect(offered.fields).toEqual(['land', 'law']);
    expect(offered.items).toHaveLength(20);
    expect(offered.items.map((e) => e.matched)).toEqual(Array.from({ length: 20 }, () => ['land', 'law']));
    expect(offered.items.map((e) => e.id)).not.toContain('e-land-only');
  });
});
