/**
 * Booking a reception through the H5 build in headless Chromium against the local stack: a herder picks a host of
 * their township, books the first free time with a topic, moves it to the next time, and cancels it; each step is
 * checked against what the API then holds. Then they book again, linking the booking to a problem they reported, and
 * 我的预约 shows which. Each test has a host and a citizen of its own (any one runs alone, in any order).
 * Screenshots go to test-results/.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anyHourHost, call, lastingSlots, citizenToken, report, staffToken } from '../support/api';
import { openCitizenApp, type CitizenApp } from '../support/citizenApp';

const HOST_NAME = '马调解员';
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000, interval: 100 });

interface Slot {
  start: string;
  booked: number;
}

describe('booking a video reception in a browser (H5)', () => {
  let app: CitizenApp;
  let server: CitizenApp['server'];
  let page: Page;

  beforeAll(async () => {
    app = await openCitizenApp({ shots: 'h5-booking', label: 'booking' });
    ({ server, page } = app);
  }, 600_000);

  afterAll(() => app?.close());

  /** A screenshot, and axe-core on the same state (citizen pages: 7:1 contrast). */
  const shot = (name: string) => app.shot(name);
  const el = (selector: string) => app.el(selector);
  const slots = async (hostId: string): Promise<Slot[]> => (await call('GET', `/hosts/${hostId}/slots?days=2&all=true`)).body.items;
  const schedule = async (hostId: string) =>
    (await call('GET', `/staff/bookings?hostId=${hostId}&days=3`, { token: await staffToken('babao') })).body.items as Array<{ start: string; status: string; topic: string }>;

  /**
   * A test's own host of 八宝镇 (land matters, receiving at any hour, so there are free times whenever it runs) and its
   * own citizen, whom the app logs in as by name (the local stage's dev login), so the test can act as them by the API.
   */
  const hostAndCitizen = async () => {
    const hostId = `h-${randomUUID().slice(0, 8)}`;
    await anyHourHost(hostId, HOST_NAME);
    const herder = `booking-${randomUUID().slice(0, 8)}`;
    await app.as(herder);
    return { hostId, herder };
  };

  it('books a free time, moves it to the next, and cancels it', async () => {
    const { hostId } = await hostAndCitizen();
    const [first, second] = lastingSlots(await slots(hostId));
    expect(first && second).toBeTruthy();

    // the video page leads to the hosts; the township's chip narrows them to its centre
    await page.goto(`${server.url}/#/pages/video/index`);
    await el('#book-reception').click();
    await page.waitForURL(/booking\/pages\/hosts\/index/);
    await el('#centre-babao').click();
    await el(`#host-${hostId}`).waitFor();
    await shot('1-hosts');
    await el(`#host-${hostId}`).click();

    // the free times, by day; pick one and say what it is about
    await page.waitForURL(/booking\/pages\/slots\/index/);
    const firstChip = `#slot-${first!.start.replace(/[^0-9]/g, '')}`;
    await el(firstChip).click();
    await el('#topic textarea').fill('草场边界纠纷想请调解员帮忙');
    await shot('2-slots');
    await el('#confirm').click();

    await page.waitForURL(/booking\/pages\/mine\/index/);
    await poll(() => page.locator('#booking-list:visible .booking').count()).toBe(1);
    await poll(() => el('#booking-list').textContent()).toContain(HOST_NAME);
    await poll(() => el('#booking-list').textContent()).toContain('已预约');
    await poll(async () => (await schedule(hostId)).map((b) => [b.start, b.status])).toEqual([[first!.start, 'booked']]);
    await shot('3-booked');

    // move it: the new time is taken and the old one freed
    await el('#booking-list .chip.reschedule').click();
    await page.waitForURL(/booking\/pages\/slots\/index\?.*reschedule=/);
    await el(`#slot-${second!.start.replace(/[^0-9]/g, '')}`).click();
    await el('#confirm').click();
    await page.waitForURL(/booking\/pages\/mine\/index/);
    await poll(async () => (await schedule(hostId)).map((b) => [b.start, b.status])).toEqual([[second!.start, 'booked']]);
    const after = new Map((await slots(hostId)).map((s) => [s.start, s.booked]));
    expect(after.get(first!.start)).toBe(0);
    expect(after.get(second!.start)).toBe(1);
    await shot('4-rescheduled');

    // cancel, confirming in the dialog
    await poll(() => page.locator('#booking-list:visible .chip.cancel').count()).toBe(1);
    await el('#booking-list .chip.cancel').click();
    await el('.taro-model__confirm').click();
    await poll(() => el('#booking-list').textContent()).toContain('已取消');
    await poll(async () => (await schedule(hostId)).map((b) => [b.start, b.status])).toEqual([[second!.start, 'cancelled']]);
    expect((await slots(hostId)).find((s) => s.start === second!.start)?.booked).toBe(0);
    await shot('5-cancelled');
  }, 120_000);

  it('links a new booking to a petition the citizen reported, and shows it in 我的预约', async () => {
    const { hostId, herder } = await hostAndCitizen();
    // the app's own citizen reports a problem through the API
    const token = await citizenToken(herder);
    const petition = await report(token);
    expect(petition.status).toBe(201);

    const [free] = lastingSlots(await slots(hostId)).filter((s) => s.booked === 0);
    await page.goto(`${server.url}/#/booking/pages/slots/index?hostId=${hostId}`);
    await el(`#slot-${free!.start.replace(/[^0-9]/g, '')}`).click();
    await el('#topic textarea').fill('网围栏被挪的事想当面说清楚');
    await el(`#petition-${petition.body.id}`).click();
    await shot('6-link-petition');
    await el('#confirm').click();

    await page.waitForURL(/booking\/pages\/mine\/index/);
    await poll(() => el('#booking-list').textContent()).toContain(`关联诉求：土地纠纷 · 跟踪码 ${petition.body.trackingCode}`);
    const mine = await call('GET', '/bookings/mine', { token });
    expect(mine.body.items.find((b: { status: string }) => b.status === 'booked')).toMatchObject({ start: free!.start, petitionId: petition.body.id });
    await shot('7-linked');
  }, 120_000);

  it('narrows the hosts to the matter the citizen picks (擅长领域)', async () => {
    const { hostId } = await hostAndCitizen();
    const family = `h-${randomUUID().slice(0, 8)}`;
    await anyHourHost(family, '婚姻家庭调解员', ['family', 'neighbour']);
    // a fresh hosts page (the router would show one opened earlier, read before this host existed)
    await page.goto(`${server.url}/#/booking/pages/hosts/index`);
    await page.reload();
    await el('#centre-babao').click();
    await el(`#host-${family}`).waitFor();
    expect(await el(`#host-${family}`).textContent()).toContain('擅长：婚姻家庭、邻里纠纷');
    await el('#expertise-family').click();
    await poll(() => el('#expertise-family').getAttribute('aria-pressed')).toBe('true');
    await poll(() => page.locator(`#host-${hostId}:visible`).count()).toBe(0);
    expect(await el(`#host-${family}`).isVisible()).toBe(true);
    await shot('0-hosts-by-field');
    await el('#expertise-land').click();
    await el(`#host-${hostId}`).waitFor();
    await poll(() => page.locator(`#host-${family}:visible`).count()).toBe(0);
  });
});
