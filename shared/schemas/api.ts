/** One schema per payload, used by the mini-program forms and the Lambda edge alike. */
import * as z from 'zod/mini';
import { STEP_TABLE } from '../steps';
import { CHANNELS, Channel, EmptyBody, GeoPoint, Id, Phone, Status, TrackingCode, TypedTrackingCode, idOf, text } from './common';
import { DESCRIPTION_MAX, PHOTOS_MAX, PhotoRef } from './petition';

export const WechatLoginBody = z.strictObject({ code: z.string({ error: '缺少登录凭证' }).check(z.minLength(1), z.maxLength(128)) });
export const DevLoginBody = z.strictObject({ name: text('名字', 32) });
export const StaffLoginBody = z.strictObject({
  username: z.string({ error: '请填写用户名' }).check(z.minLength(1, { error: '请填写用户名' }), z.maxLength(64)),
  password: z.string({ error: '请填写密码' }).check(z.minLength(1, { error: '请填写密码' }), z.maxLength(128)),
});
export const TokenResponse = z.object({ token: z.string(), expiresAt: z.string() });

/** A photo the app is about to upload: already compressed on the phone. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const UploadBody = z.strictObject({
  contentType: z.enum(['image/jpeg', 'image/png', 'image/webp'], { error: '照片须为 JPG、PNG 或 WebP 格式' }),
  size: z.int({ error: '缺少照片大小' }).check(z.gte(1, { error: '照片是空的' }), z.lte(PHOTO_MAX_BYTES, { error: '照片不能超过 5 MB' })),
});

export const SubmitPetitionBody = z
  .strictObject({
    /** agents file with phone/letter/visit/agent; the app sends scan or online */
    channel: z._default(z.enum(CHANNELS, { error: '渠道不正确' }), 'online'),
    postId: z.optional(idOf('岗点')),
    /** without a post, the citizen chooses the township */
    townshipId: z.optional(idOf('苏木镇')),
    categoryId: idOf('诉求类型'),
    description: text('问题描述', DESCRIPTION_MAX, 5),
    photos: z._default(z.array(PhotoRef).check(z.maxLength(PHOTOS_MAX, { error: `最多上传 ${PHOTOS_MAX} 张照片` })), []),
    location: z.optional(GeoPoint),
    anonymous: z._default(z.boolean(), false),
    phone: z.optional(Phone),
  })
  .check(
    z.refine((b) => !!(b.postId || b.townshipId), { error: '请扫码选择岗点，或选择所在苏木镇', path: ['townshipId'] }),
    // staff could see (and reveal) a number: an anonymous report leaves none
    z.refine((b) => !(b.anonymous && b.phone), { error: '匿名反映不留联系电话；需要工作人员联系您时请选择实名反映', path: ['phone'] }),
  );
export type SubmitPetitionBody = z.infer<typeof SubmitPetitionBody>;

export const IdempotencyKey = z
  .string({ error: '缺少 Idempotency-Key 请求头' })
  .check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, { error: 'Idempotency-Key 须为 8 到 64 位字母、数字、_ 或 -' }));

export const SubmitPetitionResponse = z.object({
  id: Id,
  trackingCode: z.string(),
  /** only for anonymous reports, only in this response */
  secret: z.optional(z.string()),
  status: Status,
  centreId: Id,
  centreName: z.string(),
  departmentId: z.optional(Id),
  departmentName: z.optional(z.string()),
  dueAt: z.optional(z.string()),
  /** an open report on the same matter was there before (at the post, or the citizen's own): never whose */
  similarExists: z.optional(z.boolean()),
});
export type SubmitPetitionResponse = z.infer<typeof SubmitPetitionResponse>;

/** The citizen's rating (评哨): a step of the table. */
export const RatingBody = STEP_TABLE.rate.body;
export type RatingBody = z.infer<typeof RatingBody>;

export const TrackQuery = z.object({ secret: z.string({ error: '请填写查询密码' }).check(z.minLength(1, { error: '请填写查询密码' }), z.maxLength(64)) });
export { TrackingCode };

export const PageQuery = z.object({
  cursor: z.optional(z.string().check(z.maxLength(1024))),
  limit: z._default(z.coerce.number({ error: '每页条数须为数字' }).check(z.multipleOf(1), z.gte(1), z.lte(100)), 20),
});

/** A POST that takes nothing: `{}` or no body at all. */
export { EmptyBody };

export const PageResponse = <T extends z.ZodMiniType>(item: T) =>
  z.object({ items: z.array(item), cursor: z.optional(z.string()) });

/** After the citizen taps 允许 in WeChat's subscribe dialog, the app tells us which templates they accepted. */
export const SubscribeBody = z.strictObject({
  templates: z
    .array(z.enum(['progress', 'result', 'reminder'], { error: '未知的消息模板' }))
    .check(z.minLength(1, { error: '请至少选择一种消息' }), z.maxLength(3, { error: '最多三种消息' })),
});

const Day = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式为 YYYY-MM-DD' }),
  z.refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
  }, { error: '不是有效的日期' }),
);
const daysOf = (q: { from?: string; to?: string }) => (q.from && q.to ? (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 + 1 : 0);
/** A period in China calendar days (both inclusive) and, for a county caller, one township of the county. */
const PeriodQuery = z
  .object({ from: z.optional(Day), to: z.optional(Day), townshipId: z.optional(idOf('苏木镇')) })
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
    townshipId: z.optional(idOf('苏木镇')),
    channel: z.optional(Channel),
    from: z.optional(Day),
    to: z.optional(Day),
    code: z.optional(TypedTrackingCode),
    sort: z._default(z.enum(QUEUE_SORTS, { error: '排序须为 newest（最新）或 urgent（最紧急）' }), 'newest'),
  })
  .check(z.refine((q) => !q.from || !q.to || q.from <= q.to, { error: '开始日期不能晚于结束日期', path: ['from'] }));
export type StaffQueueQuery = z.infer<typeof StaffQueueQuery>;

const Ratio = z.object({ numerator: z.number(), denominator: z.number(), rate: z.nullable(z.number()) });
const Counted = z.object({ id: z.string(), name: z.string(), count: z.number() });
const FourFigures = <T extends z.ZodMiniType>(t: T) => z.object({ timelyAcceptance: t, onTimeCompletion: t, satisfaction: t, participation: t });
/** GET /staff/dashboard: what the dashboard page reads of the answer. */
export const DashboardAnswer = z.object({
  scope: z.object({ kind: z.enum(['centre', 'county']), id: z.string(), name: z.string() }),
  /** the townships a county caller may choose; empty for centre staff */
  townships: z.array(z.object({ id: z.string(), name: z.string() })),
  period: z.object({ from: z.string(), to: z.string() }),
  ...FourFigures(Ratio).shape,
  /** current status counts of the scope (not of the period) */
  byStatus: z.partialRecord(Status, z.number()),
  byCategory: z.array(Counted),
  byTownship: z.array(Counted),
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
  definitions: FourFigures(z.string()),
  workingDefinitions: FourFigures(z.string()),
});
export type DashboardAnswer = z.infer<typeof DashboardAnswer>;
