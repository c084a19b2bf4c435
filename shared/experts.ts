/**
 * 专家库: the county's experts by field (行业专家库，精准匹配), which fields a category calls for, how experts are
 * ranked for a case (推荐专家), and how a step changes their load and ratings. Pure: the repository stores what these
 * decide.
 */
import type { Petition } from './schemas/petition';
import type { Rating } from './schemas/common';

export const EXPERT_FIELDS = ['law', 'land', 'labour', 'family', 'ecology', 'finance', 'psychology', 'construction', 'agriculture', 'medical', 'education', 'mediation'] as const;
export type ExpertField = (typeof EXPERT_FIELDS)[number];
export const EXPERT_FIELD_LABELS: Record<ExpertField, string> = {
  law: '法律',
  land: '土地',
  labour: '劳动保障',
  family: '婚姻家庭',
  ecology: '生态',
  finance: '金融',
  psychology: '心理',
  construction: '建设工程',
  agriculture: '农牧',
  medical: '医疗',
  education: '教育',
  mediation: '人民调解',
};

/** The fields a category calls for when it names none of its own: by the kind of department it goes to. */
const FIELDS_BY_DEPARTMENT_KIND: Record<string, readonly ExpertField[]> = {
  natural_resources: ['land', 'law'],
  justice: ['law', 'mediation', 'family'],
  human_resources: ['labour', 'law'],
  housing: ['construction', 'law'],
  ecology: ['ecology', 'land'],
  market: ['finance', 'law'],
  women: ['family', 'psychology'],
  police: ['law'],
  agriculture: ['agriculture', 'land'],
  letters: ['law', 'mediation'],
};

/** The fields a category maps to: its own list, else its department kind's, else law. */
export function fieldsOfCategory(c: { departmentKind: string; expertFields?: readonly ExpertField[] }): readonly ExpertField[] {
  if (c.expertFields && c.expertFields.length) return c.expertFields;
  return FIELDS_BY_DEPARTMENT_KIND[c.departmentKind] ?? ['law'];
}

/** What ranking reads of an expert. */
export interface ExpertStanding {
  id: string;
  name: string;
  fields: readonly ExpertField[];
  /** the townships the expert serves; empty: the whole county */
  townshipIds: readonly string[];
  available: boolean;
  /** consultations the expert is invited to and that are not yet resolved */
  load: number;
  ratingSum: number;
  ratingCount: number;
}

/** A citizen's rating of a case as an expert's score: 满意 2, 基本满意 1, 不满意 0 (the average is out of 2). */
export const RATING_SCORE: Record<Rating, number> = { satisfied: 2, basically_satisfied: 1, dissatisfied: 0 };
/** an unrated expert's place among the rated: 基本满意 */
const UNRATED = RATING_SCORE.basically_satisfied;
export const averageOf = (e: Pick<ExpertStanding, 'ratingSum' | 'ratingCount'>) => (e.ratingCount ? e.ratingSum / e.ratingCount : undefined);

/**
 * 推荐专家: the available experts who serve the case's township and share at least one of its fields, ranked by how
 * many fields they match, then by load (fewest open consultations first), then by past ratings (best average first;
 * an expert not yet rated counts as 基本满意, between the well and the poorly rated), then by name.
 */
export function rankExperts<E extends ExpertStanding>(experts: readonly E[], want: { fields: readonly ExpertField[]; townshipId: string }): Array<E & { matched: ExpertField[]; average?: number }> {
  return experts
    .filter((e) => e.available && (e.townshipIds.length === 0 || e.townshipIds.includes(want.townshipId)))
    .map((e) => ({ ...e, matched: want.fields.filter((f) => e.fields.includes(f)), average: averageOf(e) }))
    .filter((e) => e.matched.length > 0)
    .sort(
      (a, b) =>
        b.matched.length - a.matched.length ||
        a.load - b.load ||
        (b.average ?? UNRATED) - (a.average ?? UNRATED) ||
        a.name.localeCompare(b.name, 'zh-CN'),
    );
}

export interface ExpertDelta {
  expertId: string;
  load: number;
  ratingSum: number;
  ratingCount: number;
}

/**
 * What a step does to the experts of the case's consultation: an invitation adds one to the expert's load, the
 * resolution takes it off again (a reopened case does not add it back), and the citizen's rating of the case counts
 * towards each invited expert's ratings.
 */
export function expertChanges(before: Pick<Petition, 'status' | 'rating' | 'consultation'>, after: Pick<Petition, 'status' | 'rating' | 'consultation'>): ExpertDelta[] {
  const out = new Map<string, ExpertDelta>();
  const delta = (expertId: string) => out.get(expertId) ?? out.set(expertId, { expertId, load: 0, ratingSum: 0, ratingCount: 0 }).get(expertId)!;
  const had = new Set((before.consultation?.experts ?? []).map((e) => e.expertId));
  const experts = after.consultation?.experts ?? [];
  for (const e of experts) if (!had.has(e.expertId)) delta(e.expertId).load += 1;
  if (after.status === 'resolved' && before.status !== 'resolved') for (const e of experts) delta(e.expertId).load -= 1;
  if (after.rating && after.rating.at !== before.rating?.at) {
    for (const e of experts) {
      delta(e.expertId).ratingSum += RATING_SCORE[after.rating.rating];
      delta(e.expertId).ratingCount += 1;
    }
  }
  return [...out.values()].filter((d) => d.load !== 0 || d.ratingCount !== 0);
}
