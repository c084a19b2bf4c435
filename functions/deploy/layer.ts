/**
 * The functions' Lambda layer: the libraries serverless.yml keeps out of the bundles (Powertools with the X-Ray SDK
 * under its tracer, and jose), copied with everything they require from this project's node_modules, so the layer
 * holds exactly the versions the code was built and tested with. AWS publishes no Powertools layer in cn-northwest-1,
 * and bundled they would take each function past its 200 KiB budget (the tracer alone is 127 KiB).
 * `npm run deploy` builds it into .layers/libraries before serverless zips it (serverless.layer.yml).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../local/table';

export const LAYER_DIR = path.join(ROOT, '.layers', 'libraries');

/** What the functions import from the layer: the same list as `exclude` in serverless.yml's esbuild settings. */
export const LAYER_PACKAGES = [
  '@aws-lambda-powertools/logger',
  '@aws-lambda-powertools/metrics',
  '@aws-lambda-powertools/tracer',
  '@aws-lambda-powertools/parameters',
  'jose',
];

/** The Lambda runtime has the AWS SDK v3; type packages are not run. */
const provided = (name: string) => name.startsWith('@aws-sdk/') || name.startsWith('@types/');

/** Node's own lookup: `from`'s node_modules, then each parent's, up to the project root. */
function packageDir(name: string, from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (dir === ROOT || dir === path.dirname(dir)) throw new Error(`${name} (needed from ${path.relative(ROOT, from) || '.'}) is not installed: run npm install`);
  }
}

/** Copies the packages and their dependencies into `<dir>/nodejs/node_modules` (Lambda's /opt/nodejs/node_modules). */
export function buildLayer(dir = LAYER_DIR): { dir: string; packages: number } {
  const found = new Set<string>();
  const visit = (name: string, from: string) => {
    const pkgDir = packageDir(name, from);
    if (found.has(pkgDir)) return;
    found.add(pkgDir);
    const manifest = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    for (const dep of Object.keys(manifest.dependencies ?? {})) if (!provided(dep)) visit(dep, pkgDir);
  };
  for (const name of LAYER_PACKAGES) visit(name, ROOT);

  rmSync(dir, { recursive: true, force: true });
  const rootModules = path.join(ROOT, 'node_modules');
  for (const pkgDir of found) {
    // a nested copy (a/node_modules/b) keeps its place: it is a version its parent needs
    const target = path.join(dir, 'nodejs', 'node_modules', path.relative(rootModules, pkgDir));
    mkdirSync(path.dirname(target), { recursive: true });
    cpSync(pkgDir, target, {
      recursive: true,
      filter: (src) => !path.relative(pkgDir, src).split(path.sep).includes('node_modules') && !/\.(map|d\.ts)$/.test(src),
    });
  }
  return { dir, packages: found.size };
}

if (require.main === module) {
  const { dir, packages } = buildLayer();
  console.log(`layer: ${packages} packages in ${path.relative(ROOT, dir)}`);
}
