/**
 * Builds the mini-program for a test run into dist/test/<type>-<settings hash> (miniprogram/dev/build.ts reuses a
 * build of the same sources and settings): CI builds once from a fresh clone, a developer's second run reuses
 * the build, and tests never build into dist/weapp or dist/h5, so a run never clobbers a build being served.
 *
 * Every test build talks to one fixed address, TEST_API_BASE, whatever port this run's API has: the browser maps
 * that host to the worker's API (openBrowser's `apiUrl`, Chromium's host resolver rules) and the weapp runtime's
 * wx.request sends there what it is asked to send to it (appWeapp.ts). So the build's settings, its key, hold no
 * port: a build is made once and reused by every worker, file and later run while the sources stay the same.
 *
 * Every H5 test build also encodes one link base in its codes (TEST_POST_LINK_BASE), a base no other build uses, so
 * the tests of the posters and receipts read the build's setting from the one build every browser test shares (an
 * H5 build of its own for them was a second whole build, about two minutes, on every fresh run).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { buildInto, type AppType } from '../../miniprogram/dev/build';

export const ROOT = path.resolve(__dirname, '../..');

/** The API address built into every test build: a name only the test browser and runtime resolve. */
export const TEST_API_HOST = 'api.shaogang.test';
export const TEST_API_BASE = `http://${TEST_API_HOST}`;
/** The base of the links the H5 test build's QR codes encode (POST_LINK_BASE): not the default, so set by the build. */
export const TEST_POST_LINK_BASE = 'https://scan.posts-test.example.cn/h5';

export function distDir(type: AppType, env: Record<string, string> = {}): string {
  const hash = createHash('sha1').update(JSON.stringify(env)).digest('hex').slice(0, 10);
  return path.join(ROOT, 'dist', 'test', `${type}-${hash}`);
}

const builds = new Map<string, Promise<string>>();

/** Returns the output folder; env is what the build sees besides the API address (and, for H5, the link base). */
export function buildApp(type: AppType, extra: Record<string, string> = {}): Promise<string> {
  const env = { API_BASE_URL: TEST_API_BASE, ...(type === 'h5' ? { POST_LINK_BASE: TEST_POST_LINK_BASE } : {}), ...extra };
  const id = JSON.stringify([type, env]);
  let build = builds.get(id);
  if (!build) {
    build = buildInto(type, distDir(type, env), env);
    builds.set(id, build);
  }
  return build;
}
