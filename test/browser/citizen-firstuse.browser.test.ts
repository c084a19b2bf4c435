/**
 * What a first-time citizen tripped over (issue 12), in the H5 build in Chromium against the local stack: location
 * with geolocation refused and granted, red messages that go once a field is right, a code the app does not know,
 * the anonymous query secret, the way back from every page, their own photos, and 我的预约 in a useful order.
 * Screenshots go to test-results/h5-firstuse-*.png.
 */
import gcoord from 'gcoord';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postLink } from '../../shared/postLink';
import { call, newKey, staffToken } from '../support/api';
import type { Browser } from '../support/browser';
import { openCitizenApp, type CitizenApp } from '../support/citizenApp';

const POST_ID = 'babao-baiyanggou-p1';
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000, interval: 100 });
/** Where the browser says it is: WGS-84, as a phone's GPS gives it, near 八宝镇 */
const HERE = { latitude: 38.18, longitude: 100.245 };

describe('a first-time citizen in a browser (H5)', () => {
  let app: CitizenApp;
  let server: CitizenApp['server'];
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await openCitizenApp({ shots: 'h5-firstuse', label: 'firstuse' });
    ({ server, browser, page } = app);
  }, 1_200_000);

  afterAll(() => app?.close());

  const shot = (name: string) => app.shot(name);
  const arrive = (route: RegExp) => app.arrive(route);
  const el = (id: string) => app.el(`#${id}`);
  /** a fresh load of the app at this URL, as a link opened from outside (not a hash change inside the running app) */
  const openFresh = async (url: string) => {
    await page.goto('about:blank');
    await page.goto(url);
  };
  const visibleText = () => page.locator('.page:visible').first().innerText();
  const errorsShown = () => page.locator('.field-error:visible').allTextContents();

  it('says plainly when location is refused, and attaches it in GCJ-02 when allowed', async () => {
    await browser.context.clearPermissions();
    await openFresh(postLink(server.url, POST_ID));
    await arrive(/pages\/report\/index/);
    await el('add-location').click();
    await poll(errorsShown).toContain('您没有允许使用位置，所以没有附上。可以在设置里允许使用位置后再点一次，或不附位置直接提交。');
    await shot('1-location-refused');

    await browser.context.grantPermissions(['geolocation'], { origin: server.url });
    await browser.context.setGeolocation(HERE);
    await el('add-location').click();
    await poll(() => el('location-added').textContent()).toBe('已附上当前位置');
    expect(await errorsShown()).toEqual([]);
    await el('cat-land_dispute').click();
    await el('description').locator('textarea').fill('草场边上的水渠堵了，牲畜喝不上水');
    await el('send').click();
    await arrive(/pages\/result\/index/);
    const id = new URLSearchParams(decodeURIComponent(new URL(page.url()).hash).split('?')[1]).get('id')!;
    const file = await call('GET', `/staff/petitions/${id}`, { token: await staffToken('babao') });
    const [lng, lat] = gcoord.transform([HERE.longitude, HERE.latitude], gcoord.WGS84, gcoord.GCJ02);
    // GCJ-02 lies some hundred metres from WGS-84 here: the stored point is the converted one, not the raw one
    expect(file.body.location.lat).toBeCloseTo(lat, 5);
    expect(file.body.location.lng).toBeCloseTo(lng, 5);
    expect(Math.hypot(file.body.location.lat - HERE.latitude, file.body.location.lng - HERE.longitude)).toBeGreaterThan(0.001);
    await browser.context.clearPermissions();
  });

  it('takes a red message away as soon as the field is right', async () => {
    await openFresh(postLink(server.url, POST_ID));
    await arrive(/pages\/report\/index/);
    await el('send').click();
    await poll(errorsShown).toEqual(expect.arrayContaining(['请选择诉求类型', '问题描述至少 5 个字']));
    await shot('2-errors');
    await el('cat-neighbour').click();
    await poll(errorsShown).not.toContain('请选择诉求类型');
    expect(await errorsShown()).toContain('问题描述至少 5 个字');
    await el('description').locator('textarea').fill('邻居半夜');
    expect(await errorsShown()).toContain('问题描述至少 5 个字');
    await el('description').locator('textarea').fill('邻居半夜施工');
    await poll(errorsShown).toEqual([]);
    await shot('3-errors-cleared');
  });

  it('says when a code is not recognised, and offers the form without a post', async () => {
    await openFresh(postLink(server.url, 'no-such-post-2026'));
    await arrive(/pages\/report\/index/);
    await poll(() => el('unknown-post').textContent()).toContain('没有认出这个二维码');
    expect(await visibleText()).not.toContain('正在加载');
    // the county's own word for the level (祁连县, Qinghai: 乡镇), never 苏木镇
    await poll(() => el('township-question').textContent()).toBe('您在哪个乡镇？');
    expect(await visibleText()).not.toMatch(/苏木|嘎查/);
    await el('township-babao').click();
    // the categories in the county's order, 其他诉求 last (not by their ids, which put 消费纠纷 first)
    await poll(() => page.locator('#categories:visible .chip').allTextContents()).toEqual([
      '邻里纠纷', '土地纠纷', '草原生态', '拖欠工资', '供暖问题', '婚姻家庭纠纷', '违法建设', '征地拆迁', '消费纠纷', '其他诉求',
    ]);
    await el('cat-heating').click();
    await el('description').locator('textarea').fill('暖气片一直不热，家里有老人');
    await shot('4-unknown-post');
    await el('send').click();
    await arrive(/pages\/result\/index/);
    await poll(() => el('routing').textContent()).toContain('八宝镇综治中心');
  });

  it('gives an anonymous secret without look-alikes, copies it, keeps it out of the URL and lets a wrong one be retyped', async () => {
    await openFresh(server.url);
    await el('report-without-code').click();
    await arrive(/pages\/report\/index/);
    await el('township-ebao').click();
    await el('cat-neighbour').click();
    await el('anonymous').click();
    await el('description').locator('textarea').fill('邻居家的羊群天天进我家草场');
    await el('send').click();
    await arrive(/pages\/result\/index/);
    const code = (await el('tracking-code').textContent())!.trim();
    const secret = (await el('secret').textContent())!.trim();
    expect(secret).toMatch(/^[A-HJ-NP-Z2-9]{12}$/);

    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await el('copy-secret').click();
    await poll(() => el('copy-secret').textContent()).toContain('已复制');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`跟踪码 ${code} 查询密码 ${secret}`);
    await shot('5-secret-copied');

    await el('track-now').click();
    await arrive(/pages\/track\/index/);
    await poll(() => el('track-code').locator('input').inputValue()).toBe(code);
    await el('track-secret').locator('input').fill('WRONGSECRET2');
    await el('track-send').click();
    await poll(() => el('track-error').textContent()).toContain('跟踪码或查询密码不对');
    expect(await el('track-code').locator('input').inputValue()).toBe(code);
    await shot('6-wrong-secret');
    await el('track-secret').locator('input').fill(secret.toLowerCase());
    await el('track-send').click();
    await arrive(/pages\/detail\/index/);
    await poll(() => el('status').textContent()).toBe('已上报');
    expect(page.url()).not.toContain(secret);

    // a reload forgets the secret: the page asks for it again instead of failing
    await page.reload();
    await poll(() => el('detail-error').textContent()).toContain('请重新输入查询密码');
    await el('track-again').click();
    await arrive(/pages\/track\/index/);
    await poll(() => el('track-code').locator('input').inputValue()).toBe(code);
    await shot('7-track-again');
  });

  it('offers a way back on every sub-page, and shows a citizen the photos of their own report', async () => {
    // opened straight from a link there is no page to go back to: the way back leads home
    await openFresh(`${server.url}/#/pages/mine/index`);
    await poll(() => el('back').textContent()).toContain('回到首页');
    await el('back').click();
    await poll(() => el('report-without-code').isVisible()).toBe(true);
    expect(await page.locator('#back:visible').count()).toBe(0);

    await el('report-without-code').click();
    await arrive(/pages\/report\/index/);
    await poll(() => el('back').textContent()).toContain('返回');
    await el('township-babao').click();
    await el('cat-land_dispute').click();
    await el('description').locator('textarea').fill('围栏被人剪断了，照片在这里');
    const chooser = page.waitForEvent('filechooser');
    await el('add-photo').click();
    await (await chooser).setFiles({ name: 'fence.png', mimeType: 'image/png', buffer: PHOTO });
    await poll(() => page.locator('.photos:visible .photo').count()).toBe(1);
    await el('send').click();
    await arrive(/pages\/result\/index/);
    const id = new URLSearchParams(decodeURIComponent(new URL(page.url()).hash).split('?')[1]).get('id')!;
    await openFresh(`${server.url}/#/pages/detail/index?id=${id}`);
    await poll(() => page.locator('#my-photos:visible img').count()).toBe(1);
    await poll(() => page.locator('#my-photos:visible img').first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    await shot('8-my-photos');
  });

  it('lists my bookings still to come soonest first, then the rest', async () => {
    // bookings made with this browser's own login, through the API: the page logs in to list none yet
    await openFresh(`${server.url}/#/booking/pages/mine/index`);
    await poll(() => page.evaluate(() => localStorage.getItem('sg.token'))).toBeTruthy();
    // Taro's H5 storage keeps each value as {"data": …}
    const stored = JSON.parse((await page.evaluate(() => localStorage.getItem('sg.token')))!) as { data: { token: string } };
    const token = stored.data.token;
    const host = (await call('GET', '/hosts?centreId=babao')).body.items[0];
    const free = ((await call('GET', `/hosts/${host.id}/slots?days=14`)).body.items as Array<{ start: string; free: number }>).filter((s) => s.free > 0);
    expect(free.length).toBeGreaterThanOrEqual(3);
    const [soon, later, cancelled] = [free[0]!, free[2]!, free[1]!];
    const book = (start: string) =>
      call('POST', '/bookings', { token, headers: { 'idempotency-key': newKey() }, body: { hostId: host.id, start, way: 'video', topic: '想请调解员看看草场边界' } });
    const made: Record<string, string> = {};
    // one citizen holds at most two bookings with a host in a week: the cancelled one is cancelled before the others
    for (const [name, slot] of Object.entries({ cancelled, later, soon })) {
      const res = await book(slot.start);
      expect(res.status).toBe(201);
      made[name] = res.body.id;
      if (name === 'cancelled') expect((await call('POST', `/bookings/${made.cancelled}/cancel`, { token, body: {} })).status).toBe(200);
    }

    await openFresh(`${server.url}/#/booking/pages/mine/index`);
    await poll(() => page.locator('#booking-list:visible .booking').count()).toBe(3);
    const order = await page.locator('#booking-list:visible .booking').evaluateAll((els) => els.map((e) => e.id.replace('booking-', '')));
    expect(order).toEqual([made.soon, made.later, made.cancelled]);
    expect(await el('booking-list').innerText()).toMatch(/即将进行[\s\S]*已结束或已取消/);
    await shot('9-my-bookings');
  });
});
