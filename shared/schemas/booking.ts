/**
 * Video receptions (预约接访 / 云视讯): hosts who receive citizens, their weekly hours and dated exceptions, the slots
 * derived from them, and bookings. Times of day in a pattern are China time (UTC+8) as `HH:MM`; instants are ISO UTC.
 */
import * as z from 'zod/mini';
import { Id, IsoTime, Rating, Ratio, idOf, strict, text } from './common';

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
export const ClockTime = z.string({ error: '请填写时间' }).check(z.regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { error: '时间须为 HH:MM' }));
/** A calendar date in China, `YYYY-MM-DD`. */
export const ChinaDay = z.string({ error: '请填写日期' }).check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: '日期须为 YYYY-MM-DD' }));

export const Window = z
  .object({ from: ClockTime, to: ClockTime })
  .check(z.refine((w) => w.from < w.to, { error: '结束时间须晚于开始时间', path: ['to'] }));
export type Window = z.infer<typeof Window>;

/** Weekdays are ISO: 1 Monday … 7 Sunday. */
export const WeeklyHours = z.object({
  weekday: z.int({ error: '星期须为 1 到 7' }).check(z.gte(1, { error: '星期须为 1 到 7' }), z.lte(7, { error: '星期须为 1 到 7' })),
  windows: z.array(Window).check(z.maxLength(6)),
});
export type WeeklyHours = z.infer<typeof WeeklyHours>;

/**
 * A dated exception. `leave` with no windows is a whole day off, with windows only those hours off; `extra` adds
 * duty hours on that day even if it is a weekend or holiday (值班).
 */
export const AvailabilityException = z.object({
  date: ChinaDay,
  kind: z.enum(['leave', 'extra'], { error: '例外须为 请假 或 加班值班' }),
  windows: z._default(z.array(Window).check(z.maxLength(6)), []),
  note: z.optional(text('说明', 100)),
});
export type AvailabilityException = z.infer<typeof AvailabilityException>;

export const Availability = z.object({
  weekly: z._default(z.array(WeeklyHours).check(z.maxLength(7)), []),
  exceptions: z._default(z.array(AvailabilityException).check(z.maxLength(200)), []),
  /**
   * With the China calendar (default), no receptions on public holidays, and a make-up workday (调休上班) on a
   * weekend takes the hours of the host's first weekday (Monday to Friday) that has hours.
   */
  chinaCalendar: z._default(z.boolean(), true),
});
export type Availability = z.infer<typeof Availability>;

/** A whole number of minutes or days between `min` and `max`, with the rule's name in the message a person reads. */
const bounded = (label: string, unit: string, min: number, max: number, fallback: number) => {
  const message = `${label}须为 ${min} 到 ${max} ${unit}的整数`;
  return z._default(z.int({ error: message }).check(z.gte(min, { error: message }), z.lte(max, { error: message })), fallback);
};

export const SlotRules = z.object({
  slotMinutes: bounded('每次时长', '分钟', 10, 240, 30),
  /** rest between receptions */
  bufferMinutes: bounded('间隔', '分钟', 0, 120, 10),
  /** the earliest a slot may be booked: this many minutes from now */
  minNoticeMinutes: bounded('提前预约', '分钟', 0, 14 * 24 * 60, 120),
  /** how many China calendar days ahead, today included, may be booked */
  horizonDays: bounded('可预约天数', '天', 1, 60, 14),
  /** citizens per slot: 1 for a private reception, more for a group session */
  capacity: bounded('每个时段人数', '人', 1, 50, 1),
});
export type SlotRules = z.infer<typeof SlotRules>;

export const Host = z.object({
  id: Id,
  name: text('姓名', 30),
  kind: HostKind,
  /** e.g. 镇党委书记, 执业律师 */
  title: z.optional(text('职务', 40)),
  /** the township or county whose centre receives through this host */
  centreId: idOf('所属中心'),
  expertise: z._default(z.array(Expertise).check(z.maxLength(10)), []),
  ways: z.array(Way).check(z.minLength(1, { error: '请至少选择一种接访方式' }), z.maxLength(3)),
  intro: z.optional(text('简介', 300)),
  /**
   * 会诊单位: the department (of the host's centre or the county) the host receives for; a consultation of that
   * department may book them into its meeting (会诊会议)
   */
  departmentId: z.optional(idOf('会诊单位')),
  availability: Availability,
  rules: SlotRules,
  active: z._default(z.boolean(), true),
});
export type Host = z.infer<typeof Host>;

/** What a staff member sends to create or change a host (the id is in the path). */
export const HostBody = strict(z.omit(Host, { id: true }));
export type HostBody = z.infer<typeof HostBody>;

export const Slot = z.object({
  hostId: Id,
  start: IsoTime,
  end: IsoTime,
  capacity: z.int(),
  booked: z.int(),
  free: z.int(),
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
  citizen: z.object({ openid: z.string(), name: z.optional(z.string()) }),
  start: IsoTime,
  end: IsoTime,
  way: Way,
  topic: z.string(),
  petitionId: z.optional(Id),
  /** what the citizen and staff see of the linked petition, kept with the booking so a list reads no petition */
  petition: z.optional(z.object({ trackingCode: z.string(), categoryName: z.string(), summary: z.string() })),
  status: BookingStatus,
  /** shared by the host and the citizen; the link is made from the configured provider template */
  roomId: z.string(),
  cancel: z.optional(z.object({ by: z.enum(['citizen', 'staff']), reason: z.optional(z.string()), at: IsoTime })),
  outcome: z.optional(z.object({ attendance: z.enum(['attended', 'no_show']), note: z.string(), at: IsoTime, by: z.string() })),
  rating: z.optional(z.object({ rating: Rating, comment: z.optional(z.string()), at: IsoTime })),
  rescheduled: z._default(z.int(), 0),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  version: z.int().check(z.positive()),
});
export type Booking = z.infer<typeof Booking>;

/** A booking as the API answers it (`bookingView` in functions/usecases/bookings.ts), parsed by the citizen's app. */
export const BookingView = z.object({
  id: z.string(),
  host: z.object({ id: z.string(), name: z.string(), kind: HostKind, kindLabel: z.string() }),
  centreName: z.string(),
  start: z.string(),
  end: z.string(),
  way: Way,
  wayLabel: z.string(),
  topic: z.string(),
  petition: z.optional(z.object({ trackingCode: z.string(), categoryName: z.string(), summary: z.string() })),
  status: BookingStatus,
  roomUrl: z.optional(z.string()),
  canChange: z.boolean(),
  canRate: z.boolean(),
  cancel: z.optional(z.object({ by: z.enum(['citizen', 'staff']), reason: z.optional(z.string()), at: IsoTime })),
  outcome: z.optional(z.object({ attendance: z.enum(['attended', 'no_show']), note: z.string(), by: z.string(), at: IsoTime })),
  rating: z.optional(z.object({ rating: Rating, comment: z.optional(z.string()), at: IsoTime })),
  rescheduled: z._default(z.number(), 0),
  centreId: z.optional(z.string()),
  petitionId: z.optional(z.string()),
  createdAt: z.optional(z.string()),
});
export type BookingView = z.infer<typeof BookingView>;

/** A host as citizens see them: GET /hosts and /hosts/{hostId}. */
export const PublicHost = z.object({
  id: z.string(),
  name: z.string(),
  kind: HostKind,
  kindLabel: z.string(),
  title: z.optional(z.string()),
  centreId: z.string(),
  centreName: z.string(),
  expertise: z.array(Expertise),
  ways: z.array(Way),
  intro: z.optional(z.string()),
  slotMinutes: z.number(),
  capacity: z.number(),
});
export type PublicHost = z.infer<typeof PublicHost>;

export const SlotRow = z.object({ hostId: z.optional(z.string()), start: z.string(), end: z.string(), capacity: z.number(), booked: z.number(), free: z.number() });
export type SlotRow = z.infer<typeof SlotRow>;
/** GET /hosts/{hostId}/slots: the host and their slots, earliest first. */
export const HostSlots = z.object({ host: PublicHost, items: z.array(SlotRow) });

/** A host as staff keep them, with the name of their centre. */
export const StaffHost = z.extend(Host, { centreName: z.string() });
export type StaffHost = z.infer<typeof StaffHost>;

/** The staff answer is the citizen's with the citizen's name. */
export const StaffBooking = z.extend(BookingView, { citizenName: z.string() });
export type StaffBooking = z.infer<typeof StaffBooking>;

/** GET /staff/bookings: a centre's day or week of receptions. */
export const Schedule = z.object({ centre: z.object({ id: z.string(), name: z.string() }), from: z.string(), days: z.number(), items: z.array(StaffBooking) });
export type Schedule = z.infer<typeof Schedule>;

const BookingTotals = z.object({
  booked: z.number(),
  cancelled: z.number(),
  attended: z.number(),
  noShow: z.number(),
  satisfied: z.number(),
  basically_satisfied: z.number(),
  dissatisfied: z.number(),
  rated: z.number(),
  satisfaction: Ratio,
  attendance: Ratio,
});
export type BookingTotals = z.infer<typeof BookingTotals>;
/** GET /staff/booking-figures: a centre's and each host's reception figures for a period. */
export const BookingFigures = z.object({
  centre: z.object({ id: z.string(), name: z.string() }),
  period: z.object({ from: z.string(), to: z.string() }),
  totals: BookingTotals,
  hosts: z.array(z.extend(BookingTotals, { id: z.string(), name: z.string(), kind: z.optional(HostKind), kindLabel: z.optional(z.string()) })),
  definitions: z.record(z.string(), z.string()),
});
export type BookingFigures = z.infer<typeof BookingFigures>;

// Payloads

const bool = z.pipe(z.enum(['true', 'false']), z.transform((v) => v === 'true'));

export const HostsQuery = z.object({
  centreId: z.optional(idOf('中心')),
  kind: z.optional(HostKind),
  way: z.optional(Way),
  expertise: z.optional(Expertise),
});
export type HostsQuery = z.infer<typeof HostsQuery>;

export const SlotsQuery = z.object({
  days: z._default(z.coerce.number({ error: '天数须为数字' }).check(z.multipleOf(1, { error: '天数须为整数' }), z.gte(1, { error: '天数须为 1 到 31' }), z.lte(31, { error: '天数须为 1 到 31' })), 7),
  /** include full slots (shown greyed out) */
  all: z.optional(bool),
});

export const BookBody = z.strictObject({
  hostId: idOf('接访人'),
  start: IsoTime,
  way: Way,
  topic: text('预约事项', 200, 2),
  petitionId: z.optional(idOf('关联诉求')),
});
export type BookBody = z.infer<typeof BookBody>;

export { MAX_MEETING_HOSTS, MeetingBody } from './meeting';

/** GET /staff/petitions/{id}/meeting-hosts: the China day whose free times are asked for. */
export const MeetingHostsQuery = z.object({ day: ChinaDay });

/** The consultation's departments' video hosts with their free slots of the day, and the distinct free times. */
export const MeetingHosts = z.object({
  day: z.string(),
  times: z.array(z.string()),
  hosts: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kindLabel: z.string(),
      title: z.optional(z.string()),
      departmentId: z.string(),
      departmentName: z.string(),
      /** the starts of the host's free slots that day */
      free: z.array(z.string()),
    }),
  ),
});
export type MeetingHosts = z.infer<typeof MeetingHosts>;

export const RescheduleBody = z.strictObject({ start: IsoTime });
export const CitizenCancelBody = z.strictObject({ reason: z.optional(text('取消原因', 200)) });
export const StaffCancelBody = z.strictObject({ reason: text('取消原因', 200) });
export const AttendanceBody = z.strictObject({
  attendance: z.enum(['attended', 'no_show'], { error: '请选择 已接访 或 未到场' }),
  note: text('接访结果', 1000),
});
export const BookingRatingBody = z.strictObject({ rating: Rating, comment: z.optional(text('评价', 500)) });

export const ScheduleQuery = z.object({
  centreId: z.optional(idOf('中心')),
  /** first China day of the schedule; today when absent */
  from: z.optional(ChinaDay),
  days: z._default(z.coerce.number({ error: '天数须为数字' }).check(z.multipleOf(1, { error: '天数须为整数' }), z.gte(1, { error: '天数须为 1 到 7' }), z.lte(7, { error: '天数须为 1 到 7' })), 1),
  hostId: z.optional(idOf('接访人')),
});
export type ScheduleQuery = z.infer<typeof ScheduleQuery>;

/** A centre's reception figures for the China days `from`..`to` (inclusive; at most a year). */
export const BookingFiguresQuery = z.object({ centreId: z.optional(idOf('中心')), from: z.optional(ChinaDay), to: z.optional(ChinaDay) });
export type BookingFiguresQuery = z.infer<typeof BookingFiguresQuery>;

export const HOST_KIND_LABELS: Record<HostKind, string> = {
  leader: '党政领导',
  lawyer: '律师',
  judge: '值班法官',
  mediator: '调解员',
  psychologist: '心理咨询师',
};
export const EXPERTISE_LABELS: Record<Expertise, string> = {
  land: '土地',
  labour: '劳动用工',
  family: '婚姻家庭',
  ecology: '草原生态',
  neighbour: '邻里纠纷',
  consumer: '消费',
  housing: '住房建设',
  expropriation: '征地拆迁',
  mental_health: '心理疏导',
  other: '其他',
};
export const WAY_LABELS: Record<Way, string> = { video: '视频接访', in_person: '现场接访', phone: '电话接访' };
export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  booked: '已预约',
  cancelled: '已取消',
  attended: '已接访',
  no_show: '未到场',
};
