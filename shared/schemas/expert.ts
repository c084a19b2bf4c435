/** 专家库: an expert of a county, what staff send to save one, and a recommendation for a case. */
import * as z from 'zod/mini';
import { EXPERT_FIELDS } from '../experts';
import { Id, IsoTime, idOf, text } from './common';

export const ExpertField = z.enum(EXPERT_FIELDS, { error: '请选择专家领域' });

/** PUT /staff/experts/{expertId}: what an admin or county supervisor sets; load and ratings are the system's. */
export const ExpertBody = z.strictObject({
  name: text('专家姓名', 40),
  title: text('单位和职称', 100),
  fields: z.array(ExpertField, { error: '请选择专家领域' }).check(z.minLength(1, { error: '请至少选择一个专家领域' }), z.maxLength(5, { error: '专家领域最多 5 个' })),
  /** the townships the expert serves; empty: the whole county */
  townshipIds: z._default(z.array(idOf('服务乡镇')).check(z.maxLength(50, { error: '服务乡镇过多' })), []),
  available: z._default(z.boolean({ error: '请说明专家是否可以受邀' }), true),
});
export type ExpertBody = z.infer<typeof ExpertBody>;

export const Expert = z.object({
  id: Id,
  countyId: Id,
  name: z.string(),
  title: z.string(),
  fields: z.array(ExpertField),
  townshipIds: z.array(Id),
  available: z.boolean(),
  /** consultations the expert is invited to that are not yet resolved */
  load: z.number(),
  /** the citizens' ratings of the cases the expert was invited to (满意 2, 基本满意 1, 不满意 0) */
  ratingSum: z.number(),
  ratingCount: z.number(),
  updatedAt: IsoTime,
  version: z.int(),
});
export type Expert = z.infer<typeof Expert>;

/** GET /staff/petitions/{id}/experts: the case's fields and the experts ranked for it. */
export const ExpertRecommendations = z.object({
  fields: z.array(ExpertField),
  items: z.array(
    z.extend(Expert, {
      matched: z.array(ExpertField),
      /** the average rating out of 2, when rated */
      average: z.optional(z.number()),
      invited: z.boolean(),
    }),
  ),
});
export type ExpertRecommendations = z.infer<typeof ExpertRecommendations>;
