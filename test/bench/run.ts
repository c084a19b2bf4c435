/**
 * `npm run bench`: how fast and how costly the product is and how that cost grows, in one run. It starts the local
 * stack (DynamoDB Local, the WeChat and S3 stand-ins, the API under serverless offline), measures, stops it, prints
 * a Markdown table with each budget's PASS or FAIL beside its figure, writes test/bench/results.md and
 * test/bench/results.json, and exits non-zero if a budget fails.
 *
 * BENCH_PER_CLIENT (4): latency requests per client at 32 clients (at least 30 a run); BENCH_SMALL (1000) / BENCH_LARGE (100000): petitions stored for growth;
 * BENCH_CALLS (20): calls averaged per command; BENCH_ONLY (unset): a comma list of parts to run
 * (capacity, latency, growth, network, size).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { MAIN_BUDGET_KIB } from '../weapp/size';
import { startStack, type Stack } from '../support/stack';
import { UNLIMITED, commandCosts, type CommandName, type Cost, type ItemWrite } from './capacity';
import { growthAt, type GrowthName } from './growth';
import { latencies, type Latency } from './latency';
import { scanToForm, type NetworkRow } from './network';
import { bundles, h5Fcp, weapp, type Bundle } from './size';

const env = (name: string, fallback: number) => {
  const v = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`${name} must be a positive number`);
  return v;
};
const PER_CLIENT = env('BENCH_PER_CLIENT', 4);
const SMALL = env('BENCH_SMALL', 1_000);
const LARGE = env('BENCH_LARGE', 100_000);
const CALLS = env('BENCH_CALLS', 20);
const PARTS = new Set((process.env.BENCH_ONLY ?? 'capacity,latency,growth,network,size').split(',').map((s) => s.trim()));

const BUDGET = { reads: 2, writes: 1, growth: 1.2, bundleKiB: 200, weappMainKiB: MAIN_BUDGET_KIB };
/** Scan to form (issue 18): slow 3G first visit 6 s and repeat 2 s, fast 3G first visit 2 s. */
const SCAN_BUDGET_MS: Record<string, { first: number; repeat?: number }> = { 'slow 3G': { first: 6000, repeat: 2000 }, 'fast 3G': { first: 2000 } };

/** AWS on-demand list prices, us-east-1, as of November 2024 (DynamoDB after its 1 November 2024 reduction); not fetched at run time. */
const PRICES = {
  date: 'November 2024',
  region: 'us-east-1',
  dynamoWritePerMillion: 0.625,
  dynamoReadPerMillion: 0.125,
  lambdaRequestPerMillion: 0.2,
  lambdaGbSecondArm: 0.0000133334,
  httpApiPerMillion: 1.0,
  lambdaMemoryGb: 0.5, // serverless.yml memorySize 512, arm64
};

/** One petition's life: the six steps, three reads by the citizen and three by staff. */
const LIFECYCLE: Array<[CommandName, number]> = [
  ['submit', 1], ['accept', 1], ['dispatch', 1], ['progress', 1], ['resolve', 1], ['rate', 1],
  ['my list', 1], ['case file (citizen)', 2], ['queue page', 1], ['case file (staff)', 2],
];

const log = (s: string) => process.stderr.write(`${s}\n`);
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
const n1 = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2));
const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  if (!ok) failures.push(what);
  return verdict(ok);
};

async function main() {
  const started = Date.now();
  let stack: Stack | undefined;
  const results: {
    commands?: Record<string, Cost>;
    petitionWrite?: ItemWrite;
    latency?: Record<string, Latency[]>;
    growth?: { small: number; large: number; seedSeconds: number; rows: Record<string, { small: Cost; large: Cost; ratio: number }> };
    bundles?: { bundles: Bundle[]; emptyMs: number; layerKiB: number };
    weapp?: Array<{ name: string; kib: number }>;
    h5FcpMs?: number;
    network?: NetworkRow[];
  } = {};
  try {
    if (PARTS.has('capacity') || PARTS.has('latency') || PARTS.has('growth') || PARTS.has('network')) {
      // The bench floods submissions from one citizen at one post to time them: lift the hourly report limits
      // (serverless.yml reads these for the API; the in-process deps get the same in capacity.ts).
      process.env.RATE_LIMIT_USER_PER_HOUR = UNLIMITED;
      process.env.RATE_LIMIT_POST_PER_HOUR = UNLIMITED;
      log('starting the local stack…');
      stack = await startStack({ workers: 1, movable: false });
      const { dynamoEndpoint, wechatUrl, apiUrl } = stack.infos[0]!;
      if (PARTS.has('capacity')) {
        log(`capacity: each command ${CALLS} times on a fresh table`);
        const measured = await commandCosts(dynamoEndpoint, wechatUrl, CALLS);
        results.commands = Object.fromEntries(measured.costs);
        results.petitionWrite = measured.petitionWrite;
      }
      if (PARTS.has('latency')) {
        log(`latency: 1 and 32 clients, ${PER_CLIENT} requests per client`);
        results.latency = Object.fromEntries(await latencies(apiUrl, PER_CLIENT, log));
      }
      if (PARTS.has('growth')) {
        log(`growth: ${SMALL.toLocaleString('en')} and ${LARGE.toLocaleString('en')} petitions stored`);
        const small = await growthAt(dynamoEndpoint, wechatUrl, SMALL, log);
        const large = await growthAt(dynamoEndpoint, wechatUrl, LARGE, log);
        const rows: Record<string, { small: Cost; large: Cost; ratio: number }> = {};
        for (const [name, s] of small.costs) {
          const l = large.costs.get(name);
          if (l) rows[name] = { small: s, large: l, ratio: s.rcu > 0 ? l.rcu / s.rcu : l.rcu > 0 ? Infinity : 1 };
        }
        results.growth = { small: SMALL, large: LARGE, seedSeconds: large.seedSeconds, rows };
      }
      if (PARTS.has('network')) {
        log('network: scan to report form on slow and fast 3G, first and repeat visit');
        results.network = await scanToForm(apiUrl, log);
      }
      await stack.stop();
      stack = undefined;
    }
    if (PARTS.has('size')) {
      log('size: bundles, cold require, weapp packages, H5 first contentful paint');
      results.bundles = await bundles();
      results.weapp = weapp();
      results.h5FcpMs = await h5Fcp();
    }
  } finally {
    await stack?.stop();
  }

  const md = report(results);
  const file = path.join(__dirname, 'results');
  writeFileSync(`${file}.md`, md);
  writeFileSync(`${file}.json`, `${JSON.stringify({ at: new Date().toISOString(), seconds: (Date.now() - started) / 1000, prices: PRICES, budgets: BUDGET, failures, ...results }, null, 2)}\n`);
  console.log(md);
  if (failures.length) {
    log(`${failures.length} budget(s) failed:\n- ${failures.join('\n- ')}`);
    process.exitCode = 1;
  }
}

function report(r: {
  network?: NetworkRow[];
  commands?: Record<string, Cost>;
  petitionWrite?: ItemWrite;
  latency?: Record<string, Latency[]>;
  growth?: { small: number; large: number; seedSeconds: number; rows: Record<string, { small: Cost; large: Cost; ratio: number }> };
  bundles?: { bundles: Bundle[]; emptyMs: number; layerKiB: number };
  weapp?: Array<{ name: string; kib: number }>;
  h5FcpMs?: number;
}): string {
  const out: string[] = [`# Benchmark (${new Date().toISOString().slice(0, 16)}Z, ${process.platform} ${process.arch}, node ${process.version})`, ''];

  if (r.commands || r.latency) {
    out.push(
      '## Commands',
      '',
      `DynamoDB requests and capacity per call: the use case each route calls, in this process, on DynamoDB Local, mean of ${CALLS} calls,`,
      'org tree cached (a warm container). Latency: HTTP against serverless offline on this machine (2 shared cores, DynamoDB Local),',
      `autocannon, a fixed number of requests per run (${PER_CLIENT} per client at 32 clients, half for submit; at least 30): an emulator's figures, not Lambda's.`,
      `Budget: at most ${BUDGET.writes} write request and ${BUDGET.reads} read requests per command.`,
      '',
      '| command | reads | writes | RCU | WCU | budget | ms in-process | p50 / p99 ms, 1 client | p50 / p99 ms, 32 clients | repository calls |',
      '|---|---:|---:|---:|---:|---|---:|---:|---:|---|',
    );
    const names = new Set([...Object.keys(r.commands ?? {}), ...Object.keys(r.latency ?? {})]);
    for (const name of names) {
      const c = r.commands?.[name];
      const l = r.latency?.[name];
      const floor = name.startsWith('floor');
      const budget = !c ? '' : floor ? '(floor)' : check(c.reads <= BUDGET.reads && c.writes <= BUDGET.writes, `${name}: ${n1(c.reads)} reads, ${n1(c.writes)} writes per call`);
      const lat = (x: Latency | undefined) => (x ? `${x.p50} / ${x.p99}${x.failed ? ` (${x.failed} failed)` : ''}` : '');
      out.push(`| ${name} | ${c ? n1(c.reads) : ''} | ${c ? n1(c.writes) : ''} | ${c ? n1(c.rcu) : ''} | ${c ? n1(c.wcu) : ''} | ${budget} | ${c ? c.ms.toFixed(1) : ''} | ${lat(l?.[0])} | ${lat(l?.[1])} | ${c?.calls ?? ''} |`);
    }
    const w = r.petitionWrite;
    if (w) {
      const idx = Object.entries(w.indexes).map(([n, u]) => `${n} ${n1(u)}`).join(', ');
      out.push('', `Where a step's WCU goes: one stored petition (${w.kib.toFixed(1)} KiB as JSON) put alone costs ${n1(w.total)} WCU: table ${n1(w.table)}, indexes ${idx || 'none reported'}.`,
        'A transaction costs each item\'s units twice; a step writes the petition, its event, its outbox message and its counters.');
    }
    if (r.latency) {
      const thr = Object.entries(r.latency).map(([n, ls]) => `${n} ${ls.map((x) => `${Math.round(x.rps)}`).join(' / ')}`).join('; ');
      out.push('', `Requests per second at 1 / 32 clients: ${thr}.`);
    }
    out.push('');
  }

  if (r.growth) {
    const g = r.growth;
    out.push(
      '## Growth',
      '',
      `Read capacity with ${g.small.toLocaleString('en')} and ${g.large.toLocaleString('en')} petitions stored (three townships, 500 reporters, sixty days;`,
      `the same ten due in both; the citizen read has 25 in both). Stored by BatchWrite with the figure counters their submissions add up to:`,
      `the dashboards and the warning sweep read a fixed set of counter items either way. Storing ${g.large.toLocaleString('en')} took ${g.seedSeconds.toFixed(0)} s. Budget: ratio at most ${BUDGET.growth}.`,
      '',
      `| read | reads, ${g.small.toLocaleString('en')} | RCU, ${g.small.toLocaleString('en')} | reads, ${g.large.toLocaleString('en')} | RCU, ${g.large.toLocaleString('en')} | ratio | budget |`,
      '|---|---:|---:|---:|---:|---:|---|',
    );
    for (const [name, x] of Object.entries(g.rows)) {
      out.push(`| ${name} | ${n1(x.small.reads)} | ${n1(x.small.rcu)} | ${n1(x.large.reads)} | ${n1(x.large.rcu)} | ${x.ratio.toFixed(2)} | ${check(x.ratio <= BUDGET.growth, `growth of ${name}: ${x.ratio.toFixed(2)}`)} |`);
    }
    out.push('');
  }

  if (r.network) {
    out.push(
      '## Scan to form on a weak network',
      '',
      'The H5 app served as CloudFront serves it (Brotli or gzip, hashed assets immutable; Chromium asks plain HTTP for gzip only),',
      'headless Chromium on an emulated network, from opening a post\'s link to its categories on the form; a first visit in a fresh',
      'profile, then a repeat visit; median of three profiles. An emulator on a shared two-core machine: the CPU is slower than a phone\'s.',
      '',
      '| network | first visit | bytes | repeat visit | bytes | budget |',
      '|---|---:|---:|---:|---:|---|',
    );
    for (const x of r.network) {
      const b = SCAN_BUDGET_MS[x.network]!;
      const ok = x.firstMs <= b.first && (b.repeat === undefined || x.repeatMs <= b.repeat);
      const budget = `first ≤ ${b.first / 1000} s${b.repeat === undefined ? '' : `, repeat ≤ ${b.repeat / 1000} s`}`;
      out.push(`| ${x.network} | ${(x.firstMs / 1000).toFixed(1)} s | ${x.firstKiB.toFixed(0)} KiB | ${(x.repeatMs / 1000).toFixed(1)} s | ${x.repeatKiB.toFixed(0)} KiB | ${check(ok, `scan to form on ${x.network}: first ${x.firstMs} ms, repeat ${x.repeatMs} ms`)} ${budget} |`);
    }
    out.push('');
  }

  if (r.bundles || r.weapp || r.h5FcpMs !== undefined) {
    out.push('## Size', '', '| what | size | cold start | budget |', '|---|---:|---:|---|');
    for (const b of r.bundles?.bundles ?? []) {
      out.push(`| Lambda ${b.name} (esbuild, minified, @aws-sdk, Powertools and jose external) | ${b.kib.toFixed(1)} KiB | require ${b.requireMs.toFixed(0)} ms | ${check(b.kib <= BUDGET.bundleKiB, `bundle ${b.name}: ${b.kib.toFixed(1)} KiB`)} ≤ ${BUDGET.bundleKiB} KiB |`);
    }
    if (r.bundles) {
      out.push(`| empty handler | | require ${r.bundles.emptyMs.toFixed(1)} ms | |`);
      out.push(`| libraries layer: Powertools, X-Ray SDK, jose (unzipped, shared by every function; its load is in each require above) | ${r.bundles.layerKiB.toFixed(0)} KiB | | |`);
    }
    if (r.weapp) {
      for (const p of r.weapp) {
        const budget = p.name === 'main' ? `${check(p.kib <= BUDGET.weappMainKiB, `weapp main package: ${p.kib.toFixed(1)} KiB`)} ≤ ${BUDGET.weappMainKiB} KiB` : '';
        out.push(`| weapp ${p.name === 'main' ? 'main package' : `subpackage ${p.name}`} | ${p.kib.toFixed(1)} KiB | | ${budget} |`);
      }
    } else out.push('| weapp | no dist/weapp: run npm run build:weapp | | not measured |');
    out.push(r.h5FcpMs === undefined ? '| H5 | no dist/h5: run npm run build:h5 | | |' : `| H5 first contentful paint (headless Chromium, median of 3) | | ${r.h5FcpMs.toFixed(0)} ms | |`);
    for (const b of r.bundles?.bundles ?? []) out.push('', `Largest in ${b.name}: ${b.top.map((t) => `${t.name} ${t.kib.toFixed(1)} KiB`).join(', ')}.`);
    out.push(
      '',
      'Cold start: median of 5 `require`s of the bundle, each in a fresh node with the @aws-sdk, Powertools and jose modules from node_modules (the runtime and the layer in Lambda), timed inside the child.',
      '',
    );
  }

  if (r.commands) out.push(...cost(r.commands));
  out.push(failures.length ? `**${failures.length} budget(s) FAIL**: ${failures.join('; ')}.` : '**Every budget measured passes.**', '');
  return out.join('\n');
}

function cost(commands: Record<string, Cost>): string[] {
  let rcu = 0;
  let wcu = 0;
  let ms = 0;
  let requests = 0;
  for (const [name, times] of LIFECYCLE) {
    const c = commands[name];
    if (!c) continue;
    rcu += c.rcu * times;
    wcu += c.wcu * times;
    ms += Math.ceil(c.ms) * times;
    requests += times;
  }
  const per = 10_000;
  const dynamo = (wcu * PRICES.dynamoWritePerMillion + rcu * PRICES.dynamoReadPerMillion) * per / 1e6;
  const lambda = (requests * PRICES.lambdaRequestPerMillion) * per / 1e6 + (ms / 1000) * PRICES.lambdaMemoryGb * PRICES.lambdaGbSecondArm * per;
  const http = requests * PRICES.httpApiPerMillion * per / 1e6;
  const usd = (x: number) => `$${x.toFixed(4)}`;
  return [
    '## Cost',
    '',
    `US dollars per ${per.toLocaleString('en')} petitions taken through a whole life: ${LIFECYCLE.map(([n, t]) => (t > 1 ? `${n} ×${t}` : n)).join(', ')}`,
    `(${requests} API requests, ${n1(rcu)} RCU and ${n1(wcu)} WCU per petition, as measured above).`,
    `Prices: AWS on-demand list prices, ${PRICES.region}, as of ${PRICES.date}: DynamoDB $${PRICES.dynamoWritePerMillion} per million write request units and`,
    `$${PRICES.dynamoReadPerMillion} per million read request units; Lambda $${PRICES.lambdaRequestPerMillion} per million requests and $${PRICES.lambdaGbSecondArm} per GB-second (arm64);`,
    `HTTP API $${PRICES.httpApiPerMillion.toFixed(2)} per million requests. The product deploys to cn-northwest-1, billed in CNY at other prices.`,
    `Lambda time assumed: each command's mean in-process time above against DynamoDB Local, rounded up to the ms (${ms} ms per petition),`,
    `at ${PRICES.lambdaMemoryGb * 1024} MB; no cold starts, no sweeps, no notification sends, no photo storage.`,
    '',
    '| part | per 10,000 petitions |',
    '|---|---:|',
    `| DynamoDB | ${usd(dynamo)} |`,
    `| Lambda | ${usd(lambda)} |`,
    `| HTTP API | ${usd(http)} |`,
    `| **total** | **${usd(dynamo + lambda + http)}** |`,
    '',
  ];
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(2);
});
