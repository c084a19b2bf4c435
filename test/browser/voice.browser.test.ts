/**
 * 按住说话 in the H5 app (issue 18), in Chromium with its fake microphone (a tone): a herder holds the big button,
 * sees the seconds, lets go, plays the recording back, re-records and deletes; a send whose answer is lost keeps the
 * recording in the draft, and sending again makes a report by voice alone. On the case file, staff play the
 * citizen's recording and write a transcription that stays internal. Each test makes its own case.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postLink } from '../../shared/postLink';
import { call, citizenToken, report, staffToken } from '../support/api';
import type { Browser } from '../support/browser';
import { openCitizenApp, type CitizenApp } from '../support/citizenApp';
import { openStaffApp, type StaffApp } from '../support/staffApp';
import { stack } from '../support/worker';

const POST_ID = 'babao-baiyanggou-p1';
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000, interval: 100 });

/** The seconds 录音中 shows (-1 when it is not recording). */
async function recordedSeconds(page: Page): Promise<number> {
  const m = /录音中 (\d+) 秒/.exec((await page.locator('#voice-status:visible').first().textContent()) ?? '');
  return m ? Number(m[1]) : -1;
}

/** Holds the 按住说话 button with the mouse until the status has counted `seconds`, then lets go. */
async function holdToTalk(page: Page, seconds: number) {
  const button = page.locator('#hold-to-talk:visible').first();
  await button.hover();
  await page.mouse.down();
  await poll(() => recordedSeconds(page)).toBeGreaterThanOrEqual(seconds);
  await page.mouse.up();
}

describe('a report by voice (H5)', () => {
  let app: CitizenApp;
  let server: CitizenApp['server'];
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await openCitizenApp({ shots: 'h5-voice', fakeMedia: true });
    ({ server, browser, page } = app);
  }, 1_200_000);
  afterAll(() => app?.close());

  const el = (id: string) => app.el(`#${id}`);
  /** the recording's key as the draft keeps it on the device */
  const draftKey = () => page.evaluate(() => /"audio":\{"key":"([^"]+)"/.exec(localStorage.getItem('sg.drafts') ?? '')?.[1]);
  const shot = (name: string) => app.shot(name);

  it('records while held, plays back, re-records, deletes; a lost answer keeps the recording, and it sends', async () => {
    const name = `herder-voice-${Date.now()}`;
    await app.as(name);
    await page.goto(postLink(server.url, POST_ID));
    await page.waitForURL(/pages\/report\/index/);
    await poll(() => el('post-info').textContent()).toContain('白杨沟村党群服务中心岗');
    await el('cat-land_dispute').click();

    // a big target: the whole width, at least 96 px high
    const box = (await el('hold-to-talk').boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(96);
    expect(box.width).toBeGreaterThan(300);
    expect(await el('hold-to-talk').textContent()).toBe('按住说话');

    // held: 录音中 with the seconds; let go: uploaded, with 播放, 重录 and 删除
    const button = el('hold-to-talk');
    await button.hover();
    await page.mouse.down();
    await poll(() => recordedSeconds(page)).toBeGreaterThanOrEqual(1);
    await shot('1-recording');
    await poll(() => recordedSeconds(page)).toBeGreaterThanOrEqual(2);
    await page.mouse.up();
    await poll(() => el('voice-status').textContent()).toMatch(/^已录语音 \d+ 秒$/);
    await poll(draftKey).toMatch(/^audio\/.+\.webm$/);
    expect(await page.locator('#hold-to-talk:visible').count()).toBe(0);
    await shot('2-recorded');

    // 播放: the tone plays through, and the button comes back
    await el('play-voice').click();
    await poll(() => el('play-voice').textContent()).toBe('停止播放');
    await poll(() => el('play-voice').textContent()).toBe('播放');

    // 重录: the button again; a new recording replaces the first
    const first = await draftKey();
    expect(first).toMatch(/^audio\/.+\.webm$/);
    await el('redo-voice').click();
    await poll(() => el('hold-to-talk').textContent()).toBe('按住说话');
    await holdToTalk(page, 2);
    await poll(() => el('voice-status').textContent()).toMatch(/^已录语音 \d+ 秒$/);
    await poll(draftKey).toMatch(/^audio\//);
    expect(await draftKey()).not.toBe(first);

    // 删除: gone from the form and the draft; without a description the form asks for one or the other
    await el('delete-voice').click();
    await poll(() => el('hold-to-talk').isVisible()).toBe(true);
    expect(await draftKey()).toBeUndefined();

    await holdToTalk(page, 2);
    await poll(() => el('voice-status').textContent()).toMatch(/^已录语音 \d+ 秒$/);
    const key = await draftKey();
    expect(key).toMatch(/^audio\/\d{4}-\d{2}\/[0-9a-f]{20}\/[0-9A-Z]{26}\.webm$/);

    // the first send's answer is lost: the draft waits with its recording, which still plays
    let cut = true;
    await browser.context.route(
      (url) => url.pathname === '/petitions',
      async (route) => {
        if (cut && route.request().method() === 'POST') {
          cut = false;
          await route.abort('connectionreset');
        } else {
          await route.continue();
        }
      },
    );
    await el('send').click();
    await poll(() => el('draft-waiting').textContent()).toContain('正在等待发送');
    expect(await draftKey()).toBe(key);
    expect(await el('voice-status').textContent()).toMatch(/^已录语音 \d+ 秒$/);
    await el('play-voice').click();
    await poll(() => el('play-voice').textContent()).toBe('停止播放');
    await poll(() => el('play-voice').textContent()).toBe('播放');
    await shot('3-draft-waiting');

    // sent again: a report by voice alone
    const sent = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/petitions');
    await el('send').click();
    const body = (await sent).postDataJSON();
    expect(body.description).toBeUndefined();
    expect(body.audio.key).toBe(key);
    expect(body.audio.seconds).toBeGreaterThanOrEqual(1);
    await page.waitForURL(/pages\/result\/index/);
    const id = new URLSearchParams(decodeURIComponent(new URL(page.url()).hash).split('?')[1]).get('id');
    const held = await call('GET', `/petitions/${id}`, { token: await citizenToken(name) });
    expect(held.body.description).toBe('');
    expect(held.body.audio.seconds).toBe(body.audio.seconds);
    // what Chromium recorded is what is stored: WebM
    const stored = Buffer.from(await (await fetch(held.body.audio.url)).arrayBuffer());
    expect([...stored.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);

    // the citizen hears it again on their own case
    await page.goto(`${server.url}/#/pages/detail/index?id=${id}`);
    await poll(() => el('my-voice').textContent()).toMatch(/^我的语音 \d+ 秒/);
    await el('play-my-voice').click();
    await poll(() => el('play-my-voice').textContent()).toBe('停止播放');
    await poll(() => el('play-my-voice').textContent()).toBe('播放');
    await shot('4-detail');
  });
});

describe("the citizen's recording on the case file (H5 staff)", () => {
  let app: StaffApp;

  beforeAll(async () => {
    app = await openStaffApp({ prefix: 'staff-voice', fakeMedia: true });
  }, 1_200_000);
  afterAll(async () => {
    await app?.close();
  });

  /** Two seconds of Chromium's fake microphone, recorded in the page as the citizen's app does. */
  async function recordInPage(): Promise<Buffer> {
    await app.open('pages/login/index');
    const b64 = await app.page.evaluate(async () => {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      const rec = new MediaRecorder(stream, { mimeType: 'audio/webm;codecs=opus', audioBitsPerSecond: 32_000 });
      const chunks: Blob[] = [];
      rec.ondataavailable = (e) => chunks.push(e.data);
      const stopped = new Promise((r) => (rec.onstop = r));
      rec.start();
      await new Promise((r) => setTimeout(r, 2000));
      rec.stop();
      await stopped;
      stream.getTracks().forEach((t) => t.stop());
      const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
      let s = '';
      for (const b of bytes) s += String.fromCharCode(b);
      return btoa(s);
    });
    return Buffer.from(b64, 'base64');
  }

  it('plays the recording and keeps a transcription as an internal note', async () => {
    const audio = await recordInPage();
    const herder = await citizenToken();
    const ticket = await call('POST', '/uploads/audio', { token: herder, body: { contentType: 'audio/webm', size: audio.length } });
    expect((await fetch(ticket.body.url, { method: 'PUT', body: new Uint8Array(audio), headers: ticket.body.headers })).status).toBe(200);
    const sent = await report(herder, { description: undefined, audio: { key: ticket.body.key, seconds: 2 } });
    expect(sent.status).toBe(201);
    const id = sent.body.id as string;
    const babao = await staffToken('babao');
    expect((await call('POST', `/staff/petitions/${id}/accept`, { token: babao, body: {} })).status).toBe(200);
    expect((await call('POST', `/staff/petitions/${id}/dispatch`, { token: babao, body: { departmentId: 'babao-natural-resources' } })).status).toBe(200);

    await app.loginAs('babao');
    await app.open(`pages/petition/index?id=${id}`);
    await poll(() => app.el('#voice').textContent()).toContain('群众的语音 ［语音 2 秒］');
    expect(await app.el('#description').textContent()).toContain('群众用语音反映');
    // WeChat's media check has not answered yet; then its verdict comes (the stand-in pushes it, signed, as WeChat does)
    expect(await app.el('#audio-check').textContent()).toBe('微信内容安全检测中');
    const traceId = (await call('GET', `/staff/petitions/${id}`, { token: babao })).body.audio.checkTraceId;
    const pushed = await fetch(`${stack().wechatUrl}/__standin/push`, { method: 'POST', body: JSON.stringify({ url: stack().apiUrl, traceId, suggest: 'pass' }) });
    expect(await pushed.json()).toEqual({ status: 200, body: 'success' });
    await app.page.reload();
    await poll(() => app.el('#audio-check').textContent()).toBe('已通过微信内容安全检测');
    await app.el('#play-audio').click();
    await poll(() => app.el('#play-audio').textContent()).toBe('停止播放');
    await poll(() => app.el('#play-audio').textContent()).toBe('播放语音');

    await app.el('#save-transcript').click();
    await poll(() => app.el('#voice').textContent()).toContain('请先写下语音的内容');
    await app.el('#transcript textarea').fill('我家草场的网围栏被邻居挪了二十米，请帮忙调解。');
    await app.el('#save-transcript').click();
    await poll(() => app.el('#voice [id^="transcript-"]').textContent()).toBe('语音转写：我家草场的网围栏被邻居挪了二十米，请帮忙调解。');
    await app.shot('1-voice-card');

    // internal: on the staff record, never on the citizen's
    const file = await call('GET', `/staff/petitions/${id}`, { token: babao });
    expect(file.body.timeline.at(-1)).toMatchObject({ action: 'progress', visibility: 'internal', note: '语音转写：我家草场的网围栏被邻居挪了二十米，请帮忙调解。' });
    const mine = await call('GET', `/petitions/${id}`, { token: herder });
    expect(JSON.stringify(mine.body.timeline)).not.toContain('语音转写');
  });
});
