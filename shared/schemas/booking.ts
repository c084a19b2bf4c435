/**
 * Video receptions (预约接访 / 云视讯): hosts who receive citizens, their weekly hours and dated exceptions, the slots
 * derived from them, and bookings. Times of day in a pattern are China time (UTC+8) as `HH:MM`; instants are ISO UTC.
 */
import * as z from 'zod';
import { Id, IsoTime, Rating, idOf, text } from './common';

export const HOST_KINDS = ['leader', 'lawyer', 'judge', 'mediator', 'psychologist'] as const;
export const HostKind = z.enum(HOST_KINDS, { error: '接访人类型不正确' });
export type HostKind = z.infer<typeof HostKind>;

export const WAYS = ['video', 'in_person', 'phone'] as const;
export const Way = z.enum(WAYS, { error: '请选择 视频、现场 或 电话' });
export type Way = z.infer<typeof Way>;

export const EXPERTISE = ['land', 'labour', 'family', 'ecology', 'neighbour', 'consumer', 'housing', 'expropriation', 'mental_health', 'other'] as const;
export const Expertise = z.enum(EXPERTISE, { error: '擅长领域不正确' });
export type Expertise = z.infer<typeof Expertise>;

/** `HH:MM` in China time, 00:00–24:00. */
export const ClockTime = z.string({ error: '请填写时间' }).regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { error: '时间须为 HH:MM' });
/** A calendar date in China, `YYYY-MM-DD`. */
export const ChinaDay = z.string({ error: '请填写日期' }).regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: '日期须为 YYYY-MM-DD' });

export const Window = z
  .object({ from: ClockTime, to: ClockTime })
  .refine((w) => w.from < w.to, { error: '结束时间须晚于开始时间', path: ['to'] });
export type Window = z.infer<typeof Window>;

/** Weekdays are ISO: 1 Monday … 7 Sunday. */
export const WeeklyHours = z.object({
  weekday: z.number({ error: '星期须为 1 到 7' }).int().min(1, { error: '星期须为 1 到 7' }).max(7, { error: '星期须为 1 到 7' }),
  windows: z.array(Window).max(6),
});
export type WeeklyHours = z.infer<typeof WeeklyHours>;

/**
 * A dated exception. `leave` with no windows is a whole day off, with windows only those hours off; `extra` adds
 * duty hours on that day even if it is a weekend or holiday (值班).
 */
export const AvailabilityException = z.object({
  date: ChinaDay,
  kind: z.enum(['leave', 'extra'], { error: '例外须为 请假 或 加班值班' }),
  windows: z.array(Window).max(6).default([]),
  note: text('说明', 100).optional(),
});
export type AvailabilityException = z.infer<typeof AvailabilityException>;

export const Availability = z.object({
  weekly: z.array(WeeklyHours).max(7).default([]),
  exceptions: z.array(AvailabilityException).max(200).default([]),
  /**
   * With the China calendar (default), no receptions on public holidays, and a make-up workday (调休上班) on a
   * weekend takes the hours of the host's first weekday (Monday to Friday) that has hours.
   */
  chinaCalendar: z.boolean().default(true),
});
export type Availability = z.infer<typeof Availability>;

export const SlotRules = z.object({
  slotMinutes: z.number().int().min(10).max(240).default(30),
  /** rest between receptions */
  bufferMinutes: z.number().int().min(0).max(120).default(10),
  /** the earliest a slot may be booked: this many minutes from now */
  minNoticeMinutes: z.number().int().min(0).max(14 * 24 * 60).default(120),
  /** how many China calendar days ahead, today included, may be booked */
  horizonDays: z.number().int().min(1).max(60).default(14),
  /** citizens per slot: 1 for a private reception, more for a group session */
  capacity: z.number().int().min(1).max(50).default(1),
});
export type SlotRules = z.infer<typeof SlotRules>;

export const Host = z.object({
  id: Id,
  name: text('姓名', 30),
  kind: HostKind,
  /** e.g. 镇党委书记, 执业律师 */
  title: text('职务', 40).optional(),
  /** the township or county whose centre receives through this host */
  centreId: idOf('所属中心'),
  expertise: z.array(Expertise).max(10).default([]),
  ways: z.array(Way).min(1, { error: '请至少选择一种接访方式' }).max(3),
  intro: text('简介', 300).optional(),
  availability: Availability,
  rules: SlotRules,
  active: z.boolean().default(true),
});
export type Host = z.infer<typeof Host>;

/** What a staff member sends to create or change a host (the id is in the path). */
export const HostBody = Host.omit({ id: true }).strict();
export type HostBody = z.infer<typeof HostBody>;

export const Slot = z.object({
  hostId: Id,
  start: IsoTime,
  end: IsoTime,
  capacity: z.number().int(),
  booked: z.number().int(),
  free: z.number().int(),
});
export type Slot = z.infer<typeof Slot>;

export const BOOKING_STATUSES = ['booked', 'cancelled', 'attended', 'no_show'] as const;
export const BookingStatus = z.enum(BOOKING_STATUSES);
export type BookingStatus = z.infer<typeof BookingStatus>;

export const Booking = z.object({
  id: Id,
  hostId: Id,
  hostName: z.string(),
  hostKind: HostKind,
  centreId: Id,
  /** the centre's org path, for staff scope checks */
  centrePath: z.string(),
  countyId: Id,
  citizen: z.object({ openid: z.string(), name: z.string().optional() }),
  start: IsoTime,
  end: IsoTime,
  way: Way,
  topic: z.string(),
  petitionId: Id.optional(),
  /** what the citizen and staff see of the linked petition, kept with the booking so a list reads no petition */
  petition: z.object({ trackingCode: z.string(), categoryName: z.string(), summary: z.string() }).optional(),
  status: BookingStatus,
  /** shared by the host and the citizen; the link is made from the configured provider template */
  roomId: z.string(),
  cancel: z.object({ by: z.enum(['citizen', 'staff']), reason: z.string().optional(), at: IsoTime }).optional(),
  outcome: z.object({ attendance: z.enum(['attended', 'no_show']), note: z.string(), at: IsoTime, by: z.string() }).optional(),
  rating: z.object({ rating: Rating, comment: z.string().optional(), at: IsoTime }).optional(),
  rescheduled: z.number().int().default(0),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  version: z.number().int().positive(),
});
export type Booking = z.infer<typeof Booking>;

// Payloads

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const HostsQuery = z.object({
  centreId: idOf('中心').optional(),
  kind: HostKind.optional(),
  way: Way.optional(),
  expertise: Expertise.optional(),
});
export type HostsQuery = z.infer<typeof HostsQuery>;

export const SlotsQuery = z.object({
  days: z.coerce.number({ error: '天数须为数字' }).int().min(1, { error: '天数须为 1 到 31' }).max(31, { error: '天数须为 1 到 31' }).default(7),
  /** include full slots (shown greyed out) */
  all: bool.optional(),
});

export const BookBody = z.strictObject({
  hostId: idOf('接访人'),
  start: IsoTime,
  way: Way,
  topic: text('预约事项', 200, 2),
  petitionId: idOf('关联诉求').optional(),
});
export type BookBody = z.infer<typeof BookBody>;

export const RescheduleBody = z.strictObject({ start: IsoTime });
export const CitizenCancelBody = z.strictObject({ reason: text('取消原因', 200).optional() });
export const StaffCancelBody = z.strictObject({ reason: text('取消原因', 200) });
export const AttendanceBody = z.strictObject({
  attendance: z.enum(['attended', 'no_show'], { error: '请选择 已接访 或 未到场' }),
  note: text('接访结果', 1000),
});
export const BookingRatingBody = z.strictObject({ rating: Rating, comment: text('评价', 500).optional() });

export const ScheduleQuery = z.object({
  centreId: idOf('中心').optional(),
  /** first China day of the schedule; today when absent */
  from: ChinaDay.optional(),
  days: z.coerce.number({ error: '天数须为数字' }).int().min(1, { error: '天数须为 1 到 7' }).max(7, { error: '天数须为 1 到 7' }).default(1),
  hostId: idOf('接访人').optional(),
});
export type ScheduleQuery = z.infer<typeof ScheduleQuery>;

/** A centre's reception figures for the China days `from`..`to` (inclusive; at most a year). */
export const BookingFiguresQuery = z.object({ centreId: idOf('中心').optional(), from: ChinaDay.optional(), to: ChinaDay.optional() });
export type BookingFiguresQuery = z.infer<typeof BookingFiguresQuery>;

export const HOST_KIND_LABELS: Record<HostKind, string> = {
  leader: '党政领导',
  lawyer: '律师',
  judge: '值班法官',
  mediator: '调解员',
  psychologist: '心理咨询师',
};
export const WAY_LABELS: Record<Way, string> = { video: '视频接访', in_person: '现场接访', phone: '电话接访' };
export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  booked: '已预约',
  cancelled: '已取消',
  attended: '已接访',
  no_show: '未到场',
};
