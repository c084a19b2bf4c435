/**
 * 统一登记 and its receipt (H5, desktop width). Centre staff register a letter for a citizen through the 登记 page (a
 * blank form is refused field by field), attach the scanned letter as a PDF, and get the receipt: tracking code, query
 * secret, what happens next with the first deadline, and a QR code. The code, photographed and decoded as a phone
 * would, is the claim link; opened as a citizen it claims the case, which then is theirs (我的反映, the record), and
 * another citizen opening the same code is refused in plain words. The receipt prints as one A5 page without the menu.
 * Each test registers its own letter (any one runs alone with `-t`).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimFromUrl } from '../../miniprogram/src/lib/code';
import { formatTime } from '../../shared/format';
import { call, citizenToken, staffToken } from '../support/api';
import { audit } from '../support/browser';
import { decodeQr, openStaffApp, poll, SHOTS, type StaffApp } from '../support/staffApp';

describe('统一登记 and the receipt (H5)', () => {
  let app: StaffApp;
  const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

  beforeAll(async () => {
    app = await openStaffApp({ prefix: 'staff-register' });
  }, 1_200_000);
  afterAll(async () => {
    await app?.close();
  });

  /** 八宝镇's centre opens 登记 (its form shows once the organisation has answered). */
  const openRegister = async () => {
    await app.loginAs('babao');
    await app.el('#nav-register').click();
    await app.page.waitForURL(/staff\/pages\/register\/index/);
    await app.el('#register-send').waitFor();
  };

  /** A letter about heating in 白杨沟村 registered through the page, up to its receipt: the case of one test. */
  const registerLetter = async (description: string) => {
    await openRegister();
    await app.el('#channel-letter').click();
    await app.el('#register-name input').fill('李桂兰');
    await app.el('#place-babao-baiyanggou').click();
    await app.el('#category-heating').click();
    await app.el('#register-description textarea').fill(description);
    await app.el('#register-send').click();
    await poll(() => app.el('#register-done').textContent()).toMatch(/已登记，跟踪码 [A-Z0-9]{10}/);
    const code = (await app.el('#receipt-code').textContent()) ?? '';
    const secret = (await app.el('#receipt-secret').textContent()) ?? '';
    const found = await call('GET', `/staff/petitions?code=${code}`, { token: await staffToken('babao') });
    return { code, secret, id: found.body.items[0].id as string };
  };

  it('registers a letter with its scanned copy, refusing a blank form field by field, and shows the receipt', async () => {
    const description = `来信反映：村道旁的供暖管道漏水结冰，老人出行不便。${unique()}`;
    await openRegister();

    await app.el('#channel-letter').click();
    await app.el('#register-send').click();
    await poll(() => app.el('#register-category-error').textContent()).toBe('请选择诉求类型');
    expect(await app.el('#register-description-error').textContent()).toContain('问题描述');
    // the township's staff register in their township unless they choose a village
    expect(await app.el('#place-babao').getAttribute('aria-pressed')).toBe('true');
    await app.shot('1-refused');

    await app.el('#register-name input').fill('李桂兰');
    await app.el('#register-phone input').fill('13987654321');
    // a letter three villagers signed: one 批次, three 人次
    expect(await app.el('#register-persons input').inputValue()).toBe('1');
    await app.el('#register-persons input').fill('3');
    await app.el('#place-babao-baiyanggou').click();
    await app.el('#category-heating').click();
    await app.el('#register-description textarea').fill(description);
    await app.page.locator('#register-attach-input').first().setInputFiles({ name: '来信扫描件.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') });
    await poll(() => app.el('#file-0').textContent()).toContain('来信扫描件.pdf');
    await app.shot('2-filled');

    await app.el('#register-send').click();
    await poll(() => app.el('#register-done').textContent()).toMatch(/已登记，跟踪码 [A-Z0-9]{10}/);
    const code = (await app.el('#receipt-code').textContent()) ?? '';
    const secret = (await app.el('#receipt-secret').textContent()) ?? '';
    expect(code).toMatch(/^[A-Z0-9]{10}$/);
    expect(secret).toMatch(/^[A-Z2-9]{12}$/);

    const babao = await staffToken('babao');
    const found = await call('GET', `/staff/petitions?code=${code}`, { token: babao });
    const id = found.body.items[0].id;
    const file = await call('GET', `/staff/petitions/${id}`, { token: babao });
    expect(file.body).toMatchObject({ channel: 'letter', citizenName: '李桂兰', villageId: 'babao-baiyanggou', categoryId: 'heating', description, status: 'submitted', persons: 3 });
    expect(file.body.letterReceivedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(file.body.photos).toEqual([expect.stringMatching(/\.pdf$/)]);

    const receipt = (await app.el('#receipt').textContent()) ?? '';
    expect(receipt).toContain('八宝镇综治中心');
    expect(receipt).toContain('来源渠道：来信');
    expect(receipt).toContain('诉求类型：供暖问题');
    expect(receipt).toContain('所在地点：八宝镇 / 白杨沟村');
    expect(await app.el('#receipt-next').textContent()).toContain(`将在 ${formatTime(file.body.dueAt)} 前受理（接哨）`);
    await app.shot('3-receipt');
  });

  it('prints the receipt as one A5 page, without the staff menu', async () => {
    await registerLetter(`来信反映：路灯不亮，夜里看不清路。${unique()}`);
    await app.page.emulateMedia({ media: 'print' });
    expect(await app.page.locator('.staff-bar:visible').count()).toBe(0);
    expect(await app.page.locator('#receipt-print:visible').count()).toBe(0);
    const pdf = await app.page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(path.join(SHOTS, 'staff-register-4-print.pdf'), pdf);
    await app.page.emulateMedia({ media: 'screen' });
    const text = pdf.toString('latin1');
    expect(text.match(/\/Type\s*\/Page\b(?!s)/g) ?? []).toHaveLength(1);
    const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(boxes.length).toBeGreaterThan(0);
    // A5: 148 × 210 mm, 419.5 × 595.3 pt
    for (const box of boxes) expect(box).toEqual([420, 595]);
  });

  it('has a QR code that decodes to the claim link, which claims the case for the citizen who opens it', async () => {
    const { code, secret, id } = await registerLetter(`来信反映：楼道暖气片不热。${unique()}`);
    const decoded = (await decodeQr(app.el('#receipt-qr'), 'staff-register-5-qr.png')) ?? '';
    expect(decoded).toMatch(new RegExp(`^https?://[^?]+/\\?claim=${code}-${secret}$`));
    expect(claimFromUrl(decoded)).toEqual({ trackingCode: code, secret });

    // the citizen's phone opens the link: the same app, its home page takes them to the claim page
    const page = app.page;
    await page.goto(`${app.server.url}/${new URL(decoded).search}`);
    await page.waitForURL(/pages\/claim\/index/);
    await poll(() => page.locator('#claim-code:visible input').inputValue()).toBe(code);
    expect(await page.locator('#claim-secret:visible input').inputValue()).toBe(secret);
    await page.screenshot({ path: path.join(SHOTS, 'staff-register-6-claim.png'), fullPage: true });
    await audit(page, 'staff-register 6-claim', { enhancedContrast: true });

    await page.locator('#claim-send:visible').click();
    await page.waitForURL(/pages\/detail\/index\?id=/);
    await poll(() => page.locator('.taro_page:visible').last().textContent()).toContain('供暖问题');
    await page.screenshot({ path: path.join(SHOTS, 'staff-register-7-claimed.png'), fullPage: true });

    await page.goto(`${app.server.url}/#/pages/mine/index`);
    await poll(() => page.locator('#mine-list:visible').textContent()).toContain('供暖问题');
    const file = await call('GET', `/staff/petitions/${id}`, { token: await staffToken('babao') });
    expect(file.body.reporter).toEqual({ kind: 'wechat' });
    expect(file.body.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'claim']);
  });

  it('refuses the code of a claimed case to another citizen, in plain words', async () => {
    const { code, secret } = await registerLetter(`来信反映：供暖费多收了一个月。${unique()}`);
    const decoded = (await decodeQr(app.el('#receipt-qr'), 'staff-register-8-qr.png')) ?? '';
    expect(claimFromUrl(decoded)).toEqual({ trackingCode: code, secret });
    // the citizen it was registered for claims it on their phone
    const claimed = await call('POST', '/petitions/claim', { token: await citizenToken(), body: { trackingCode: code, secret } });
    expect(claimed.status).toBe(200);
    // another phone opens the same code: nobody logged in on it yet
    await app.page.evaluate(() => localStorage.clear());
    await app.page.goto(`${app.server.url}/${new URL(decoded).search}`);
    await app.page.waitForURL(/pages\/claim\/index/);
    await app.page.locator('#claim-send:visible').click();
    await poll(() => app.page.locator('#claim-error:visible').textContent()).toContain('已由其他微信用户认领');
    await app.page.screenshot({ path: path.join(SHOTS, 'staff-register-9-refused.png'), fullPage: true });
    await audit(app.page, 'staff-register 9-refused', { enhancedContrast: true });
  });
});
