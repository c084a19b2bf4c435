import * as z from 'zod/mini';
import { AudioRef, MEDIA_VERDICTS, reportText } from '../audio';
import { maskPhone } from '../privacy';
import { STEP_ACTIONS } from '../steps';
import { Backlog } from './backlog';
import { Channel, GeoPoint, Id, IsoTime, Level, Phone, Rating, Status, text } from './common';
import { PhotoRef } from './report';

export { DESCRIPTION_MAX, PHOTOS_MAX, PhotoRef } from './report';

export const Reporter = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('wechat'), openid: z.string() }),
  z.object({ kind: z.literal('anonymous') }),
  /** an agent (代办员) or staff member filing on a citizen's behalf */
  z.object({ kind: z.literal('agent'), userId: z.string() }),
  /** a partner system (the county's 12345 hotline) filing through Open311 */
  z.object({ kind: z.literal('partner'), partnerId: z.string() }),
]);
export type Reporter = z.infer<typeof Reporter>;

export const Actor = z.object({
  role: z.string(),
  id: z.string(),
  name: z.optional(z.string()),
  /** a handler's department: the one the case is dispatched to, or a co-department of its consultation (联合会诊) */
  departmentId: z.optional(z.string()),
});
export type Actor = z.infer<typeof Actor>;

/** The events of the record: the report, the steps of the table, and the supervision sweep's alerts. */
/** `claim`: a citizen claims a case staff registered for them, with its receipt's code (shared/workflow.ts claim). */
export const ACTIONS = ['submit', 'claim', ...STEP_ACTIONS, 'remind', 'urge', 'overdue', 'consult_remind', 'rate_remind', 'rate_close'] as const;
export const Action = z.enum(ACTIONS);
export type Action = z.infer<typeof Action>;

/** One immutable line of the record: who, when, from, to, note. */
export const TimelineEvent = z.object({
  seq: z.int().check(z.positive()),
  at: IsoTime,
  actor: Actor,
  action: Action,
  from: z.nullable(Status),
  to: Status,
  note: z.optional(z.string()),
  /** internal notes are for staff only */
  visibility: z.enum(['public', 'internal']),
  data: z.optional(z.record(z.string(), z.unknown())),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

/** Who supervises an escalated case: the next level's centre, and since when. */
export const SupervisedBy = z.object({ level: Level, centreId: Id, centrePath: z.string(), since: IsoTime });
export type SupervisedBy = z.infer<typeof SupervisedBy>;

/**
 * 联合会诊: the centre calls co-departments into a case its lead department handles. Each co-department reports in
 * (部门报到) with its opinion by `dueAt`; the sweep reminds the late ones once (`remindedAt`). Not an escalation: the
 * owner and the lead department keep the case.
 */
export const ConsultParticipant = z.object({
  departmentId: Id,
  name: z.string(),
  reportedAt: z.optional(IsoTime),
  opinion: z.optional(z.string()),
  /** who wrote the opinion (a handler's name) */
  reportedBy: z.optional(z.string()),
  remindedAt: z.optional(IsoTime),
});
export type ConsultParticipant = z.infer<typeof ConsultParticipant>;
/**
 * 会诊会议: a multi-party video reception of the consultation: each host's slot taken whole at `start`, one room for
 * all, the citizen invited or not (then it is on their case, with the room's link).
 */
export const Meeting = z.object({
  id: Id,
  start: IsoTime,
  end: IsoTime,
  hosts: z.array(z.object({ hostId: Id, name: z.string(), departmentId: Id, departmentName: z.string() })),
  withCitizen: z.boolean(),
  roomId: z.string(),
  bookedAt: IsoTime,
  bookedBy: z.string(),
});
export type Meeting = z.infer<typeof Meeting>;

export const Consultation = z.object({
  startedAt: IsoTime,
  startedBy: z.string(),
  leadDepartmentId: Id,
  leadName: z.string(),
  question: z.string(),
  dueAt: IsoTime,
  participants: z.array(ConsultParticipant),
  /** 专家库: the experts invited to the consultation */
  experts: z.optional(z.array(z.object({ expertId: Id, name: z.string(), invitedAt: IsoTime }))),
  /** 会诊会议 booked for this consultation, oldest first */
  meetings: z.optional(z.array(Meeting)),
});
export type Consultation = z.infer<typeof Consultation>;

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
  /** the staff user who filed it on the citizen's behalf (代办, 统一登记): their 我代办的 list holds it */
  agentId: z.optional(z.string()),
  /** when that user last looked at it (阶段反馈: what moved since is new to them) */
  agentSeenAt: z.optional(IsoTime),
  /** the citizen's name as staff registered it (never for an anonymous case); staff see it, lists do not */
  citizenName: z.optional(z.string()),
  /** a letter's day of arrival (来信, YYYY-MM-DD in China) */
  letterReceivedOn: z.optional(z.string()),
  /** 人次: how many people came or signed (a registration of several, 集体访); unset: one */
  persons: z.optional(z.number()),
  phone: z.optional(Phone),
  postId: z.optional(Id),
  location: z.optional(GeoPoint),
  categoryId: Id,
  /** empty when the citizen only spoke (audio) */
  description: z.string(),
  /** 按住说话: the recording, the trace of WeChat's asynchronous media check it was sent to, and its verdict once pushed */
  audio: z.optional(z.object({ key: AudioRef, seconds: z.number(), checkTraceId: z.optional(z.string()), check: z.optional(z.enum(MEDIA_VERDICTS)) })),
  photos: z.array(PhotoRef),
  status: Status,
  level: Level,
  countyId: Id,
  townshipId: Id,
  villageId: z.optional(Id),
  /**
   * The owning centre (首接首办、一办到底): the node id of a township or the county. Only a transfer or an explicit
   * takeover (接管) changes it; an escalation never does.
   */
  centreId: Id,
  centrePath: z.string(),
  /**
   * The level that supervises the case since it was escalated (上报 by staff, or run overdue in the sweep): it sees
   * the case, urges (督办), sets a deadline, and may take it over. Unset while nobody above the owner supervises.
   */
  supervisedBy: z.optional(SupervisedBy),
  departmentId: z.optional(Id),
  handlerId: z.optional(Id),
  /** 积案: the class, its deadline and the lead official (包案领导), and the board (揭榜领案) */
  backlog: z.optional(Backlog),
  /** the joint consultation (联合会诊) of the case, the latest one */
  consultation: z.optional(Consultation),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  acceptedAt: z.optional(IsoTime),
  resolvedAt: z.optional(IsoTime),
  /**
   * when the case was first reopened (复诊: a dissatisfied rating or a reopen step): from then on it no longer counts
   * as 化解 (resolved and not reopened), and resolving it again is not a second resolution in the figures
   */
  reopenedAt: z.optional(IsoTime),
  /** deadline of the current step */
  dueAt: z.optional(IsoTime),
  /** when that deadline was set: the step's own limit runs from here to dueAt (near due is its last share) */
  dueFrom: z.optional(IsoTime),
  /** statutory resolve deadline: 60 days from acceptance, one extension of up to 30 */
  resolveDueAt: z.optional(IsoTime),
  extended: z._default(z.boolean(), false),
  repeatOf: z.optional(Id),
  repeatConfirmed: z.optional(z.boolean()),
  decline: z.optional(Decline),
  resolution: z.optional(z.string()),
  rating: z.optional(z.object({ rating: Rating, comment: z.optional(z.string()), at: IsoTime })),
  overdue: z._default(z.boolean(), false),
  /** the deadline (dueAt) each supervision alert was last raised for: a sweep acts once per deadline */
  remindedFor: z.optional(IsoTime),
  urgedFor: z.optional(IsoTime),
  overdueFor: z.optional(IsoTime),
  /** 回访: when the follow-up call falls due after resolution, and how it went */
  followUpAt: z.optional(IsoTime),
  followUp: z.optional(z.object({ at: IsoTime, reached: z.boolean(), rating: z.optional(Rating), note: z.string() })),
  /** optimistic concurrency: equals the seq of the last timeline event */
  version: z.int().check(z.nonnegative()),
});
export type Petition = z.infer<typeof Petition>;

export const PetitionWithTimeline = z.extend(Petition, { timeline: z.array(TimelineEvent) });
export type PetitionWithTimeline = z.infer<typeof PetitionWithTimeline>;

/** What lists show: the fields the table's indexes project, plus the first words of the description. */
export const PetitionSummary = z.extend(
  z.pick(Petition, {
    id: true,
    trackingCode: true,
    channel: true,
    status: true,
    level: true,
    categoryId: true,
    countyId: true,
    townshipId: true,
    centreId: true,
    supervisedBy: true,
    backlog: true,
    departmentId: true,
    postId: true,
    /** the village a cluster warning (聚集) lists its cases by */
    villageId: true,
    createdAt: true,
    updatedAt: true,
    dueAt: true,
    dueFrom: true,
    resolveDueAt: true,
    overdue: true,
    repeatOf: true,
    repeatConfirmed: true,
    anonymous: true,
    /** 回访: when the call falls due (the 回访 page shows how long it has waited) */
    followUpAt: true,
  }),
  {
    summary: z.string(),
    /** the citizen's rating, without their comment */
    rating: z.optional(Rating),
    /** 回访: whether the follow-up call reached the citizen and their rating then, without the note */
    followUpResult: z.optional(z.object({ reached: z.boolean(), rating: z.optional(Rating) })),
    /** only ever masked (138****1234): lists and exports never hold a whole phone number */
    phoneMasked: z.optional(z.string().check(z.regex(/^\d{3}\*{4}\d{4}$/))),
  },
);
export type PetitionSummary = z.infer<typeof PetitionSummary>;
/** A row of 我代办的: the case's row with when its filer last looked at it (阶段反馈). */
export const FiledSummary = z.extend(PetitionSummary, { agentSeenAt: z.optional(IsoTime) });
export type FiledSummary = z.infer<typeof FiledSummary>;
export const SUMMARY_LENGTH = 60;

/** A list row of a petition: what the indexes project, and what a tracking-code search shows. */
export function summaryOf(p: Petition): PetitionSummary {
  return PetitionSummary.parse({
    ...p,
    summary: reportText(p).slice(0, SUMMARY_LENGTH),
    rating: p.rating?.rating,
    followUpResult: p.followUp ? { reached: p.followUp.reached, rating: p.followUp.rating } : undefined,
    phoneMasked: p.phone ? maskPhone(p.phone) : undefined,
  });
}
