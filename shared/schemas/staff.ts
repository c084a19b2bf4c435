/**
 * What staff send and what the API answers them: the queue and its query, the case file, the organisation in scope,
 * the dashboard. One schema each, checked against the server's answers in the API tests and parsed by the staff pages.
 */
import * as z from 'zod/mini';
import { Category, Department, OrgNode, Post, StaffUser } from './org';
import { Channel, IsoTime, Ratio, Status, StaffRole, TypedTrackingCode, idOf } from './common';
import { ACTIONS, Meeting, Petition, PetitionSummary, TimelineEvent } from './petition';
import { PageQuery } from './api';
import { Named } from './views';
import { WarningRow } from './warnings';
import { Way } from './booking';
import { IssuedDocument } from './document';

const Day = z.string().check(
  // a malformed day is told once: its format, not also that it is no day
  z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式为 YYYY-MM-DD', abort: true }),
  z.refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
  }, { error: '不是有效的日期' }),
);
const daysOf = (q: { from?: string; to?: string }) => (q.from && q.to ? (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 + 1 : 0);
/** A period in China calendar days (both inclusive) and, for a county caller, one township of the county. */
const PeriodQuery = z
  .object({ from: z.optional(Day), to: z.optional(Day), townshipId: z.optional(idOf('乡镇（苏木）')) })
  .check(z.refine((q) => !q.from || !q.to || q.from <= q.to, { error: '开始日期不能晚于结束日期', path: ['from'] }));

export const DASHBOARD_MAX_DAYS = 367;
/** A dashboard period: at most a year. */
export const DashboardQuery = PeriodQuery.check(z.refine((q) => daysOf(q) <= DASHBOARD_MAX_DAYS, { error: '统计区间最长一年', path: ['to'] }));

/** An export reads every petition of its period, so the period is shorter: a quarter at most. */
export const EXPORT_MAX_DAYS = 93;
export const EXPORT_TOO_LONG = `导出区间最长 ${EXPORT_MAX_DAYS} 天，请分次导出`;
export const ExportQuery = PeriodQuery.check(z.refine((q) => daysOf(q) <= EXPORT_MAX_DAYS, { error: EXPORT_TOO_LONG, path: ['to'] }));


export const QUEUE_SORTS = ['newest', 'urgent'] as const;
/**
 * The staff queue: a status tab, overdue or near due, filters, one tracking code, the order, a page. Dates are
 * China calendar days, both inclusive.
 */
export const StaffQueueQuery = z
  .extend(PageQuery, {
    status: z.optional(Status),
    /** the same as due=overdue, kept for links made before `due` */
    overdue: z.optional(z.enum(['true', 'false'], { error: 'overdue 须为 true 或 false' })),
    due: z.optional(z.enum(['overdue', 'near'], { error: '期限筛选须为 overdue（逾期）或 near（临期）' })),
    categoryId: z.optional(idOf('诉求类型')),
    townshipId: z.optional(idOf('乡镇（苏木）')),
    channel: z.optional(Channel),
    from: z.optional(Day),
    to: z.optional(Day),
    code: z.optional(TypedTrackingCode),
    sort: z._default(z.enum(QUEUE_SORTS, { error: '排序须为 newest（最新）或 urgent（最紧急）' }), 'newest'),
    /** 督办: only the cases escalated to the caller's centre, which it supervises (newest first) */
    supervised: z.optional(z.enum(['true'], { error: 'supervised 须为 true' })),
    /** 联合会诊: only the cases the handler's department is called into (newest consultation first) */
    consulting: z.optional(z.enum(['true'], { error: 'consulting 须为 true' })),
    /** 专班: only the backlog cases the caller is on, as a team member or the lead official (newest first) */
    team: z.optional(z.enum(['true'], { error: 'team 须为 true' })),
  })
  .check(
    z.refine((q) => !q.from || !q.to || q.from <= q.to, { error: '开始日期不能晚于结束日期', path: ['from'] }),
    z.refine((q) => !q.supervised || (!q.due && q.overdue !== 'true' && q.sort !== 'urgent'), {
      error: '督办列表按上报时间排列，不能同时按期限筛选或按紧急排序',
      path: ['supervised'],
    }),
    z.refine((q) => !q.consulting || (!q.supervised && !q.due && q.overdue !== 'true' && q.sort !== 'urgent'), {
      error: '会诊列表按发起时间排列，不能同时按期限筛选、按紧急排序或查看督办',
      path: ['consulting'],
    }),
    z.refine((q) => !q.team || (!q.supervised && !q.consulting && !q.due && q.overdue !== 'true' && q.sort !== 'urgent'), {
      error: '专班列表按上报时间排列，不能同时按期限筛选、按紧急排序、查看督办或会诊',
      path: ['team'],
    }),
  );
export type StaffQueueQuery = z.infer<typeof StaffQueueQuery>;

const Counted = z.object({ id: z.string(), name: z.string(), count: z.number() });
/** a count of the period beside the same period a year before (同比) */
const Compared = z.extend(Counted, { yearAgo: z.number() });
const FourFigures = <T extends z.ZodMiniType>(t: T) => z.object({ timelyAcceptance: t, onTimeCompletion: t, satisfaction: t, participation: t });
/** GET /staff/dashboard: what the dashboard page reads of the answer. */
export const DashboardAnswer = z.object({
  scope: z.object({ kind: z.enum(['centre', 'county', 'village', 'agent']), id: z.string(), name: z.string() }),
  /** the townships a county caller may choose; empty for centre staff */
  townships: z.array(z.object({ id: z.string(), name: z.string() })),
  period: z.object({ from: z.string(), to: z.string() }),
  ...FourFigures(Ratio).shape,
  /** current status counts of the scope (not of the period) */
  byStatus: z.partialRecord(Status, z.number()),
  byCategory: z.array(Compared),
  byTownship: z.array(Compared),
  byVillage: z.array(Compared),
  /** each channel's registrations, its share of the period's, and a year before */
  byChannel: z.array(z.extend(Compared, { id: Channel, share: Ratio })),
  registered: z.number(),
  resolution: Ratio,
  repeats: Ratio,
  /** 视频接访占比: video receptions held ÷ (receptions held + visits registered) */
  videoShare: Ratio,
  /** receptions held by way (every way, a year before beside) and their total */
  byWay: z.array(z.extend(Compared, { id: Way })),
  receptions: z.number(),
  /** 人次: the persons the period's registrations record (批次 is `registered`) */
  persons: z.number(),
  /** 调处成功率 */
  mediation: Ratio,
  yearAgo: z.object({ period: z.object({ from: z.string(), to: z.string() }), registered: z.number(), repeats: z.number(), persons: z.number(), receptions: z.number() }),
  daily: z.array(z.object({ day: z.string(), registered: z.number(), resolved: z.number() })),
  overdue: z.array(
    z.object({
      id: z.string(),
      trackingCode: z.string(),
      status: Status,
      townshipName: z.string(),
      categoryName: z.string(),
      summary: z.string(),
      dueAt: z.optional(z.string()),
    }),
  ),
  warnings: z.array(WarningRow),
  definitions: z.extend(FourFigures(z.string()), {
    resolution: z.string(),
    repeats: z.string(),
    videoShare: z.string(),
    receptions: z.string(),
    channelShare: z.string(),
    yearOnYear: z.string(),
    mediation: z.string(),
    batches: z.string(),
  }),
});
export type DashboardAnswer = z.infer<typeof DashboardAnswer>;

/** GET /staff/township-ranking: a county's townships side by side on the period's rates (the page ranks them). */
export const RankingQuery = z.object({ from: z.optional(Day), to: z.optional(Day) }).check(
  z.refine((q) => !q.from || !q.to || q.from <= q.to, { error: '开始日期不能晚于结束日期', path: ['from'] }),
  z.refine((q) => daysOf(q) <= DASHBOARD_MAX_DAYS, { error: '统计区间最长一年', path: ['to'] }),
);
export const RankingAnswer = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  townships: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      registered: z.number(),
      ...FourFigures(Ratio).shape,
      resolution: Ratio,
      repeats: Ratio,
      videoShare: Ratio,
      mediation: Ratio,
      persons: z.number(),
    }),
  ),
  definitions: DashboardAnswer.shape.definitions,
});
export type RankingAnswer = z.infer<typeof RankingAnswer>;

/** POST /staff/login: the token and who it is for. */
export const StaffSession = z.object({ token: z.string(), expiresAt: z.string(), user: StaffUser });
export type StaffSession = z.infer<typeof StaffSession>;

/** GET /staff/me: the caller as the token says. */
export const StaffMe = z.object({
  kind: z.literal('staff'),
  id: z.string(),
  username: z.optional(z.string()),
  name: z.string(),
  role: StaffRole,
  scopeNodeId: z.string(),
  departmentId: z.optional(z.string()),
});

/** The names a staff view shows beside the ids. */
const Names = {
  categoryName: z.string(),
  centreName: z.string(),
  townshipName: z.string(),
  departmentName: z.optional(z.string()),
};
/** Overdue (逾期) or near due (临期, NEAR_DUE_HOURS), worked out when answering. */
const Due = { overdue: z.boolean(), near: z.boolean() };

/** A row of the staff queue, the tasks and the dashboard's overdue list. */
export const QueueRow = z.extend(PetitionSummary, { ...Names, ...Due });
export type QueueRow = z.infer<typeof QueueRow>;
export const TaskRow = z.extend(QueueRow, { task: z.enum(['review', 'follow_up']) });
/** GET /staff/warnings/cases: the cases behind one warning of a township's month, a page at a time. */
export const WarningCasesQuery = z.extend(PageQuery, {
  month: z.string({ error: '请指明月份' }).check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份格式为 YYYY-MM' })),
  townshipId: z.optional(idOf('乡镇（苏木）')),
  key: z.string({ error: '请指明预警' }).check(z.regex(/^(rise|cl_post|cl_village)_[\w-]{1,64}$/, { error: '预警标识不正确' })),
});
export const WarningCasesAnswer = z.object({ warning: WarningRow, items: z.array(QueueRow), cursor: z.optional(z.string()) });
export type WarningCasesAnswer = z.infer<typeof WarningCasesAnswer>;
export type TaskRow = z.infer<typeof TaskRow>;
/** GET /staff/filed (我代办的): a case the caller filed; `news` when it moved since they last opened it. */
export const FiledRow = z.extend(QueueRow, { agentSeenAt: z.optional(IsoTime), news: z.boolean() });
export type FiledRow = z.infer<typeof FiledRow>;

/** Staff see that a citizen reported or acted, never which citizen. */
const StaffReporter = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('anonymous') }),
  z.strictObject({ kind: z.literal('wechat') }),
  z.object({ kind: z.literal('agent'), userId: z.string() }),
  z.object({ kind: z.literal('partner'), partnerId: z.string() }),
]);

/** GET /staff/petitions/{id}: the case file, the phone masked, photos as short-lived links, and the steps allowed now. */
export const CaseFile = z.extend(Petition, {
  reporter: StaffReporter,
  phone: z.optional(z.string().check(z.regex(/^\d{3}\*{4}\d{4}$/))),
  // a handler's department: the one that reported in to a consultation (联合会诊)
  timeline: z.array(z.extend(TimelineEvent, { actor: z.object({ role: z.string(), id: z.optional(z.string()), name: z.optional(z.string()), departmentId: z.optional(z.string()) }) })),
  ...Names,
  ...Due,
  actions: z.array(z.enum(ACTIONS)),
  /** 联合会诊: the co-departments late to report in (none reported by the consultation's deadline) */
  consultationLate: z.array(z.string()),
  /** 调处: the case is of a mediation category of its county; its 办结 form asks how the mediation ended */
  mediationCase: z.boolean(),
  photoUrls: z.array(z.string()),
  /** 按住说话: the citizen's recording as a short-lived link */
  audioUrl: z.optional(z.string()),
  repeatOfTrackingCode: z.optional(z.string()),
  /** 一单一书一承诺一表一函一考评: the documents issued on the case, oldest first; `eventSeq` names the record's line */
  documents: z.array(z.extend(IssuedDocument, { eventSeq: z.int() })),
  /** 会诊会议 of the consultation, oldest first, each with its room's link */
  meetings: z.array(z.extend(Meeting, { roomUrl: z.string() })),
  /** files staff attached (a signed agreement, a scanned letter), each as a short-lived link */
  attachments: z.array(z.object({ eventSeq: z.int(), name: z.string(), type: z.enum(['image', 'pdf']), url: z.string(), at: IsoTime, by: z.string() })),
});
export type CaseFile = z.infer<typeof CaseFile>;

/** After a transfer the caller may no longer see the case (an escalation keeps it theirs): the API says where it went. */
export const HandedOver = z.object({ id: z.string(), status: Status, level: z.string(), centreId: z.string(), handedOver: z.literal(true) });
/** What a staff step answers: the case file as written, or where it went. */
export const StepAnswer = z.union([HandedOver, CaseFile]);
export type StepAnswer = z.infer<typeof StepAnswer>;
/** POST /staff/petitions/{id}/reveal-phone: the whole number, the look on the record. */
export const PhoneAnswer = z.object({ phone: z.string() });

/** GET /staff/org: the organisation in the caller's scope, and the handlers a case may be dispatched to. */
export const StaffOrg = z.object({
  scope: OrgNode,
  nodes: z.array(OrgNode),
  departments: z.array(Department),
  categories: z.array(Category),
  handlers: z.array(z.object({ id: z.string(), name: z.string(), departmentId: z.string() })),
});
export type StaffOrg = z.infer<typeof StaffOrg>;

/** GET /staff/posts/{postId}: a post with the names its poster prints. */
export const StaffPost = z.object({ post: Post, township: Named, node: z.extend(Named, { kind: z.optional(z.string()) }) });
export type StaffPost = z.infer<typeof StaffPost>;

/** 化解成效考评, one department's figures over the period (shared/evaluation.ts says how each is counted). */
const EvaluationRow = z.object({
  departmentId: z.string(),
  name: z.string(),
  /** the centre the department belongs to (a county department beside a township's own) */
  centreName: z.string(),
  handled: z.number(),
  resolved: z.number(),
  onTime: Ratio,
  satisfaction: Ratio,
  backlogSettled: z.number(),
});
/** GET /staff/evaluation: each department of the county or a centre over a period, with the Chinese definitions. */
export const EvaluationAnswer = z.object({
  scope: z.object({ kind: z.enum(['centre', 'county']), id: z.string(), name: z.string() }),
  /** the townships a county caller may choose; empty for a centre's staff */
  townships: z.array(Named),
  period: z.object({ from: z.string(), to: z.string() }),
  rows: z.array(EvaluationRow),
  totals: z.object({ handled: z.number(), resolved: z.number(), onTime: Ratio, satisfaction: Ratio, backlogSettled: z.number() }),
  definitions: z.object({ handled: z.string(), resolved: z.string(), onTime: z.string(), satisfaction: z.string(), backlogSettled: z.string() }),
});
export type EvaluationAnswer = z.infer<typeof EvaluationAnswer>;
