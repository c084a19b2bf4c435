/**
 * 专家库 with the real ports: two saves of one expert that cross. The later one read the expert before the first
 * wrote it; its write, made on what it read, is refused (409 in words) and the first one's stays. And an expert the
 * table holds for another county (a second county served by the same deployment) is not the caller's to know of.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../functions/usecases/context';
import { saveExpert } from '../../functions/usecases/experts';
import { ConflictError, NotFoundError } from '../../shared/errors';
import { ExpertBody } from '../../shared/schemas/expert';
import { movableClock, seededDeps } from '../support/deps';

let deps: Deps;
let drop: () => Promise<void>;
const clock = movableClock('2026-12-01T01:00:00Z');
const county = { kind: 'staff' as const, id: 'u-county', name: '县督办员', role: 'county_supervisor' as const, scopeNodeId: 'qilian' };

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
});
