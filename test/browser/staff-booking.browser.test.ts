/**
 * Video receptions on the staff pages (H5, desktop width, 八宝镇's centre staff): a host and their hours made through
 * the form, after which the public slots offer exactly those times; a citizen's bookings (made through the API) in the
 * day and week schedule; attendance with an outcome note, and a cancellation with a reason, each then read by the
 * citizen through the API; the figures on the hosts page. Screenshots go to test-results/. A reception "has begun"
 * when the API's clock says so: the test moves that clock (test/support/clock.ts) instead of waiting for it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { call, citizenToken, newKey, staffToken } from '../support/api';
import { resetApiTime, setApiTime } from '../support/clock';
import { openStaffApp, poll, type StaffApp } from '../support/staffApp';

const CHINA = 8 * 3600_000;
const MINUTE = 60_000;
const chinaDay = (t: number) => new Date(t + CHINA).toISOString().slice(0, 10);
const chinaHm = (t: number) => new Date(t + CHINA).toISOString().slice(11, 16);
const chinaWeekday = (t: number) => new Date(t + CHINA).getUTCDay() || 7;
const minuteOfChinaDay = (t: number) => Math.floor(((t + CHINA) % 86_400_000) / MINUTE);

/**
 * The first reception starts on a whole minute about two minutes from now (the API's clock is moved past it to record
 * attendance); near midnight it moves to the next day's first minute, so its window fits the day.
 */
function soonStart(): number {
  let t = Math.ceil((Date.now() + 90_000) / MINUTE) * MINUTE;
  if (minuteOfChinaDay(t) > 23 * 60 + 50) t += (24 * 60 - minuteOfChinaDay(t)) * MINUTE;
  return t;
}

describe('receptions on the staff pages (H5)', () => {
  let app: StaffApp;
  const suffix = randomUUID().slice(0, 6);
  const citizenName = `herder-${suffix}`;
  let citizen: string;
  // a citizen may book one host at most twice a week (BOOKING_MAX_PER_HOST_WEEK): the third booking is a neighbour's
  let neighbour: string;
  /** a host made through the API, whose first reception begins in a couple of minutes */
  const soonHost = `h-soon-${suffix}`;
  let first: { id: string; start: string };
  let second: { id: string; start: string };
  let third: { id: string; start: string };

  /** A host of 八宝镇 made through the API whose receptions begin at `start`, every ten minutes from then on. */
  async function hostFrom(hostId: string, start: number, staff: string) {
    const res = await call('PUT', `/staff/hosts/${hostId}`, {
      token: staff,
      body: {
        name: `值班律师${hostId.slice(-6)}`,
        kind: 'lawyer',
        centreId: 'babao',
        ways: ['video'],
        availability: {
          weekly: [
            { weekday: chinaWeekday(start), windows: [{ from: chinaHm(start), to: '24:00' }] },
            { weekday: (chinaWeekday(start) % 7) + 1, windows: [{ from: '00:00', to: '24:00' }] },
          ],
          chinaCalendar: false,
        },
        rules: { slotMinutes: 10, bufferMinutes: 0, minNoticeMinutes: 0, horizonDays: 3, capacity: 1 },
      },
    });
    expect(res.status).toBe(200);
    const slots = (await call('GET', `/hosts/${hostId}/slots?days=3`)).body.items as Array<{ start: string }>;
    expect(slots[0]?.start).toBe(new Date(start).toISOString());
    return slots;
  }
  const book = async (hostId: string, at: string, topic: string, token = citizen) => {
    const made = await call('POST', '/bookings', { token, headers: { 'idempotency-key': newKey() }, body: { hostId, start: at, way: 'video', topic } });
    expect(made.status).toBe(201);
    return { id: made.body.id as string, start: at };
  };

  beforeAll(async () => {
    const start = soonStart();
    citizen = await citizenToken(citizenName);
    neighbour = await citizenToken(`neighbour-${suffix}`);
    const slots = await hostFrom(soonHost, start, await staffToken('babao'));
    first = await book(soonHost, slots[0]!.start, '草场承包合同到期后的续包问题');
    second = await book(soonHost, slots[1]!.start, '拖欠放牧工资');
    third = await book(soonHost, slots[2]!.start, '邻里草场边界', neighbour);

    app = await openStaffApp({ prefix: 'staff-booking' });
    await app.loginAs('babao');
  }, 600_000);

  // a test that moved the API's time puts it back: no test depends on another's clock
  afterEach(async () => {
    await resetApiTime();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('creates a host with weekly hours, leave and a duty day through the form; the public slots then offer exactly those times', async () => {
    const name = `王调解员${suffix}`;
    await app.el('#nav-receptions').click();
    await app.page.waitForURL(/staff\/pages\/receptions\/index/);
    await app.el('#to-hosts').click();
    await app.page.waitForURL(/staff\/pages\/hosts\/index/);
    await app.el('#host-new').click();
    await app.page.waitForURL(/staff\/pages\/host\/index/);

    // every day 09:00–12:00 China time; Monday's first typed wrong, and no one may be booked into a slot of 0
    await app.el('#host-name input').waitFor();
    for (let d = 1; d <= 7; d++) await app.el(`#week-${d}-add`).click();
    await app.el('#week-1-0-to input').fill('08:00');
    await app.el('#rule-capacity input').fill('0');
    await app.el('#save-host').click();
    await poll(() => app.el('#err-name').textContent()).toBe('请填写姓名');
    await poll(() => app.el('#err-kind').textContent()).toBe('接访人类型不正确');
    await poll(() => app.el('#err-availability-weekly-0-windows-0-to').textContent()).toBe('结束时间须晚于开始时间');
    await poll(() => app.el('#err-rules-capacity').textContent()).toBe('每个时段人数须为 1 到 50 人的整数');
    await app.shot('1-host-errors');

    await app.el('#host-name input').fill(name);
    await app.el('#host-title input').fill('镇司法所人民调解员');
    await app.el('#host-kind-mediator').click();
    await app.el('#host-expertise-land').click();
    await app.el('#host-expertise-family').click();
    await app.el('#host-way-phone').click();
    await app.el('#host-intro textarea').fill('调解草场边界、婚姻家庭纠纷二十年。');
    await app.el('#week-1-0-to input').fill('12:00');
    await app.el('#host-china-calendar').click(); // receives on holidays too: the expected times below hold any week
    const today = chinaDay(Date.now());
    const dayAfter = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    await app.el('#exc-add').click();
    await app.el('#exc-0-date input').fill(dayAfter(3)); // a whole day's leave
    await app.el('#exc-add').click();
    await app.el('#exc-1-date input').fill(dayAfter(4));
    await app.el('#exc-1-kind-extra').click();
    await app.el('#exc-1-from input').fill('14:00');
    await app.el('#exc-1-to input').fill('15:00');
    await app.el('#exc-1-note input').fill('下乡值班');
    await app.el('#rule-minNoticeMinutes input').fill('60');
    await app.el('#rule-horizonDays input').fill('7');
    await app.el('#rule-capacity input').fill('1');
    await app.el('#save-host').click();
    await poll(() => app.el('#host-saved').count()).toBe(1);
    await poll(() => app.el('#upcoming').textContent()).toContain('09:00–09:30');
    expect(await app.page.locator('[id^="err-"]:visible').count()).toBe(0);
    await app.shot('2-host-saved');

    const staff = await staffToken('babao');
    const hosts = (await call('GET', '/staff/hosts', { token: staff })).body.items as Array<{ id: string; name: string }>;
    const made = hosts.find((h) => h.name === name);
    expect(made).toBeTruthy();
    const stored = (await call('GET', `/staff/hosts/${made!.id}`, { token: staff })).body;
    expect(stored).toMatchObject({
      kind: 'mediator', title: '镇司法所人民调解员', centreId: 'babao', expertise: ['land', 'family'], ways: ['video', 'phone'], active: true,
      rules: { slotMinutes: 30, bufferMinutes: 10, minNoticeMinutes: 60, horizonDays: 7, capacity: 1 },
      availability: { chinaCalendar: false, exceptions: [{ date: dayAfter(3), kind: 'leave', windows: [] }, { date: dayAfter(4), kind: 'extra', windows: [{ from: '14:00', to: '15:00' }], note: '下乡值班' }] },
    });

    // The citizens' slot list: 30 minutes with 10 between, in China time; none on the leave day, one more on the duty day.
    const slots = (await call('GET', `/hosts/${made!.id}/slots?days=7`)).body.items as Array<{ start: string; end: string }>;
    const byDay = new Map<string, string[]>();
    for (const s of slots) byDay.set(chinaDay(Date.parse(s.start)), [...(byDay.get(chinaDay(Date.parse(s.start))) ?? []), `${chinaHm(Date.parse(s.start))}–${chinaHm(Date.parse(s.end))}`]);
    const office = ['09:00–09:30', '09:40–10:10', '10:20–10:50', '11:00–11:30'];
    for (const n of [1, 2, 3, 4, 5, 6]) {
      expect(byDay.get(dayAfter(n)) ?? [], dayAfter(n)).toEqual(n === 3 ? [] : n === 4 ? [...office, '14:00–14:30'] : office);
    }
    expect(byDay.has(dayAfter(7))).toBe(false); // past the seven-day horizon
  }, 180_000);

  it('shows the citizen’s bookings in the day and the week schedule, per host, with their status', async () => {
    // that day's schedule asked for by date: the page's today is tomorrow once the run passes China's midnight
    const day = chinaDay(Date.parse(first.start));
    await app.open(`pages/receptions/index?from=${day}&view=day`);
    await poll(() => app.el('#schedule-range').textContent()).toContain(`${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`);
    const line = app.el(`#day-host-${soonHost} #booking-${first.id}`);
    await poll(() => line.textContent()).toContain(citizenName);
    expect(await line.textContent()).toContain(`${chinaHm(Date.parse(first.start))}–${chinaHm(Date.parse(first.start) + 10 * MINUTE)}`);
    expect(await line.textContent()).toContain('已预约');
    expect(await line.textContent()).toContain('草场承包合同');
    await app.shot('3-day');

    await app.el('#view-week').click();
    await poll(() => app.el(`#week-${soonHost}-${day} #booking-${first.id}`).textContent()).toContain(citizenName);
    await app.shot('4-week');
  }, 60_000);

  it('records attendance with an outcome note once the reception has begun; the citizen then reads the outcome', async () => {
    await app.open(`pages/receptions/index?from=${chinaDay(Date.parse(third.start))}&view=day`);
    const early = await call('POST', `/staff/bookings/${third.id}/attendance`, { token: await staffToken('babao'), body: { attendance: 'attended', note: '太早' } });
    expect(early.status).toBe(409);
    await setApiTime(Date.parse(third.start) + 2_000);
    await app.el(`#booking-${third.id}`).click();
    await app.page.waitForURL(/staff\/pages\/booking\/index\?id=/);
    await poll(() => app.el('#booking-status').textContent()).toBe('已预约');
    await app.el('#save-attendance').click();
    await poll(() => app.el('#attendance-form').textContent()).toContain('请选择 已接访 或 未到场');

    const note = '已讲清草场续包的程序，约定下周到村里现场调解';
    await app.el('#attendance-attended').click();
    await app.el('#outcome-note textarea').fill(note);
    await app.el('#save-attendance').click();
    await poll(() => app.el('#booking-status').textContent()).toBe('已接访');
    await poll(() => app.el('#booking-outcome').textContent()).toContain(note);
    expect(await app.page.locator('#attendance-form:visible').count()).toBe(0);
    await app.shot('5-attended');

    const seen = await call('GET', `/bookings/${third.id}`, { token: neighbour });
    expect(seen.body).toMatchObject({ status: 'attended', outcome: { attendance: 'attended', note }, canRate: true });
  }, 120_000);

  it('cancels another booking with a reason the citizen reads', async () => {
    await app.open(`pages/receptions/index?from=${chinaDay(Date.parse(second.start))}&view=day`);
    await app.el(`#booking-${second.id}`).click();
    await app.page.waitForURL(/staff\/pages\/booking\/index\?id=/);
    await app.el('#cancel-booking').click();
    await poll(() => app.el('#cancel-form').textContent()).toContain('请填写取消原因，群众会看到');
    const reason = '调解员临时下乡，请改约其他时间';
    await app.el('#cancel-reason textarea').fill(reason);
    await app.el('#cancel-booking').click();
    await app.el('.taro-model__confirm').click();
    await poll(() => app.el('#booking-status').textContent()).toBe('已取消');
    await poll(() => app.el('#booking-cancel').textContent()).toContain(reason);
    await app.shot('6-cancelled');
    // back to that day's schedule, where it now shows as cancelled
    await app.el('#back-to-schedule').click();
    await app.page.waitForURL(/staff\/pages\/receptions\/index/);
    await poll(() => app.el(`#booking-${second.id}`).textContent()).toContain('已取消');

    const seen = await call('GET', `/bookings/${second.id}`, { token: citizen });
    expect(seen.body).toMatchObject({ status: 'cancelled', cancel: { by: 'staff', reason } });
  }, 60_000);

  it('shows each host’s figures for the period on the hosts page', async () => {
    // a host of its own: two bookings, one attended (the API's clock past its start) and one cancelled
    const figHost = `h-fig-${suffix}`;
    const staff = await staffToken('babao');
    const slots = await hostFrom(figHost, soonStart(), staff);
    const attended = await book(figHost, slots[0]!.start, '草场补奖');
    const cancelled = await book(figHost, slots[1]!.start, '放牧工资');
    expect((await call('POST', `/staff/bookings/${cancelled.id}/cancel`, { token: staff, body: { reason: '改约' } })).status).toBe(200);
    await setApiTime(Date.parse(attended.start) + 2_000);
    expect((await call('POST', `/staff/bookings/${attended.id}/attendance`, { token: staff, body: { attendance: 'attended', note: '已接访' } })).status).toBe(200);
    await resetApiTime();

    await app.el('#nav-receptions').click();
    await app.page.waitForURL(/staff\/pages\/receptions\/index/);
    await app.el('#to-hosts').click();
    await app.page.waitForURL(/staff\/pages\/hosts\/index/);
    // the period ends on the later booking's day: near China's midnight it is tomorrow's, outside the default period
    await app.el('#figures-to input').fill(chinaDay(Date.parse(cancelled.start)));
    await app.el('#figures-apply').click();
    const cells = () => app.page.locator(`#host-${figHost} .staff-td:visible`).allTextContents();
    // booked, attended, no-show, cancelled, ratings by level, satisfaction
    await poll(async () => (await cells()).slice(2)).toEqual(['2', '1', '0', '1', '0 / 0 / 0', '—']);
    await poll(() => app.el('#figures-totals').textContent()).toContain('满意率');
    await app.shot('7-hosts');
  }, 60_000);
});
