/**
 * Builds the mini-program for a test run (weapp or h5) into dist/test/<type>-<settings hash>, unless that folder
 * already holds a build of the same sources and settings: CI builds once from a fresh clone, a developer's second
 * run reuses the build. Tests never build into dist/weapp or dist/h5, so a run never clobbers another's (or a
 * developer's) output while it is being served.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
const APP = path.join(ROOT, 'miniprogram');
const STAMP = '-build.json';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const st = statSync(full);
    newest = Math.max(newest, st.isDirectory() ? newestMtime(full) : st.mtimeMs);
  }
  return newest;
}

export function distDir(type: 'weapp' | 'h5', env: Record<string, string> = {}): string {
  const hash = createHash('sha1').update(JSON.stringify(env)).digest('hex').slice(0, 10);
  return path.join(ROOT, 'dist', 'test', `${type}-${hash}`);
}

const builds = new Map<string, Promise<string>>();

/** Returns the output folder; env is what the build sees (API_BASE_URL …). Built at most once per test file. */
export function buildApp(type: 'weapp' | 'h5', env: Record<string, string> = {}): Promise<string> {
  const id = JSON.stringify([type, env]);
  let build = builds.get(id);
  if (!build) {
    build = buildOnce(type, env);
    builds.set(id, build);
  }
  return build;
}

async function buildOnce(type: 'weapp' | 'h5', env: Record<string, string> = {}): Promise<string> {
  const out = distDir(type, env);
  const sources = Math.max(
    newestMtime(path.join(APP, 'src')),
    newestMtime(path.join(APP, 'config')),
    newestMtime(path.join(ROOT, 'shared')),
  );
  const wanted = JSON.stringify({ env, sources });
  const stampFile = `${out}${STAMP}`;
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === wanted) return out;
  // Test files in other workers build the same folder: one builds, the others wait and then reuse its build.
  const release = await lockBuild(out);
  try {
    if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === wanted) return out;
    await runTaro(type, out, env);
    writeFileSync(stampFile, wanted);
    return out;
  } finally {
    release();
  }
}

/** A lock folder per build type; mkdir is atomic. A lock older than the longest build is a crashed run's. */
async function lockBuild(out: string): Promise<() => void> {
  const lock = `${out}.lock`;
  mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      return () => rmSync(lock, { recursive: true, force: true });
    } catch {
      const age = existsSync(lock) ? Date.now() - statSync(lock).mtimeMs : 0;
      if (age > 10 * 60_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

async function runTaro(type: 'weapp' | 'h5', out: string, env: Record<string, string>): Promise<void> {
  // asynchronously: a test worker that blocks for the whole build stops answering vitest and is reported dead
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/@tarojs/cli/bin/taro'), 'build', '--type', type], {
      cwd: APP,
      env: { ...process.env, NODE_ENV: 'production', ...env, SHAOGANG_OUTPUT_ROOT: out },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => void (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`taro build --type ${type} failed (${code}):\n${stderr.slice(-4000)}`))));
  });
}
