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

/** Every file under dir with its size, by path relative to dir. */
function filesOf(dir: string, prefix = ''): Record<string, number> {
  const files: Record<string, number> = {};
  for (const name of readdirSync(path.join(dir, prefix))) {
    const rel = path.join(prefix, name);
    const st = statSync(path.join(dir, rel));
    if (st.isDirectory()) Object.assign(files, filesOf(dir, rel));
    else files[rel] = st.size;
  }
  return files;
}

interface Stamp {
  env: Record<string, string>;
  sources: number;
  /** what the build wrote: an interrupted build or a half-deleted folder lacks some of it */
  files: Record<string, number>;
}

const stampFileOf = (out: string) => `${out}-build.json`;

/**
 * True when `out` holds a whole build made with `env` from sources no newer than `sources`: the stamp written after
 * the build matches, and every file the build wrote is there with its size (the entry page of an H5 build at least).
 */
export function builtAndComplete(type: AppType, out: string, want: { env: Record<string, string>; sources: number }): boolean {
  const stampFile = stampFileOf(out);
  if (!existsSync(stampFile) || !existsSync(out)) return false;
  let stamp: Stamp;
  try {
    stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as Stamp;
  } catch {
    return false;
  }
  if (JSON.stringify(stamp.env) !== JSON.stringify(want.env) || stamp.sources !== want.sources || !stamp.files) return false;
  const entry = type === 'h5' ? 'index.html' : 'app.json';
  if (!(entry in stamp.files)) return false;
  const present = filesOf(out);
  return Object.entries(stamp.files).every(([file, size]) => present[file] === size);
}

/** Returns `out` once it holds a whole build of the current sources with `env` (API_BASE_URL …). */
export async function buildInto(type: AppType, out: string, env: Record<string, string> = {}): Promise<string> {
  const sources = Math.max(newestMtime(path.join(APP, 'src')), newestMtime(path.join(APP, 'config')), newestMtime(path.join(ROOT, 'shared')));
  const fresh = () => builtAndComplete(type, out, { env, sources });
  if (fresh()) return out;
  const release = await lock(`${out}.lock`);
  try {
    if (fresh()) return out;
    rmSync(stampFileOf(out), { force: true });
    await runTaro(type, out, env);
    const stamp: Stamp = { env, sources, files: filesOf(out) };
    writeFileSync(stampFileOf(out), JSON.stringify(stamp));
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
