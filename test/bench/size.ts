/**
 * Size: each Lambda bundle as esbuild makes it for deployment, its cold `require` in a fresh node against an empty
 * handler, the weapp packages (test/weapp/size.ts counts them), and the H5 first contentful paint in Chromium.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import yaml from 'js-yaml';
import { buildLayer } from '../../functions/deploy/layer';
import { H5_DIST, serveH5 } from '../../miniprogram/dev/serve';
import { openBrowser } from '../support/browser';
import { packageSizes } from '../weapp/size';

const ROOT = path.resolve(__dirname, '../..');
export const LAMBDAS = {
  citizen: 'functions/http/citizen.ts',
  staff: 'functions/http/staff.ts',
  admin: 'functions/http/admin.ts',
  open311: 'functions/http/open311.ts',
  docs: 'functions/http/docs.ts',
  sweeper: 'functions/sweeper.ts',
} as const;

/** What serverless.yml keeps out of the bundles: the AWS SDK (in the runtime), Powertools and jose (in the layer). */
export const EXTERNAL: string[] = (yaml.load(readFileSync(path.join(ROOT, 'serverless.yml'), 'utf8')) as { custom: { esbuild: { exclude: string[] } } }).custom
  .esbuild.exclude;

export interface Bundle {
  name: string;
  kib: number;
  /** median of 5 cold requires, each in a fresh node process, in ms */
  requireMs: number;
  /** the largest contributors: packages from node_modules, and the project's own code */
  top: Array<{ name: string; kib: number }>;
}

const bytesIn = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? bytesIn(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).size), 0);

/** `node_modules/zod/v4/…` → `zod`; `node_modules/@a/b/…` → `@a/b`; the project's own files → their top folder. */
function owner(input: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return m?.[1] ?? `${input.split('/')[0] ?? input}/ (own code)`;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

/** The environment a container would have: the bundle may read its config at load. */
const LAMBDA_ENV = {
  ...process.env,
  STAGE: 'prod', TABLE_NAME: 'shaogang-prod', JWT_SECRET: 'x'.repeat(32), WECHAT_APPID: 'wx-bench', WECHAT_SECRET: 'secret',
  AWS_REGION: 'cn-northwest-1', NODE_PATH: path.join(ROOT, 'node_modules'),
};

/** ms to require `file` in a fresh node, measured inside the child so process start-up is left out. */
function coldRequire(file: string): number {
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(file)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  const times = Array.from({ length: 5 }, () => Number(execFileSync(process.execPath, ['-e', script], { env: LAMBDA_ENV, encoding: 'utf8' })));
  return median(times);
}

export async function bundles(): Promise<{ bundles: Bundle[]; emptyMs: number; layerKiB: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'shaogang-bench-'));
  try {
    const out: Bundle[] = [];
    for (const [name, entry] of Object.entries(LAMBDAS)) {
      const outfile = path.join(dir, `${name}.js`);
      const res = await build({
        entryPoints: [path.join(ROOT, entry)], outfile, bundle: true, minify: true, charset: 'utf8', platform: 'node', target: 'node22',
        format: 'cjs', external: EXTERNAL, metafile: true, logLevel: 'error',
      });
      const outputs = Object.values(res.metafile.outputs);
      const bytes = outputs.reduce((n, o) => n + o.bytes, 0);
      const by = new Map<string, number>();
      for (const o of outputs) for (const [input, { bytesInOutput }] of Object.entries(o.inputs)) by.set(owner(input), (by.get(owner(input)) ?? 0) + bytesInOutput);
      const top = [...by].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([n, b]) => ({ name: n, kib: b / 1024 }));
      out.push({ name, kib: bytes / 1024, requireMs: coldRequire(outfile), top });
    }
    const empty = path.join(dir, 'empty.js');
    writeFileSync(empty, 'exports.handler = async () => ({ statusCode: 200 });\n');
    return { bundles: out, emptyMs: coldRequire(empty), layerKiB: bytesIn(buildLayer(path.join(dir, 'layer')).dir) / 1024 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function weapp(): Array<{ name: string; kib: number }> | undefined {
  const dist = path.join(ROOT, 'dist', 'weapp');
  if (!existsSync(path.join(dist, 'app.json'))) return undefined;
  return packageSizes(dist).map(({ name, bytes }) => ({ name, kib: bytes / 1024 }));
}

/** First contentful paint of the H5 app in ms: median of 3 loads, each in a fresh Chromium profile. */
export async function h5Fcp(): Promise<number | undefined> {
  if (!existsSync(path.join(H5_DIST, 'index.html'))) return undefined;
  const server = await serveH5({ dir: H5_DIST });
  try {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const browser = await openBrowser();
      try {
        const { page } = browser;
        await page.goto(`${server.url}/?postId=babao-baiyanggou-p1`, { waitUntil: 'load' });
        const fcp = await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              setTimeout(() => resolve(Number.NaN), 15_000);
              new PerformanceObserver((list) => {
                const entry = list.getEntriesByName('first-contentful-paint')[0];
                if (entry) resolve(entry.startTime);
              }).observe({ type: 'paint', buffered: true });
            }),
        );
        times.push(fcp);
      } finally {
        await browser.close();
      }
    }
    return median(times);
  } finally {
    await server.close();
  }
}
