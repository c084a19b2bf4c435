/**
 * Words in one place: every text a citizen reads on every citizen page of the H5 build — what the page shows, what
 * its controls are named (aria-label), what its boxes hint (placeholder), the page's title — is a word of the
 * catalogue (miniprogram/src/i18n), a template of it filled with values, or data (what the API answered the page, a
 * time from the one formatter, a number). A word written into a page instead of the catalogue fails it. The county's
 * names for its levels (乡镇/苏木) are its settings'.
 */
import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postLink } from '../../shared/postLink';
import { anyHourHost, call, lastingSlots, citizenToken, newKey, report, staffToken } from '../support/api';
import { TEST_API_HOST } from '../support/appBuild';
import { openCitizenApp, type CitizenApp } from '../support/citizenApp';
import { dataOf, notInCatalogue } from '../support/catalogue';

const POST_ID = 'babao-baiyanggou-p1';
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000, interval: 100 });

describe('the words of the citizen pages', () => {
  let app: CitizenApp;
  let server: CitizenApp['server'];
  let page: Page;
  const HERDER = `words-${Date.now()}`;

  beforeAll(async () => {
    app = await openCitizenApp({ shots: 'h5-words', citizen: HERDER });
    ({ server, page } = app);
  }, 1_200_000);
  afterAll(() => app?.close());

  /** Every text of the page shown: its visible text nodes, the names and hints of its elements, its title. */
  const textsShown = () =>
    page.evaluate(() => {
      const out: string[] = [document.title];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const parent = n.parentElement;
        if (!parent || parent.closest('script, style') || !parent.getClientRects().length) continue;
        out.push(n.textContent ?? '');
      }
      for (const e of Array.from(document.body.querySelectorAll('[aria-label], [placeholder], [title], [alt]'))) {
        if (!e.getClientRects().length) continue;
        for (const a of ['aria-label', 'placeholder', 'title', 'alt']) out.push(e.getAttribute(a) ?? '');
      }
      return out.map((t) => t.trim()).filter(Boolean);
    });

  it('shows only words of the catalogue, templates of it filled with data, and data, on every citizen page', async () => {
    // what the API answers the page is data: names, the case's words, codes
    const data = new Set<string>();
    const collect = (res: Response) => {
      if (new URL(res.url()).host !== TEST_API_HOST) return;
      void res.json().then(
        (body: unknown) => dataOf(body, data),
        () => undefined,
      );
    };
    page.on('response', collect);

    const token = await citizenToken(HERDER);
    // a case taken to 办结 (the timeline's notes and the rating form), and an anonymous one (the result's secret)
    const sent = await report(token);
    const id = sent.body.id as string;
    const step = async (who: string, action: string, body: unknown) =>
      expect((await call('POST', `/staff/petitions/${id}/${action}`, { token: await staffToken(who), body })).status).toBe(200);
    await step('babao', 'accept', {});
    await step('babao', 'dispatch', { departmentId: 'babao-natural-resources', handlerId: 'u-babao-resources' });
    await step('babao-resources', 'progress', { note: '已到现场测量边界' });
    await step('babao-resources', 'resolve', { summary: '双方签订调解协议，围栏已恢复原位' });
    const anonymous = await report(token, { anonymous: true });
    expect(anonymous.status).toBe(201);
    dataOf(anonymous.body, data);
    // a host with free times, and a booking with it
    const hostId = `h-words-${newKey().slice(0, 8)}`;
    await anyHourHost(hostId);
    const slots = lastingSlots((await call('GET', `/hosts/${hostId}/slots?days=2`)).body.items as Array<{ start: string }>);
    const booked = await call('POST', '/bookings', { token, headers: { 'idempotency-key': newKey() }, body: { hostId, start: slots[1]?.start, way: 'video', topic: '网围栏被挪的事想当面说清楚' } });
    expect(booked.status).toBe(201);

    const pages: Array<{ name: string; url: string; ready: string }> = [
      { name: 'home', url: `${server.url}/#/pages/index/index`, ready: '#large-text' },
      { name: 'report', url: postLink(server.url, POST_ID), ready: '#cat-land_dispute' },
      { name: 'report without a post', url: `${server.url}/#/pages/report/index`, ready: '#township-babao' },
      { name: 'mine', url: `${server.url}/#/pages/mine/index`, ready: '#mine-list button' },
      { name: 'detail', url: `${server.url}/#/pages/detail/index?id=${id}`, ready: '#rate-dissatisfied' },
      { name: 'track', url: `${server.url}/#/pages/track/index`, ready: '#track-send' },
      { name: 'result', url: `${server.url}/#/pages/result/index?id=${anonymous.body.id}`, ready: '#secret' },
      { name: 'claim', url: `${server.url}/#/pages/claim/index`, ready: '#claim-send' },
      { name: 'video', url: `${server.url}/#/pages/video/index`, ready: '#book-reception' },
      { name: 'hosts', url: `${server.url}/#/booking/pages/hosts/index`, ready: `#host-${hostId}` },
      { name: 'slots', url: `${server.url}/#/booking/pages/slots/index?hostId=${hostId}`, ready: '#slot-days button' },
      { name: 'bookings', url: `${server.url}/#/booking/pages/mine/index`, ready: `#cancel-${booked.body.id}` },
    ];
    const strangers: Record<string, string[]> = {};
    for (const p of pages) {
      // the result page shows what the last send answered, as the device kept it
      await page.evaluate((answer) => localStorage.setItem('sg.lastResult', JSON.stringify({ data: answer })), anonymous.body);
      await page.goto(p.url);
      await page.reload();
      await page.locator(`${p.ready}:visible`).first().waitFor();
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
      const texts = await textsShown();
      expect(texts.length, p.name).toBeGreaterThan(3);
      const unknown = notInCatalogue(texts, data);
      if (unknown.length) strangers[p.name] = unknown;
    }
    page.off('response', collect);
    expect(strangers).toEqual({});
  }, 480_000);

  it('names the county\'s levels as its settings do, in the question and in its red message', async () => {
    const settings = { levelNames: { township: '苏木', village: '嘎查' } };
    expect((await call('PUT', '/staff/counties/qilian/settings', { token: await staffToken('county'), body: settings })).status).toBe(200);
    // the citizen function keeps the organisation for a second (ORG_CACHE_SECONDS in tests): wait until it answers anew
    await poll(async () => (await call('GET', '/townships')).body.levelNames.township).toBe('苏木');
    await page.goto(`${server.url}/#/pages/report/index`);
    await page.reload();
    const el = (id: string) => page.locator(`#${id}:visible`).first();
    await poll(() => el('township-question').textContent()).toBe('您在哪个苏木？');
    await el('send').click();
    await poll(() => el('townships-error').textContent()).toBe('请扫码选择岗点，或选择所在苏木');
  });
});
