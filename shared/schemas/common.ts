/**
 * zod/mini everywhere (shared/, functions/, the app): its functions tree-shake, so a Lambda bundle or the mini-program
 * carries only the checks it uses (a classic zod schema pulls all of zod, 88 KiB minified, into every bundle).
 */
import * as z from 'zod/mini';

// Messages for what no field names itself: a person reads them, in Chinese.
z.config({
  customError: (iss) => {
    if (iss.code === 'unrecognized_keys') return `不认识的字段：${iss.keys.join('、')}`;
    if (iss.code === 'invalid_type') return iss.input === undefined ? '此项必填' : '格式不正确';
    if (iss.code === 'too_big') return '内容过长或数值过大';
    if (iss.code === 'too_small') return '内容过短或数值过小';
    // any other check without words of its own: still Chinese, never zod's English
    return '内容不正确';
  },
});

/** Ids are short, URL-safe strings: our own are ULIDs or seed slugs. */
/** An id field; `label` names it in the message a person reads, e.g. 诉求类型. */
export const idOf = (label: string) =>
  z.string({ error: `请选择${label}` }).check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, { error: `${label}编号格式不正确` }));
export const Id = idOf('编号');

export const IsoTime = z.iso.datetime({ offset: true, error: '时间格式不正确' });

export const TrackingCode = z.string().check(z.regex(/^[A-Z0-9]{10}$/, { error: '跟踪码为 10 位字母和数字' }));
/** A tracking code as staff type it: spaces around and lower case are forgiven. */
export const TypedTrackingCode = z.pipe(z.string({ error: '请填写跟踪码' }).check(z.trim(), z.toUpperCase()), TrackingCode);

export const STATUSES = [
  'submitted',
  'accepted',
  'declined',
  'dispatched',
  'in_progress',
  'resolved',
  'rated',
  'closed',
  'reopened',
] as const;
export const Status = z.enum(STATUSES, { error: '状态不正确' });
export type Status = z.infer<typeof Status>;

/**
 * The groups of the statuses, in one place. `open`: the case waits on staff (its step has a deadline they answer for);
 * `rating`: resolved, waiting on the citizen's rating; `finished`: rated or closed; `declined`: not accepted. `waitsOn`
 * is the step (吹哨 … 评哨) the case waits on; `atDepartment`: a department holds it, so its handlers see it.
 */
export const STATUS_GROUPS = {
  submitted: { group: 'open', waitsOn: 'accept', atDepartment: false },
  accepted: { group: 'open', waitsOn: 'dispatch', atDepartment: false },
  declined: { group: 'declined', waitsOn: null, atDepartment: false },
  dispatched: { group: 'open', waitsOn: 'handle', atDepartment: true },
  in_progress: { group: 'open', waitsOn: 'handle', atDepartment: true },
  resolved: { group: 'rating', waitsOn: 'rate', atDepartment: true },
  rated: { group: 'finished', waitsOn: null, atDepartment: true },
  closed: { group: 'finished', waitsOn: null, atDepartment: true },
  reopened: { group: 'open', waitsOn: 'handle', atDepartment: true },
} as const satisfies Record<Status, { group: 'open' | 'rating' | 'finished' | 'declined'; waitsOn: string | null; atDepartment: boolean }>;
export type StatusGroup = (typeof STATUS_GROUPS)[Status]['group'];
export const statusesIn = (...groups: StatusGroup[]): readonly Status[] => STATUSES.filter((s) => groups.includes(STATUS_GROUPS[s].group));
/** Open: the case waits on staff (its step has a deadline they answer for). */
export const OPEN_STATUSES = statusesIn('open');
/** Resolved once, whether rated, closed or waiting on the rating: a follow-up call (回访) is due after these. */
export const RESOLVED_STATUSES = statusesIn('rating', 'finished');

/** `hotline`: a 12345 hotline case, filed by a partner system through Open311 or registered by staff */
export const CHANNELS = ['scan', 'online', 'phone', 'letter', 'visit', 'video', 'agent', 'hotline', 'other'] as const;
export const Channel = z.enum(CHANNELS, { error: '渠道不正确' });
export type Channel = z.infer<typeof Channel>;
/** A citizen comes in through a post's code or the app; every other channel is staff filing on their behalf. */
export const CITIZEN_CHANNELS: readonly Channel[] = ['scan', 'online'];
/** What staff register (统一登记), in the order the 登记 page offers them: 来访, 来电, 来信, 12345 热线, 其他. */
export const REGISTER_CHANNELS = ['visit', 'phone', 'letter', 'hotline', 'other'] as const satisfies readonly Channel[];
export type RegisterChannel = (typeof REGISTER_CHANNELS)[number];

export const LEVELS = ['village', 'township', 'county'] as const;
export const Level = z.enum(LEVELS, { error: '层级不正确' });
export type Level = z.infer<typeof Level>;

export const RATINGS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export const Rating = z.enum(RATINGS, { error: '请选择 满意、基本满意 或 不满意' });
export type Rating = z.infer<typeof Rating>;

/** `village_staff`: a village's 网格长 or mediation committee (调解委员会), who handle its small matters (小事不出村) */
export const STAFF_ROLES = ['centre_staff', 'handler', 'agent', 'village_staff', 'county_supervisor', 'admin'] as const;
export const StaffRole = z.enum(STAFF_ROLES, { error: '角色不正确' });
export type StaffRole = z.infer<typeof StaffRole>;
/** `partner`: a partner system filing through Open311 (the 12345 hotline) */
export type Role = StaffRole | 'citizen' | 'system' | 'partner';

/** Mainland mobile numbers only: the app serves township residents. */
export const Phone = z.string({ error: '请填写手机号' }).check(z.regex(/^1[3-9]\d{9}$/, { error: '请填写 11 位手机号' }));

export const GeoPoint = z.object({
  lat: z.number({ error: '纬度须为数字' }).check(z.gte(-90, { error: '纬度超出范围' }), z.lte(90, { error: '纬度超出范围' })),
  lng: z.number({ error: '经度须为数字' }).check(z.gte(-180, { error: '经度超出范围' }), z.lte(180, { error: '经度超出范围' })),
});
export type GeoPoint = z.infer<typeof GeoPoint>;

/** A time limit: hours run on the clock, days on the calendar, workdays skip China's holidays. */
export const Limit = z.object({
  amount: z.int({ error: '时限须为整数' }).check(z.positive({ error: '时限须大于 0' }), z.lte(365, { error: '时限不能超过 365' })),
  unit: z.enum(['hours', 'days', 'workdays'], { error: '请选择时限单位：小时、自然日或工作日' }),
});
export type Limit = z.infer<typeof Limit>;

/** A figure as numerator ÷ denominator; `rate` is null when there is nothing to divide by. */
export const Ratio = z.object({ numerator: z.number(), denominator: z.number(), rate: z.nullable(z.number()) });

/** Free text a person typed: trimmed, no control characters except newlines and tabs. */
export function text(label: string, max: number, min = 1) {
  return z
    .string({ error: `请填写${label}` })
    .check(
      z.trim(),
      z.minLength(min, { error: min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字` }),
      z.maxLength(max, { error: `${label}不能超过 ${max} 个字` }),
      z.refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), { error: `${label}含有无法识别的字符` }),
    );
}

/** A POST that takes nothing: `{}` or no body at all. */
export const EmptyBody = z.strictObject({});

/** The same object with no unknown fields allowed: request bodies are strict, stored records are not. */
export function strict<S extends z.ZodMiniObject>(schema: S) {
  return z.strictObject(schema.shape as S['shape']);
}

/** What a county calls its township and village levels: 乡镇 / 村（社区） in most of China, 苏木 / 嘎查 in Inner Mongolia. */
export const LevelNames = z.object({ township: text('乡镇一级的名称', 10), village: text('村一级的名称', 10) });
export type LevelNames = z.infer<typeof LevelNames>;
