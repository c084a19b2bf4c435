import * as z from 'zod';
import { maskPhone } from '../privacy';
import { Channel, GeoPoint, Id, IsoTime, Level, Phone, Rating, Status, text } from './common';

export const DESCRIPTION_MAX = 2000;
export const PHOTOS_MAX = 3;

/** A photo is referenced by the object key the upload route handed out. */
export const PhotoRef = z.string().regex(/^photos\/[A-Za-z0-9/_.-]{1,200}$/, { error: '照片引用不正确' });

export const Reporter = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('wechat'), openid: z.string() }),
  z.object({ kind: z.literal('anonymous') }),
  /** an agent (代办员) or staff member filing on a citizen's behalf */
  z.object({ kind: z.literal('agent'), userId: z.string() }),
]);
export type Reporter = z.infer<typeof Reporter>;

export const Actor = z.object({
  role: z.string(),
  id: z.string(),
  name: z.string().optional(),
});
export type Actor = z.infer<typeof Actor>;

export const ACTIONS = [
  'submit',
  'accept',
  'decline',
  'dispatch',
  'progress',
  'resolve',
  'rate',
  'transfer',
  'escalate',
  'reopen',
  'close',
  'remind',
  'urge',
  'overdue',
  'extend',
  'link_repeat',
  'unlink_repeat',
  'reveal_phone',
  'follow_up',
] as const;
export const Action = z.enum(ACTIONS);
export type Action = z.infer<typeof Action>;

/** One immutable line of the record: who, when, from, to, note. */
export const TimelineEvent = z.object({
  seq: z.number().int().positive(),
  at: IsoTime,
  actor: Actor,
  action: Action,
  from: Status.nullable(),
  to: Status,
  note: z.string().optional(),
  /** internal notes are for staff only */
  visibility: z.enum(['public', 'internal']),
  data: z.record(z.string(), z.unknown()).optional(),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

export const Decline = z.object({
  reason: text('不予受理的理由', 500),
  redirect: text('建议的办理途径', 200),
});

export const Petition = z.object({
  id: Id,
  trackingCode: z.string(),
  channel: Channel,
  reporter: Reporter,
  /** staff do not see who reported */
  anonymous: z.boolean(),
  agentId: z.string().optional(),
  phone: Phone.optional(),
  postId: Id.optional(),
  location: GeoPoint.optional(),
  categoryId: Id,
  description: z.string(),
  photos: z.array(PhotoRef),
  status: Status,
  level: Level,
  countyId: Id,
  townshipId: Id,
  villageId: Id.optional(),
  /** the owning centre: the node id of a township or the county */
  centreId: Id,
  centrePath: z.string(),
  departmentId: Id.optional(),
  handlerId: Id.optional(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  acceptedAt: IsoTime.optional(),
  resolvedAt: IsoTime.optional(),
  /** deadline of the current step */
  dueAt: IsoTime.optional(),
  /** statutory resolve deadline: 60 days from acceptance, one extension of up to 30 */
  resolveDueAt: IsoTime.optional(),
  extended: z.boolean().default(false),
  repeatOf: Id.optional(),
  repeatConfirmed: z.boolean().optional(),
  decline: Decline.optional(),
  resolution: z.string().optional(),
  rating: z.object({ rating: Rating, comment: z.string().optional(), at: IsoTime }).optional(),
  overdue: z.boolean().default(false),
  /** the deadline (dueAt) each supervision alert was last raised for: a sweep acts once per deadline */
  remindedFor: IsoTime.optional(),
  urgedFor: IsoTime.optional(),
  overdueFor: IsoTime.optional(),
  /** 回访: when the follow-up call falls due after resolution, and how it went */
  followUpAt: IsoTime.optional(),
  followUp: z.object({ at: IsoTime, reached: z.boolean(), rating: Rating.optional(), note: z.string() }).optional(),
  /** optimistic concurrency: equals the seq of the last timeline event */
  version: z.number().int().nonnegative(),
});
export type Petition = z.infer<typeof Petition>;

export const PetitionWithTimeline = Petition.extend({ timeline: z.array(TimelineEvent) });
export type PetitionWithTimeline = z.infer<typeof PetitionWithTimeline>;

/** What lists show: the fields the table's indexes project, plus the first words of the description. */
export const PetitionSummary = Petition.pick({
  id: true,
  trackingCode: true,
  channel: true,
  status: true,
  level: true,
  categoryId: true,
  countyId: true,
  townshipId: true,
  centreId: true,
  departmentId: true,
  postId: true,
  createdAt: true,
  updatedAt: true,
  dueAt: true,
  resolveDueAt: true,
  overdue: true,
  repeatOf: true,
  repeatConfirmed: true,
  anonymous: true,
}).extend({
  summary: z.string(),
  /** the citizen's rating, without their comment */
  rating: Rating.optional(),
  /** only ever masked (138****1234): lists and exports never hold a whole phone number */
  phoneMasked: z.string().regex(/^\d{3}\*{4}\d{4}$/).optional(),
});
export type PetitionSummary = z.infer<typeof PetitionSummary>;
export const SUMMARY_LENGTH = 60;

/** A list row of a petition: what the indexes project, and what a tracking-code search shows. */
export function summaryOf(p: Petition): PetitionSummary {
  return PetitionSummary.parse({
    ...p,
    summary: p.description.slice(0, SUMMARY_LENGTH),
    rating: p.rating?.rating,
    phoneMasked: p.phone ? maskPhone(p.phone) : undefined,
  });
}
