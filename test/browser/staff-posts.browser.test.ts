/**
 * Posts and their QR posters (H5, desktop width). A centre's staff member creates a post through the form (a blank
 * form is refused field by field, in Chinese), finds it in the list, and opens its poster: the QR code on screen,
 * photographed and decoded, is the post's link on the base this build was configured with (POST_LINK_BASE), which
 * the app's own parser reads back to the post. Two posts selected on the list print as two A4 pages, each with its
 * own code, and no staff menu.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postIdFromUrl } from '../../miniprogram/src/lib/code';
import { postLink } from '../../shared/postLink';
import { call, staffToken } from '../support/api';
import { TEST_POST_LINK_BASE } from '../support/appBuild';
import { decodeQr, openStaffApp, poll, SHOTS, type StaffApp } from '../support/staffApp';

// The test build's base (not the default one, 127.0.0.1:10086), so the codes can only carry it if the build put it there.
const LINK_BASE = TEST_POST_LINK_BASE;
const SEEDED_POST = 'babao-yingpantai-p1';

/** A post of 白杨沟村 made through the API, for the tests that are not about the form. */
async function madePost(name: string): Promise<string> {
  const postId = `test-post-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const body = { name, address: '祁连县八宝镇白杨沟村二社路口', location: { lat: 38.19, lng: 100.251 }, nodeId: 'babao-baiyanggou-g1', categoryIds: ['grassland', 'neighbour'] };
  const made = await call('PUT', `/staff/posts/${postId}`, { token: await staffToken('babao'), body });
  if (made.status !== 200) throw new Error(`fixture post: ${made.status} ${JSON.stringify(made.body)}`);
  return postId;
}

describe('posts and their QR posters (H5)', () => {
  let app: StaffApp;

  beforeAll(async () => {
    app = await openStaffApp({ prefix: 'staff-posts' });
  }, 1_200_000);
  afterAll(async () => {
    await app?.close();
  });

  it('creates a post through the form, refusing a blank one field by field, and lists it', async () => {
    const name = `测试岗点${Date.now().toString(36)}`;
    await app.loginAs('babao');
    await app.el('#nav-posts').click();
    await app.page.waitForURL(/staff\/pages\/posts\/index/);
    await app.el('#posts-list').waitFor();
    await app.el('#post-new').click();
    await app.page.waitForURL(/staff\/pages\/posts\/edit/);

    await app.el('#post-save').click();
    await poll(() => app.el('#post-name-error').textContent()).toBe('请填写岗点名称');
    expect(await app.el('#post-node-error').textContent()).toBe('请选择所在村（嘎查、社区）或网格');
    expect(await app.el('#post-address-error').textContent()).toBe('请填写地址');
    expect(await app.el('#post-lat-error').textContent()).toBe('纬度须为数字');
    await app.shot('1-refused');

    await app.el('#post-name input').fill(name);
    await app.el('#node-babao-baiyanggou-g1').click();
    await app.el('#post-address input').fill('祁连县八宝镇白杨沟村二社路口');
    await app.el('#post-lat input').fill('38.19');
    await app.el('#post-lng input').fill('100.251');
    await app.el('#category-grassland').click();
    await app.el('#category-neighbour').click();
    await app.el('#post-save').click();
    await poll(() => app.el('#post-saved').textContent()).toContain(name);
    await app.shot('2-saved');

    const listed = await call('GET', '/staff/townships/babao/posts?limit=100', { token: await staffToken('babao') });
    const made = listed.body.items.find((p: { name: string }) => p.name === name);
    expect(made).toMatchObject({ nodeId: 'babao-baiyanggou-g1', address: '祁连县八宝镇白杨沟村二社路口', location: { lat: 38.19, lng: 100.251 }, categoryIds: ['grassland', 'neighbour'] });
    const postId = made.id as string;

    await app.el('#post-back').click();
    await app.page.waitForURL(/staff\/pages\/posts\/index/);
    await poll(() => app.el(`#post-${postId}`).textContent()).toContain(name);
    expect(await app.el(`#post-${postId}`).textContent()).toContain('草原生态');
    await app.shot('3-listed');
  });

  it('shows the post’s poster with a QR code that decodes to its link on the configured base', async () => {
    const name = `海报岗点${Date.now().toString(36)}`;
    const postId = await madePost(name);
    await app.loginAs('babao');
    await app.open('pages/posts/index?township=babao');
    await app.el(`#poster-${postId}`).click();
    await app.page.waitForURL(/staff\/pages\/posters\/index/);
    const sheet = app.el(`#sheet-${postId}`);
    await poll(() => sheet.textContent()).toContain(name);
    expect(await sheet.textContent()).toContain('八宝镇');
    expect(await sheet.textContent()).toContain('微信扫一扫，一键吹哨反映问题');
    await app.shot('4-poster');

    const decoded = await decodeQr(app.el(`#qr-${postId}`), 'staff-posts-5-qr.png');
    expect(decoded).toBe(postLink(LINK_BASE, postId));
    expect(decoded).toBe(`${LINK_BASE}/?postId=${postId}`);
    expect(postIdFromUrl(decoded ?? '')).toBe(postId);
  });

  it('prints two selected posts as two A4 pages, each with its own code and no staff menu', async () => {
    const postId = await madePost(`打印岗点${Date.now().toString(36)}`);
    await app.loginAs('babao');
    await app.open('pages/posts/index?township=babao');
    await app.el(`#post-${postId}`).waitFor();
    await app.el(`#select-${postId}`).click();
    await app.el(`#select-${SEEDED_POST}`).click();
    await poll(() => app.el('#posts-print').textContent()).toContain('（2）');
    await app.el('#posts-print').click();
    await app.page.waitForURL(/staff\/pages\/posters\/index\?ids=/);

    for (const id of [postId, SEEDED_POST]) {
      await app.el(`#sheet-${id}`).waitFor();
      expect(await decodeQr(app.el(`#qr-${id}`), `staff-posts-6-qr-${id}.png`)).toBe(postLink(LINK_BASE, id));
    }
    await app.shot('6-two-posters');

    await app.page.emulateMedia({ media: 'print' });
    expect(await app.page.locator('.staff-bar:visible').count()).toBe(0);
    expect(await app.page.locator('#posters-print:visible').count()).toBe(0);
    const pdf = await app.page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(path.join(SHOTS, 'staff-posts-7-print.pdf'), pdf);
    await app.page.emulateMedia({ media: 'screen' });
    // one A4 page (595.3 × 841.9 pt) per poster
    const text = pdf.toString('latin1');
    expect(text.match(/\/Type\s*\/Page\b(?!s)/g) ?? []).toHaveLength(2);
    const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(boxes.length).toBeGreaterThan(0);
    for (const [w, h] of boxes) expect([Math.round(w ?? 0), Math.round(h ?? 0)]).toEqual([595, 842]);
  });
});
