/**
 * `npm start` serves the H5 build it made before when nothing changed; an interrupted build (the folder there but
 * empty, or a file missing) is built again instead of failing with "no H5 build". The rebuilt app opens in Chromium.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtAndComplete, buildInto } from '../../miniprogram/dev/build';
import { serveH5, type H5Server } from '../../miniprogram/dev/serve';
import { buildApp, TEST_API_BASE } from '../support/appBuild';
import { openBrowser, type Browser } from '../support/browser';
import { stack } from '../support/worker';

describe('the H5 build npm start serves', () => {
  // the test build's settings (test/support/appBuild.ts: its one API address, which the browser maps to this worker's
  // API, and its link base), as its stamp holds them
  let env: Record<string, string> = {};
  const work = mkdtempSync(path.join(tmpdir(), 'shaogang-h5-'));
  const out = path.join(work, 'h5');
  let server: H5Server | undefined;
  let browser: Browser | undefined;
  let sources = 0;

  beforeAll(async () => {
    // a copy of a whole build and its stamp, as `npm start` left it in dist/h5
    const built = await buildApp('h5');
    cpSync(built, out, { recursive: true });
    cpSync(`${built}-build.json`, `${out}-build.json`);
    ({ env, sources } = JSON.parse(readFileSync(`${out}-build.json`, 'utf8')) as { env: Record<string, string>; sources: number });
    expect(env.API_BASE_URL).toBe(TEST_API_BASE);
  }, 1_200_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('is reused whole, and counted incomplete when a file of it is gone', async () => {
    expect(builtAndComplete('h5', out, { env, sources })).toBe(true);
    const js = readdirSync(path.join(out, 'js')).find((f) => f.endsWith('.js'));
    expect(js).toBeTruthy();
    unlinkSync(path.join(out, 'js', js!));
    expect(builtAndComplete('h5', out, { env, sources })).toBe(false);
  });

  it('is built again when the folder is there but empty, and the app then opens', async () => {
    for (const f of readdirSync(out)) rmSync(path.join(out, f), { recursive: true, force: true });
    await buildInto('h5', out, env);
    server = await serveH5({ dir: out });
    browser = await openBrowser({ apiUrl: stack().apiUrl });
    await browser.page.goto(server.url);
    await expect.poll(() => browser!.page.locator('body').innerText(), { timeout: 30_000 }).toContain('有事您吹哨');
  }, 1_200_000);
});
