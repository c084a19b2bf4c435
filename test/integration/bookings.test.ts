/**
 * Booking use cases on DynamoDB Local with a clock the test moves: the change cut-off, reminders, attendance, ratings
 * and the figures they count into, group sessions, and a holiday in the slot list.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../functions/adapters/dynamo/client';
import { keys } from '../../functions/adapters/dynamo/keys';
import { config } from '../../functions/config';
import { makeDeps } from '../../functions/deps';
import { loadSeed } from '../../functions/local/seed';
import * as bookings from '../../functions/usecases/bookings';
import type { Deps } from '../../functions/usecases/context';
import { dashboard, townshipRanking } from '../../functions/usecases/dashboard';
import { submitPetition } from '../../functions/usecases/petitions';
import { HostBody } from '../../shared/schemas/booking';
import { freshTable } from '../support/table';
import { stack } from '../support/worker';

const MINUTE = 60_000;
let table: { name: string; drop: () => Promise<void> };
let deps: Deps;
let endpoint: string;
const clock = { t: new Date('2026-11-23T00:00:00Z'), now() { return this.t; } };

beforeAll(async () => {
  const { dynamoEndpoint, wechatUrl } = stack();
  endpoint = dynamoEndpoint;
  table = await freshTable(dynamoEndpoint);
  await loadSeed(dynamoEndpoint, table.name);
  const cfg = config({
    STAGE: 'local', TABLE_NAME: table.name, DYNAMODB_ENDPOINT: dynamoEndpoint, JWT_SECRET: 'x'.repeat(32),
    WECHAT_API_BASE: wechatUrl, WECHAT_APPID: 'wx-test', WECHAT_SECRET: 'secret',
  });
  deps = makeDeps(cfg, { clock });
}, 120_000);
afterAll(() => table.drop());

const centre = { kind: 'staff' as const, id: 'u-babao', name: '值班员', role: 'centre_staff' as const, scopeNodeId: 'babao' };
const county = { kind: 'staff' as const, id: 'u-county', name: '督办员', role: 'county_supervisor' as const, scopeNodeId: 'qilian' };
const citizen = (name: string) => ({ kind: 'citizen' as const, openid: `wx_${name}`, name });

/** Office hours on weekdays, China calendar, half-hour slots with a 10-minute buffer. */
async function host(id: string, rules: Record<string, number> = {}, centreId = 'babao') {
  const body = HostBody.parse({
    name: '马律师',
    kind: 'lawyer',
    centreId,
    ways: ['video', 'phone'],
    availability: { weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, windows: [{ from: '09:00', to: '12:00' }] })) },
    rules: { slotMinutes: 30, bufferMinutes: 10, minNoticeMinutes: 60, horizonDays: 14, capacity: 1, ...rules },
  });
  await bookings.saveHost(deps, centreId === 'babao' ? centre : { ...centre, id: `u-${centreId}`, scopeNodeId: centreId }, id, body);
}

const book = (who: string, hostId: string, start: string, key = `key-${who}-${start}`) =>
  bookings.book(deps, citizen(who), key.replace(/[^\w-]/g, '_').slice(0, 64), { hostId, start, way: 'video', topic: '工资拖欠怎么维权' });

describe('booking', () => {
  // 马律师 (lawyer-a) is the file's: each test below books or lists him, in any order
  beforeAll(() => host('lawyer-a'));

  it('offers slots on workdays in China time, with the buffer between them', async () => {
    clock.t = new Date('2026-11-23T00:00:00Z'); // Monday 08:00 China time
    const out = await bookings.listSlots(deps, 'lawyer-a', { days: 1 });
    // 09:00, 09:40, 10:20, 11:00 China time; 11:40 would overrun noon.
    expect(out.items.map((s) => s.start)).toEqual(['2026-11-23T01:00:00.000Z', '2026-11-23T01:40:00.000Z', '2026-11-23T02:20:00.000Z', '2026-11-23T03:00:00.000Z']);
  });

  it('offers no slot over a weekend, and Monday’s once the days asked for reach it', async () => {
    clock.t = new Date('2026-11-28T00:00:00Z'); // Saturday 08:00 China time
    await host('lawyer-weekend');
    expect((await bookings.listSlots(deps, 'lawyer-weekend', { days: 2 })).items).toEqual([]);
    expect((await bookings.listSlots(deps, 'lawyer-weekend', { days: 2, all: true })).items).toEqual([]);
    const monday = await bookings.listSlots(deps, 'lawyer-weekend', { days: 3 });
    expect(monday.items.map((s) => s.start)).toEqual(['2026-11-30T01:00:00.000Z', '2026-11-30T01:40:00.000Z', '2026-11-30T02:20:00.000Z', '2026-11-30T03:00:00.000Z']);
  });

  it('writes only the reminders still ahead, and moves them with a reschedule', async () => {
    clock.t = new Date('2026-11-23T00:00:00Z');
    const made = await book('a1', 'lawyer-a', '2026-11-23T03:00:00.000Z'); // in three hours: no day-before reminder
    const db = documentClient({ region: 'local', endpoint });
    const get = async (id: string) => (await db.send(new GetCommand({ TableName: table.name, Key: keys.outbox(id) }))).Item;
    expect(await get(`${made.view.id}-1d`)).toBeUndefined();
    expect(await get(`${made.view.id}-15m`)).toMatchObject({
      dueAt: '2026-11-23T02:45:00.000Z',
      body: '您预约的律师马律师（视频接访）将于 11月23日 11:00 开始，届时请在“我的预约”中点击“进入视频”。',
    });
    // a reception by phone has no room to enter: its reminder says only when
    await host('lawyer-by-phone', {}, 'ebao');
    const byPhone = await bookings.book(deps, citizen('a1p'), 'key-a1p', { hostId: 'lawyer-by-phone', start: '2026-11-23T02:20:00.000Z', way: 'phone', topic: '工资拖欠怎么维权' });
    expect(await get(`${byPhone.view.id}-15m`)).toMatchObject({ body: '您预约的律师马律师（电话接访）将于 11月23日 10:20 开始。' });

    await bookings.reschedule(deps, citizen('a1'), made.view.id, '2026-11-25T01:00:00.000Z');
    expect(await get(`${made.view.id}-1d`)).toMatchObject({ dueAt: '2026-11-24T01:00:00.000Z' });
    expect(await get(`${made.view.id}-15m`)).toMatchObject({ dueAt: '2026-11-25T00:45:00.000Z' });
    // The notification sender finds them when they fall due, and may claim them.
    const due = await deps.outbox.due('qilian', new Date('2026-11-25T00:50:00.000Z'), { limit: 100 });
    expect(due.items.filter((m) => m.id.startsWith(made.view.id)).map((m) => m.id).sort()).toEqual([`${made.view.id}-15m`, `${made.view.id}-1d`]);
    expect(await deps.outbox.claim(`${made.view.id}-1d`, new Date('2026-11-25T00:52:00.000Z'))).toMatchObject({ attempts: 1, message: { template: 'reminder' } });
  });

  it('lets the citizen change a booking only until the cut-off before it starts', async () => {
    clock.t = new Date('2026-11-23T00:00:00Z');
    const made = await book('a2', 'lawyer-a', '2026-11-24T01:00:00.000Z');
    clock.t = new Date(Date.parse('2026-11-24T01:00:00.000Z') - 119 * MINUTE);
    await expect(bookings.cancelMine(deps, citizen('a2'), made.view.id)).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('120 分钟') });
    await expect(bookings.reschedule(deps, citizen('a2'), made.view.id, '2026-11-24T03:00:00.000Z')).rejects.toMatchObject({ code: 'conflict' });
    // Staff may still cancel, with a reason.
    const cancelled = await bookings.cancelByStaff(deps, centre, made.view.id, '律师临时出庭');
    expect(cancelled).toMatchObject({ status: 'cancelled', cancel: { by: 'staff', reason: '律师临时出庭' } });
  });

  it('fills a group session up to its capacity', async () => {
    clock.t = new Date('2026-11-23T00:00:00Z');
    await host('group-a', { capacity: 3 });
    const start = '2026-11-24T01:00:00.000Z';
    for (const who of ['g1', 'g2', 'g3']) expect((await book(who, 'group-a', start)).created).toBe(true);
    await expect(book('g4', 'group-a', start)).rejects.toMatchObject({ code: 'conflict' });
    const slot = (await bookings.listSlots(deps, 'group-a', { days: 2, all: true })).items.find((s) => s.start === start);
    expect(slot).toMatchObject({ capacity: 3, booked: 3, free: 0 });
  });

  it('offers nothing over National Day and the make-up Saturday after it', async () => {
    clock.t = new Date('2026-09-30T00:00:00Z');
    const out = await bookings.listSlots(deps, 'lawyer-a', { days: 12 });
    const days = [...new Set(out.items.map((s) => new Date(Date.parse(s.start) + 8 * 60 * MINUTE).toISOString().slice(0, 10)))];
    expect(days).toEqual(['2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10']);
  });
});

describe('after the reception', () => {
  it('records attendance and a rating once each, and counts them for the host and the centre', async () => {
    clock.t = new Date('2026-11-23T00:00:00Z');
    // at 默勒镇's centre, where no other test books, so its figures are this test's alone
    const moler = { ...centre, id: 'u-moler', scopeNodeId: 'moler' };
    await host('lawyer-b', {}, 'moler');
    await host('lawyer-c', {}, 'moler');
    const moved = await book('b3', 'lawyer-c', '2026-11-23T03:00:00.000Z');
    await bookings.reschedule(deps, citizen('b3'), moved.view.id, '2026-11-25T01:40:00.000Z');
    const dropped = await book('b4', 'lawyer-c', '2026-11-24T03:00:00.000Z');
    await bookings.cancelByStaff(deps, moler, dropped.view.id, '律师临时出庭');
    const start = '2026-11-24T01:40:00.000Z';
    const made = await book('b1', 'lawyer-b', start);
    await expect(bookings.rate(deps, citizen('b1'), made.view.id, { rating: 'satisfied' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(bookings.recordAttendance(deps, moler, made.view.id, { attendance: 'attended', note: '已解答' })).rejects.toMatchObject({ code: 'conflict' });

    clock.t = new Date(Date.parse(start) + 35 * MINUTE);
    const done = await bookings.recordAttendance(deps, moler, made.view.id, { attendance: 'attended', note: '已解答劳动仲裁流程，建议先向人社所申请调解' });
    expect(done).toMatchObject({ status: 'attended', outcome: { attendance: 'attended', by: '值班员' }, canRate: true });
    expect(done.roomUrl).toBeUndefined();
    await expect(bookings.recordAttendance(deps, county, made.view.id, { attendance: 'no_show', note: '重复' })).rejects.toMatchObject({ code: 'conflict' });

    const rated = await bookings.rate(deps, citizen('b1'), made.view.id, { rating: 'basically_satisfied', comment: '讲得清楚' });
    expect(rated).toMatchObject({ rating: { rating: 'basically_satisfied' }, canRate: false });
    await expect(bookings.rate(deps, citizen('b1'), made.view.id, { rating: 'satisfied' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(bookings.rate(deps, citizen('someone-else'), made.view.id, { rating: 'satisfied' })).rejects.toMatchObject({ code: 'not_found' });

    const noShow = await book('b2', 'lawyer-b', '2026-11-25T01:00:00.000Z');
    clock.t = new Date('2026-11-25T01:20:00.000Z');
    await bookings.recordAttendance(deps, moler, noShow.view.id, { attendance: 'no_show', note: '未接通' });
    await expect(bookings.rate(deps, citizen('b2'), noShow.view.id, { rating: 'dissatisfied' })).rejects.toMatchObject({ code: 'conflict' });

    // Counted on the reception's day, for the host and the centre.
    const figures = await bookings.figures(deps, moler, { from: '2026-11-24', to: '2026-11-25' });
    expect(figures.hosts.find((h) => h.id === 'lawyer-b')).toMatchObject({
      name: '马律师', booked: 2, cancelled: 0, attended: 1, noShow: 1, satisfied: 0, basically_satisfied: 1, dissatisfied: 0, rated: 1,
      satisfaction: { numerator: 1, denominator: 1, rate: 1 }, attendance: { numerator: 1, denominator: 2, rate: 0.5 },
    });
    // The centre: lawyer-b's two, and lawyer-c's b3 (moved from the 23rd to the 25th) and b4 (cancelled by staff).
    expect(figures.totals).toMatchObject({ booked: 4, cancelled: 1, attended: 1, noShow: 1, basically_satisfied: 1, rated: 1 });
    expect((await bookings.figures(deps, moler, { from: '2026-11-23', to: '2026-11-23' })).totals.booked).toBe(0);
    const ebao = { ...centre, id: 'u-ebao', scopeNodeId: 'ebao' };
    await expect(bookings.figures(deps, ebao, { centreId: 'moler' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('the week schedule shows the centre’s receptions by start, and another township sees none of them', async () => {
    clock.t = new Date('2026-11-23T00:00:00Z');
    await host('lawyer-week');
    const monday = await book('w1', 'lawyer-week', '2026-11-23T02:20:00.000Z');
    const tuesday = [await book('w2', 'lawyer-week', '2026-11-24T01:00:00.000Z'), await book('w3', 'lawyer-week', '2026-11-24T01:40:00.000Z')];
    const week = await bookings.schedule(deps, centre, { from: '2026-11-23', days: 7 });
    const starts = week.items.map((b) => b.start);
    expect(starts).toEqual([...starts].sort());
    expect(week.items.map((b) => b.id)).toEqual(expect.arrayContaining([monday.view.id, ...tuesday.map((b) => b.view.id)]));
    // the day of 24 November in China: this test's two of that day, and nothing of another day
    const day = await bookings.schedule(deps, centre, { from: '2026-11-24', days: 1 });
    expect(day.items.map((b) => b.id)).toEqual(expect.arrayContaining(tuesday.map((b) => b.view.id)));
    expect(day.items.map((b) => b.id)).not.toContain(monday.view.id);
    expect(day.items.filter((b) => b.start < '2026-11-23T16:00:00.000Z' || b.start >= '2026-11-24T16:00:00.000Z')).toEqual([]);
    const ebao = { ...centre, id: 'u-ebao', scopeNodeId: 'ebao' };
    await expect(bookings.schedule(deps, ebao, { centreId: 'babao', days: 7 })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('receptions on the dashboard (接访 by way, 视频接访占比)', () => {
  it('counts each reception held, by its way, into the month items the dashboard reads, and the video share among receptions and visits', async () => {
    // Friday 4 December 2026; the receptions are on Monday 7 and Tuesday 8 December, China time
    clock.t = new Date('2026-12-04T00:00:00Z');
    await bookings.saveHost(deps, centre, 'host-ways', HostBody.parse({
      name: '李主任', kind: 'leader', centreId: 'babao', ways: ['video', 'in_person', 'phone'],
      availability: { weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, windows: [{ from: '09:00', to: '12:00' }] })) },
      rules: { slotMinutes: 30, bufferMinutes: 10, minNoticeMinutes: 60, horizonDays: 14, capacity: 1 },
    }));
    const SET = [
      { who: 'r1', start: '2026-12-07T01:00:00.000Z', way: 'video', then: 'attended' },
      { who: 'r2', start: '2026-12-07T01:40:00.000Z', way: 'video', then: 'attended' },
      { who: 'r3', start: '2026-12-07T02:20:00.000Z', way: 'phone', then: 'attended' },
      { who: 'r4', start: '2026-12-08T01:00:00.000Z', way: 'in_person', then: 'attended' },
      { who: 'r5', start: '2026-12-08T01:40:00.000Z', way: 'video', then: 'no_show' },
      { who: 'r6', start: '2026-12-08T02:20:00.000Z', way: 'video', then: 'cancelled' },
    ] as const;
    const made = [];
    for (const r of SET) made.push(await bookings.book(deps, citizen(r.who), `key-ways-${r.who}`, { hostId: 'host-ways', start: r.start, way: r.way, topic: '咨询征地补偿' }));
    await bookings.cancelByStaff(deps, centre, made[5]!.view.id, '接访人临时出差');
    for (const [i, r] of SET.entries()) {
      if (r.then === 'cancelled') continue;
      clock.t = new Date(Date.parse(r.start) + 35 * MINUTE);
      await bookings.recordAttendance(deps, centre, made[i]!.view.id, { attendance: r.then, note: '已记录' });
    }
    // recorded twice is refused (409): the reception counts once
    await expect(bookings.recordAttendance(deps, centre, made[0]!.view.id, { attendance: 'attended', note: '再记一次' })).rejects.toMatchObject({ code: 'conflict' });
    // one visit (来访) registered at 八宝镇 in December, by its centre
    clock.t = new Date('2026-12-09T02:00:00Z');
    await submitPetition(deps, centre, 'key-ways-visit', { channel: 'visit', townshipId: 'babao', categoryId: 'land_dispute', description: '来访群众反映征地补偿问题。', photos: [], anonymous: false });

    // by hand: held 2 video, 1 phone, 1 in person (the no-show and the cancel are none); video share 2 ÷ (4 + 1 visit)
    const december = { from: '2026-12-01', to: '2026-12-31' };
    for (const who of [centre, county]) {
      const d = await dashboard(deps, who, december);
      expect(d.byWay, who.id).toEqual([
        { id: 'video', name: '视频接访', count: 2, yearAgo: 0 },
        { id: 'in_person', name: '现场接访', count: 1, yearAgo: 0 },
        { id: 'phone', name: '电话接访', count: 1, yearAgo: 0 },
      ]);
      expect(d.receptions, who.id).toBe(4);
      expect(d.videoShare, who.id).toEqual({ numerator: 2, denominator: 5, rate: 0.4 });
    }
    // on its China day: 7 December holds r1–r3
    expect((await dashboard(deps, centre, { from: '2026-12-07', to: '2026-12-07' })).byWay.map((w) => w.count)).toEqual([2, 0, 1]);
    // the ranking reads the township's same counters
    const ranking = await townshipRanking(deps, county, december);
    expect(ranking.townships.find((t) => t.id === 'babao')?.videoShare).toEqual({ numerator: 2, denominator: 5, rate: 0.4 });
    // another township's figures hold none of them
    expect((await dashboard(deps, { ...centre, id: 'u-ebao', scopeNodeId: 'ebao' }, december)).receptions).toBe(0);
    // the reception figures of the 接访 page are unchanged by it: six booked, one cancelled, four attended, one no-show
    expect((await bookings.figures(deps, centre, { from: '2026-12-07', to: '2026-12-08' })).totals).toMatchObject({ booked: 6, cancelled: 1, attended: 4, noShow: 1 });
  });
});
