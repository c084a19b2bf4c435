/**
 * 会诊会议 over HTTP: 八宝镇综治中心 books a multi-party video reception for a land case's consultation, with hosts of
 * its lead department (自然资源所) and co-departments (司法所, 派出所). The hosts' slots are taken in one transaction:
 * a host already booked at that time refuses the whole meeting, and nothing is half-booked.
 */
import { describe, expect, it } from 'vitest';
import { chinaDate } from '../../shared/timeLimits';
import { addDays, chinaMidnight } from '../../shared/slots';
import { call, citizenToken, consultedCase, departmentHost, newKey, report, staffToken } from '../support/api';

const CONSULT = { leadDepartmentId: 'babao-natural-resources', departmentIds: ['babao-justice', 'babao-police'], question: '草场边界如何认定？', days: 2 };
const meeting = (token: string, id: string, body: unknown, key = newKey()) => call('POST', `/staff/petitions/${id}/meeting`, { token, body, headers: { 'idempotency-key': key } });
/** tomorrow in China: every slot of a host who receives around the clock is past the notice and within the horizon */
const tomorrow = () => addDays(chinaDate(new Date()), 1);

/** A citizen's case to 八宝镇 with a consultation, and a host of each of its three departments. */
async function consulted() {
  const babao = await staffToken('babao');
  const { herder, id } = await consultedCase(babao, CONSULT);
  const [resources, justice, police] = await Promise.all([
    departmentHost(babao, 'babao-natural-resources', '自然资源所接访员'),
    departmentHost(babao, 'babao-justice', '司法所接访员'),
    departmentHost(babao, 'babao-police', '派出所接访员'),
  ]);
  return { babao, herder, id, resources, justice, police };
}

const slotOf = async (hostId: string, start: string) => {
  const res = await call('GET', `/hosts/${hostId}/slots?days=3&all=true`);
  expect(res.status).toBe(200);
  return (res.body.items as Array<{ start: string; booked: number; free: number }>).find((s) => s.start === start);
};

describe('a consultation meeting (会诊会议)', () => {
  it('offers the departments\' hosts free at a time, books two of them at once with one room, and shows it on the record', async () => {
    const { babao, herder, id, resources, justice, police } = await consulted();
    const offer = await call('GET', `/staff/petitions/${id}/meeting-hosts?day=${tomorrow()}`, { token: babao });
    expect(offer.status).toBe(200);
    const mine = offer.body.hosts.filter((h: { id: string }) => [resources, justice, police].includes(h.id));
    expect(mine.map((h: { departmentName: string }) => h.departmentName).sort()).toEqual(['八宝镇司法所', '八宝镇派出所', '八宝镇自然资源所'].sort());
    const at = offer.body.times[4] as string;
    expect(mine.every((h: { free: string[] }) => h.free.includes(at))).toBe(true);

    const booked = await meeting(babao, id, { start: at, hostIds: [resources, justice] });
    expect(booked.status).toBe(200);
    expect(booked.body.meetings).toHaveLength(1);
    const m = booked.body.meetings[0];
    expect(m).toMatchObject({
      start: at,
      withCitizen: false,
      hosts: [
        { hostId: resources, name: '自然资源所接访员', departmentName: '八宝镇自然资源所' },
        { hostId: justice, name: '司法所接访员', departmentName: '八宝镇司法所' },
      ],
    });
    expect(m.roomUrl).toContain(m.roomId);
    expect(booked.body.consultation.meetings).toHaveLength(1);
    const line = booked.body.timeline.at(-1);
    expect(line).toMatchObject({ action: 'book_meeting', visibility: 'internal' });
    expect(line.note).toContain('自然资源所接访员（八宝镇自然资源所）、司法所接访员（八宝镇司法所）');

    // both hosts' slots are taken whole (no citizen can book into them), the third host's is not
    expect(await slotOf(resources, at)).toMatchObject({ booked: 1, free: 0 });
    expect(await slotOf(justice, at)).toMatchObject({ booked: 1, free: 0 });
    expect(await slotOf(police, at)).toMatchObject({ booked: 0, free: 1 });
    const again = await call('GET', `/staff/petitions/${id}/meeting-hosts?day=${tomorrow()}`, { token: babao });
    expect(again.body.hosts.find((h: { id: string }) => h.id === justice).free).not.toContain(at);

    // the citizen was not invited: nothing of it on their case
    const theirs = await call('GET', `/petitions/${id}`, { token: herder });
    expect(theirs.status).toBe(200);
    expect(theirs.body.meetings).toEqual([]);
    expect(theirs.body.timeline.map((e: { action: string }) => e.action)).not.toContain('book_meeting');
  });

  it('refuses the whole meeting with a 409 when one host is already booked at that time, and takes neither host', async () => {
    const { babao, id, resources, police } = await consulted();
    const offer = await call('GET', `/staff/petitions/${id}/meeting-hosts?day=${tomorrow()}`, { token: babao });
    const at = offer.body.times[6] as string;
    const citizen = await citizenToken();
    const taken = await call('POST', '/bookings', { token: citizen, headers: { 'idempotency-key': newKey() }, body: { hostId: police, start: at, way: 'video', topic: '想咨询治安调处' } });
    expect(taken.status).toBe(201);

    const res = await meeting(babao, id, { start: at, hostIds: [resources, police] });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe('派出所接访员在该时间已有预约，会诊会议没有预约，请另选时间');
    expect(await slotOf(resources, at)).toMatchObject({ booked: 0, free: 1 });
    expect(await slotOf(police, at)).toMatchObject({ booked: 1 });
    const file = await call('GET', `/staff/petitions/${id}`, { token: babao });
    expect(file.body.meetings).toEqual([]);
    expect(file.body.timeline.map((e: { action: string }) => e.action)).not.toContain('book_meeting');
  });

  it('books one meeting for one Idempotency-Key, however often it is sent', async () => {
    const { babao, id, resources, justice } = await consulted();
    const offer = await call('GET', `/staff/petitions/${id}/meeting-hosts?day=${tomorrow()}`, { token: babao });
    const at = offer.body.times[8] as string;
    const key = newKey();
    const body = { start: at, hostIds: [resources, justice] };
    const sent = await Promise.all([meeting(babao, id, body, key), meeting(babao, id, body, key)]);
    expect(sent.map((r) => r.status)).toEqual([200, 200]);
    const later = await meeting(babao, id, body, key);
    expect(later.status).toBe(200);
    expect(later.body.meetings).toHaveLength(1);
    expect(later.body.timeline.filter((e: { action: string }) => e.action === 'book_meeting')).toHaveLength(1);
    // the key is this meeting's: another body with it is refused
    const other = await meeting(babao, id, { ...body, hostIds: [resources], withCitizen: true }, key);
    expect(other.status).toBe(409);
    // a meeting without a key is a 400 naming the header
    const none = await call('POST', `/staff/petitions/${id}/meeting`, { token: babao, body });
    expect(none.status).toBe(400);
  });

  it('asks for a consultation first: a case without one offers no hosts and books no meeting (409)', async () => {
    const babao = await staffToken('babao');
    const sent = await report(await citizenToken());
    const id = sent.body.id as string;
    expect((await call('POST', `/staff/petitions/${id}/accept`, { token: babao, body: {} })).status).toBe(200);
    const offer = await call('GET', `/staff/petitions/${id}/meeting-hosts?day=${tomorrow()}`, { token: babao });
    expect(offer.status).toBe(409);
    expect(offer.body.error.message).toBe('请先发起联合会诊，再预约会诊会议');
    const host = await departmentHost(babao, 'babao-justice', '司法所接访员');
    const start = (await call('GET', `/hosts/${host}/slots?days=3`)).body.items[8].start as string;
    const res = await meeting(babao, id, { start, hostIds: [host], withCitizen: true });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe('请先发起联合会诊，再预约会诊会议');
    expect(await slotOf(host, start)).toMatchObject({ booked: 0, free: 1 });
    const file = await call('GET', `/staff/petitions/${id}`, { token: babao });
    expect(file.body.timeline.map((e: { action: string }) => e.action)).not.toContain('book_meeting');
  });

  it('refuses a host of no department of the consultation, or a time a host does not receive, naming which, and books no one', async () => {
    const { babao, id, resources, justice } = await consulted();
    const outsider = await departmentHost(babao, 'babao-agriculture', '农业站接访员');
    const offer = await call('GET', `/staff/petitions/${id}/meeting-hosts?day=${tomorrow()}`, { token: babao });
    expect(offer.body.hosts.map((h: { id: string }) => h.id)).not.toContain(outsider);
    const at = offer.body.times[14] as string;
    const stranger = await meeting(babao, id, { start: at, hostIds: [resources, outsider] });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error).toMatchObject({ message: '参会接访人不存在', issues: [{ path: 'hostIds.1', message: '请选择牵头部门或会诊部门的视频接访人' }] });
    const offGrid = new Date(Date.parse(at) + 7 * 60_000).toISOString();
    const notThen = await meeting(babao, id, { start: offGrid, hostIds: [resources, justice] });
    expect(notThen.status).toBe(400);
    expect(notThen.body.error).toMatchObject({ message: '该时间不可预约', issues: [{ path: 'start', message: '自然资源所接访员在该时间不接访，请从可选时间中选择' }] });
    for (const host of [resources, justice, outsider]) expect(await slotOf(host, at)).toMatchObject({ booked: 0, free: 1 });
    const file = await call('GET', `/staff/petitions/${id}`, { token: babao });
    expect(file.body.meetings).toEqual([]);
    expect(file.body.timeline.map((e: { action: string }) => e.action)).not.toContain('book_meeting');
  });

  it('is the case\'s centre\'s only: another centre and a co-department find nothing (404)', async () => {
    const { id, resources, justice } = await consulted();
    const [ebao, justiceHandler] = await Promise.all([staffToken('ebao'), staffToken('babao-justice')]);
    for (const token of [ebao, justiceHandler]) {
      expect((await call('GET', `/staff/petitions/${id}/meeting-hosts?day=${tomorrow()}`, { token })).status).toBe(404);
      const res = await meeting(token, id, { start: new Date(Date.now() + 6 * 3_600_000).toISOString(), hostIds: [resources, justice] });
      expect(res.status).toBe(404);
      expect(res.body.error.message).toBe('未找到该诉求');
    }
  });

  it('offers the times of the day asked only, each once, and a time free again after a citizen cancels is free', async () => {
    const { babao, resources, justice, police, id } = await consulted();
    const day = tomorrow();
    const [from, to] = [chinaMidnight(day).toISOString(), chinaMidnight(addDays(day, 1)).toISOString()];
    const offer = (await call('GET', `/staff/petitions/${id}/meeting-hosts?day=${day}`, { token: babao })).body;
    const mine = offer.hosts.filter((h: { id: string }) => [resources, justice, police].includes(h.id));
    expect(mine).toHaveLength(3);
    // every time is of that China day: the hosts receive around the clock and the next day's times are there too
    const all: string[] = [...offer.times, ...mine.flatMap((h: { free: string[] }) => h.free)];
    expect(all.filter((t) => t < from || t >= to)).toEqual([]);
    expect(offer.times.length).toBeGreaterThan(8);
    // the times are the hosts' free times, each once, in order
    expect(offer.times).toEqual([...new Set(offer.hosts.flatMap((h: { free: string[] }) => h.free))].sort());
    // a time the first host was booked at is offered still, by the others, in its place among the times
    const herder = await citizenToken();
    const [first] = offer.hosts as { id: string }[];
    const held = await call('POST', '/bookings', { token: herder, headers: { 'idempotency-key': newKey() }, body: { hostId: first!.id, start: offer.times[6], way: 'video', topic: '想咨询草场纠纷' } });
    expect(held.status).toBe(201);
    const without = (await call('GET', `/staff/petitions/${id}/meeting-hosts?day=${day}`, { token: babao })).body;
    expect(without.hosts[0]).toMatchObject({ id: first!.id });
    expect(without.hosts[0].free).not.toContain(offer.times[6]);
    expect(without.times).toEqual(offer.times);
    // a time a citizen booked with the 派出所 host and cancelled is free again for the meeting
    const at = offer.times[5] as string;
    const taken = await call('POST', '/bookings', { token: herder, headers: { 'idempotency-key': newKey() }, body: { hostId: police, start: at, way: 'video', topic: '想咨询治安调处' } });
    expect(taken.status).toBe(201);
    const busy = (await call('GET', `/staff/petitions/${id}/meeting-hosts?day=${day}`, { token: babao })).body;
    expect(busy.hosts.find((h: { id: string }) => h.id === police).free).not.toContain(at);
    expect((await call('POST', `/bookings/${taken.body.id}/cancel`, { token: herder })).status).toBe(200);
    expect(await slotOf(police, at)).toMatchObject({ booked: 0, free: 1 });
    const freed = (await call('GET', `/staff/petitions/${id}/meeting-hosts?day=${day}`, { token: babao })).body;
    expect(freed.hosts.find((h: { id: string }) => h.id === police).free).toContain(at);
  });

  it('shows the meeting on the citizen\'s case with its room when they are invited', async () => {
    const { babao, herder, id, police } = await consulted();
    const offer = await call('GET', `/staff/petitions/${id}/meeting-hosts?day=${tomorrow()}`, { token: babao });
    const at = offer.body.times[10] as string;
    // one host and the citizen: two parties
    const booked = await meeting(babao, id, { start: at, hostIds: [police], withCitizen: true });
    expect(booked.status).toBe(200);
    const theirs = await call('GET', `/petitions/${id}`, { token: herder });
    expect(theirs.body.meetings).toEqual([{ id: booked.body.meetings[0].id, start: at, end: booked.body.meetings[0].end, hosts: [{ name: '派出所接访员', departmentName: '八宝镇派出所' }], roomUrl: booked.body.meetings[0].roomUrl }]);
    expect(theirs.body.timeline.at(-1)).toMatchObject({ action: 'book_meeting' });
    // one host alone is no meeting
    const alone = await meeting(babao, id, { start: offer.body.times[12], hostIds: [police] });
    expect(alone.status).toBe(400);
    expect(alone.body.error.issues).toEqual([expect.objectContaining({ path: 'hostIds', message: '会诊会议至少两方参加：请再选一位接访人，或邀请群众参加' })]);
  });
});
