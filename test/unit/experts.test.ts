/** 专家库 in pure functions: a category's fields, the ranking of 推荐专家, and what steps do to load and ratings. */
import { describe, expect, it } from 'vitest';
import { averageOf, EXPERT_FIELD_LABELS, expertChanges, fieldsOfCategory, rankExperts, type ExpertStanding } from '../../shared/experts';
import { DEPARTMENT_KINDS } from '../../shared/schemas/org';
import type { Petition } from '../../shared/schemas/petition';

const expert = (id: string, over: Partial<ExpertStanding> = {}): ExpertStanding => ({
  id, name: id, fields: ['land', 'law'], townshipIds: [], available: true, load: 0, ratingSum: 0, ratingCount: 0, ...over,
});
const ids = (xs: Array<{ id: string }>) => xs.map((x) => x.id);

describe('the fields of a category', () => {
  it('are its own when it names them, else its department kind’s, else law', () => {
    expect(fieldsOfCategory({ departmentKind: 'natural_resources' })).toEqual(['land', 'law']);
    expect(fieldsOfCategory({ departmentKind: 'human_resources' })).toEqual(['labour', 'law']);
    expect(fieldsOfCategory({ departmentKind: 'natural_resources', expertFields: ['ecology'] })).toEqual(['ecology']);
    expect(fieldsOfCategory({ departmentKind: 'unknown' })).toEqual(['law']);
    expect(fieldsOfCategory({ departmentKind: 'justice', expertFields: [] })).toEqual(['law', 'mediation', 'family']);
  });

  it('of each department kind', () => {
    expect(Object.fromEntries(DEPARTMENT_KINDS.map((k) => [k, fieldsOfCategory({ departmentKind: k }).map((f) => EXPERT_FIELD_LABELS[f]).join('、')]))).toEqual({
      justice: '法律、人民调解、婚姻家庭',
      police: '法律',
      natural_resources: '土地、法律',
      human_resources: '劳动保障、法律',
      housing: '建设工程、法律',
      agriculture: '农牧、土地',
      ecology: '生态、土地',
      market: '金融、法律',
      women: '婚姻家庭、心理',
      letters: '法律、人民调解',
    });
    expect(Object.values(EXPERT_FIELD_LABELS)).toEqual(['法律', '土地', '劳动保障', '婚姻家庭', '生态', '金融', '心理', '建设工程', '农牧', '医疗', '教育', '人民调解']);
  });
});

describe('推荐专家', () => {
  const want = { fields: ['land', 'law'] as const, townshipId: 'babao' };

  it('ranks by fields matched, then load, then past ratings (unrated as 基本满意), then name', () => {
    const ranked = rankExperts(
      [
        expert('one-field', { fields: ['land'] }),
        expert('busy', { load: 2 }),
        expert('rated-low', { ratingSum: 1, ratingCount: 2 }),
        expert('unrated'),
        expert('rated-high', { ratingSum: 4, ratingCount: 2 }),
        expert('busy-but-rated', { load: 1, ratingSum: 2, ratingCount: 1 }),
      ],
      want,
    );
    expect(ids(ranked)).toEqual(['rated-high', 'unrated', 'rated-low', 'busy-but-rated', 'busy', 'one-field']);
    expect(ranked[0]).toMatchObject({ matched: ['land', 'law'], average: 2 });
    expect(ranked.at(-1)).toMatchObject({ matched: ['land'], average: undefined });
  });

  it('leaves out the unavailable, those of other townships, and those of no field of the case', () => {
    const ranked = rankExperts(
      [
        expert('away', { available: false }),
        expert('ebao-only', { townshipIds: ['ebao'] }),
        expert('babao-too', { townshipIds: ['ebao', 'babao'] }),
        expert('psychologist', { fields: ['psychology'] }),
      ],
      want,
    );
    expect(ids(ranked)).toEqual(['babao-too']);
  });

  it('puts equals in the order of their names as read in Chinese (by pinyin)', () => {
    expect(rankExperts([expert('z', { name: '张三' }), expert('l', { name: '李四' })], want).map((e) => e.name)).toEqual(['李四', '张三']);
  });

  it('averages ratings out of 2: 满意 2, 基本满意 1, 不满意 0', () => {
    expect(averageOf({ ratingSum: 3, ratingCount: 2 })).toBe(1.5);
    expect(averageOf({ ratingSum: 0, ratingCount: 0 })).toBeUndefined();
  });
});

describe('what a step does to the experts of a case', () => {
  const consultation = (experts: string[]) => ({
    startedAt: '2026-11-22T12:00:00.000Z', startedBy: '值班员', leadDepartmentId: 'd', leadName: 'd', question: 'q', dueAt: '2026-11-25T12:00:00.000Z',
    participants: [], experts: experts.map((expertId) => ({ expertId, name: expertId, invitedAt: '2026-11-22T12:00:00.000Z' })),
  });
  const at = (status: Petition['status'], experts: string[], rating?: Petition['rating']) => ({ status, consultation: consultation(experts), rating });

  it('an invitation adds to the load, the resolution takes it off, a rating counts for each invited expert', () => {
    expect(expertChanges(at('dispatched', ['a']), at('dispatched', ['a', 'b']))).toEqual([{ expertId: 'b', load: 1, ratingSum: 0, ratingCount: 0 }]);
    expect(expertChanges(at('in_progress', ['a', 'b']), at('resolved', ['a', 'b']))).toEqual([
      { expertId: 'a', load: -1, ratingSum: 0, ratingCount: 0 },
      { expertId: 'b', load: -1, ratingSum: 0, ratingCount: 0 },
    ]);
    const rating = { rating: 'basically_satisfied' as const, at: '2026-11-26T00:00:00.000Z' };
    expect(expertChanges(at('resolved', ['a']), at('rated', ['a'], rating))).toEqual([{ expertId: 'a', load: 0, ratingSum: 1, ratingCount: 1 }]);
    // a progress note changes nothing; nor does a case without experts
    expect(expertChanges(at('in_progress', ['a']), at('in_progress', ['a']))).toEqual([]);
    expect(expertChanges({ status: 'in_progress' }, { status: 'resolved' })).toEqual([]);
    expect(expertChanges({ status: 'in_progress' }, { status: 'in_progress' })).toEqual([]);
  });

  it('takes the load off once: not again on a later step of a resolved case, nor a rating again', () => {
    expect(expertChanges(at('resolved', ['a']), at('resolved', ['a']))).toEqual([]);
    const rating = { rating: 'satisfied' as const, at: '2026-11-26T00:00:00.000Z' };
    expect(expertChanges(at('rated', ['a'], rating), at('closed', ['a'], rating))).toEqual([]);
    expect(expertChanges(at('resolved', ['a']), at('rated', ['a'], rating))).toEqual([{ expertId: 'a', load: 0, ratingSum: 2, ratingCount: 1 }]);
    expect(expertChanges(at('resolved', ['a']), at('rated', ['a'], { ...rating, rating: 'dissatisfied' }))).toEqual([{ expertId: 'a', load: 0, ratingSum: 0, ratingCount: 1 }]);
    // invited and resolved in one step: nothing to change
    expect(expertChanges({ status: 'in_progress' }, at('resolved', ['a']))).toEqual([]);
  });
});
