/**
 * Video receptions over HTTP: a rush on one slot, racing reschedules, cancel, privacy and staff scope, the reception
 * figures, and linking a booking to the citizen's own petition.
 */
import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../functions/adapters/dynamo/client';
import { keys } from '../../functions/adapters/dynamo/keys';
import * as bookingUseCases from '../../functions/usecases/bookings';
import { call, citizenToken, newKey, report, staffToken } from '../support/api';
import { movableClock, stackDeps } from '../support/deps';
import { stack } from '../support/worker';

interface SlotRow {
  start: string;
  end: string;
  booked: number;
  free: number;
  capacity: number;
}

/** A host who receives around the clock every day, so the test has slots whatever the hour. */
function hostBody(centreId: string, over: Record<string, unknown> = {}) {
  return {
    name: '测试调解员',
    kind: 'mediator',
    centreId,
    expertise: ['land'],
    ways: ['video', 'phone'],
    availability: { weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, windows: [{ from: '00:00', to: '24:00' }] })), exceptions: [], chinaCalendar: false },
    // Notice beyond the 120-minute change cut-off, so every free slot may still be cancelled or moved.
    rules: { slotMinutes: 30, bufferMinutes: 0, minNoticeMinutes: 180, horizonDays: 3, capacity: 1 },
    active: true,
    ...over,
  };
}

async function newHost(centreId = 'babao', over: Record<string, unknown> = {}) {
  const id = `h-${randomUUID().slice(0, 8)}`;
  const staff = await staffToken(centreId === 'qilian' ? 'county' : (centreId as 'babao' | 'ebao'));
  const res = await call('PUT', `/staff/hosts/${id}`, { token: staff, body: hostBody(centreId, over) });
  expect(res.status).toBe(200);
  return id;
}

/**
 * The host's slots; the free ones (`all` false) from the fifth hour past the notice on: the first few lie on the
 * notice's edge and leave the lists as the clock runs, so a test that books one and reads it back could miss it.
 */
async function slots(hostId: string, all = true): Promise<SlotRow[]> {
  const res = await call('GET', `/hosts/${hostId}/slots?days=3${all ? '&all=true' : ''}`);
  expect(res.status).toBe(200);
  return all ? res.body.items : res.body.items.slice(8);
}

function book(token: string, hostId: string, start: string, body: Record<string, unknown> = {}, key = newKey()) {
  return call('POST', '/bookings', { token, headers: { 'idempotency-key': key }, body: { hostId, start, way: 'video', topic: '草场边界纠纷想请调解员帮忙', ...body } });
}

async function citizens(n: number) {
  const out: string[] = [];
  for (let i = 0; i < n; i += 20) out.push(...(await Promise.all(Array.from({ length: Math.min(20, n - i) }, () => citizenToken()))));
  return out;
}

describe('hosts', () => {
  it('lists the seeded hosts, filtered by kind, centre, way and expertise', async () => {
    const lawyers = await call('GET', '/hosts?kind=lawyer');
    expect(lawyers.status).toBe(200);
    expect(lawyers.body.items.map((h: { id: string }) => h.id)).toContain('host-qilian-lawyer');
    expect(lawyers.body.items.every((h: { kind: string }) => h.kind === 'lawyer')).toBe(true);
    const ebao = await call('GET', '/hosts?centreId=ebao');
    expect(ebao.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'host-ebao-mediator', centreName: '峨堡镇综治中心', kindLabel: '调解员' })]));
    expect(new Set(ebao.body.items.map((h: { centreName: string }) => h.centreName))).toEqual(new Set(['峨堡镇综治中心']));
    const inPerson = await call('GET', '/hosts?way=in_person&expertise=ecology');
    expect(inPerson.body.items.map((h: { id: string }) => h.id)).toEqual(expect.arrayContaining(['host-ebao-mediator']));
    for (const h of inPerson.body.items) expect([h.ways.includes('in_person'), h.expertise.includes('ecology')], h.id).toEqual([true, true]);
    // a host staff have stood down is not offered; one who receives by video only is not offered in person
    const away = await newHost('ebao', { active: false });
    const byVideo = await newHost('ebao', { expertise: ['ecology'], ways: ['video'] });
    expect((await call('GET', '/hosts?centreId=ebao')).body.items.map((h: { id: string }) => h.id)).not.toContain(away);
    expect((await call('GET', '/hosts?way=in_person&expertise=ecology')).body.items.map((h: { id: string }) => h.id)).not.toContain(byVideo);
    expect((await call('GET', '/hosts?way=video&expertise=ecology')).body.items.map((h: { id: string }) => h.id)).toContain(byVideo);
    expect(inPerson.body.items.map((h: { id: string }) => h.id)).not.toContain('host-qilian-judge');
    const bad = await call('GET', '/hosts?kind=astrologer');
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe('query.kind');
  });

  it('offers slots in the next days only, never sooner than the notice', async () => {
    const hostId = await newHost();
    const list = await slots(hostId, false);
    expect(list.length).toBeGreaterThan(48);
    const soonest = Date.now() + 180 * 60_000;
    expect(list.every((s) => Date.parse(s.start) >= soonest - 5_000 && s.free === 1)).toBe(true);
  });

  it('may not be edited by staff of another township', async () => {
    const hostId = await newHost('babao');
    const ebao = await staffToken('ebao');
    const res = await call('PUT', `/staff/hosts/${hostId}`, { token: ebao, body: hostBody('ebao') });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('未找到该接访人');
    const into = await call('PUT', `/staff/hosts/h-${randomUUID().slice(0, 8)}`, { token: ebao, body: hostBody('babao') });
    expect(into.status).toBe(400);
    expect(into.body.error).toMatchObject({ message: '所属中心不存在', issues: [{ path: 'centreId', message: '请选择您管辖范围内的综治中心' }] });
    // nor read: 峨堡镇 lists and opens its own hosts only; 八宝镇 and the county list this one
    const listed = async (who: 'babao' | 'ebao' | 'county') => (await call('GET', '/staff/hosts', { token: await staffToken(who) })).body.items.map((h: { id: string }) => h.id);
    expect(await listed('ebao')).not.toContain(hostId);
    expect(await listed('babao')).toContain(hostId);
    expect(await listed('county')).toContain(hostId);
    const opened = await call('GET', `/staff/hosts/${hostId}`, { token: ebao });
    expect(opened.status).toBe(404);
    expect(opened.body.error.message).toBe('未找到该接访人');
    // a handler has no receptions to manage
    const handler = await call('GET', '/staff/hosts', { token: await staffToken('babao-justice') });
    expect(handler.status).toBe(404);
    expect(handler.body.error.message).toBe('未找到');
  });

  it('names as a host’s 会诊单位 a department of the host’s centre or of the county, and no other', async () => {
    const babao = await staffToken('babao');
    const save = (departmentId: string) => call('PUT', `/staff/hosts/h-${randomUUID().slice(0, 8)}`, { token: babao, body: hostBody('babao', { departmentId }) });
    expect((await save('babao-justice')).status).toBe(200);
    expect((await save('qilian-human-resources')).status).toBe(200);
    for (const other of ['ebao-natural-resources', 'no-such-department']) {
      const res = await save(other);
      expect(res.status, other).toBe(400);
      expect(res.body.error).toMatchObject({ message: '会诊单位不存在', issues: [{ path: 'departmentId', message: '请选择本中心或县级的部门' }] });
    }
  });

  it('answers a host who is not there, or was stood down, as not found: no page, no slots, no booking', async () => {
    const away = await newHost('babao', { active: false });
    const herder = await citizenToken();
    const start = new Date(Math.ceil((Date.now() + 6 * 3600_000) / 1800_000) * 1800_000).toISOString();
    for (const hostId of ['h-nobody', away]) {
      for (const res of [await call('GET', `/hosts/${hostId}`), await call('GET', `/hosts/${hostId}/slots?days=3`), await book(herder, hostId, start)]) {
        expect(res.status, hostId).toBe(404);
        expect(res.body.error.message).toBe('未找到该接访人');
      }
    }
    expect((await call('GET', '/bookings/mine', { token: herder })).body.items).toEqual([]);
  });
});

describe('booking a slot', () => {
  let hostId: string;
  let free: SlotRow[];
  beforeAll(async () => {
    hostId = await newHost();
    free = await slots(hostId, false);
  });

  it('lets exactly one of 100 concurrent bookings of a single-place slot through; the rest get a clear 409', async () => {
    const slot = free[0]!;
    const tokens = await citizens(100);
    const results = await Promise.all(tokens.map((t) => book(t, hostId, slot.start)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(99);
    for (const r of results.filter((x) => x.status === 409)) {
      expect(r.body.error).toMatchObject({ code: 'conflict', message: '该时段已约满，请选择其他时间' });
    }
    const state = (await slots(hostId)).find((s) => s.start === slot.start);
    expect(state).toMatchObject({ booked: 1, free: 0 });
    expect((await slots(hostId, false)).map((s) => s.start)).not.toContain(slot.start);

    const centre = await staffToken('babao');
    const schedule = await call('GET', `/staff/bookings?hostId=${hostId}&days=7`, { token: centre });
    expect(schedule.status).toBe(200);
    expect(schedule.body.items.filter((b: { start: string; status: string }) => b.start === slot.start && b.status === 'booked')).toHaveLength(1);
  }, 120_000);

  it('answers the same Idempotency-Key with the same booking, never a second one', async () => {
    const herder = await citizenToken();
    const key = newKey();
    const first = await book(herder, hostId, free[1]!.start, {}, key);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'booked', way: 'video', host: { id: hostId, kind: 'mediator' }, canChange: true });
    expect(first.body.roomUrl).toMatch(/^https:\/\/meet\.example\.invalid\/[\w-]+$/);
    const again = await book(herder, hostId, free[1]!.start, {}, key);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const other = await book(herder, hostId, free[2]!.start, {}, key);
    expect(other.status).toBe(409);
    expect(other.body.error.message).toBe('这个提交编号已用于另一次预约，请刷新页面后重新预约');
    const mine = await call('GET', '/bookings/mine', { token: herder });
    expect(mine.body.items.map((b: { id: string }) => b.id)).toEqual([first.body.id]);
  });

  it('writes reminders a day and fifteen minutes before into the outbox with the booking', async () => {
    const herder = await citizenToken();
    const late = free[free.length - 1]!; // more than a day ahead
    const res = await book(herder, hostId, late.start);
    expect(res.status).toBe(201);
    const { dynamoEndpoint, table } = stack();
    const db = documentClient({ region: 'local', endpoint: dynamoEndpoint });
    const day = await db.send(new GetCommand({ TableName: table, Key: keys.outbox(`${res.body.id}-1d`) }));
    const quarter = await db.send(new GetCommand({ TableName: table, Key: keys.outbox(`${res.body.id}-15m`) }));
    expect(day.Item).toMatchObject({ kind: 'booking_reminder', template: 'reminder', state: 'pending', id: `${res.body.id}-1d`, dueAt: new Date(Date.parse(late.start) - 86_400_000).toISOString(), due_pk: 'OB#qilian' });
    expect(quarter.Item).toMatchObject({ id: `${res.body.id}-15m`, dueAt: new Date(Date.parse(late.start) - 15 * 60_000).toISOString(), page: 'booking/pages/mine/index' });
    expect(String(quarter.Item?.body)).toContain('测试调解员');

    expect((await call('POST', `/bookings/${res.body.id}/cancel`, { token: herder })).status).toBe(200);
    const gone = await db.send(new GetCommand({ TableName: table, Key: keys.outbox(`${res.body.id}-1d`) }));
    expect(gone.Item).toBeUndefined();
  });

  it('refuses a time that is not a slot, a way the host does not offer, and a request without a key', async () => {
    const herder = await citizenToken();
    const offGrid = new Date(Date.parse(free[3]!.start) + 7 * 60_000).toISOString();
    const a = await book(herder, hostId, offGrid);
    expect(a.status).toBe(400);
    expect(a.body.error).toMatchObject({ message: '该时间不可预约', issues: [{ path: 'start', message: '该时间不可预约，请从可预约时间中选择' }] });
    const b = await book(herder, hostId, free[3]!.start, { way: 'in_person' });
    expect(b.status).toBe(400);
    // the ways the host does offer, in words
    expect(b.body.error).toMatchObject({ message: '该接访人不提供这种接访方式', issues: [{ path: 'way', message: '请选择：视频接访、电话接访' }] });
    const c = await call('POST', '/bookings', { token: herder, body: { hostId, start: free[3]!.start, way: 'video', topic: '咨询' } });
    expect(c.status).toBe(400);
    expect(c.body.error.issues[0].path).toBe('Idempotency-Key');
    const d = await book(herder, hostId, free[3]!.start, { topic: '' });
    expect(d.status).toBe(400);
    expect(d.body.error.issues[0]).toEqual({ path: 'topic', message: '预约事项至少 2 个字' });
  });
});

describe('the petition a booking keeps', () => {
  it('is summed up in its first 30 characters, its spaces and lines made one', async () => {
    const hostId = await newHost('babao');
    const [s1, s2] = await slots(hostId, false);
    const herder = await citizenToken();
    const long = await report(herder, { description: '草场边界\n\n纠纷：邻居把  网围栏往我家草场里挪了二十米，村里调解过两次没有结果，想请调解员帮忙。' });
    const exact = await report(herder, { description: '邻居把网围栏往我家草场里挪了二十米，请帮忙调解一下。' + '谢谢'.repeat(2) });
    expect([...'邻居把网围栏往我家草场里挪了二十米，请帮忙调解一下。谢谢谢谢'].length).toBe(30);
    const a = await book(herder, hostId, s1!.start, { petitionId: long.body.id });
    expect(a.body.petition.summary).toBe('草场边界 纠纷：邻居把 网围栏往我家草场里挪了二十米，村里调…');
    const b = await book(herder, hostId, s2!.start, { petitionId: exact.body.id });
    expect(b.body.petition.summary).toBe('邻居把网围栏往我家草场里挪了二十米，请帮忙调解一下。谢谢谢谢');
  });
});

describe('rescheduling and cancelling', () => {
  it('lets one of two citizens rescheduling into the same slot win; the loser keeps the old booking', async () => {
    const hostId = await newHost();
    const [s1, s2, target] = await slots(hostId, false);
    const [a, b] = await citizens(2);
    const ba = await book(a!, hostId, s1!.start);
    const bb = await book(b!, hostId, s2!.start);
    expect([ba.status, bb.status]).toEqual([201, 201]);

    const [ra, rb] = await Promise.all([
      call('POST', `/bookings/${ba.body.id}/reschedule`, { token: a, body: { start: target!.start } }),
      call('POST', `/bookings/${bb.body.id}/reschedule`, { token: b, body: { start: target!.start } }),
    ]);
    expect([ra.status, rb.status].sort()).toEqual([200, 409]);
    const [winner, loser, loserOld, winnerOld] = ra.status === 200 ? [ba, bb, s2!, s1!] : [bb, ba, s1!, s2!];
    const loserToken = loser === ba ? a : b;
    const winnerToken = winner === ba ? a : b;
    expect((ra.status === 409 ? ra : rb).body.error.message).toBe('该时段已约满，请选择其他时间');

    const kept = await call('GET', `/bookings/${loser.body.id}`, { token: loserToken });
    expect(kept.body).toMatchObject({ status: 'booked', start: loserOld.start, rescheduled: 0 });
    const moved = await call('GET', `/bookings/${winner.body.id}`, { token: winnerToken });
    expect(moved.body).toMatchObject({ status: 'booked', start: target!.start, rescheduled: 1 });

    const state = new Map((await slots(hostId)).map((s) => [s.start, s.booked]));
    expect(state.get(target!.start)).toBe(1);
    expect(state.get(loserOld.start)).toBe(1);
    expect(state.get(winnerOld.start)).toBe(0);
  });

  it('frees the slot on cancel, for someone else to book', async () => {
    const hostId = await newHost();
    const [slot] = await slots(hostId, false);
    const [a, b] = await citizens(2);
    const first = await book(a!, hostId, slot!.start);
    expect((await book(b!, hostId, slot!.start)).status).toBe(409);
    const cancelled = await call('POST', `/bookings/${first.body.id}/cancel`, { token: a, body: { reason: '家里有事' } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancel: { by: 'citizen', reason: '家里有事' }, canChange: false });
    expect(cancelled.body.roomUrl).toBeUndefined();
    expect((await slots(hostId)).find((s) => s.start === slot!.start)).toMatchObject({ booked: 0, free: 1 });
    expect((await book(b!, hostId, slot!.start)).status).toBe(201);
    const twice = await call('POST', `/bookings/${first.body.id}/cancel`, { token: a });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toBe('该预约已取消或已结束');
    expect((await call('POST', `/bookings/${first.body.id}/reschedule`, { token: a, body: { start: slot!.start } })).status).toBe(409);
  });

  it('refuses to move a booking to a time that is not a slot, or to the time it already has, and leaves it where it was', async () => {
    const hostId = await newHost();
    const [slot, next] = await slots(hostId, false);
    const herder = await citizenToken();
    const made = await book(herder, hostId, slot!.start);
    expect(made.status).toBe(201);
    const move = (start: string) => call('POST', `/bookings/${made.body.id}/reschedule`, { token: herder, body: { start } });
    const offGrid = await move(new Date(Date.parse(next!.start) + 7 * 60_000).toISOString());
    expect(offGrid.status).toBe(400);
    expect(offGrid.body.error).toMatchObject({ message: '该时间不可预约', issues: [{ path: 'start', message: '该时间不可预约，请从可预约时间中选择' }] });
    const same = await move(slot!.start);
    expect(same.status).toBe(400);
    expect(same.body.error).toMatchObject({ message: '新时间与原时间相同', issues: [{ path: 'start', message: '请选择另一个时间' }] });
    const kept = await call('GET', `/bookings/${made.body.id}`, { token: herder });
    expect(kept.body).toMatchObject({ status: 'booked', start: slot!.start, rescheduled: 0 });
    const state = new Map((await slots(hostId)).map((s) => [s.start, s.booked]));
    expect([state.get(slot!.start), state.get(next!.start)]).toEqual([1, 0]);
  });

  it('shows a staff cancellation and its reason to the citizen', async () => {
    const hostId = await newHost();
    const [slot] = await slots(hostId, false);
    const herder = await citizenToken();
    const made = await book(herder, hostId, slot!.start);
    const centre = await staffToken('babao');
    const noReason = await call('POST', `/staff/bookings/${made.body.id}/cancel`, { token: centre, body: {} });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.issues[0].path).toBe('reason');
    const res = await call('POST', `/staff/bookings/${made.body.id}/cancel`, { token: centre, body: { reason: '调解员下乡，请改约其他时间' } });
    expect(res.status).toBe(200);
    const seen = await call('GET', `/bookings/${made.body.id}`, { token: herder });
    expect(seen.body).toMatchObject({ status: 'cancelled', cancel: { by: 'staff', reason: '调解员下乡，请改约其他时间' } });
    expect((await slots(hostId)).find((s) => s.start === slot!.start)?.booked).toBe(0);
    // a reception cancelled is not cancelled again, and keeps the first reason
    const twice = await call('POST', `/staff/bookings/${made.body.id}/cancel`, { token: centre, body: { reason: '再取消一次' } });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toBe('该预约已取消或已结束');
    expect((await call('GET', `/bookings/${made.body.id}`, { token: herder })).body.cancel).toMatchObject({ by: 'staff', reason: '调解员下乡，请改约其他时间' });
    // Attendance is for receptions that have begun.
    const early = await call('POST', `/staff/bookings/${made.body.id}/attendance`, { token: centre, body: { attendance: 'attended', note: '已调解' } });
    expect(early.status).toBe(409);
  });
});

describe('who sees a booking', () => {
  let hostId: string;
  let bookingId: string;
  let owner: string;
  beforeAll(async () => {
    hostId = await newHost('babao');
    const [slot] = await slots(hostId, false);
    owner = await citizenToken();
    bookingId = (await book(owner, hostId, slot!.start)).body.id;
  });

  it('a citizen cannot see, cancel or move another citizen’s booking', async () => {
    const other = await citizenToken();
    expect((await call('GET', `/bookings/${bookingId}`, { token: other })).status).toBe(404);
    expect((await call('POST', `/bookings/${bookingId}/cancel`, { token: other })).status).toBe(404);
    expect((await call('POST', `/bookings/${bookingId}/reschedule`, { token: other, body: { start: new Date().toISOString() } })).status).toBe(404);
    expect((await call('GET', '/bookings/mine', { token: other })).body.items).toEqual([]);
    expect((await call('GET', `/bookings/${bookingId}`, { token: owner })).status).toBe(200);
    // Staff tokens are not citizens.
    expect((await call('GET', `/bookings/${bookingId}`, { token: await staffToken('babao') })).status).toBe(404);
  });

  it('staff of another township cannot see the centre’s schedule or its entries', async () => {
    const ebao = await staffToken('ebao');
    const schedule = await call('GET', '/staff/bookings?centreId=babao&days=7', { token: ebao });
    expect(schedule.status).toBe(404);
    const entry = await call('GET', `/staff/bookings/${bookingId}`, { token: ebao });
    expect(entry.status).toBe(404);
    expect(entry.body.error.message).toBe('未找到该预约');
    expect((await call('POST', `/staff/bookings/${bookingId}/cancel`, { token: ebao, body: { reason: '越权' } })).status).toBe(404);
    const own = await call('GET', '/staff/bookings?days=7', { token: ebao });
    expect(own.body.centre.id).toBe('ebao');
    expect(own.body.items.map((b: { id: string }) => b.id)).not.toContain(bookingId);
    expect((await call('GET', `/staff/hosts/${hostId}`, { token: ebao })).status).toBe(404);
    expect((await call('GET', '/staff/hosts', { token: ebao })).body.items.map((h: { id: string }) => h.id)).not.toContain(hostId);
  });

  it('the centre and the county see it, with the citizen’s name and not their openid', async () => {
    for (const who of ['babao', 'county'] as const) {
      const token = await staffToken(who);
      const schedule = await call('GET', '/staff/bookings?centreId=babao&days=7', { token });
      expect(schedule.status).toBe(200);
      const entry = schedule.body.items.find((b: { id: string }) => b.id === bookingId);
      expect(entry).toMatchObject({ status: 'booked', host: { id: hostId } });
      expect(entry.citizenName).toMatch(/^herder-/);
      expect(JSON.stringify(entry)).not.toContain('openid');
      // one host's schedule holds that host's bookings only
      const hers = await call('GET', `/staff/bookings?centreId=babao&days=7&hostId=${hostId}`, { token });
      expect(hers.body.items.map((b: { id: string }) => b.id)).toContain(bookingId);
      expect((await call('GET', `/staff/bookings?centreId=babao&days=7&hostId=h-nobody`, { token })).body.items).toEqual([]);
    }
    // a citizen signed in through WeChat has no name on record: staff read 群众
    const wechat = (await call('POST', '/auth/wechat', { body: { code: `booker${Date.now().toString(36)}` } })).body.token;
    const [, second] = await slots(hostId, false);
    const theirs = await book(wechat, hostId, second!.start);
    expect(theirs.status).toBe(201);
    expect((await call('GET', `/staff/bookings/${theirs.body.id}`, { token: await staffToken('babao') })).body.citizenName).toBe('群众');
    const handler = await staffToken('babao-justice');
    expect((await call('GET', '/staff/bookings?days=7', { token: handler })).status).toBe(404);
  });
});

describe('reception figures', () => {
  // Receptions on 29 February and 1 March 2024 (China time), made with a clock the test moves: only this test
  // writes 八宝镇's bookings of 2024, so the centre's totals are exactly these.
  const at = (iso: string) => new Date(iso);
  const clock = movableClock('2024-02-28T00:00:00Z');
  const centreStaff = { kind: 'staff' as const, id: 'u-babao', name: '值班员', role: 'centre_staff' as const, scopeNodeId: 'babao' };
  const herder = (n: number) => ({ kind: 'citizen' as const, openid: `wx_figures-${n}`, name: `figures-${n}` });
  let hostId: string;
  let otherHostId: string;

  beforeAll(async () => {
    const deps = stackDeps(clock);
    [hostId, otherHostId] = [await newHost('babao'), await newHost('babao')];
    const made: string[] = [];
    const starts = ['2024-02-29T02:00:00.000Z', '2024-02-29T03:00:00.000Z', '2024-02-29T04:00:00.000Z', '2024-03-01T02:00:00.000Z', '2024-03-01T03:00:00.000Z', '2024-03-01T04:00:00.000Z'];
    for (const [i, start] of starts.entries()) {
      const out = await bookingUseCases.book(deps, herder(i), newKey(), { hostId, start, way: 'video', topic: '草场补贴发放问题' });
      made.push(out.view.id);
    }
    await bookingUseCases.book(deps, herder(9), newKey(), { hostId: otherHostId, start: starts[0]!, way: 'phone', topic: '邻里纠纷' });
    const [attended1, attended2, absent, cancelledByCitizen, cancelledByStaff, moved] = made as [string, string, string, string, string, string];
    await bookingUseCases.cancelMine(deps, herder(3), cancelledByCitizen);
    await bookingUseCases.cancelByStaff(deps, centreStaff, cancelledByStaff, '调解员下乡');
    clock.t = at('2024-02-29T00:00:00Z');
    await bookingUseCases.reschedule(deps, herder(5), moved, '2024-03-02T01:00:00.000Z');
    clock.t = at('2024-02-29T05:00:00Z');
    await bookingUseCases.recordAttendance(deps, centreStaff, attended1, { attendance: 'attended', note: '已答复' });
    await bookingUseCases.recordAttendance(deps, centreStaff, attended2, { attendance: 'attended', note: '已调解' });
    await bookingUseCases.recordAttendance(deps, centreStaff, absent, { attendance: 'no_show', note: '未接通' });
    await bookingUseCases.rate(deps, herder(0), attended1, { rating: 'satisfied' });
    await bookingUseCases.rate(deps, herder(1), attended2, { rating: 'dissatisfied' });
  }, 60_000);

  it('counts bookings, cancellations, attendance and ratings on the reception day, for the centre and each host', async () => {
    const res = await call('GET', '/staff/booking-figures?from=2024-02-29&to=2024-03-01', { token: await staffToken('babao') });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ centre: { id: 'babao', name: '八宝镇综治中心' }, period: { from: '2024-02-29', to: '2024-03-01' } });
    const host = res.body.hosts.find((h: { id: string }) => h.id === hostId);
    expect(host).toEqual({
      id: hostId, name: '测试调解员', kind: 'mediator', kindLabel: '调解员',
      booked: 5, cancelled: 2, attended: 2, noShow: 1, satisfied: 1, basically_satisfied: 0, dissatisfied: 1, rated: 2,
      satisfaction: { numerator: 1, denominator: 2, rate: 0.5 },
      attendance: { numerator: 2, denominator: 3, rate: 0.6667 },
    });
    expect(res.body.hosts.find((h: { id: string }) => h.id === otherHostId)).toMatchObject({ booked: 1, attended: 0, rated: 0, satisfaction: { rate: null } });
    expect(res.body.totals).toMatchObject({ booked: 6, cancelled: 2, attended: 2, noShow: 1, satisfied: 1, dissatisfied: 1, rated: 2 });
    expect(res.body.definitions.satisfaction).toContain('满意');

    // The rescheduled one counts on its new day; one day alone is one day's receptions.
    const moved = await call('GET', '/staff/booking-figures?from=2024-03-02&to=2024-03-02', { token: await staffToken('babao') });
    expect(moved.body.totals).toMatchObject({ booked: 1, cancelled: 0 });
    const leapDay = await call('GET', '/staff/booking-figures?from=2024-02-29&to=2024-02-29', { token: await staffToken('babao') });
    expect(leapDay.body.hosts.find((h: { id: string }) => h.id === hostId)).toMatchObject({ booked: 3, attended: 2, noShow: 1, cancelled: 0 });
  });

  it('counts a booking made over HTTP at once', async () => {
    const liveHost = await newHost('babao');
    const [slot] = await slots(liveHost, false);
    expect((await book(await citizenToken(), liveHost, slot!.start)).status).toBe(201);
    const day = new Date(Date.parse(slot!.start) + 8 * 3600_000).toISOString().slice(0, 10);
    const res = await call('GET', `/staff/booking-figures?from=${day}&to=${day}`, { token: await staffToken('babao') });
    expect(res.body.hosts.find((h: { id: string }) => h.id === liveHost)).toMatchObject({ booked: 1, cancelled: 0 });
  });

  it('is the county’s to read too, and another township’s staff find no such centre', async () => {
    const county = await call('GET', '/staff/booking-figures?centreId=babao&from=2024-02-29&to=2024-03-01', { token: await staffToken('county') });
    expect(county.status).toBe(200);
    expect(county.body.totals.booked).toBe(6);
    const ebao = await staffToken('ebao');
    expect((await call('GET', '/staff/booking-figures?centreId=babao&from=2024-02-29&to=2024-03-01', { token: ebao })).status).toBe(404);
    const own = await call('GET', '/staff/booking-figures?from=2024-02-29&to=2024-03-01', { token: ebao });
    expect(own.body.centre.id).toBe('ebao');
    expect(own.body.totals.booked).toBe(0);
    expect(own.body.hosts.map((h: { id: string }) => h.id)).not.toContain(hostId);
    expect((await call('GET', '/staff/booking-figures', { token: await staffToken('babao-justice') })).status).toBe(404);
  });

  it('says which date is wrong, in Chinese', async () => {
    const token = await staffToken('babao');
    const backwards = await call('GET', '/staff/booking-figures?from=2024-03-01&to=2024-02-29', { token });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.issues[0]).toEqual({ path: 'query.to', message: '结束日期不能早于开始日期' });
    expect(backwards.body.error.message).toBe('结束日期不能早于开始日期');
    const bad = await call('GET', '/staff/booking-figures?from=2024-13-01', { token });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0]).toEqual({ path: 'query.from', message: '日期须为 YYYY-MM-DD' });
    const tooLong = await call('GET', '/staff/booking-figures?from=2023-01-01&to=2024-03-01', { token });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error).toMatchObject({ message: '统计期间最长一年', issues: [{ path: 'query.from', message: '统计期间最长一年' }] });
  });
});

describe('linking a booking to a petition', () => {
  it('keeps one of the citizen’s own petitions with the booking, and refuses anyone else’s as not found', async () => {
    const hostId = await newHost('babao');
    const [s1, s2] = await slots(hostId, false);
    const [owner, other] = await citizens(2);
    const petition = await report(owner!);
    expect(petition.status).toBe(201);
    const linked = await book(owner!, hostId, s1!.start, { petitionId: petition.body.id });
    expect(linked.status).toBe(201);
    expect(linked.body).toMatchObject({ petitionId: petition.body.id, petition: { trackingCode: petition.body.trackingCode, categoryName: '土地纠纷', summary: expect.stringContaining('网围栏') } });
    const mine = await call('GET', '/bookings/mine', { token: owner });
    expect(mine.body.items[0]).toMatchObject({ id: linked.body.id, petition: { trackingCode: petition.body.trackingCode } });
    const staffView = await call('GET', `/staff/bookings/${linked.body.id}`, { token: await staffToken('babao') });
    expect(staffView.body.petition).toMatchObject({ categoryName: '土地纠纷' });

    const theirs = await book(other!, hostId, s2!.start, { petitionId: petition.body.id });
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.message).toContain('未找到该诉求');
    const nobody = await book(other!, hostId, s2!.start, { petitionId: 'P-nobody' });
    expect(nobody.status).toBe(404);
    // an anonymous report is not linked: the booking would name its reporter
    const anonymous = await report(other!, { anonymous: true });
    const refused = await book(other!, hostId, s2!.start, { petitionId: anonymous.body.id });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ message: '匿名反映不能关联预约', issues: [{ path: 'petitionId', message: '匿名反映不能关联预约，以免透露您的身份' }] });
    // nothing was booked by the refused requests
    expect((await slots(hostId)).find((s) => s.start === s2!.start)?.booked).toBe(0);
  });
});
