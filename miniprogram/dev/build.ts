/**
 * Builds the app (weapp or h5) into a folder, unless that folder already holds a build of the same sources and
 * settings (a stamp file beside it). A lock folder lets concurrent callers share one build. Used by the tests
 * (test/support/appBuild.ts) and by `npm start` (startH5 in ./serve.ts). Node only.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type AppType = 'weapp' | 'h5';
const APP = path.resolve(__dirname, '..');
const ROOT = path.resolve(APP, '..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const st = statSync(full);
    newest = Math.max(newest, st.isDirectory() ? newestMtime(full) : st.mtimeMs);
  }
  return newest;
}

/** Returns `out` once it holds a build of the current sources with `env` (API_BASE_URL …). */
export async function buildInto(type: AppType, out: string, env: Record<string, string> = {}): Promise<string> {
  const sources = Math.max(newestMtime(path.join(APP, 'src')), newestMtime(path.join(APP, 'config')), newestMtime(path.join(ROOT, 'shared')));
  const wanted = JSON.stringify({ env, sources });
  const stampFile = `${out}-build.json`;
  const fresh = () => existsSync(stampFile) && readFileSync(stampFile, 'utf8') === wanted && existsSync(out);
  if (fresh()) return out;
  const release = await lock(`${out}.lock`);
  try {
    if (fresh()) return out;
    await runTaro(type, out, env);
    writeFileSync(stampFile, wanted);
    return out;
  } finally {
    release();
  }
}

/** mkdir is atomic; a lock older than the longest build is a crashed run's. */
async function lock(dir: string): Promise<() => void> {
  mkdirSync(path.dirname(dir), { recursive: true });
  for (;;) {
    try {
      mkdirSync(dir);
      return () => rmSync(dir, { recursive: true, force: true });
    } catch {
      const age = existsSync(dir) ? Date.now() - statSync(dir).mtimeMs : 0;
      if (age > 10 * 60_000) rmSync(dir, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

function runTaro(type: AppType, out: string, env: Record<string, string>): Promise<void> {
  // asynchronously: a test worker that blocks for the whole build stops answering vitest and is reported dead
  return new Promise<void>((resolve, reject) => {
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
