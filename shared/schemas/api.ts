/** One schema per payload, used by the mini-program forms and the Lambda edge alike. */
import * as z from 'zod/mini';
import { CHANNELS, Channel, EmptyBody, GeoPoint, Id, Phone, REGISTER_CHANNELS, Status, TrackingCode, TypedTrackingCode, idOf, text } from './common';
import { AudioClip } from '../audio';
import { DESCRIPTION_MAX, PHOTOS_MAX, PhotoRef } from './report';

export const WechatLoginBody = z.strictObject({ code: z.string({ error: '缺少登录凭证' }).check(z.minLength(1), z.maxLength(128)) });
export const DevLoginBody = z.strictObject({ name: text('名字', 32) });
export const StaffLoginBody = z.strictObject({
  username: z.string({ error: '请填写用户名' }).check(z.minLength(1, { error: '请填写用户名' }), z.maxLength(64)),
  password: z.string({ error: '请填写密码' }).check(z.minLength(1, { error: '请填写密码' }), z.maxLength(128)),
});

/** A photo the app is about to upload: already compressed on the phone. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const UploadBody = z.strictObject({
  contentType: z.enum(['image/jpeg', 'image/png', 'image/webp'], { error: '照片须为 JPG、PNG 或 WebP 格式' }),
  size: z.int({ error: '缺少照片大小' }).check(z.gte(1, { error: '照片是空的' }), z.lte(PHOTO_MAX_BYTES, { error: '照片不能超过 5 MB' })),
});

/** What staff attach to a registration: photos, or a scanned letter as a PDF. */
export const StaffUploadBody = z.strictObject({
  contentType: z.enum(['image/jpeg', 'image/png', 'image/webp', 'application/pdf'], { error: '附件须为 JPG、PNG、WebP 图片或 PDF 文件' }),
  size: z.int({ error: '缺少附件大小' }).check(z.gte(1, { error: '附件是空的' }), z.lte(PHOTO_MAX_BYTES, { error: '附件不能超过 5 MB' })),
});
export type StaffUploadBody = z.infer<typeof StaffUploadBody>;

export const SubmitPetitionBody = z
  .strictObject({
    /** agents file with phone/letter/visit/agent; the app sends scan or online */
    channel: z._default(z.enum(CHANNELS, { error: '渠道不正确' }), 'online'),
    postId: z.optional(idOf('岗点')),
    /** without a post, the citizen chooses the township */
    townshipId: z.optional(idOf('乡镇（苏木）')),
    categoryId: idOf('诉求类型'),
    /** typed, or said: a report has a description, a recording (按住说话), or both */
    description: z.optional(text('问题描述', DESCRIPTION_MAX, 5)),
    audio: z.optional(AudioClip),
    photos: z._default(z.array(PhotoRef).check(z.maxLength(PHOTOS_MAX, { error: `最多上传 ${PHOTOS_MAX} 张照片` })), []),
    location: z.optional(GeoPoint),
    anonymous: z._default(z.boolean(), false),
    phone: z.optional(Phone),
  })
  .check(
    z.refine((b) => !!(b.postId || b.townshipId), { error: '请扫码选择岗点，或选择所在乡镇（苏木）', path: ['townshipId'] }),
    z.refine((b) => !!(b.description || b.audio), { error: '请填写问题描述，或按住说话录一段语音', path: ['description'] }),
    // staff could see (and reveal) a number: an anonymous report leaves none
    z.refine((b) => !(b.anonymous && b.phone), { error: '匿名反映不留联系电话；需要工作人员联系您时请选择实名反映', path: ['phone'] }),
  );
export type SubmitPetitionBody = z.infer<typeof SubmitPetitionBody>;

/** A scanned letter or a photo staff attach to a registration: an image, or a PDF of the letter. */
export const ATTACHMENTS_MAX = 5;
/** The day a letter arrived, `YYYY-MM-DD` (China). */
export const LetterDay = z
  .string({ error: '请填写收信日期' })
  .check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: '收信日期须为 YYYY-MM-DD' }));

/** How many people one registration records: 1 to PERSONS_MAX. */
export const PERSONS_MAX = 999;
export const Persons = z
  .number({ error: '请填写人数' })
  .check(z.multipleOf(1, { error: '人数须为整数' }), z.gte(1, { error: '人数至少 1 人' }), z.lte(PERSONS_MAX, { error: `人数最多 ${PERSONS_MAX} 人` }));

/**
 * 统一登记: staff register a case that came in by a visit, a call, a letter, the 12345 hotline or another way, for a
 * citizen who may stay anonymous. The place is a post, a village or a township (in the caller's scope); a letter says
 * the day it arrived, and only a letter does.
 */
export const RegisterPetitionBody = z
  .strictObject({
    channel: z.enum(REGISTER_CHANNELS, { error: '请选择来源渠道：来访、来电、来信、12345 热线或其他' }),
    name: z.optional(text('群众姓名', 32)),
    phone: z.optional(Phone),
    anonymous: z._default(z.boolean(), false),
    postId: z.optional(idOf('岗点')),
    villageId: z.optional(idOf('村（嘎查、社区）')),
    townshipId: z.optional(idOf('乡镇（苏木）')),
    categoryId: idOf('诉求类型'),
    description: text('问题描述', DESCRIPTION_MAX, 5),
    photos: z._default(z.array(PhotoRef).check(z.maxLength(ATTACHMENTS_MAX, { error: `最多上传 ${ATTACHMENTS_MAX} 个附件` })), []),
    letterReceivedOn: z.optional(LetterDay),
    /** 人次: the people who came, called or signed the letter together (one registration is one 批次) */
    persons: z.optional(Persons),
  })
  .check(
    z.refine((b) => !!(b.postId || b.villageId || b.townshipId), { error: '请选择岗点、村或乡镇', path: ['townshipId'] }),
    z.refine((b) => !(b.anonymous && (b.phone || b.name)), { error: '匿名登记不留姓名和电话', path: ['phone'] }),
    z.refine((b) => b.channel !== 'letter' || !!b.letterReceivedOn, { error: '来信须填写收信日期', path: ['letterReceivedOn'] }),
    z.refine((b) => b.channel === 'letter' || !b.letterReceivedOn, { error: '只有来信才填写收信日期', path: ['letterReceivedOn'] }),
  );
export type RegisterPetitionBody = z.infer<typeof RegisterPetitionBody>;

/** The receipt's QR code: the tracking code and its query secret, with which a citizen claims the case in WeChat. */
export const ClaimBody = z.strictObject({
  trackingCode: TypedTrackingCode,
  secret: z.pipe(
    z.string({ error: '请填写查询密码' }).check(z.trim(), z.toUpperCase()),
    z.string().check(z.regex(/^[A-Z2-9]{12}$/, { error: '查询密码为 12 位字母和数字' })),
  ),
});
export type ClaimBody = z.infer<typeof ClaimBody>;

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

export const TrackQuery = z.object({ secret: z.string({ error: '请填写查询密码' }).check(z.minLength(1, { error: '请填写查询密码' }), z.maxLength(64)) });
export { TrackingCode };

export const PageQuery = z.object({
  cursor: z.optional(z.string().check(z.maxLength(1024))),
  limit: z._default(z.coerce.number({ error: '每页条数须为数字' }).check(z.multipleOf(1), z.gte(1), z.lte(100)), 20),
});

/** A POST that takes nothing: `{}` or no body at all. */
export { EmptyBody };

/** After the citizen taps 允许 in WeChat's subscribe dialog, the app tells us which templates they accepted. */
export const SubscribeBody = z.strictObject({
  templates: z
    .array(z.enum(['progress', 'result', 'reminder'], { error: '未知的消息模板' }))
    .check(z.minLength(1, { error: '请至少选择一种消息' }), z.maxLength(3, { error: '最多三种消息' })),
});

