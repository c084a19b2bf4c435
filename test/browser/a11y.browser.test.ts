/**
 * Usable by everyone (WCAG 2.2 AA; 7:1 for citizen text), in the H5 build in Chromium against the local stack:
 * - a keyboard alone sends a report (an empty send first: the first field with an error takes the focus), and a
 *   centre's staff member, keyboard alone, logs in, filters the queue by date, finds the case and takes it from 受理
 *   to 办结;
 * - large text: every citizen text on every citizen page is measured in both modes (larger in large mode, none
 *   under 18 px there), and the app follows the browser's own default font size;
 * - a keyboard alone books a reception and cancels it, through a confirming dialog that is named, holds the focus
 *   and goes back on Escape;
 * - citizen targets are at least 44 × 44 px; axe-core (with AAA contrast on citizen pages) finds nothing serious.
 * Screenshots go to test-results/a11y-*.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postLink } from '../../shared/postLink';
import { anyHourHost, call, lastingSlots, citizenToken, newKey, report, STAFF_PASSWORDS, staffToken } from '../support/api';
import type { Browser } from '../support/browser';
import { openCitizenApp, type CitizenApp } from '../support/citizenApp';

const POST_ID = 'babao-baiyanggou-p1';
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000, interval: 100 });

/** One text the page shows: where it is, what it says, its computed size. */
interface Measured {
  key: string;
  text: string;
  px: number;
}

describe('accessibility of the H5 app', () => {
  let app: CitizenApp;
  let server: CitizenApp['server'];
  let browser: Browser;
  let page: Page;
  /** The browser's citizen: the H5 app logs in by this name (the local stage's dev login), the API tests' way too. */
  const HERDER = `a11y-${Date.now()}`;
  /** A case of the browser's citizen, reported through the API; with `resolved`, taken to 办结 by the centre. */
  const aCase = async (resolved = false) => {
    const sent = await report(await citizenToken(HERDER));
    const id = sent.body.id as string;
    if (resolved) {
      const step = async (who: string, action: string, body: unknown) =>
        expect((await call('POST', `/staff/petitions/${id}/${action}`, { token: await staffToken(who), body })).status).toBe(200);
      await step('babao', 'accept', {});
      await step('babao', 'dispatch', { departmentId: 'babao-natural-resources', handlerId: 'u-babao-resources' });
      await step('babao-resources', 'progress', { note: '已到现场测量边界' });
      await step('babao-resources', 'resolve', { summary: '双方签订调解协议，围栏已恢复原位' });
    }
    return { id, code: sent.body.trackingCode as string, answer: sent.body as unknown };
  };
  /** A host of the browser's township with free times whenever the test runs, and those still free when it books. */
  const aHost = async () => {
    const hostId = `h-a11y-${newKey().slice(0, 8)}`;
    await anyHourHost(hostId);
    const slots = lastingSlots((await call('GET', `/hosts/${hostId}/slots?days=2`)).body.items as Array<{ start: string }>);
    expect(slots.length).toBeGreaterThan(1);
    return { hostId, slots: slots.map((x) => x.start) };
  };
  const slotId = (start: string) => `slot-${start.replace(/[^0-9]/g, '')}`;

  beforeAll(async () => {
    app = await openCitizenApp({ shots: 'a11y', citizen: HERDER });
    ({ server, browser, page } = app);
    // the app is built inside the run: on a busy two-core machine that can take over ten minutes
  }, 1_200_000);
  afterAll(() => app?.close());

  const settled = () => app.settled();
  const arrive = (route: RegExp) => app.arrive(route);
  /** A screenshot to look at, and axe-core on the same state: citizen pages are held to 7:1 contrast. */
  const shot = (name: string, citizen = true) => app.shot(name, { citizen });
  const el = (selector: string) => app.el(selector);

  /** What has the keyboard focus: its id, or the id of the field box around it. */
  const focused = () =>
    page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      if (!a || a === document.body) return '';
      return a.id || (a.closest('[id]') as HTMLElement | null)?.id || a.tagName;
    });
  /** Tab (forwards) until the element with this id, or the input inside it, has the focus; fails after `max` presses. */
  const tabTo = async (id: string, max = 80) => {
    for (let i = 0; i <= max; i++) {
      const now = await focused();
      if (now === id || now === `${id}-input`) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached #${id}`);
  };
  /** Turns a choice on from the keyboard (Space), unless it is on already. */
  const choose = async (id: string) => {
    await tabTo(id);
    if ((await el(`#${id}`).getAttribute('aria-pressed')) !== 'true') await page.keyboard.press('Space');
    await poll(() => el(`#${id}`).getAttribute('aria-pressed')).toBe('true');
  };
  /** The focused element shows a ring at least 2 px wide. */
  const focusRing = () =>
    page.evaluate(() => {
      const s = getComputedStyle(document.activeElement as Element);
      return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
    });

  /** Every text of the visible citizen page (text nodes, and what inputs and text areas hold or hint) with its size. */
  const measureTexts = () =>
    page.evaluate((): Measured[] => {
      const root = Array.from(document.querySelectorAll('.page')).find((e) => e.getClientRects().length > 0);
      if (!root) return [];
      const where = (e: Element) => {
        const parts: string[] = [];
        for (let x: Element | null = e; x && x !== root; x = x.parentElement) parts.unshift(`${x.tagName}${x.parentElement ? Array.from(x.parentElement.children).indexOf(x) : ''}`);
        return parts.join('>');
      };
      const out: Measured[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = (n.textContent ?? '').trim();
        const parent = n.parentElement;
        if (!text || !parent || !parent.getClientRects().length || parent.closest('.sr-only')) continue;
        out.push({ key: `${where(parent)}|${text}`, text, px: parseFloat(getComputedStyle(parent).fontSize) });
      }
      for (const f of Array.from(root.querySelectorAll('input, textarea')) as HTMLInputElement[]) {
        if (!f.getClientRects().length) continue;
        out.push({ key: `${where(f)}|${f.id}`, text: f.value || f.placeholder, px: parseFloat(getComputedStyle(f).fontSize) });
      }
      return out;
    });

  /** Every control of the visible citizen page smaller than 44 × 44 px. */
  const smallTargets = () =>
    page.evaluate(() => {
      const root = Array.from(document.querySelectorAll('.page')).find((e) => e.getClientRects().length > 0);
      return (Array.from(root?.querySelectorAll('button, input, textarea, a, [role="button"]') ?? []) as HTMLElement[])
        .filter((e) => e.getClientRects().length > 0)
        .map((e) => ({ what: `${e.tagName}#${e.id} ${(e.textContent ?? '').trim().slice(0, 12)}`, ...e.getBoundingClientRect().toJSON() }))
        .filter((r) => r.width < 44 || r.height < 44)
        .map((r) => `${r.what} ${Math.round(r.width)}×${Math.round(r.height)}`);
    });

  /** Large-text mode on or off, with its switch on the home page (remembered on the device). */
  const setLargeText = async (on: boolean) => {
    await page.goto(`${server.url}/#/pages/index/index`);
    await page.reload();
    await el('#large-text').waitFor();
    if ((await el('#large-text').getAttribute('aria-pressed')) !== String(on)) await el('#large-text').click();
    await poll(() => el('#large-text').getAttribute('aria-pressed')).toBe(String(on));
  };

  it('sends a report with the keyboard alone; an empty send puts the focus on the first field with an error', async () => {
    await page.goto(postLink(server.url, POST_ID));
    await arrive(/pages\/report\/index/);
    await poll(() => el('#post-info').textContent()).toContain('白杨沟村党群服务中心岗');
    await el('#cat-land_dispute').waitFor();

    // an empty send: the errors are tied to their fields and the first one takes the focus
    await tabTo('send');
    expect(await focusRing()).toBe(true);
    await page.keyboard.press('Enter');
    await poll(focused).toMatch(/^cat-/);
    expect(await el('#categories-error').getAttribute('role')).toBe('alert');
    expect(await el('#categories').getAttribute('aria-describedby')).toBe('categories-error');
    await poll(() => el('#description-input').getAttribute('aria-invalid')).toBe('true');
    expect(await el('#description-input').getAttribute('aria-describedby')).toBe('description-error');
    await shot('1-report-errors');

    // the focus is on the first category: Tab to 土地纠纷, Space chooses it
    await choose('cat-land_dispute');
    await tabTo('description');
    await page.keyboard.type('我家草场的网围栏被邻居挪了二十米');
    await poll(() => el('.count').textContent()).toContain('16 / 2000');
    await tabTo('phone');
    expect(await el('#phone-input').getAttribute('inputmode')).toBe('tel');
    await page.keyboard.type('13812345678');
    await shot('2-report-filled');
    await tabTo('send');
    await page.keyboard.press('Enter');
    await arrive(/pages\/result\/index/);
    await poll(() => el('#tracking-code').textContent()).toMatch(/^[A-Z0-9]{10}$/);
    const petitionId = new URLSearchParams(decodeURIComponent(new URL(page.url()).hash).split('?')[1]).get('id') ?? '';
    // sent as the browser's citizen
    expect((await call('GET', `/petitions/${petitionId}`, { token: await citizenToken(HERDER) })).status).toBe(200);
    await shot('3-result');
  });

  it('takes a case from 受理 to 办结, and declines another, with the keyboard alone, as centre staff', async () => {
    const { id: petitionId, code } = await aCase();
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${server.url}/#/staff/pages/login/index`);
    await el('#username-input').waitFor();
    await tabTo('username');
    await page.keyboard.type('babao');
    await tabTo('password');
    await page.keyboard.type(STAFF_PASSWORDS.babao!);
    await page.keyboard.press('Enter');
    await page.waitForURL(/staff\/pages\/home\/index/);
    await el('#staff-user').waitFor();
    await shot('4-staff-home', false);

    await tabTo('nav-queue');
    expect(await focusRing()).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/staff\/pages\/queue\/index/);
    await el('#queue-table').waitFor();
    await tabTo('code');
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
    await poll(() => el(`#row-${petitionId}`).textContent()).toContain(code);
    // the date filter from the keyboard: Tab reaches the year, the month and the day, ArrowDown picks the first of
    // each (this year, in China; January; the 1st), and the queue then shows the cases from that day on
    await tabTo('toggle-filters');
    await page.keyboard.press('Enter');
    for (const part of ['year', 'month', 'day']) {
      await tabTo(`from-${part}`);
      await page.keyboard.press('ArrowDown');
    }
    const chinaYear = String(new Date(Date.now() + 8 * 3_600_000).getUTCFullYear());
    expect([await el('#from-year').inputValue(), await el('#from-month').inputValue(), await el('#from-day').inputValue()]).toEqual([chinaYear, '01', '01']);
    expect(await el('#from').innerText()).not.toMatch(/[A-Za-z]/);
    await poll(() => el('#toggle-filters').textContent()).toContain('已筛选');
    await poll(() => el(`#row-${petitionId}`).textContent()).toContain(code);
    await poll(() => page.getByText('正在加载…').filter({ visible: true }).count()).toBe(0);
    await shot('5-staff-queue', false);
    await tabTo(`row-${petitionId}`);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`staff/pages/petition/index\\?id=${petitionId}`));
    await el('#action-accept').waitFor();

    const take = async (action: string, fill: () => Promise<void>, status: string) => {
      await tabTo(`action-${action}`);
      await page.keyboard.press('Enter');
      await fill();
      await tabTo(`submit-${action}`);
      await page.keyboard.press('Enter');
      await poll(() => el('#status').textContent()).toBe(status);
    };
    await take('accept', async () => undefined, '已受理');
    await take(
      'dispatch',
      async () => {
        await choose('f-dispatch-departmentId-babao-natural-resources');
      },
      '已分派',
    );
    await take(
      'progress',
      async () => {
        await tabTo('f-progress-note');
        await page.keyboard.type('已到现场测量边界');
      },
      '办理中',
    );
    await take(
      'resolve',
      async () => {
        await tabTo('f-resolve-summary');
        await page.keyboard.type('双方签订调解协议，围栏已恢复原位');
      },
      '已办结',
    );
    await shot('6-staff-resolved', false);

    // and 不予受理, with its two reasons typed
    const other = await aCase();
    await page.goto(`${server.url}/#/staff/pages/petition/index?id=${other.id}`);
    await el('#action-decline').waitFor();
    await take(
      'decline',
      async () => {
        await tabTo('f-decline-reason');
        await page.keyboard.type('属于法院已受理的民事诉讼事项');
        await tabTo('f-decline-redirect');
        await page.keyboard.type('请向县人民法院咨询案件进展');
      },
      '不予受理',
    );
    await page.setViewportSize({ width: 390, height: 844 });
  });

  it('books a reception and cancels it with the keyboard alone; the dialog that asks first is named and keeps the focus', async () => {
    const { hostId, slots } = await aHost();
    await page.goto(`${server.url}/#/pages/video/index`);
    await arrive(/pages\/video\/index/);
    await tabTo('book-reception');
    await page.keyboard.press('Enter');
    await arrive(/booking\/pages\/hosts\/index/);
    await choose('centre-babao');
    await el(`#host-${hostId}`).waitFor();
    await tabTo(`host-${hostId}`);
    await page.keyboard.press('Enter');
    await arrive(/booking\/pages\/slots\/index/);
    await el(`#${slotId(slots[0]!)}`).waitFor();
    await choose(slotId(slots[0]!));
    // past every free time of the days shown: how many there are depends on the hour the test runs
    await tabTo('topic', (await page.locator('#slot-days button').count()) + 20);
    await page.keyboard.type('草场边界纠纷想请调解员帮忙');
    await shot('10-booking-keyboard');
    await tabTo('confirm');
    await page.keyboard.press('Enter');
    await arrive(/booking\/pages\/mine\/index/);
    const herder = await citizenToken(HERDER);
    const mine = async () => ((await call('GET', '/bookings/mine?limit=50', { token: herder })).body.items as Array<{ id: string; host: { id: string }; start: string; status: string }>).filter((b) => b.host.id === hostId);
    const [booked] = await mine();
    expect(booked).toMatchObject({ start: slots[0], status: 'booked' });

    // 取消: the dialog asks first, with the focus on the safe choice, and Tab stays inside it
    await el(`#cancel-${booked!.id}`).waitFor();
    await tabTo(`cancel-${booked!.id}`);
    await page.keyboard.press('Enter');
    await poll(focused).toBe('confirm-cancel');
    const dialog = el('[role="alertdialog"]');
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    expect(await page.locator(`#${await dialog.getAttribute('aria-labelledby')}:visible`).textContent()).toBe('取消预约');
    expect(await focusRing()).toBe(true);
    await shot('11-cancel-dialog');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('confirm-ok');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('confirm-cancel');
    // Escape is the way back: nothing is cancelled
    await page.keyboard.press('Escape');
    await poll(() => page.locator('[role="alertdialog"]:visible').count()).toBe(0);
    expect((await mine())[0]?.status).toBe('booked');

    await tabTo(`cancel-${booked!.id}`);
    await page.keyboard.press('Enter');
    await poll(focused).toBe('confirm-cancel');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await poll(() => el(`#booking-${booked!.id}`).textContent()).toContain('已取消');
    expect((await mine())[0]?.status).toBe('cancelled');
  });

  it('scales every citizen text in large-text mode (none under 18 px), with targets of at least 44 × 44 px', async () => {
    // the result page shows what the last send answered, as the device kept it
    const { id: petitionId, answer: lastResult } = await aCase(true);
    const { hostId, slots } = await aHost();
    const booked = await call('POST', '/bookings', {
      token: await citizenToken(HERDER),
      headers: { 'idempotency-key': newKey() },
      body: { hostId, start: slots[1], way: 'video', topic: '网围栏被挪的事想当面说清楚' },
    });
    expect(booked.status).toBe(201);
    const pages: Array<{ name: string; url: string; ready: string }> = [
      { name: 'home', url: `${server.url}/#/pages/index/index`, ready: '#large-text' },
      { name: 'report', url: postLink(server.url, POST_ID), ready: '#cat-land_dispute' },
      { name: 'mine', url: `${server.url}/#/pages/mine/index`, ready: '#mine-list button' },
      { name: 'detail', url: `${server.url}/#/pages/detail/index?id=${petitionId}`, ready: '#rate-dissatisfied' },
      { name: 'track', url: `${server.url}/#/pages/track/index`, ready: '#track-send' },
      { name: 'result', url: `${server.url}/#/pages/result/index?id=${petitionId}`, ready: '#tracking-code' },
      { name: 'claim', url: `${server.url}/#/pages/claim/index`, ready: '#claim-send' },
      { name: 'video', url: `${server.url}/#/pages/video/index`, ready: '#book-reception' },
      { name: 'hosts', url: `${server.url}/#/booking/pages/hosts/index`, ready: '#host-list button' },
      { name: 'slots', url: `${server.url}/#/booking/pages/slots/index?hostId=${hostId}`, ready: `#${slotId(slots[0]!)}` },
      { name: 'bookings', url: `${server.url}/#/booking/pages/mine/index`, ready: `#cancel-${booked.body.id}` },
    ];
    // the mode is set with its switch twice, not once per page: every page in normal mode, then every page in large
    const open = async (url: string, ready: string, large: boolean) => {
      await page.evaluate((answer) => localStorage.setItem('sg.lastResult', JSON.stringify({ data: answer })), lastResult);
      await page.goto(url);
      await page.reload();
      await el(ready).waitFor();
      await poll(() => el('.page').getAttribute('class')).toMatch(large ? /\blarge\b/ : /^(?!.*\blarge\b)/);
      await settled();
    };
    const normalTexts = new Map<string, Measured[]>();
    await setLargeText(false);
    for (const p of pages) {
      await open(p.url, p.ready, false);
      normalTexts.set(p.name, await measureTexts());
      expect(await smallTargets(), p.name).toEqual([]);
      await shot(`7-${p.name}-normal`);
    }
    const largeTexts = new Map<string, Measured[]>();
    await setLargeText(true);
    for (const p of pages) {
      await open(p.url, p.ready, true);
      const large = await measureTexts();
      largeTexts.set(p.name, large);
      expect(await smallTargets(), p.name).toEqual([]);
      await shot(`8-${p.name}-large`);

      expect(large.length, p.name).toBeGreaterThan(3);
      expect(large.filter((t) => t.px < 18).map((t) => `${t.text} ${t.px}px`), `${p.name}: texts under 18 px in large mode`).toEqual([]);
      // every text grows: the same texts, each larger than in normal mode
      const before = new Map(normalTexts.get(p.name)!.map((t) => [t.key, t.px]));
      const notLarger = large.filter((t) => before.has(t.key) && !(t.px > before.get(t.key)!)).map((t) => `${t.text} ${before.get(t.key)}→${t.px}px`);
      expect(notLarger, `${p.name}: texts that did not grow`).toEqual([]);
      expect(large.filter((t) => before.has(t.key)).length, p.name).toBeGreaterThan(large.length * 0.9);
    }
    // the detail page shows the status tag, the step states, notes and the comment box: all measured above
    const detail = largeTexts.get('detail') ?? [];
    for (const text of ['已办结', '已完成', '已到现场测量边界']) expect(detail.some((t) => t.text.includes(text)), text).toBe(true);
    expect(detail.some((t) => t.key.endsWith('|rating-comment-input'))).toBe(true);
  }, 480_000);

  it('follows the browser\'s own default font size', async () => {
    const bodyPx = () => el('#description-input').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    await setLargeText(false);
    await page.goto(postLink(server.url, POST_ID));
    await page.reload();
    await el('#description-input').waitFor();
    expect(await bodyPx()).toBe(17);

    // the user's own setting: Chromium's default font size at 24 px (its settings page, here through DevTools)
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24 } });
    await page.reload();
    await el('#description-input').waitFor();
    await poll(bodyPx).toBe(25.5);
    const texts = await measureTexts();
    expect(texts.filter((t) => t.px < 20).map((t) => `${t.text} ${t.px}px`)).toEqual([]);
    await shot('9-report-browser-24px');
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 16 } });
  });
});
