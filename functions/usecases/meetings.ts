/**
 * 会诊会议: the centre books a multi-party video reception for a case's consultation: hosts of its lead and
 * co-departments (a host's 会诊单位) free at one time, the citizen optional, one room for all. Each host's slot is
 * taken whole in the case's own transaction (functions/adapters/dynamo/petitions.ts onceWrites), only while nobody
 * booked it: a clash with any other booking cancels the whole of it, so nothing is ever half-booked. The same
 * Idempotency-Key again answers the meeting it booked.
 */
import { createHash, randomBytes } from 'node:crypto';
import { ConflictError, NotFoundError, ValidationError } from '../../shared/errors';
import { inScope } from '../../shared/routing';
import { readsCentre } from '../../shared/roles';
import { HOST_KIND_LABELS, type MeetingBody } from '../../shared/schemas/booking';
import type { Meeting, Petition } from '../../shared/schemas/petition';
import { addDays, bookableSlots, chinaMidnight, findSlot } from '../../shared/slots';
import type { HostRecord } from '../ports';
import type { Deps, StaffCaller } from './context';
import { canSee, caseFileForStaff, idempotencyScope, transition, type Found } from './petitions';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
/** a lost race (another step, or a booking taking a chosen slot) is read again; a slot taken is then a 409 */
const MEETING_ATTEMPTS = 6;

/** The case's owning centre, or the county above it; anyone else (another centre, a department) finds nothing here. */
async function ownCase(deps: Deps, caller: StaffCaller, id: string) {
  const [p, org] = await Promise.all([deps.petitions.get(id), deps.org.load()]);
  const scope = org.nodes.get(caller.scopeNodeId);
  const owns = readsCentre(caller.role) && scope !== undefined && (scope.kind === 'township' || scope.kind === 'county');
  if (!p || !owns || !inScope(scope.path, p.centrePath) || !canSee(caller, p, org)) throw new NotFoundError('未找到该诉求');
  return { p, org };
}

/** The video hosts of the consultation's departments: the county's hosts (dozens, one query), by their 会诊单位. */
async function hostsOfConsultation(deps: Deps, p: Petition): Promise<Array<{ rec: HostRecord; departmentName: string }>> {
  const c = p.consultation;
  if (!c) throw new ConflictError('请先发起联合会诊，再预约会诊会议');
  const departments = new Map([[c.leadDepartmentId, c.leadName], ...c.participants.map((x) => [x.departmentId, x.name] as const)]);
  const recs = await deps.hosts.listHosts({ countyId: p.countyId });
  return recs.flatMap((rec) => {
    const h = rec.host;
    const name = h.departmentId ? departments.get(h.departmentId) : undefined;
    return h.active && h.ways.includes('video') && name ? [{ rec, departmentName: name }] : [];
  });
}

/** The starts among `starts` of the host's slots somebody already booked. */
async function taken(deps: Deps, hostId: string, starts: string[]) {
  const [first, last] = [starts[0], starts[starts.length - 1]];
  if (!first || !last) return new Set<string>();
  const states = await deps.hosts.slotStates(hostId, first, last);
  return new Set(states.filter((s) => s.booked > 0).map((s) => s.start));
}

/** GET /staff/petitions/{id}/meeting-hosts: each host's free slots of the China day, and every free time among them. */
export async function meetingHosts(deps: Deps, caller: StaffCaller, id: string, day: string) {
  const { p } = await ownCase(deps, caller, id);
  const now = deps.clock.now();
  const [from, to] = [chinaMidnight(day).toISOString(), chinaMidnight(addDays(day, 1)).toISOString()];
  const hosts = await Promise.all(
    (await hostsOfConsultation(deps, p)).map(async ({ rec: { host: h }, departmentName }) => {
      const starts = bookableSlots(h, now)
        .map((s) => s.start)
        .filter((s) => s >= from && s < to);
      const busy = await taken(deps, h.id, starts);
      return { id: h.id, name: h.name, kindLabel: HOST_KIND_LABELS[h.kind], title: h.title, departmentId: h.departmentId ?? '', departmentName, free: starts.filter((s) => !busy.has(s)) };
    }),
  );
  return { day, times: [...new Set(hosts.flatMap((h) => h.free))].sort(), hosts };
}

/** Whether the client's key already booked this meeting; a key used for something else is a 409. */
async function booked(deps: Deps, p: Petition, once: { scope: string; key: string; requestHash: string }) {
  const used = await deps.petitions.keyRecord(once.scope, once.key);
  if (used && (used.petitionId !== p.id || used.requestHash !== once.requestHash)) throw new ConflictError('这个提交编号已用于另一次预约，请刷新页面后重新预约');
  return used !== undefined;
}

/**
 * The meeting of one try, or the one the key already booked (replayed). Read again on every try: a slot a booking
 * took meanwhile is found taken, and the whole meeting is refused.
 */
async function meetingFor(deps: Deps, caller: StaffCaller, p: Petition, body: MeetingBody, once: { scope: string; key: string; requestHash: string }): Promise<Found> {
  if (await booked(deps, p, once)) return { replayed: true };
  const candidates = await hostsOfConsultation(deps, p);
  const now = deps.clock.now();
  const chosen = body.hostIds.map((hostId, i) => {
    const c = candidates.find((x) => x.rec.host.id === hostId);
    if (!c) throw new ValidationError('参会接访人不存在', [{ path: `hostIds.${i}`, message: '请选择牵头部门或会诊部门的视频接访人' }]);
    const slot = findSlot(c.rec.host, now, body.start);
    if (!slot) throw new ValidationError('该时间不可预约', [{ path: 'start', message: `${c.rec.host.name}在该时间不接访，请从可选时间中选择` }]);
    return { ...c, slot };
  });
  const busy = await Promise.all(chosen.map((c) => taken(deps, c.rec.host.id, [c.slot.start])));
  const clash = chosen.filter((_c, i) => busy[i]?.size);
  // a send with the same key may have booked it since the key was looked at: the slots are its own
  if (clash.length && (await booked(deps, p, once))) return { replayed: true };
  if (clash.length) throw new ConflictError(`${clash.map((c) => c.rec.host.name).join('、')}在该时间已有预约，会诊会议没有预约，请另选时间`);
  const first = chosen[0];
  if (!first) throw new ValidationError('请选择参会的接访人', [{ path: 'hostIds', message: '请至少选择一位参会的接访人' }]);
  const meeting: Meeting = {
    id: deps.ids.id(),
    start: first.slot.start,
    // together while every host receives: until the earliest end of their slots
    end: chosen.map((c) => c.slot.end).sort()[0] ?? first.slot.end,
    hosts: chosen.map((c) => ({ hostId: c.rec.host.id, name: c.rec.host.name, departmentId: c.rec.host.departmentId ?? '', departmentName: c.departmentName })),
    withCitizen: body.withCitizen,
    roomId: randomBytes(9).toString('base64url'),
    bookedAt: now.toISOString(),
    bookedBy: caller.name,
  };
  return { meeting, slots: chosen.map((c) => ({ hostId: c.rec.host.id, start: c.slot.start, end: c.slot.end, capacity: c.rec.host.rules.capacity, meetingId: meeting.id })) };
}

/** POST /staff/petitions/{id}/meeting: books the meeting with the case's record line; answers the case file. */
export async function bookMeeting(deps: Deps, caller: StaffCaller, id: string, body: MeetingBody, idempotencyKey: string) {
  await ownCase(deps, caller, id);
  const once = { scope: idempotencyScope(caller), key: idempotencyKey, requestHash: sha256(JSON.stringify({ petitionId: id, body })) };
  const next = await transition(deps, caller, id, { action: 'book_meeting', ...body }, (p) => meetingFor(deps, caller, p, body, once), MEETING_ATTEMPTS, once);
  return caseFileForStaff(deps, caller, next, await deps.org.load());
}
