/**
 * The H5 build in headless Chromium against the local stack: a herder opens the app from a post URL, reports
 * (the API is cut for the first send, after the server got it), sends the waiting draft again, sees exactly one
 * petition in 我的反映, follows it through accept, dispatch and resolve done by staff through the API, and rates
 * it dissatisfied. Screenshots go to test-results/.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postLink } from '../../shared/postLink';
import { call, staffToken } from '../support/api';
import { TEST_API_BASE } from '../support/appBuild';
import type { Browser } from '../support/browser';
import { openCitizenApp, type CitizenApp } from '../support/citizenApp';
import { stack } from '../support/worker';

const POST_ID = 'babao-baiyanggou-p1';
// a 1×1 PNG, picked as the report's photo
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** The local API runs each Lambda cold the first time: give the page time to get its answers. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000, interval: 100 });

const step = (token: string, id: string, action: string, body: unknown = {}) =>
  call('POST', `/staff/petitions/${id}/${action}`, { token, body });

describe('the citizen app in a browser (H5)', () => {
  let app: CitizenApp;
  let server: CitizenApp['server'];
  let browser: Browser;
  let page: Page;
  const apiUrl = stack().apiUrl;

  beforeAll(async () => {
    app = await openCitizenApp({ shots: 'h5' });
    ({ server, browser, page } = app);
  }, 1_200_000);

  afterAll(() => app?.close());

  const shot = (name: string) => app.shot(name);
  const arrive = (route: RegExp) => app.arrive(route);
  const el = (id: string) => app.el(`#${id}`);
  const pagePath = () => decodeURIComponent(new URL(page.url()).hash);

  it('remembers large-text mode on the home page', async () => {
    await page.goto(server.url);
    await el('large-text').waitFor();
    await poll(() => page.locator('.page:visible').first().getAttribute('class')).not.toContain('large');
    await el('large-text').click();
    await poll(() => page.locator('.page:visible').first().getAttribute('class')).toContain('large');
    await page.reload();
    await el('large-text').waitFor();
    await poll(() => page.locator('.page:visible').first().getAttribute('class')).toContain('large');
    await shot('0-home-large-text');
    await el('large-text').click();
    await poll(() => page.locator('.page:visible').first().getAttribute('class')).not.toContain('large');
  });

  it('asks for a scanned post once, from the page itself while the code loads, as a plain GET (no CORS preflight)', async () => {
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.enable');
    const asked: Array<{ method: string; contentType?: string; from?: string }> = [];
    cdp.on('Network.requestWillBeSent', (e: { request: { url: string; method: string; headers: Record<string, string> }; initiator: { stack?: { callFrames: Array<{ url: string }> } } }) => {
      if (new URL(e.request.url).pathname !== `/posts/${POST_ID}`) return;
      asked.push({ method: e.request.method, contentType: e.request.headers['Content-Type'], from: e.initiator.stack?.callFrames[0]?.url });
    });
    await page.goto('about:blank');
    await page.goto(postLink(server.url, POST_ID));
    await el('cat-land_dispute').waitFor();
    await cdp.detach();
    // one request, no preflight, and made by the page's own script (index.html), not by the app's code (js/…)
    expect(asked).toEqual([{ method: 'GET', contentType: undefined, from: postLink(server.url, POST_ID) }]);
  });

  it('opens the report form straight from a post\'s link, its code asked for beside the app\'s and nothing else', async () => {
    // what index.html names: the app's scripts, and the report page's code it preloads for a post's link
    const html = await (await fetch(`${server.url}/`)).text();
    const scripts = [...html.matchAll(/<script defer="defer" src="([^"]+\.js)"/g)].map((m) => m[1]!);
    const preloaded = JSON.parse(/(\[[^\]]*\])\.forEach\(function \(src\)/.exec(html)?.[1] ?? 'null') as string[];
    expect(scripts.length).toBeGreaterThan(0);
    expect(preloaded.length).toBeGreaterThan(0);
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const fetched: string[] = [];
    cdp.on('Network.requestWillBeSent', (e: { request: { url: string } }) => {
      const url = new URL(e.request.url);
      if (url.origin === server.url && url.pathname.endsWith('.js')) fetched.push(url.pathname);
    });
    await page.goto('about:blank');
    await page.goto(postLink(server.url, POST_ID));
    await el('cat-land_dispute').waitFor();
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    await cdp.detach();
    // the form is the first page (the home page's code never loads), and all its code was named at once
    expect(page.url()).toContain(`#/pages/report/index?postId=${POST_ID}`);
    expect([...new Set(fetched)].sort()).toEqual([...scripts, ...preloaded].sort());
  });

  it('reports from a post URL, survives a cut network, follows every step and rates', async () => {
    // a citizen of this test's own: 我的反映 then holds only what this test reports (another test reports anonymously)
    await app.as(`herder-${randomUUID().slice(0, 8)}`);
    // open from the post's code: the home page hands over to the report form with the post filled in
    await page.goto(postLink(server.url, POST_ID));
    await arrive(/pages\/report\/index/);
    await poll(() => el('post-info').textContent()).toContain('白杨沟村党群服务中心岗');
    await poll(() => el('post-info').textContent()).toContain('八宝镇综治中心');

    await el('cat-land_dispute').click();
    await el('description').locator('textarea').fill('我家草场的网围栏被邻居挪了二十米');
    await poll(() => page.locator('.count:visible').textContent()).toContain('16 / 2000');

    // a photo: the app asks the API for a presigned PUT and sends the file straight to storage (the S3 stand-in)
    const chooser = page.waitForEvent('filechooser');
    await el('add-photo').click();
    await (await chooser).setFiles({ name: 'fence.png', mimeType: 'image/png', buffer: PHOTO });
    await poll(() => page.locator('.photos:visible .photo').count()).toBe(1);
    await shot('1-report-form');

    // the first send reaches the server but its answer is lost
    let cut = true;
    await browser.context.route(
      (url) => url.pathname === '/petitions',
      async (route) => {
        if (cut && route.request().method() === 'POST') {
          cut = false;
          // sent from the test's side, where the build's API address is not mapped: to the worker's API itself
          await route.fetch({ url: route.request().url().replace(TEST_API_BASE, apiUrl) });
          await route.abort('connectionreset');
        } else {
          await route.continue();
        }
      },
    );
    await el('send').click();
    await poll(() => el('draft-waiting').textContent()).toContain('正在等待发送');
    await shot('2-draft-waiting');
    const draft = await page.evaluate(() => localStorage.getItem('sg.drafts'));
    const key = /"idempotencyKey":"([A-Za-z0-9_-]+)"/.exec(draft ?? '')?.[1];
    expect(key).toBeTruthy();

    // sending again uses the same key: the server answers with the petition it already has
    const resent = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/petitions');
    await el('send').click();
    expect((await resent).headers()['idempotency-key']).toBe(key);
    await arrive(/pages\/result\/index/);
    await poll(() => el('tracking-code').textContent()).toMatch(/^[A-Z0-9]{10}$/);
    await poll(() => el('routing').textContent()).toContain('八宝镇自然资源所');
    await shot('3-result');
    const id = new URLSearchParams(pagePath().split('?')[1]).get('id');
    expect(id).toBeTruthy();
    expect(await page.evaluate(() => localStorage.getItem('sg.drafts'))).toBeNull();

    // 我的反映: exactly one petition, although the form was sent twice
    await page.goto(`${server.url}/#/pages/mine/index`);
    await poll(() => page.locator('#mine-list:visible .list-item').count()).toBe(1);
    await poll(() => el('mine-list').textContent()).toContain('土地纠纷');
    await shot('4-mine');

    // staff act through the API
    const centre = await staffToken('babao');
    const file = await call('GET', `/staff/petitions/${id}`, { token: centre });
    expect(file.body.photos).toHaveLength(1);
    expect((await step(centre, id!, 'accept', { note: '已登记' })).status).toBe(200);
    expect((await step(centre, id!, 'dispatch', { departmentId: 'babao-natural-resources', handlerId: 'u-babao-resources' })).status).toBe(200);
    const handler = await staffToken('babao-resources');
    expect((await step(handler, id!, 'progress', { note: '已到现场测量边界' })).status).toBe(200);
    expect((await step(handler, id!, 'resolve', { summary: '双方签订调解协议，围栏已恢复原位' })).status).toBe(200);

    await page.locator('#mine-list:visible .list-item').first().click();
    await arrive(/pages\/detail\/index/);
    await poll(() => el('status').textContent()).toBe('已办结');
    for (const key of ['report', 'accept', 'dispatch', 'handle']) {
      await poll(() => el(`step-${key}`).getAttribute('class')).toContain('done');
    }
    await poll(() => el('step-rate').getAttribute('class')).toContain('current');
    await poll(() => el('timeline').textContent()).toContain('已到现场测量边界');
    await poll(() => page.locator('.page:visible').textContent()).toContain('双方签订调解协议');
    await shot('5-detail-resolved');

    // dissatisfied: the case is reopened and the citizen is told who reviews it
    await el('rate-dissatisfied').click();
    await el('rating-comment').locator('textarea').fill('围栏还没挪回去');
    await el('send-rating').click();
    await poll(() => el('reopened').textContent()).toContain('重新办理');
    await poll(() => el('reopened').textContent()).toContain('八宝镇综治中心');
    await poll(() => el('status').textContent()).toBe('重新办理');
    await poll(() => el('step-rate').textContent()).toContain('不满意，已重新办理');
    await poll(() => el('step-handle').getAttribute('class')).toContain('current');
    await shot('6-reopened');
  });

  it('reports anonymously without a code, is told plainly when the text fails the content check, and tracks it', async () => {
    await page.goto(server.url);
    await el('report-without-code').click();
    await arrive(/pages\/report\/index/);
    await el('township-ebao').click();
    await el('cat-neighbour').click();
    await el('anonymous').click();
    await el('description').locator('textarea').fill('邻居叫我去赌博网站充值还钱');
    await el('send').click();
    await poll(() => page.locator('.field-error:visible').allTextContents()).toContain('内容含有不当信息，请修改后再提交');
    await shot('7-rejected-content');

    await el('description').locator('textarea').fill('邻居家的狗天天夜里叫，劝了不听');
    await el('send').click();
    await arrive(/pages\/result\/index/);
    const code = (await el('tracking-code').textContent())?.trim() ?? '';
    const secret = (await el('secret').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[A-Z0-9]{10}$/);
    expect(secret.length).toBeGreaterThan(0);
    await poll(() => el('routing').textContent()).toContain('峨堡镇综治中心');
    await shot('8-anonymous-result');

    await page.goto(`${server.url}/#/pages/track/index`);
    await el('track-code').locator('input').fill(code);
    await el('track-secret').locator('input').fill(secret);
    await el('track-send').click();
    await arrive(/pages\/detail\/index/);
    await poll(() => el('status').textContent()).toBe('已上报');
    await poll(() => el('step-accept').getAttribute('class')).toContain('current');
    await shot('9-tracked');
  });
});
