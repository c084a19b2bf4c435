/**
 * `npm start` serves the H5 build it made before when nothing changed; an interrupted build (the folder there but
 * empty, or a file missing) is built again instead of failing with "no H5 build".
 *
 * The decision is tested on a copy of the real test build and its stamp, through buildInto itself, without running
 * Taro a second time: while another caller holds the build lock, buildInto returns a whole build at once, and waits
 * for the lock (to build) when the folder is empty; when the other caller's build is there and the lock is let go, it
 * takes the lock, finds the build whole and serves it. That Taro builds the app whole into a folder is what every
 * fresh run's first browser test does (buildApp), and every browser test opens that build.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtAndComplete, buildInto } from '../../miniprogram/dev/build';
import { serveH5, type H5Server } from '../../miniprogram/dev/serve';
import { buildApp, TEST_API_BASE } from '../support/appBuild';
import { openBrowser, type Browser } from '../support/browser';
import { stack } from '../support/worker';

describe('the H5 build npm start serves', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'shaogang-h5-'));
  let built = '';
  // the test build's settings (test/support/appBuild.ts: its one API address, which the browser maps to this worker's
  // API, and its link base), as its stamp holds them
  let env: Record<string, string> = {};
  let sources = 0;
  let server: H5Server | undefined;
  let browser: Browser | undefined;

  /** A copy of the whole build and its stamp, as `npm start` left it in dist/h5. */
  const copy = (name: string) => {
    const out = path.join(work, name);
    cpSync(built, out, { recursive: true });
    cpSync(`${built}-build.json`, `${out}-build.json`);
    return out;
  };
  const settled = <T>(p: Promise<T>) => {
    const state = { settled: false };
    void p.then(() => (state.settled = true), () => (state.settled = true));
    return state;
  };
  // every callback of a promise already settled runs before the next turn of the event loop
  const nextTurn = () => new Promise((r) => setImmediate(r));

  beforeAll(async () => {
    built = await buildApp('h5');
    ({ env, sources } = JSON.parse(readFileSync(`${built}-build.json`, 'utf8')) as { env: Record<string, string>; sources: number });
    expect(env.API_BASE_URL).toBe(TEST_API_BASE);
  }, 1_200_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('is reused whole, and counted incomplete when a file of it is gone', async () => {
    const out = copy('h5-file-gone');
    expect(builtAndComplete('h5', out, { env, sources })).toBe(true);
    const js = readdirSync(path.join(out, 'js')).find((f) => f.endsWith('.js'));
    expect(js).toBeTruthy();
    unlinkSync(path.join(out, 'js', js!));
    expect(builtAndComplete('h5', out, { env, sources })).toBe(false);
  });

  it('is built again when the folder is there but empty, and the app then opens', async () => {
    const out = copy('h5');
    const lock = `${out}.lock`;
    let again: Promise<string> | undefined;
    // another caller (a second `npm start`, a test worker) holds the build lock from here on
    mkdirSync(lock);
    try {
      // whole: served as it is, without waiting for the lock
      await expect(buildInto('h5', out, env)).resolves.toBe(out);

      // emptied, as an interrupted build leaves it: not taken for a build, and buildInto waits for the lock to build it
      for (const f of readdirSync(out)) rmSync(path.join(out, f), { recursive: true, force: true });
      expect(builtAndComplete('h5', out, { env, sources })).toBe(false);
      again = buildInto('h5', out, env);
      const state = settled(again);
      await nextTurn();
      expect(state.settled).toBe(false);
      expect(existsSync(`${out}-build.json`)).toBe(true);
    } finally {
      // the other caller's build is there, whole, when it lets the lock go
      cpSync(built, out, { recursive: true });
      rmSync(lock, { recursive: true, force: true });
    }
    // buildInto takes the lock (it looks every half second), finds the build whole and serves it
    await expect(again).resolves.toBe(out);
    expect(existsSync(lock)).toBe(false);
    expect(builtAndComplete('h5', out, { env, sources })).toBe(true);

    server = await serveH5({ dir: out });
    browser = await openBrowser({ apiUrl: stack().apiUrl });
    await browser.page.goto(server.url);
    await expect.poll(() => browser!.page.locator('body').innerText(), { timeout: 30_000 }).toContain('有事您吹哨');
  }, 120_000);
});
