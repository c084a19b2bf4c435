/**
 * Builds the mini-program for a test run into dist/test/<type>-<settings hash> (miniprogram/dev/build.ts reuses a
 * build of the same sources and settings): CI builds once from a fresh clone, a developer's second run reuses
 * the build, and tests never build into dist/weapp or dist/h5, so a run never clobbers a build being served.
 *
 * Every test build talks to one fixed address, TEST_API_BASE, whatever port this run's API has: the browser maps
 * that host to the worker's API (openBrowser's `apiUrl`, Chromium's host resolver rules) and the weapp runtime's
 * wx.request sends there what it is asked to send to it (appWeapp.ts). So the build's settings, its key, hold no
 * port: a build is made once and reused by every worker, file and later run while the sources stay the same.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { buildInto, type AppType } from '../../miniprogram/dev/build';

export const ROOT = path.resolve(__dirname, '../..');

/** The API address built into every test build: a name only the test browser and runtime resolve. */
export const TEST_API_HOST = 'api.shaogang.test';
export const TEST_API_BASE = `http://${TEST_API_HOST}`;

export function distDir(type: AppType, env: Record<string, string> = {}): string {
  const hash = createHash('sha1').update(JSON.stringify(env)).digest('hex').slice(0, 10);
  return path.join(ROOT, 'dist', 'test', `${type}-${hash}`);
}

const builds = new Map<string, Promise<string>>();

/** Returns the output folder; env is what the build sees besides the API address (POST_LINK_BASE …). */
export function buildApp(type: AppType, extra: Record<string, string> = {}): Promise<string> {
  const env = { API_BASE_URL: TEST_API_BASE, ...extra };
  const id = JSON.stringify([type, env]);
  let build = builds.get(id);
  if (!build) {
    build = buildInto(type, distDir(type, env), env);
    builds.set(id, build);
  }
  return build;
}
