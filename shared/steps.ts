/**
 * The table of a petition's steps: one declaration per step, from which the rest is derived: who may take it from
 * which statuses (the workflow's rules), its request body (the API parses it, the staff form checks with it), its
 * route, its label (the record, the buttons, the messages), whether its note is public, and its staff form's fields.
 * What a step does to the case is `decide` in workflow.ts. Adding a step: a row here, a case there, and tests.
 */
import * as z from 'zod/mini';
import { BacklogClass } from './schemas/backlog';
import { MeetingBody } from './schemas/meeting';
import { IssueDocumentBody } from './schemas/document';
import { EmptyBody, RESOLVED_STATUSES, OPEN_STATUSES, Rating, STATUSES, TypedTrackingCode, idOf, text, type Role, type Status } from './schemas/common';

const CENTRE = ['centre_staff', 'county_supervisor', 'admin'] as const satisfies readonly Role[];
/** who registers cases for citizens (统一登记, 凡诉代办): the centres and the agents */
const FILERS = [...CENTRE, 'agent'] as const satisfies readonly Role[];
const HANDLING = [...CENTRE, 'handler'] as const satisfies readonly Role[];
/** 小事不出村: a village's staff accept, handle and resolve the cases their village holds (workflow.ts checks it holds it) */
const VILLAGE = 'village_staff' as const satisfies Role;
const COUNTY = ['county_supervisor', 'admin'] as const satisfies readonly Role[];
const HANDLING_STATUSES: readonly Status[] = ['dispatched', 'in_progress', 'reopened'];
const note = (label = '备注', max = 500) => z.optional(text(label, max));

/**
 * A field of a step's staff form. `options` names a list the app fills from the organisation (`departments`, the
 * `handlers` of the chosen department, the `centres` a case may go to) or lists the choices; `prefill` takes the
 * initial value from the case file (a choice's only when it is among the options). The form of a step whose note is
 * public marks each text field 群众可见.
 */
export interface FieldSpec {
  name: string;
  label: string;
  /** `choices`: several of the options (the body holds an array) */
  kind: 'text' | 'textarea' | 'choice' | 'choices' | 'number';
  max?: number;
  /** `opinions`: the co-departments of the case's consultation that have reported in */
  options?: 'departments' | 'handlers' | 'centres' | 'opinions' | ReadonlyArray<{ value: string; label: string }>;
  initial?: string;
  prefill?: 'repeatOfTrackingCode' | 'departmentId';
  placeholder?: string;
}

export interface StepSpec {
  /** on the record, in the messages, and on the button unless `verb` is shorter */
  label: string;
  verb?: string;
  /** which of the six steps (吹哨 … 评哨) the record shows it under */
  stage: 'report' | 'accept' | 'dispatch' | 'handle' | 'supervise' | 'rate';
  from: readonly Status[];
  roles: readonly Role[];
  body: z.ZodMiniType;
  /** the route's last segment: /staff/petitions/{id}/<path> for staff, /petitions/{id}/<path> for the citizen */
  path: string;
  /** whether the step's note is on the citizen's record; `chosen`: the body's `visibility` says */
  note: 'public' | 'internal' | 'chosen';
  /** the staff form; a step without one is taken elsewhere (the citizen's rating, the phone link, the tasks) */
  form?: readonly FieldSpec[];
  /** the form asks twice before it undoes or refuses something */
  danger?: boolean;
}

/** 调处结果: a mediation ended in an agreement of the parties (调解成功), or did not. */
export const MEDIATION_RESULTS = ['agreed', 'not_agreed'] as const;

/** 督办 sets at most this many days for the step it urges (限期办理). */
export const MAX_CONSULT_DAYS = 15;
/** 联合会诊 calls at most this many co-departments into one case. */
export const MAX_CONSULT_DEPARTMENTS = 8;

export const MAX_SUPERVISION_DAYS = 30;

/** A whole number of days from 1 to `max`, said in Chinese with the step's word for it (延期, 限期). */
const wholeDays = (word: string, max: number) =>
  z.number({ error: `请填写${word}天数` }).check(z.multipleOf(1, { error: `${word}天数须为整数` }), z.gte(1, { error: `${word}至少 1 天` }), z.lte(max, { error: `${word}最多 ${max} 天` }));

const textarea = (name: string, label: string, max = 500): FieldSpec => ({ name, label, kind: 'textarea', max });

export const STEP_TABLE = {
  accept: {
    label: '接哨受理',
    verb: '受理',
    stage: 'accept',
    from: ['submitted'],
    roles: [...CENTRE, VILLAGE],
    body: z.strictObject({ note: note() }),
    path: 'accept',
    note: 'public',
    form: [textarea('note', '受理备注（可不填）')],
  },
  decline: {
    label: '不予受理',
    stage: 'accept',
    from: ['submitted'],
    roles: CENTRE,
    body: z.strictObject({ reason: text('不予受理的理由', 500), redirect: text('建议的办理途径', 200) }),
    path: 'decline',
    note: 'public',
    form: [textarea('reason', '不予受理的理由'), textarea('redirect', '建议的办理途径', 200)],
    danger: true,
  },
  dispatch: {
    label: '分哨派单',
    verb: '分派',
    stage: 'dispatch',
    from: ['accepted', 'reopened'],
    roles: CENTRE,
    body: z.strictObject({ departmentId: idOf('责任部门'), handlerId: z.optional(idOf('承办人')), note: note() }),
    path: 'dispatch',
    note: 'public',
    form: [
      // the department the case was routed to when it was reported comes chosen
      { name: 'departmentId', label: '责任部门', kind: 'choice', options: 'departments', prefill: 'departmentId' },
      { name: 'handlerId', label: '承办人（可不选）', kind: 'choice', options: 'handlers' },
      textarea('note', '分派说明（可不填）'),
    ],
  },
  progress: {
    label: '办理进展',
    stage: 'handle',
    from: HANDLING_STATUSES,
    roles: [...HANDLING, VILLAGE],
    body: z.strictObject({ note: text('进展说明', 1000), visibility: z._default(z.enum(['public', 'internal']), 'public') }),
    path: 'progress',
    note: 'chosen',
    form: [
      textarea('note', '进展说明', 1000),
      { name: 'visibility', label: '谁能看到', kind: 'choice', initial: 'public', options: [{ value: 'public', label: '群众可见' }, { value: 'internal', label: '仅内部' }] },
    ],
  },
  resolve: {
    label: '办结',
    stage: 'handle',
    from: HANDLING_STATUSES,
    roles: [...HANDLING, VILLAGE],
    // `cites`: the co-departments whose consultation opinions (会诊意见) the resolution rests on, copied to its record
    // `mediation`: how a mediation category's case ended (调解成功: the parties agreed); counted in 调处成功率
    body: z.strictObject({
      summary: text('办理结果', 2000),
      cites: z.optional(z.array(idOf('引用的会诊意见')).check(z.maxLength(MAX_CONSULT_DEPARTMENTS, { error: '引用的会诊意见过多' }))),
      mediation: z.optional(z.enum(MEDIATION_RESULTS, { error: '调处结果须为调解成功或调解未成功' })),
    }),
    path: 'resolve',
    note: 'public',
    form: [
      textarea('summary', '办理结果', 2000),
      { name: 'mediation', label: '调处结果（调解类纠纷填写）', kind: 'choice', options: [{ value: 'agreed', label: '调解成功，达成协议' }, { value: 'not_agreed', label: '调解未成功' }] },
      { name: 'cites', label: '引用会诊意见（可不选）', kind: 'choices', options: 'opinions' },
    ],
  },
  // 联合会诊: the centre calls co-departments into the case; the lead department handles it (it is dispatched there)
  // and resolves it, citing their opinions. Not an escalation: the owner keeps the case.
  consult: {
    label: '联合会诊',
    verb: '发起会诊',
    stage: 'handle',
    from: ['accepted', ...HANDLING_STATUSES],
    roles: CENTRE,
    body: z
      .strictObject({
        leadDepartmentId: idOf('牵头部门'),
        departmentIds: z
          .array(idOf('会诊部门'), { error: '请选择会诊部门' })
          .check(z.minLength(1, { error: '请至少选择一个会诊部门' }), z.maxLength(MAX_CONSULT_DEPARTMENTS, { error: `会诊部门最多 ${MAX_CONSULT_DEPARTMENTS} 个` })),
        question: text('会诊议题', 1000),
        days: wholeDays('报到期限', MAX_CONSULT_DAYS),
      })
      .check(
        z.refine((b) => !b.departmentIds.includes(b.leadDepartmentId), { error: '牵头部门不必再选为会诊部门', path: ['departmentIds'] }),
        z.refine((b) => new Set(b.departmentIds).size === b.departmentIds.length, { error: '会诊部门不能重复', path: ['departmentIds'] }),
      ),
    path: 'consult',
    // the question is for the departments; the citizen's record says only that a consultation was called
    note: 'internal',
    form: [
      { name: 'leadDepartmentId', label: '牵头部门', kind: 'choice', options: 'departments', prefill: 'departmentId' },
      { name: 'departmentIds', label: '会诊部门（可多选）', kind: 'choices', options: 'departments' },
      textarea('question', '会诊议题', 1000),
      { name: 'days', label: `报到期限（天，1 到 ${MAX_CONSULT_DAYS} 天）`, kind: 'number', initial: '3' },
    ],
  },
  // 邀请专家: an expert of the county's pool (推荐专家 ranks them) is invited to the case's consultation; taken from
  // the recommendations on the case file, not a form.
  invite_expert: {
    label: '邀请专家',
    stage: 'handle',
    from: HANDLING_STATUSES,
    roles: CENTRE,
    body: z.strictObject({ expertId: idOf('专家') }),
    path: 'invite-expert',
    note: 'internal',
  },
  // 会诊会议: a multi-party video reception of the consultation (several hosts of its departments at one time, the
  // citizen optional, one room), each host's slot taken in the case's transaction; booked from the case file's 会诊会议
  // card, which offers the hosts free at the chosen time. Its record is public when the citizen is invited.
  book_meeting: {
    label: '预约会诊会议',
    stage: 'handle',
    from: HANDLING_STATUSES,
    roles: CENTRE,
    body: MeetingBody,
    path: 'meeting',
    note: 'internal',
  },
  // 积案: the county classes a long-unsettled case A/B/C (90/60/30 days from classing) and may name its lead official
  classify: {
    label: '积案定级',
    stage: 'supervise',
    from: ['accepted', ...HANDLING_STATUSES],
    roles: COUNTY,
    body: z.strictObject({ backlogClass: BacklogClass, leadOfficial: z.optional(text('包案领导', 40)) }),
    path: 'classify',
    note: 'public',
    form: [
      { name: 'backlogClass', label: '积案等级', kind: 'choice', options: [{ value: 'A', label: 'A 类（90 天）' }, { value: 'B', label: 'B 类（60 天）' }, { value: 'C', label: 'C 类（30 天）' }] },
      { name: 'leadOfficial', label: '包案领导（可不填）', kind: 'text', max: 40 },
    ],
  },
  // 揭榜领案: the county posts a backlog case without a lead to its board; an official in scope claims it
  post_board: {
    label: '挂榜',
    stage: 'supervise',
    from: ['accepted', ...HANDLING_STATUSES],
    roles: COUNTY,
    body: z.strictObject({ note: note() }),
    path: 'post-board',
    note: 'internal',
    form: [textarea('note', '挂榜说明（可不填）')],
  },
  claim_lead: {
    label: '揭榜领案',
    verb: '揭榜',
    stage: 'supervise',
    from: ['accepted', ...HANDLING_STATUSES],
    roles: CENTRE,
    body: z.strictObject({ note: note() }),
    path: 'claim-lead',
    note: 'internal',
    form: [textarea('note', '揭榜承诺（可不填）')],
  },
  // 专班: the county names the staff users who work a backlog case (一个案件、一名领导、一个专班), and may name its lead
  // official (包案领导) as a staff user too; they see the case, and a handler on it may act beyond their department.
  // Taken from the case file's 包案与专班 card, which lists the county's staff.
  assign_team: {
    label: '组建专班',
    stage: 'supervise',
    from: ['accepted', ...HANDLING_STATUSES],
    roles: COUNTY,
    body: z.strictObject({
      usernames: z
        .array(z.string({ error: '请选择专班成员' }).check(z.regex(/^[a-z0-9_.-]{3,32}$/, { error: '用户名不正确' })), { error: '请选择专班成员' })
        .check(z.minLength(1, { error: '专班至少一人' }), z.maxLength(10, { error: '专班最多 10 人' })),
      /** 包案领导 as an account: the username of the staff user who leads the case */
      lead: z.optional(z.string({ error: '请选择包案领导' }).check(z.regex(/^[a-z0-9_.-]{3,32}$/, { error: '用户名不正确' }))),
    }),
    path: 'team',
    note: 'internal',
  },
  // 部门报到: a co-department's handler records its opinion; the one thing a co-department may do on the case.
  report_in: {
    label: '部门报到',
    verb: '报到',
    stage: 'handle',
    from: HANDLING_STATUSES,
    roles: ['handler'],
    body: z.strictObject({ opinion: text('会诊意见', 1000) }),
    path: 'report-in',
    note: 'internal',
    form: [textarea('opinion', '会诊意见', 1000)],
  },
  // 一单一书一承诺一表一函一考评: a case document, numbered per centre, kind and China year in the case's transaction
  // (the counter item moves with the record), its text composed from the record (shared/documents.ts). Issued from
  // the case file's 文书 section, not a step form: each kind asks for its own fields.
  issue_document: {
    label: '出具文书',
    stage: 'handle',
    // once accepted; each kind asks more of the case (shared/documents.ts documentRefusal: a 交办单 once dispatched …)
    from: STATUSES.filter((x) => x !== 'submitted' && x !== 'declined'),
    roles: CENTRE,
    body: IssueDocumentBody,
    path: 'documents',
    note: 'internal',
  },
  // 附件: a file staff uploaded (POST /staff/uploads: a signed agreement, a scanned letter) put on the case's record;
  // its link is only in the case file, so only those who see the case can read it.
  attach: {
    label: '上传附件',
    stage: 'handle',
    from: STATUSES,
    roles: HANDLING,
    body: z.strictObject({ key: z.string({ error: '请先上传附件' }).check(z.maxLength(200, { error: '附件引用不正确' })), name: text('附件名称', 60) }),
    path: 'attachments',
    note: 'internal',
  },
  rate: {
    label: '评哨评价',
    stage: 'rate',
    from: ['resolved'],
    roles: ['citizen'],
    body: z.strictObject({ rating: Rating, comment: note('评价') }),
    path: 'rating',
    note: 'public',
  },
  transfer: {
    label: '转办',
    stage: 'accept',
    from: ['submitted', 'accepted', 'reopened'],
    roles: CENTRE,
    body: z.strictObject({ centreId: idOf('接收中心'), reason: text('转办理由', 500) }),
    path: 'transfer',
    note: 'public',
    form: [{ name: 'centreId', label: '接收中心', kind: 'choice', options: 'centres' }, textarea('reason', '转办理由')],
  },
  // 首接首办: the next level (named by each county) comes in as supervisor and the owner keeps the case: 上报上级,
  // never a level's name. It is not 联合会诊 (several departments called into one case).
  escalate: {
    label: '上报上级',
    stage: 'supervise',
    from: OPEN_STATUSES,
    roles: CENTRE,
    body: z.strictObject({ reason: text('上报理由', 500) }),
    path: 'escalate',
    note: 'public',
    form: [textarea('reason', '上报理由')],
  },
  // 小事不出村: the village hands a case it holds up to the township's centre (not a small matter after all), with a
  // reason the citizen reads; the centre then accepts it (if the village had not) or dispatches it.
  hand_up: {
    label: '上交中心办理',
    verb: '上交中心',
    stage: 'accept',
    from: ['submitted', 'in_progress', 'reopened'],
    roles: [VILLAGE],
    body: z.strictObject({ reason: text('上交理由', 500) }),
    path: 'hand-up',
    note: 'public',
    form: [textarea('reason', '上交理由')],
  },
  // 督办: the supervising level urges the owner, and may set a nearer deadline (限期办理). Taken only by the level
  // the case was escalated to (or above it); the owner reads it, the citizen does not.
  supervise: {
    label: '督办',
    stage: 'supervise',
    from: OPEN_STATUSES,
    roles: CENTRE,
    body: z.strictObject({
      note: text('督办意见', 500),
      days: z.optional(wholeDays('限期', MAX_SUPERVISION_DAYS)),
    }),
    path: 'supervise',
    note: 'internal',
    form: [textarea('note', '督办意见'), { name: 'days', label: `限期办理天数（可不填，1 到 ${MAX_SUPERVISION_DAYS} 天）`, kind: 'number' }],
  },
  // 接管: the supervising level takes the case over, explicitly and on the record: from now on it owns the case.
  take_over: {
    label: '上级接管',
    verb: '接管',
    stage: 'supervise',
    from: OPEN_STATUSES,
    roles: CENTRE,
    body: z.strictObject({ reason: text('接管理由', 500) }),
    path: 'take-over',
    note: 'public',
    form: [textarea('reason', '接管理由')],
    danger: true,
  },
  reopen: {
    label: '重新办理',
    stage: 'handle',
    from: [...RESOLVED_STATUSES, 'declined'],
    roles: CENTRE,
    body: z.strictObject({ reason: text('重新办理的理由', 500) }),
    path: 'reopen',
    note: 'public',
    form: [textarea('reason', '重新办理的理由')],
  },
  close: {
    label: '归档',
    stage: 'rate',
    from: ['resolved', 'rated'],
    roles: CENTRE,
    body: z.strictObject({ note: note() }),
    path: 'close',
    note: 'public',
    form: [textarea('note', '归档备注（可不填）')],
  },
  // 《信访工作条例》: one extension of at most 30 days, with a reason the citizen is told.
  extend: {
    label: '延期',
    stage: 'supervise',
    from: ['accepted', 'dispatched', 'in_progress'],
    roles: CENTRE,
    body: z.strictObject({
      days: wholeDays('延期', 30),
      reason: text('延期理由', 500),
    }),
    path: 'extend',
    note: 'public',
    form: [
      { name: 'days', label: '延期天数（1 到 30 天）', kind: 'number', initial: '30' },
      textarea('reason', '延期理由'),
    ],
  },
  // 回访: taken from the tasks list, after the case was resolved.
  follow_up: {
    label: '回访',
    stage: 'rate',
    from: RESOLVED_STATUSES,
    roles: CENTRE,
    body: z.strictObject({
      reached: z.boolean({ error: '请说明是否联系上群众' }),
      rating: z.optional(Rating),
      note: text('回访情况', 1000),
    }),
    path: 'follow-up',
    note: 'internal',
  },
  // 阶段反馈: the staff member who filed the case for a citizen records that they told them how it stands (only the
  // filer: petitions.ts resolveCommand). Internal: the citizen was told in person or by phone.
  inform: {
    label: '已告知群众',
    stage: 'handle',
    from: STATUSES,
    roles: FILERS,
    body: z.strictObject({ note: note('告知情况') }),
    path: 'informed',
    note: 'internal',
    form: [textarea('note', '告知了群众什么（可不填）')],
  },
  // Handlers call the citizen too; every look at the whole number is on the record. Nothing to say: the look is.
  reveal_phone: {
    label: '查看电话',
    stage: 'supervise',
    from: STATUSES,
    roles: [...HANDLING, VILLAGE],
    body: EmptyBody,
    path: 'reveal-phone',
    note: 'internal',
  },
  // 重复信访: the centre confirms or undoes the mark submit set, or links a repeat it found itself, by the earlier
  // petition's id (the mark submit set) or by the tracking code staff type.
  link_repeat: {
    label: '标记重复',
    stage: 'report',
    from: STATUSES,
    roles: CENTRE,
    body: z
      .strictObject({ repeatOf: z.optional(idOf('被重复的诉求')), trackingCode: z.optional(TypedTrackingCode), note: note() })
      .check(z.refine((b) => !!(b.repeatOf || b.trackingCode), { error: '请填写被重复诉求的跟踪码', path: ['trackingCode'] })),
    path: 'link-repeat',
    note: 'internal',
    form: [
      { name: 'trackingCode', label: '被重复诉求的跟踪码', kind: 'text', max: 10, prefill: 'repeatOfTrackingCode', placeholder: '10 位字母和数字' },
      textarea('note', '备注（可不填）'),
    ],
  },
  unlink_repeat: {
    label: '取消重复',
    stage: 'report',
    from: STATUSES,
    roles: CENTRE,
    body: z.strictObject({ note: note() }),
    path: 'unlink-repeat',
    note: 'internal',
    form: [textarea('note', '取消的理由（可不填）')],
    danger: true,
  },
} as const satisfies Record<string, StepSpec>;

export type StepTable = typeof STEP_TABLE;
export type StepAction = keyof StepTable;
export const STEP_ACTIONS = Object.keys(STEP_TABLE) as StepAction[];
/** The citizen's rating (评哨): the rate step's body. */
export const RatingBody = STEP_TABLE.rate.body;
export type RatingBody = z.infer<typeof RatingBody>;
/** The body a step's route takes, as parsed. */
export type StepBody<A extends StepAction> = Plain<z.output<StepTable[A]['body']>>;
/** An empty strict object parses to Record<string, never>: nothing to add to the action. */
type Plain<O> = string extends keyof O ? unknown : O;
/** What a use case hands the workflow for a step: the action and its parsed body. */
export type StepInput = { [A in StepAction]: { action: A } & StepBody<A> }[StepAction];

/** The steps the citizen takes (at /petitions/{id}/…) and those staff take (at /staff/petitions/{id}/…). */
export type CitizenStep = { [A in StepAction]: 'citizen' extends StepTable[A]['roles'][number] ? A : never }[StepAction];
export type StaffStep = Exclude<StepAction, CitizenStep>;
export const isCitizenStep = (a: StepAction): a is CitizenStep => (STEP_TABLE[a].roles as readonly Role[]).includes('citizen');
export const STAFF_STEPS = STEP_ACTIONS.filter((a): a is StaffStep => !isCitizenStep(a));
export const stepPath = (a: StepAction) => `${isCitizenStep(a) ? '' : '/staff'}/petitions/{id}/${STEP_TABLE[a].path}`;
