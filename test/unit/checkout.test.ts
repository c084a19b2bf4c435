/**
 * What a new developer meets on a fresh clone: `npm install` leaves the committed lockfile as it is, no compiler
 * cache is in git, and the README's apt line installs what CI installs on a fresh machine.
 */
import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' });

describe('a fresh clone', () => {
  it('keeps package-lock.json as committed when npm resolves it again', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shaogang-lock-'));
    try {
      for (const f of ['package.json', 'package-lock.json', '.npmrc']) copyFileSync(path.join(ROOT, f), path.join(dir, f));
      // what `npm install` does to the lockfile of a clone without node_modules, without installing anything
      // asynchronously: a worker blocked for a minute misses vitest's own calls ('Timeout calling onTaskUpdate')
      await promisify(execFile)('npm', ['install', '--package-lock-only', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: dir });
      const after = readFileSync(path.join(dir, 'package-lock.json'), 'utf8');
      const committed = readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8');
      const added = Object.keys(JSON.parse(after).packages).filter((k) => !(k in JSON.parse(committed).packages));
      expect(added).toEqual([]);
      expect(after).toBe(committed);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it('holds no compiler cache, and ignores the one a build makes', () => {
    expect(git('ls-files', 'miniprogram/.swc')).toBe('');
    expect(git('check-ignore', '--no-index', 'miniprogram/.swc/plugins/cache').trim()).toBe('miniprogram/.swc/plugins/cache');
  });

  it('names in the README the packages CI installs on a fresh machine', () => {
    const ci = readFileSync(path.join(ROOT, '.ci/run'), 'utf8');
    const wanted = [...ci.matchAll(/need\+=\(([\w.-]+)\)/g)].map((m) => m[1]);
    expect(wanted).toEqual(['openjdk-17-jre-headless', 'chromium', 'fonts-noto-cjk']);
    const aptLine = readFileSync(path.join(ROOT, 'README.md'), 'utf8').split('\n').find((l) => l.includes('apt-get install')) ?? '';
    for (const pkg of wanted) expect(aptLine.split(/\s+/)).toContain(pkg);
  });
});
