/**
 * The staff desk (工作台) in the H5 build against the local stack (issue 12, item 15): it shows what waits on the user
 * now in their scope (cases to accept and to dispatch, or for a handler to work on; near due; overdue; today's
 * receptions), each a link to that list, and a handler's queue offers only the status tabs their cases can have.
 * Every test gets a freshly seeded table and makes its cases, so the cases it made are the only ones the desk counts,
 * whatever ran before it. Screenshots: test-results/staff-home-*.png.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, citizenToken, newKey, report, staffToken } from '../support/api';
import { setApiTime } from '../support/clock';
import { reseedWorkerTable } from '../support/reseed';
import { openStaffApp, poll, type StaffApp } from '../support/staffApp';

const H = 3_600_000;
const step = async (id: string, action: string, body: unknown = {}) =>
  expect((await call('POST', `/staff/petitions/${id}/${action}`, { token: await staffToken('babao'), body })).status).toBe(200);

/** 八宝镇's four cases of a test: two to accept, one accepted to dispatch, one dispatched to 司法所 (the handler's). */
async function fourCases() {
  const ids: string[] = [];
  for (const description of ['网围栏被邻居挪了二十米', '草场边界的桩子被拔了', '邻居把渠水改道了', '宅基地界线有争议']) {
    const sent = await report(await citizenToken(), { description: `${description}，请帮忙调解。` });
    expect(sent.status).toBe(201);
    ids.push(sent.body.id as string);
  }
  const [accepted, dispatched] = [ids[2]!, ids[3]!];
  await step(accepted, 'accept');
  await step(dispatched, 'accept');
  await step(dispatched, 'dispatch', { departmentId: 'babao-justice' });
}

describe('the staff desk', () => {
  let app: StaffApp;
  const counts = async () =>
    Object.fromEntries(
      await app.page
        .locator('#now:visible .staff-desk-tile')
        .evaluateAll((tiles) => tiles.map((t) => [t.id, t.querySelector('.staff-desk-count')?.textContent ?? ''] as const)),
    );

  beforeAll(async () => {
    app = await openStaffApp({ prefix: 'staff-home' });
  }, 1_200_000);
  afterAll(() => app?.close());
  // a fresh table (and the API's clock the real time again) for every test
  beforeEach(reseedWorkerTable, 120_000);

  it('shows a centre what waits on it now, each count a link to its list', async () => {
    await fourCases();

    await app.loginAs('babao');
    await poll(counts).toEqual({ 'now-submitted': '2', 'now-accepted': '1', 'now-near': '0', 'now-overdue': '0', 'now-receptions': '0' });
    expect(await app.el('#now-submitted').innerText()).toContain('待受理');
    expect(await app.el('#now-accepted').innerText()).toContain('待分派');
    await app.shot('1-centre');

    await app.el('#now-submitted').click();
    await app.page.waitForURL(/staff\/pages\/queue\/index/);
    await poll(() => app.el('#tab-submitted').getAttribute('class')).toContain('on');
    await poll(() => app.page.locator('.staff-qrow[id^="row-"]:visible').count()).toBe(2);
  });

  it('counts the overdue cases and today\'s receptions as the API\'s clock has the day', async () => {
    await fourCases();
    const t0 = Date.now();
    // a reception booked at least two days on; the API's clock then moves to half an hour before it, that day
    const citizen = await citizenToken();
    const host = 'host-babao-leader';
    const slots = (await call('GET', `/hosts/${host}/slots?days=14`)).body.items as Array<{ start: string; free: number }>;
    const slot = slots.find((s) => s.free > 0 && Date.parse(s.start) >= t0 + 48 * H);
    expect(slot).toBeDefined();
    const booked = await call('POST', '/bookings', {
      token: citizen,
      headers: { 'idempotency-key': newKey() },
      body: { hostId: host, start: slot!.start, way: 'video', topic: '想请书记看看草场边界的事' },
    });
    expect(booked.status).toBe(201);
    const bookingId = booked.body.id as string;
    await setApiTime(Date.parse(slot!.start) - 0.5 * H);

    // a day past their 24-hour limits: the two to accept and the one to dispatch are overdue; the dispatched one has
    // weeks left and is neither
    await app.loginAs('babao');
    await poll(counts).toEqual({ 'now-submitted': '2', 'now-accepted': '1', 'now-near': '0', 'now-overdue': '3', 'now-receptions': '1' });
    await app.shot('2-overdue-and-reception');

    await app.el('#now-receptions').click();
    await app.page.waitForURL(/staff\/pages\/receptions\/index/);
    await poll(() => app.el(`#booking-${bookingId}`).innerText()).toContain('想请书记看看草场边界的事');

    await app.open('pages/home/index');
    await app.el('#now-overdue').click();
    await app.page.waitForURL(/staff\/pages\/queue\/index/);
    await poll(() => app.el('#tab-overdue').getAttribute('class')).toContain('on');
  });

  it('shows a handler what their department holds, and only the status tabs their cases can have', async () => {
    await fourCases();
    await app.loginAs('babao-justice');
    await poll(counts).toEqual({ 'now-dispatched': '1', 'now-in_progress': '0', 'now-reopened': '0', 'now-near': '0', 'now-overdue': '0' });
    expect(await app.el('#now-dispatched').innerText()).toContain('待办理');
    await app.shot('3-handler');

    await app.el('#now-dispatched').click();
    await app.page.waitForURL(/staff\/pages\/queue\/index/);
    await poll(() => app.el('#status-tabs').innerText()).toContain('已分派');
    await poll(() => app.page.locator('.staff-qrow[id^="row-"]:visible').count()).toBe(1);
    const tabs = await app.page.locator('#status-tabs:visible .staff-tab').allInnerTexts();
    expect(tabs).toEqual(['全部', '逾期', '临期', '会诊', '专班积案', '已分派', '办理中', '已办结', '已评价', '已归档', '重新办理']);
    await app.shot('4-handler-tabs');
  });
});
