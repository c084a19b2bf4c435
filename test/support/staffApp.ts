/**
 * The staff pages in headless Chromium against the local stack: the H5 build served, a browser at desktop width
 * (1280 px, where the queue is a table) or phone width, and the steps every staff browser test takes (log in as a
 * seeded user, find the visible copy of an element, take a screenshot into test-results/).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { serveH5, type H5Server } from '../../miniprogram/dev/serve';
import { STAFF_PASSWORDS } from './api';
import { buildApp, ROOT } from './appBuild';
import { audit, openBrowser, type Browser } from './browser';
import { stack } from './worker';

export const SHOTS = path.join(ROOT, 'test-results');
export const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000, interval: 100 });

/**
 * The QR code an element shows, as a phone would read it: a screenshot (kept in test-results/ as `shot`), decoded.
 * A page still sliding in (Taro's router animates each new page) shows only part of the code, so it looks again until
 * a code reads or 20 s pass; what it reads is the caller's to check.
 */
export async function decodeQr(el: Locator, shot: string): Promise<string | undefined> {
  await poll(() => el.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const read = async () => {
    await el.scrollIntoViewIfNeeded();
    const png = PNG.sync.read(await el.screenshot({ path: path.join(SHOTS, shot) }));
    return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
  };
  for (const until = Date.now() + 20_000; Date.now() < until; await new Promise((r) => setTimeout(r, 200))) {
    const data = await read();
    if (data !== undefined) return data;
  }
  return undefined;
}

export interface StaffApp {
  server: H5Server;
  browser: Browser;
  page: Page;
  /** Taro's H5 router keeps earlier pages hidden in the DOM: only the visible copy counts. */
  el(selector: string): ReturnType<Page['locator']>;
  /** Opens a staff page by its path under the subpackage, e.g. `pages/queue/index?status=submitted`. */
  open(pathAndQuery: string): Promise<void>;
  loginAs(username: keyof typeof STAFF_PASSWORDS & string): Promise<void>;
  logout(): Promise<void>;
  /**
   * A test's own start (no test of a file may depend on another having run first): the app loaded afresh at this
   * size (the one the app was opened at unless said), on the login page, nothing stored from an earlier test.
   */
  fresh(size?: { width: number; height: number }): Promise<void>;
  /** `fresh`, then `username`'s login. */
  startAs(username: keyof typeof STAFF_PASSWORDS & string, size?: { width: number; height: number }): Promise<void>;
  /** A screenshot into test-results/, and axe-core on the same state: a serious or critical violation fails. */
  shot(name: string): Promise<unknown>;
  close(): Promise<void>;
}

/** `env`: further build settings; each distinct set is a whole build of its own (minutes): prefer the shared one. */
export async function openStaffApp(opts: { prefix: string; width?: number; height?: number; env?: Record<string, string>; fakeMedia?: boolean }): Promise<StaffApp> {
  const dir = await buildApp('h5', opts.env);
  const server = await serveH5({ dir });
  mkdirSync(SHOTS, { recursive: true });
  const size = { width: opts.width ?? 1280, height: opts.height ?? 900 };
  const browser = await openBrowser({ ...size, apiUrl: stack().apiUrl, fakeMedia: opts.fakeMedia });
  const page = browser.page;
  const el = (selector: string) => page.locator(`${selector}:visible`).first();
  const open = async (p: string) => {
    await page.goto(`${server.url}/#/staff/${p}`);
  };
  const app: StaffApp = {
    server,
    browser,
    page,
    el,
    open,
    async loginAs(username) {
      await open('pages/login/index');
      // fill until the page holds both values (a login page still settling after 退出 can drop a value typed early)
      // (a loop, not expect.poll: logins happen in beforeAll hooks too)
      for (let tries = 0; ; tries++) {
        await el('#username input').fill(username);
        await el('#password input').fill(STAFF_PASSWORDS[username]!);
        if ((await el('#username input').inputValue()) === username && (await el('#password input').inputValue()) !== '') break;
        if (tries === 50) throw new Error(`the login page would not keep ${username}'s name and password`);
        await page.waitForTimeout(100);
      }
      const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/staff/login'));
      await el('#login').click();
      const res = await answered;
      if (res.status() !== 200) throw new Error(`staff login as ${username} answered ${res.status()}: ${await res.text()}`);
      await page.waitForURL(/staff\/pages\/home\/index/);
      await el('#staff-user').waitFor();
    },
    async logout() {
      await el('#logout').click();
      await page.waitForURL(/staff\/pages\/login\/index/);
    },
    async fresh(at = size) {
      await page.setViewportSize(at);
      await page.goto('about:blank');
      await open('pages/login/index');
      await page.evaluate(() => localStorage.clear());
    },
    async startAs(username, at = size) {
      await app.fresh(at);
      await app.loginAs(username);
    },
    async shot(name) {
      await page.screenshot({ path: path.join(SHOTS, `${opts.prefix}-${name}.png`), fullPage: true });
      await audit(page, `${opts.prefix} ${name}`);
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
  return app;
}
