/**
 * Builds the mini-program for a test run into dist/test/<type>-<settings hash> (miniprogram/dev/build.ts reuses a
 * build of the same sources and settings): CI builds once from a fresh clone, a developer's second run reuses
 * the build, and tests never build into dist/weapp or dist/h5, so a run never clobbers a build being served.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { buildInto, type AppType } from '../../miniprogram/dev/build';

export const ROOT = path.resolve(__dirname, '../..');

export function distDir(type: AppType, env: Record<string, string> = {}): string {
  const hash = createHash('sha1').update(JSON.stringify(env)).digest('hex').slice(0, 10);
  return path.join(ROOT, 'dist', 'test', `${type}-${hash}`);
}

const builds = new Map<string, Promise<string>>();

/** Returns the output folder; env is what the build sees (API_BASE_URL …). Built at most once per test file. */
export function buildApp(type: AppType, env: Record<string, string> = {}): Promise<string> {
  const id = JSON.stringify([type, env]);
  let build = builds.get(id);
  if (!build) {
    build = buildInto(type, distDir(type, env), env);
    builds.set(id, build);
  }
  return build;
}
