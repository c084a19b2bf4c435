/**
 * 会诊会议 with the real ports and a clock the test moves (09:00 on 1 December in China): which hosts a consultation
 * is offered and at which times of a day, when a meeting of hosts with slots of different lengths ends, how a clash
 * and a reused Idempotency-Key are refused in words, and two sends of one key that cross. The second send looked at
 * the key before the first had written it; it then finds the hosts' slots taken (by the first), looks at the key
 * again and answers the meeting the first booked, never a 409 and never a second meeting. Each test has a table of
 * its own: hosts are the county's, and one test's hosts would be offered in another's.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newMeter } from '../../functions/adapters/dynamo/client';
import { saveHost } from '../../functions/usecases/bookings';
import type { Deps, StaffCaller } from '../../functions/usecases/context';
import { bookMeeting, meetingHosts } from '../../functions/usecases/meetings';
import { submitPetition, transition } from '../../functions/usecases/petitions';
import { ConflictError, NotFoundError } from '../../shared/errors';
import { HostBody } from '../../shared/schemas/booking';
import { movableClock, seededDeps } from '../support/deps';
import { departmentHostBody } from '../support/api';

let deps: Deps;
let drop: () => Promise<void>;
const meter = newMeter();
const clock = movableClock('2026-12-01T01:00:00Z');
const centre: StaffCaller = { kind: 'staff', id: 'u-babao', name: '值班员', role: 'centre_staff', scopeNodeId: 'babao' };
const MINUTE = 60_000;

beforeEach(async () => {
  // the org read afresh on every call (no cache that may lapse between two calls): a test counts the reads of an offer
  ({ deps, drop } = await seededDeps({ clock, meter, env: { ORG_CACHE_SECONDS: '0' } }));
}, 120_000);
afterEach(() => drop());

/** A video host of one of 八宝镇's departments (the API tests' departmentHostBody), saved through the use case. */
async function departmentHost(departmentId: string, name: string, change: Partial<HostBody> = {}, id = `h-${departmentId}`) {
  await saveHost(deps, centre, id, HostBody.parse({ ...departmentHostBody(departmentId, name), ...change }));
  return id;
}

/** A herder's land case at 八宝镇, accepted, with a consultation of 自然资源所 (lead) and 司法所. */
async function consultedCase(openid = 'wx_meeting') {
  const sent = await submitPetition(deps, { kind: 'citizen', openid }, `k-${openid}`, {
    channel: 'scan', postId: 'babao-baiyanggou-p1', categoryId: 'land_dispute', description: '草场围栏被邻居挪动，请调解。', photos: [], anonymous: false,
  });
  const id = sent.response.id;
  await transition(deps, centre, id, { action: 'accept' });
  await transition(deps, centre, id, { action: 'consult', leadDepartmentId: 'babao-natural-resources', departmentIds: ['babao-justice'], question: '草场边界如何认定？', days: 2 });
  return id;
}

/** The meetings a case holds, and the steps of its record. */
async function meetingsOf(id: string) {
  const p = await deps.petitions.getWithTimeline(id);
  return { meetings: (p?.consultation?.meetings ?? []).map((m) => m.id), steps: p?.timeline.map((e) => e.action) };
}

/** The 30-minute starts of a China day, from its midnight (16:00 UTC the day before) to 23:30. */
const halfHoursOf = (midnightUtc: string) => Array.from({ length: 48 }, (_, i) => new Date(Date.parse(midnightUtc) + i * 30 * MINUTE).toISOString());

describe('the hosts offered for a consultation meeting', () => {
  it('are the active video hosts of the consultation’s departments, each with its department, and no one else', async () => {
    const id = await consultedCase();
    const resources = await departmentHost('babao-natural-resources', '自然资源所接访员');
    const justice = await departmentHost('babao-justice', '司法所接访员');
    // of the same departments: one stood down, one who receives by phone only; and one of no department (the seed's
    // hosts are of none either), one of a department not in the consultation
    await departmentHost('babao-justice', '停用的接访员', { active: false }, 'h-stood-down');
    await departmentHost('babao-justice', '电话接访员', { ways: ['phone'] }, 'h-phone');
    await departmentHost('babao-justice', '无会诊单位的接访员', { departmentId: undefined }, 'h-no-department');
    await departmentHost('babao-agriculture', '农业站接访员');

    const offer = await meetingHosts(deps, centre, id, '2026-12-02');
    expect(offer.hosts.map((h) => ({ id: h.id, name: h.name, departmentId: h.departmentId, departmentName: h.departmentName })).sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: justice, name: '司法所接访员', departmentId: 'babao-justice', departmentName: '八宝镇司法所' },
      { id: resources, name: '自然资源所接访员', departmentId: 'babao-natural-resources', departmentName: '八宝镇自然资源所' },
    ]);
  });

  it('are offered at the times of the China day asked: from its midnight to its last slot, none of the day before or after', async () => {
    const id = await consultedCase();
    // both receive around the clock, three days ahead: 1 December from 12:00 (three hours' notice) to 3 December
    await departmentHost('babao-natural-resources', '自然资源所接访员');
    await departmentHost('babao-justice', '司法所接访员');
    const offer = await meetingHosts(deps, centre, id, '2026-12-02');
    // 2 December in China: 16:00 UTC on 1 December to 15:30 UTC on 2 December
    const day = halfHoursOf('2026-12-01T16:00:00.000Z');
    expect(day[0]).toBe('2026-12-01T16:00:00.000Z');
    expect(day.at(-1)).toBe('2026-12-02T15:30:00.000Z');
    expect(offer.times).toEqual(day);
    expect(offer.hosts.map((h) => h.free)).toEqual([day, day]);
  });

  it('reads no slots of a host who has no time that day', async () => {
    const id = await consultedCase();
    await departmentHost('babao-natural-resources', '自然资源所接访员');
    // receives today only (a horizon of one day)
    const today = await departmentHost('babao-justice', '只接今天的接访员', { rules: { ...departmentHostBody('babao-justice', '').rules, horizonDays: 1 } });
    const readsOf = async (day: string) => {
      const before = meter.reads;
      const offer = await meetingHosts(deps, centre, id, day);
      return { offer, reads: meter.reads - before };
    };
    const both = await readsOf('2026-12-01');
    const one = await readsOf('2026-12-02');
    expect(both.offer.hosts.map((h) => h.free.length)).toEqual([24, 24]);
    expect(one.offer.hosts.find((h) => h.id === today)?.free).toEqual([]);
    expect(one.offer.times).toHaveLength(48);
    // the same reads but the slots of the host who has none that day
    expect(both.reads - one.reads).toBe(1);
  });

  it('are nothing for a staff member whose scope the org no longer has', async () => {
    const id = await consultedCase();
    const hostIds = [await departmentHost('babao-natural-resources', '自然资源所接访员'), await departmentHost('babao-justice', '司法所接访员')];
    const stale: StaffCaller = { ...centre, id: 'u-gone', scopeNodeId: 'babao-old' };
    await expect(meetingHosts(deps, stale, id, '2026-12-02')).rejects.toThrow(new NotFoundError('未找到该诉求'));
    await expect(bookMeeting(deps, stale, id, { start: '2026-12-01T10:00:00.000Z', hostIds, withCitizen: false }, 'k-stale')).rejects.toThrow(new NotFoundError('未找到该诉求'));
  });
});

describe('a consultation meeting booked', () => {
  it('ends when the first of its hosts’ slots ends', async () => {
    const id = await consultedCase();
    // an hour's reception and a half hour's, from the same time: together for the half hour
    const hour = await departmentHost('babao-natural-resources', '自然资源所接访员', { rules: { ...departmentHostBody('babao-natural-resources', '').rules, slotMinutes: 60 } });
    const halfHour = await departmentHost('babao-justice', '司法所接访员');
    const booked = await bookMeeting(deps, centre, id, { start: '2026-12-01T10:00:00.000Z', hostIds: [hour, halfHour], withCitizen: false }, 'k-lengths');
    expect(booked.meetings.map((m) => [m.start, m.end])).toEqual([['2026-12-01T10:00:00.000Z', '2026-12-01T10:30:00.000Z']]);
  });

  it('is refused naming every host already booked at that time, and books nothing', async () => {
    const first = await consultedCase('wx_first');
    const second = await consultedCase('wx_second');
    const hostIds = [await departmentHost('babao-natural-resources', '自然资源所接访员'), await departmentHost('babao-justice', '司法所接访员')];
    const start = '2026-12-01T10:00:00.000Z';
    await bookMeeting(deps, centre, first, { start, hostIds, withCitizen: false }, 'k-first');
    const clash = bookMeeting(deps, centre, second, { start, hostIds, withCitizen: true }, 'k-second');
    await expect(clash).rejects.toThrow(new ConflictError('自然资源所接访员、司法所接访员在该时间已有预约，会诊会议没有预约，请另选时间'));
    expect(await meetingsOf(second)).toEqual({ meetings: [], steps: ['submit', 'accept', 'consult'] });
  });

  it('refuses its Idempotency-Key sent again with another meeting or for another case, and books nothing more', async () => {
    const id = await consultedCase('wx_first');
    const other = await consultedCase('wx_other');
    const hostIds = [await departmentHost('babao-natural-resources', '自然资源所接访员'), await departmentHost('babao-justice', '司法所接访员')];
    const body = { start: '2026-12-01T10:00:00.000Z', hostIds, withCitizen: false };
    const booked = await bookMeeting(deps, centre, id, body, 'k-once');
    const refusal = new ConflictError('这个提交编号已用于另一次预约，请刷新页面后重新预约');
    await expect(bookMeeting(deps, centre, id, { ...body, start: '2026-12-01T11:00:00.000Z' }, 'k-once')).rejects.toThrow(refusal);
    await expect(bookMeeting(deps, centre, other, body, 'k-once')).rejects.toThrow(refusal);
    expect(await meetingsOf(id)).toEqual({ meetings: booked.meetings.map((m) => m.id), steps: ['submit', 'accept', 'consult', 'book_meeting'] });
    expect(await meetingsOf(other)).toEqual({ meetings: [], steps: ['submit', 'accept', 'consult'] });
  });
});

describe('a consultation meeting booked by two sends that cross', () => {
  it('answers the later send with the meeting the first booked, and books no second', async () => {
    const id = await consultedCase();
    const hostIds = [await departmentHost('babao-natural-resources', '自然资源所接访员'), await departmentHost('babao-justice', '司法所接访员')];
    // 18:00 in China the same day: past the hosts' three hours' notice
    const body = { start: '2026-12-01T10:00:00.000Z', hostIds, withCitizen: false };

    const first = await bookMeeting(deps, centre, id, body, 'meeting-key-1');
    expect(first.meetings).toHaveLength(1);

    // the later send's first look at the key came before the first send wrote it
    const real = deps.petitions.keyRecord.bind(deps.petitions);
    let looks = 0;
    const petitions = Object.assign(Object.create(deps.petitions) as Deps['petitions'], {
      keyRecord: (scope: string, key: string) => (looks++ === 0 ? Promise.resolve(undefined) : real(scope, key)),
    });
    const later = await bookMeeting({ ...deps, petitions }, centre, id, body, 'meeting-key-1');
    expect(looks).toBe(2);
    expect(later.meetings.map((m) => m.id)).toEqual([first.meetings[0]!.id]);
    expect(later.timeline.filter((e) => e.action === 'book_meeting')).toHaveLength(1);
    const states = await Promise.all(hostIds.map((h) => deps.bookings.slotStates(h, body.start, body.start)));
    expect(states.map((s) => s.map((x) => x.booked))).toEqual([[1], [1]]);
  });
});
