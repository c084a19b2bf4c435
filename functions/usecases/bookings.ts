/**
 * Video receptions (预约接访): citizens find a host, see the free slots, book one, reschedule, cancel and rate; staff
 * keep hosts and their hours, read a centre's schedule, cancel with a reason and record attendance.
 *
 * A booking is one transaction that takes the slot under the condition `booked < capacity`, writes the booking with
 * its reminders and the idempotency record; nothing is read and then written, so a rush can never double-book.
 */
import { createHash, randomBytes } from 'node:crypto';
import { BOOKING_FIGURE_DEFINITIONS, bookingTotals } from '../../shared/bookingFigures';
import { ConflictError, NotFoundError, ValidationError } from '../../shared/errors';
import { monthsOf } from '../../shared/figures';
import { inScope, type Org } from '../../shared/routing';
import {
  HOST_KIND_LABELS,
  WAY_LABELS,
  type BookBody,
  type Booking,
  type BookingFiguresQuery,
  type HostBody,
  type HostsQuery,
  type ScheduleQuery,
} from '../../shared/schemas/booking';
import type { Rating } from '../../shared/schemas/common';
import { addDays, bookableSlots, chinaMidnight, findSlot } from '../../shared/slots';
import { chinaDate } from '../../shared/timeLimits';
import type { HostRecord, Reminder } from '../ports';
import type { CitizenCaller, Deps, StaffCaller } from './context';
import { requireCleanText } from './content';
import { centreScope } from './petitions';
import { roomUrl } from './views';
import { readsCentre } from '../../shared/roles';

const MINUTE = 60_000;
const REMINDER_LEADS = [
  { lead: '1d', minutes: 24 * 60 },
  { lead: '15m', minutes: 15 },
] as const;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** `11月24日 09:00`, China time. */
export function chinaClock(iso: string): string {
  const t = new Date(Date.parse(iso) + 8 * 60 * MINUTE).toISOString();
  return `${Number(t.slice(5, 7))}月${Number(t.slice(8, 10))}日 ${t.slice(11, 16)}`;
}

function centreName(org: Org, centreId: string) {
  const n = org.nodes.get(centreId);
  return n?.centreName ?? n?.name ?? '';
}

function publicHost(rec: HostRecord, org: Org) {
  const h = rec.host;
  return {
    id: h.id,
    name: h.name,
    kind: h.kind,
    kindLabel: HOST_KIND_LABELS[h.kind],
    title: h.title,
    centreId: h.centreId,
    centreName: centreName(org, h.centreId),
    expertise: h.expertise,
    ways: h.ways,
    intro: h.intro,
    slotMinutes: h.rules.slotMinutes,
    capacity: h.rules.capacity,
  };
}


function canChange(deps: Deps, b: Booking, now: Date) {
  return b.status === 'booked' && now.getTime() < Date.parse(b.start) - deps.booking.changeCutoffMinutes * MINUTE;
}
function canRate(b: Booking, now: Date) {
  return !b.rating && (b.status === 'attended' || (b.status === 'booked' && now.getTime() >= Date.parse(b.end)));
}

function bookingView(deps: Deps, b: Booking, org: Org, now: Date) {
  return {
    id: b.id,
    host: { id: b.hostId, name: b.hostName, kind: b.hostKind, kindLabel: HOST_KIND_LABELS[b.hostKind] },
    centreId: b.centreId,
    centreName: centreName(org, b.centreId),
    start: b.start,
    end: b.end,
    way: b.way,
    wayLabel: WAY_LABELS[b.way],
    topic: b.topic,
    petitionId: b.petitionId,
    petition: b.petition,
    status: b.status,
    roomUrl: b.way === 'video' && b.status === 'booked' ? roomUrl(deps.booking.roomUrlTemplate, b.roomId) : undefined,
    canChange: canChange(deps, b, now),
    canRate: canRate(b, now),
    cancel: b.cancel,
    outcome: b.outcome,
    rating: b.rating,
    rescheduled: b.rescheduled,
    createdAt: b.createdAt,
  };
}
const staffBookingView = (deps: Deps, b: Booking, org: Org, now: Date) => ({ ...bookingView(deps, b, org, now), citizenName: b.citizen.name ?? '群众' });

/** Reminders a day and fifteen minutes before; one whose time has passed is not written. */
export function remindersFor(b: Booking, now: Date): Reminder[] {
  const when = chinaClock(b.start);
  const room = b.way === 'video' ? '，届时请在“我的预约”中点击“进入视频”' : '';
  return REMINDER_LEADS.flatMap(({ lead, minutes }) => {
    const dueAt = new Date(Date.parse(b.start) - minutes * MINUTE);
    if (dueAt.getTime() <= now.getTime()) return [];
    return [
      {
        id: `${b.id}-${lead}`,
        kind: 'booking_reminder' as const,
        template: 'reminder' as const,
        dueAt: dueAt.toISOString(),
        openid: b.citizen.openid,
        countyId: b.countyId,
        title: '预约接访提醒',
        body: `您预约的${HOST_KIND_LABELS[b.hostKind]}${b.hostName}（${WAY_LABELS[b.way]}）将于 ${when} 开始${room}。`,
        page: 'booking/pages/mine/index',
      },
    ];
  });
}

async function activeHost(deps: Deps, hostId: string) {
  const rec = await deps.bookings.getHost(hostId);
  if (!rec || !rec.host.active) throw new NotFoundError('未找到该接访人');
  return rec;
}

// Citizens

export async function listHosts(deps: Deps, q: HostsQuery) {
  const org = await deps.org.load();
  let recs: HostRecord[];
  if (q.centreId) recs = await deps.bookings.listHosts({ centreId: q.centreId });
  else {
    const counties = [...org.nodes.values()].filter((n) => n.kind === 'county');
    recs = (await Promise.all(counties.map((c) => deps.bookings.listHosts({ countyId: c.id })))).flat();
  }
  const items = recs
    .filter(({ host: h }) => h.active && (!q.kind || h.kind === q.kind) && (!q.way || h.ways.includes(q.way)) && (!q.expertise || h.expertise.includes(q.expertise)))
    .map((r) => publicHost(r, org));
  return { items };
}

export async function getHost(deps: Deps, hostId: string) {
  const [rec, org] = await Promise.all([activeHost(deps, hostId), deps.org.load()]);
  return publicHost(rec, org);
}

/** The next days' slots with what is left of each; full ones only when asked for (to show them greyed out). */
export async function listSlots(deps: Deps, hostId: string, q: { days: number; all?: boolean }) {
  const [rec, org] = await Promise.all([activeHost(deps, hostId), deps.org.load()]);
  const slots = bookableSlots(rec.host, deps.clock.now(), q.days);
  const first = slots[0];
  const last = slots[slots.length - 1];
  const states = first && last ? await deps.bookings.slotStates(hostId, first.start, last.start) : [];
  const booked = new Map(states.map((s) => [s.start, s.booked]));
  const capacity = rec.host.rules.capacity;
  const items = slots
    .map((s) => {
      const n = booked.get(s.start) ?? 0;
      return { hostId, start: s.start, end: s.end, capacity, booked: n, free: Math.max(0, capacity - n) };
    })
    .filter((s) => q.all || s.free > 0);
  return { host: publicHost(rec, org), items };
}

export async function book(deps: Deps, caller: CitizenCaller, idempotencyKey: string, body: BookBody) {
  const now = deps.clock.now();
  const [rec, org] = await Promise.all([activeHost(deps, body.hostId), deps.org.load()]);
  const { host } = rec;
  if (!host.ways.includes(body.way)) {
    throw new ValidationError('该接访人不提供这种接访方式', [{ path: 'way', message: `请选择：${host.ways.map((w) => WAY_LABELS[w]).join('、')}` }]);
  }
  const slot = findSlot(host, now, body.start);
  if (!slot) throw new ValidationError('该时间不可预约', [{ path: 'start', message: '该时间不可预约，请从可预约时间中选择' }]);
  await requireCleanText(deps, caller.openid, { topic: body.topic });
  const petition = body.petitionId ? await ownPetition(deps, caller, org, body.petitionId) : undefined;
  const at = now.toISOString();
  const booking: Booking = {
    id: deps.ids.id(),
    hostId: host.id,
    hostName: host.name,
    hostKind: host.kind,
    centreId: host.centreId,
    centrePath: rec.centrePath,
    countyId: rec.countyId,
    citizen: { openid: caller.openid, name: caller.name },
    start: slot.start,
    end: slot.end,
    way: body.way,
    topic: body.topic,
    petitionId: body.petitionId,
    petition,
    status: 'booked',
    roomId: randomBytes(9).toString('base64url'),
    rescheduled: 0,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  const requestHash = sha256(JSON.stringify(body));
  const out = await deps.bookings.book({
    booking,
    capacity: host.rules.capacity,
    reminders: remindersFor(booking, now),
    idempotency: { scope: `b:${caller.openid}`, key: idempotencyKey, requestHash },
    perCitizenWeek: deps.booking.maxPerHostWeek,
  });
  if (out.created) return { created: true, view: bookingView(deps, booking, org, now) };
  if (out.requestHash !== requestHash) throw new ConflictError('这个提交编号已用于另一次预约，请刷新页面后重新预约');
  const existing = await deps.bookings.get(out.existingId);
  if (!existing) throw new NotFoundError('未找到该预约');
  return { created: false, view: bookingView(deps, existing, org, now) };
}

/** A petition the caller reported, as the booking keeps it; anyone else's does not exist for them (404). */
async function ownPetition(deps: Deps, caller: CitizenCaller, org: Org, id: string): Promise<Booking['petition']> {
  const p = await deps.petitions.get(id);
  if (!p || p.reporter.kind !== 'wechat' || p.reporter.openid !== caller.openid) throw new NotFoundError('未找到该诉求，请选择您本人提交的诉求');
  // staff see who booked: a linked anonymous report would carry their name
  if (p.anonymous) throw new ValidationError('匿名反映不能关联预约', [{ path: 'petitionId', message: '匿名反映不能关联预约，以免透露您的身份' }]);
  const text = p.description.replace(/\s+/g, ' ').trim();
  return {
    trackingCode: p.trackingCode,
    categoryName: org.categories.find((c) => c.id === p.categoryId)?.name ?? '诉求',
    summary: text.length > 30 ? `${text.slice(0, 30)}…` : text,
  };
}

async function ownBooking(deps: Deps, caller: CitizenCaller, id: string) {
  const b = await deps.bookings.get(id);
  if (!b || b.citizen.openid !== caller.openid) throw new NotFoundError('未找到该预约');
  return b;
}

export async function listMine(deps: Deps, caller: CitizenCaller, page: { limit: number; cursor?: string }) {
  const [out, org] = await Promise.all([deps.bookings.listByCitizen(caller.openid, page), deps.org.load()]);
  const now = deps.clock.now();
  return { items: out.items.map((b) => bookingView(deps, b, org, now)), cursor: out.cursor };
}

export async function getMine(deps: Deps, caller: CitizenCaller, id: string) {
  const [b, org] = await Promise.all([ownBooking(deps, caller, id), deps.org.load()]);
  return bookingView(deps, b, org, deps.clock.now());
}

function requireChangeable(deps: Deps, b: Booking, now: Date) {
  if (b.status !== 'booked') throw new ConflictError('该预约已取消或已结束');
  if (!canChange(deps, b, now)) throw new ConflictError(`距开始已不足 ${deps.booking.changeCutoffMinutes} 分钟，不能再更改，请联系综治中心`);
}

export async function cancelMine(deps: Deps, caller: CitizenCaller, id: string, reason?: string) {
  const now = deps.clock.now();
  const b = await ownBooking(deps, caller, id);
  requireChangeable(deps, b, now);
  const after: Booking = { ...b, status: 'cancelled', cancel: { by: 'citizen', reason, at: now.toISOString() }, updatedAt: now.toISOString(), version: b.version + 1 };
  await deps.bookings.cancel(b, after);
  return bookingView(deps, after, await deps.org.load(), now);
}

/** The new slot is taken and the old one freed in one transaction: a lost race leaves the booking where it was. */
export async function reschedule(deps: Deps, caller: CitizenCaller, id: string, start: string) {
  const now = deps.clock.now();
  const b = await ownBooking(deps, caller, id);
  requireChangeable(deps, b, now);
  const rec = await activeHost(deps, b.hostId);
  const slot = findSlot(rec.host, now, start);
  if (!slot) throw new ValidationError('该时间不可预约', [{ path: 'start', message: '该时间不可预约，请从可预约时间中选择' }]);
  if (slot.start === b.start) throw new ValidationError('新时间与原时间相同', [{ path: 'start', message: '请选择另一个时间' }]);
  const after: Booking = { ...b, start: slot.start, end: slot.end, rescheduled: b.rescheduled + 1, updatedAt: now.toISOString(), version: b.version + 1 };
  await deps.bookings.reschedule(b, after, rec.host.rules.capacity, remindersFor(after, now), deps.booking.maxPerHostWeek);
  return bookingView(deps, after, await deps.org.load(), now);
}

export async function rate(deps: Deps, caller: CitizenCaller, id: string, input: { rating: Rating; comment?: string }) {
  const now = deps.clock.now();
  const b = await ownBooking(deps, caller, id);
  if (b.rating) throw new ConflictError('您已评价过这次接访');
  await requireCleanText(deps, caller.openid, { comment: input.comment });
  if (!canRate(b, now)) throw new ConflictError('接访结束后才能评价');
  const after: Booking = { ...b, rating: { ...input, at: now.toISOString() }, updatedAt: now.toISOString(), version: b.version + 1 };
  await deps.bookings.record(b, after);
  return bookingView(deps, after, await deps.org.load(), now);
}

// Staff

function staffScope(caller: StaffCaller, org: Org) {
  // Handlers and agents work cases; receptions are the centres' and the county's.
  if (!readsCentre(caller.role)) throw new NotFoundError('未找到');
  return centreScope(caller, org);
}

function centreInScope(org: Org, scopePath: string, centreId: string) {
  const centre = org.nodes.get(centreId);
  if (!centre || (centre.kind !== 'township' && centre.kind !== 'county') || !inScope(scopePath, centre.path)) return undefined;
  return centre;
}

export async function listHostsForStaff(deps: Deps, caller: StaffCaller) {
  const org = await deps.org.load();
  const scope = staffScope(caller, org);
  const recs = await deps.bookings.listHosts(scope.kind === 'county' ? { countyId: scope.id } : { centreId: scope.id });
  const mine = recs.filter((r) => inScope(scope.path, r.centrePath));
  return { items: mine.map((r) => ({ ...r.host, centreName: centreName(org, r.host.centreId) })) };
}

export async function getHostForStaff(deps: Deps, caller: StaffCaller, hostId: string) {
  const org = await deps.org.load();
  const scope = staffScope(caller, org);
  const rec = await deps.bookings.getHost(hostId);
  if (!rec || !inScope(scope.path, rec.centrePath)) throw new NotFoundError('未找到该接访人');
  return { ...rec.host, centreName: centreName(org, rec.host.centreId) };
}

/** Creates or replaces a host. Slots already booked stay booked; new hours apply to what is booked from now on. */
export async function saveHost(deps: Deps, caller: StaffCaller, id: string, body: HostBody) {
  const org = await deps.org.load();
  const scope = staffScope(caller, org);
  const existing = await deps.bookings.getHost(id);
  if (existing && !inScope(scope.path, existing.centrePath)) throw new NotFoundError('未找到该接访人');
  const centre = centreInScope(org, scope.path, body.centreId);
  if (!centre) throw new ValidationError('所属中心不存在', [{ path: 'centreId', message: '请选择您管辖范围内的综治中心' }]);
  const countyId = centre.path.split('/')[0] ?? centre.id;
  // 会诊单位: a department of the host's centre or of the county, as a consultation's departments are
  const department = body.departmentId ? org.departments.find((d) => d.id === body.departmentId) : undefined;
  if (body.departmentId && (!department || (department.centreId !== centre.id && department.centreId !== countyId))) {
    throw new ValidationError('会诊单位不存在', [{ path: 'departmentId', message: '请选择本中心或县级的部门' }]);
  }
  const host = { ...body, id };
  await deps.bookings.putHost({ host, centrePath: centre.path, countyId });
  return { ...host, centreName: centreName(org, centre.id) };
}

/** The centre asked for, else the caller's own; another township's centre does not exist for the caller. */
function centreOf(org: Org, caller: StaffCaller, centreId: string | undefined) {
  const scope = staffScope(caller, org);
  const centre = centreInScope(org, scope.path, centreId ?? scope.id);
  if (!centre) throw new NotFoundError('未找到该中心');
  return centre;
}

/** A centre's day or week of receptions, by start. */
export async function schedule(deps: Deps, caller: StaffCaller, q: ScheduleQuery) {
  const org = await deps.org.load();
  const centre = centreOf(org, caller, q.centreId);
  const now = deps.clock.now();
  const from = q.from ?? chinaDate(now);
  const list = await deps.bookings.listByCentre(centre.id, chinaMidnight(from).toISOString(), chinaMidnight(addDays(from, q.days)).toISOString());
  const items = list.filter((b) => !q.hostId || b.hostId === q.hostId).map((b) => staffBookingView(deps, b, org, now));
  return { centre: { id: centre.id, name: centreName(org, centre.id) }, from, days: q.days, items };
}

async function visibleToStaff(deps: Deps, caller: StaffCaller, id: string) {
  const [b, org] = await Promise.all([deps.bookings.get(id), deps.org.load()]);
  const scope = staffScope(caller, org);
  if (!b || !inScope(scope.path, b.centrePath)) throw new NotFoundError('未找到该预约');
  return { b, org };
}

export async function getForStaff(deps: Deps, caller: StaffCaller, id: string) {
  const { b, org } = await visibleToStaff(deps, caller, id);
  return staffBookingView(deps, b, org, deps.clock.now());
}

/** Staff may cancel at any time before the reception; the citizen sees the reason. */
export async function cancelByStaff(deps: Deps, caller: StaffCaller, id: string, reason: string) {
  const now = deps.clock.now();
  const { b, org } = await visibleToStaff(deps, caller, id);
  if (b.status !== 'booked') throw new ConflictError('该预约已取消或已结束');
  const after: Booking = { ...b, status: 'cancelled', cancel: { by: 'staff', reason, at: now.toISOString() }, updatedAt: now.toISOString(), version: b.version + 1 };
  await deps.bookings.cancel(b, after);
  return staffBookingView(deps, after, org, now);
}

export async function recordAttendance(deps: Deps, caller: StaffCaller, id: string, input: { attendance: 'attended' | 'no_show'; note: string }) {
  const now = deps.clock.now();
  const { b, org } = await visibleToStaff(deps, caller, id);
  if (b.status !== 'booked') throw new ConflictError('该预约已取消或已记录');
  if (now.getTime() < Date.parse(b.start)) throw new ConflictError('接访开始后才能记录到场情况');
  const after: Booking = {
    ...b,
    status: input.attendance,
    outcome: { ...input, at: now.toISOString(), by: caller.name },
    updatedAt: now.toISOString(),
    version: b.version + 1,
  };
  await deps.bookings.record(b, after);
  return staffBookingView(deps, after, org, now);
}

/**
 * A centre's reception figures for a period (the last 30 China days by default), the centre's and each host's, from
 * the counters kept as bookings move: one query of the centre's counter partition, whatever the number of bookings.
 */
export async function figures(deps: Deps, caller: StaffCaller, q: BookingFiguresQuery) {
  const org = await deps.org.load();
  const centre = centreOf(org, caller, q.centreId);
  const to = q.to ?? chinaDate(deps.clock.now());
  const from = q.from ?? addDays(to, -29);
  if (from > to) throw new ValidationError('结束日期不能早于开始日期', [{ path: 'query.to', message: '结束日期不能早于开始日期' }]);
  if (to > addDays(from, 366)) throw new ValidationError('统计期间最长一年', [{ path: 'query.from', message: '统计期间最长一年' }]);
  const [counters, hosts] = await Promise.all([deps.bookings.bookingFigures(centre.id, monthsOf(from, to)), deps.bookings.listHosts({ centreId: centre.id })]);
  const names = new Map(hosts.map((r) => [r.host.id, r.host]));
  const hostIds = [...new Set([...names.keys(), ...counters.hosts.keys()])];
  return {
    centre: { id: centre.id, name: centreName(org, centre.id) },
    period: { from, to },
    totals: bookingTotals(counters.centre, from, to),
    hosts: hostIds
      .map((id) => {
        const h = names.get(id);
        return { id, name: h?.name ?? id, kind: h?.kind, kindLabel: h ? HOST_KIND_LABELS[h.kind] : undefined, ...bookingTotals(counters.hosts.get(id) ?? [], from, to) };
      })
      .sort((a, b) => b.booked - a.booked || a.name.localeCompare(b.name, 'zh')),
    definitions: BOOKING_FIGURE_DEFINITIONS,
  };
}
