/**
 * The citizen pages in headless Chromium against the local stack, the citizen tests' one opener (the staff tests'
 * is staffApp.ts): the H5 build served, a browser at phone width whose fixed API address leads to this worker's API,
 * and the steps every citizen browser test takes (wait for Taro's page slide to end, find the visible copy of an
 * element, log the app's citizen in by a name, take a screenshot into test-results/ audited at 7:1).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { serveH5, type H5Server } from '../../miniprogram/dev/serve';
import { buildApp, ROOT } from './appBuild';
import { audit, citizenNamed, openBrowser, type Browser } from './browser';
import { stack } from './worker';

const SHOTS = path.join(ROOT, 'test-results');

export interface CitizenApp {
  server: H5Server;
  browser: Browser;
  page: Page;
  /** Taro's H5 router keeps earlier pages hidden in the DOM: only the visible copy of a selector counts. */
  el(selector: string): Locator;
  /** Taro's H5 router slides pages in: waits until no CSS transition or animation is running. */
  settled(): Promise<void>;
  /** Waits for the address to match `route`, then for the page to settle. */
  arrive(route: RegExp): Promise<void>;
  /** Makes the app log its citizen in by `name` from its next request on (browser.ts `citizenNamed`). */
  as(name: string): Promise<void>;
  /**
   * A screenshot into test-results/`<shots>-<name>.png` once the page has settled, and axe-core on the same state:
   * citizen pages are held to 7:1 contrast (`citizen: false` for a staff page a citizen test passes through).
   */
  shot(name: string, opts?: { citizen?: boolean }): Promise<void>;
  close(): Promise<void>;
}

/**
 * `shots`: the screenshots' file prefix; `label`: what the audit's message calls the state (before its name);
 * `citizen`: log the app's citizen in by this name before the first test; `fakeMedia`: Chromium's fake microphone.
 */
export async function openCitizenApp(opts: { shots: string; label?: string; citizen?: string; fakeMedia?: boolean }): Promise<CitizenApp> {
  const dir = await buildApp('h5');
  const server = await serveH5({ dir });
  mkdirSync(SHOTS, { recursive: true });
  const browser = await openBrowser({ apiUrl: stack().apiUrl, fakeMedia: opts.fakeMedia });
  const page = browser.page;
  const settled = async () => {
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  };
  const app: CitizenApp = {
    server,
    browser,
    page,
    el: (selector) => page.locator(`${selector}:visible`).first(),
    settled,
    async arrive(route) {
      await page.waitForURL(route);
      await settled();
    },
    as: (name) => citizenNamed(page, server.url, name),
    async shot(name, { citizen = true } = {}) {
      await settled();
      await page.screenshot({ path: path.join(SHOTS, `${opts.shots}-${name}.png`), fullPage: true });
      await audit(page, opts.label ? `${opts.label} ${name}` : name, { enhancedContrast: citizen });
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
  if (opts.citizen) await app.as(opts.citizen);
  return app;
}
