/**
 * `npm run size`: the weapp main package and each subpackage in KiB, counted as WeChat packs them
 * (no licence notes, source maps or the DevTools project file). Budget: main package ≤ 300 KiB, issue 18's, for a
 * herder's first open on a weak signal (WeChat itself allows 2,048).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const MAIN_BUDGET_KIB = 300;
const NOT_PACKED = [/\.LICENSE\.txt$/, /\.map$/, /^project(\.private)?\.config\.json$/];

function files(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full, root) : [path.relative(root, full)];
  });
}

export function packageSizes(distDir: string): Array<{ name: string; bytes: number }> {
  const app = JSON.parse(readFileSync(path.join(distDir, 'app.json'), 'utf8')) as {
    subPackages?: Array<{ root: string }>;
    subpackages?: Array<{ root: string }>;
  };
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/?$/, '/'));
  const sizes = new Map<string, number>([['main', 0], ...roots.map((r): [string, number] => [r, 0])]);
  for (const f of files(distDir)) {
    const rel = f.split(path.sep).join('/');
    if (NOT_PACKED.some((re) => re.test(path.basename(rel)))) continue;
    const pkg = roots.find((r) => rel.startsWith(r)) ?? 'main';
    sizes.set(pkg, (sizes.get(pkg) ?? 0) + statSync(path.join(distDir, f)).size);
  }
  return [...sizes].map(([name, bytes]) => ({ name, bytes }));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  const dist = path.resolve(__dirname, '../../dist/weapp');
  const sizes = packageSizes(dist);
  let over = false;
  for (const { name, bytes } of sizes) {
    const kib = bytes / 1024;
    const note = name === 'main' ? ` (budget ${MAIN_BUDGET_KIB} KiB)` : '';
    if (name === 'main' && kib > MAIN_BUDGET_KIB) over = true;
    console.log(`${name.padEnd(12)} ${kib.toFixed(1).padStart(8)} KiB${note}`);
  }
  if (!sizes.some((s) => s.name !== 'main')) console.log('(no subpackages yet)');
  if (over) process.exitCode = 1;
}
