/**
 * What a citizen may send, and staff may do, within bounds: WeChat's content check on every text another person
 * reads, a weekly cap of bookings per citizen and host, photos only as this citizen uploaded them, the channels a
 * citizen comes in by, and a dispatch only to a handler of the department named.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { RISKY_WORDS } from '../../functions/local/wechat-standin';
import * as bookingUseCases from '../../functions/usecases/bookings';
import { call, citizenToken, newKey, report, staffToken, uploadPhoto } from '../support/api';
import { movableClock, stackDeps } from '../support/deps';

const RISKY = `希望尽快处理${RISKY_WORDS[0]}`;

let babao = '';
beforeAll(async () => {
  babao = await staffToken('babao');
});

const step = (token: string, id: string, action: string, body: Record<string, unknown> = {}) =>
  call('POST', `/staff/petitions/${id}/${action}`, { token, body });

/** A host of 八宝镇 with half-hour slots all day, every day, one citizen a slot. */
async function newHost(): Promise<string> {
  const id = `h-${randomUUID().slice(0, 8)}`;
  const res = await call('PUT', `/staff/hosts/${id}`, {
    token: babao,
    body: {
      name: '限额调解员',
      kind: 'mediator',
      centreId: 'babao',
      ways: ['video'],
      availability: { weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, windows: [{ from: '00:00', to: '24:00' }] })), exceptions: [], chinaCalendar: false },
      rules: { slotMinutes: 30, bufferMinutes: 0, minNoticeMinutes: 180, horizonDays: 5, capacity: 1 },
      active: true,
    },
  });
  expect(res.status).toBe(200);
  return id;
}

/** Free slots of one China day, two days on (beyond any change cut-off), in order. */
async function slotsOfOneDay(hostId: string): Promise<string[]> {
  const res = await call('GET', `/hosts/${hostId}/slots?days=5`);
  expect(res.status).toBe(200);
  const starts = (res.body.items as Array<{ start: string }>).map((s) => s.start);
  const dayOf = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
  const day = dayOf(new Date(Date.now() + 2 * 86_400_000).toISOString());
  return starts.filter((s) => dayOf(s) === day);
}

const book = (token: string, hostId: string, start: string, body: Record<string, unknown> = {}) =>
  call('POST', '/bookings', { token, headers: { 'idempotency-key': newKey() }, body: { hostId, start, way: 'video', topic: '草场边界纠纷想请调解员帮忙', ...body } });

describe('the content check', () => {
  it('covers rating comments and the progress notes a citizen reads, not staff-only notes', async () => {
    const herder = await citizenToken();
    const { id } = (await report(herder)).body;
    expect((await step(babao, id, 'accept')).status).toBe(200);
    expect((await step(babao, id, 'dispatch', { departmentId: 'babao-justice' })).status).toBe(200);
    const publicNote = await step(babao, id, 'progress', { note: RISKY });
    expect(publicNote.status).toBe(400);
    expect(publicNote.body.error).toMatchObject({ code: 'rejected_content', issues: [{ path: 'note' }] });
    expect((await step(babao, id, 'progress', { note: RISKY, visibility: 'internal' })).status).toBe(200);
    expect((await step(babao, id, 'resolve', { summary: '已调解，双方达成协议。' })).status).toBe(200);

    const rating = await call('POST', `/petitions/${id}/rating`, { token: herder, body: { rating: 'satisfied', comment: RISKY } });
    expect(rating.status).toBe(400);
    expect(rating.body.error).toMatchObject({ code: 'rejected_content', issues: [{ path: 'comment' }] });
    expect((await call('POST', `/petitions/${id}/rating`, { token: herder, body: { rating: 'satisfied', comment: '办得好' } })).status).toBe(200);
  });

  it('covers booking rating comments', async () => {
    // a reception that took place yesterday: booked through the use case with a clock two days back
    const hostId = await newHost();
    const deps = stackDeps(movableClock(new Date(Date.now() - 2 * 86_400_000).toISOString()));
    const start = (await bookingUseCases.listSlots(deps, hostId, { days: 2 })).items.find((s) => Date.parse(s.end) < Date.now() - 3_600_000)!.start;
    const herder = await citizenToken();
    const openid = JSON.parse(Buffer.from(herder.split('.')[1]!, 'base64url').toString('utf8')).sub as string;
    const { view } = await bookingUseCases.book(deps, { kind: 'citizen', openid }, newKey(), { hostId, start, way: 'video', topic: '草场边界纠纷' });
    const risky = await call('POST', `/bookings/${view.id}/rating`, { token: herder, body: { rating: 'satisfied', comment: RISKY } });
    expect(risky.status).toBe(400);
    expect(risky.body.error).toMatchObject({ code: 'rejected_content', issues: [{ path: 'comment' }] });
    expect((await call('POST', `/bookings/${view.id}/rating`, { token: herder, body: { rating: 'satisfied', comment: '很耐心' } })).status).toBe(200);
  });

  it('covers booking topics', async () => {
    const hostId = await newHost();
    const [start] = await slotsOfOneDay(hostId);
    const res = await book(await citizenToken(), hostId, start!, { topic: RISKY });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'rejected_content', issues: [{ path: 'topic' }] });
  });
});

describe('bookings', () => {
  it('lets one citizen hold at most two receptions with one host in a week; a cancel frees a place', async () => {
    const hostId = await newHost();
    const starts = await slotsOfOneDay(hostId);
    expect(starts.length).toBeGreaterThanOrEqual(4);
    const herder = await citizenToken();
    const one = await book(herder, hostId, starts[0]!);
    const two = await book(herder, hostId, starts[1]!);
    expect([one.status, two.status]).toEqual([201, 201]);
    const three = await book(herder, hostId, starts[2]!);
    expect(three.status).toBe(409);
    expect(three.body.error.message).toContain('每周最多预约 2 次');
    // another citizen is not held by this one's count
    expect((await book(await citizenToken(), hostId, starts[2]!)).status).toBe(201);
    expect((await call('POST', `/bookings/${one.body.id}/cancel`, { token: herder, body: {} })).status).toBe(200);
    expect((await book(herder, hostId, starts[3]!)).status).toBe(201);
  });

  it('never carries an anonymous report, whose sender staff would then see', async () => {
    const hostId = await newHost();
    const [start] = await slotsOfOneDay(hostId);
    const herder = await citizenToken();
    const anonymous = await report(herder, { anonymous: true });
    const res = await book(herder, hostId, start!, { petitionId: anonymous.body.id });
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0].path).toBe('petitionId');
  });
});

describe('photos on a report', () => {
  it('are only keys issued to this citizen whose photo was uploaded', async () => {
    const [herder, other] = [await citizenToken(), await citizenToken()];
    const theirs = await uploadPhoto(other);
    const unsent = (await call('POST', '/uploads', { token: herder, body: { contentType: 'image/png', size: 100 } })).body.key as string;
    const mine = await uploadPhoto(herder);
    for (const photos of [['photos/2026-11/../../etc/passwd'], ['photos/2026-11/made-up.jpg'], [theirs], [mine, unsent]]) {
      const res = await report(herder, { photos });
      expect({ photos, status: res.status }).toEqual({ photos, status: 400 });
      expect(res.body.error.issues[0].path).toMatch(/^photos/);
    }
    const sent = await report(herder, { photos: [mine] });
    expect(sent.status).toBe(201);
  });
});

describe('channels', () => {
  it('are fixed for a citizen by how they came in: a staff channel is refused', async () => {
    const herder = await citizenToken();
    const visit = await report(herder, { channel: 'visit' });
    expect(visit.status).toBe(400);
    expect(visit.body.error.issues[0].path).toBe('channel');
    const scanned = await report(herder, { channel: 'online' });
    expect(scanned.status).toBe(201);
    expect((await call('GET', `/staff/petitions/${scanned.body.id}`, { token: babao })).body.channel).toBe('scan');
  });
});

describe('dispatch', () => {
  it('refuses a handler of another department than the one named', async () => {
    const { id } = (await report(await citizenToken())).body;
    expect((await step(babao, id, 'accept')).status).toBe(200);
    const wrong = await step(babao, id, 'dispatch', { departmentId: 'babao-justice', handlerId: 'u-babao-resources' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.issues[0].path).toBe('handlerId');
    expect((await step(babao, id, 'dispatch', { departmentId: 'babao-justice', handlerId: 'u-babao-justice' })).status).toBe(200);
  });
});
