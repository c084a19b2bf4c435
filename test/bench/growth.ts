/**
 * Growth: the reads of the queue page, my list, the dashboard (a month, and the longest period with the same period a
 * year before), the sweep and the warning sweep (未诉先办) with few and with many petitions stored, with the figure
 * counters those petitions made (summed in memory and written as the steps would have left them). The stored set differs only in size: the same ten are due, the rest have deadlines next year, spread
 * over the three townships, 500 reporters and the last sixty days; the citizen whose list is read has the same 25
 * in both, so both reads fill a page of 20 and what differs is only what else is stored.
 */
import { BatchWriteCommand, type BatchWriteCommandInput, type BatchWriteCommandOutput } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../functions/adapters/dynamo/client';
import { petitionItem } from '../../functions/adapters/dynamo/petitions';
import { figureShard, keys } from '../../functions/adapters/dynamo/keys';
import { figureDeltas } from '../../shared/figures';
import { warnSweep } from '../../functions/usecases/warnings';
import { supervisionPolicy, systemIds } from '../../functions/deps';
import { config } from '../../functions/config';
import { loadSeed } from '../../functions/local/seed';
import { dashboard } from '../../functions/usecases/dashboard';
import { listMine, staffQueue } from '../../functions/usecases/petitions';
import { sweep } from '../../functions/usecases/supervision';
import type { Petition } from '../../shared/schemas/petition';
import { freshTable } from '../support/table';
import { CENTRE, citizen, fixedClock, measure, meteredDeps, type Cost } from './capacity';

export type GrowthName = 'queue page' | 'my list' | 'dashboard' | 'dashboard, 367 days' | 'sweep' | 'warning sweep';
export const NOW = '2026-12-20T01:00:00.000Z';
const TOWNSHIPS = ['babao', 'ebao', 'moler'] as const;
const REPORTERS = 500;
const DUE_NOW = 10;
const MINE = 25;
export const ME = 'bench_me';

function petitions(n: number): Petition[] {
  const ids = systemIds();
  const now = Date.parse(NOW);
  return Array.from({ length: n }, (_, i): Petition => {
    const township = TOWNSHIPS[i % TOWNSHIPS.length] ?? 'babao';
    const created = new Date(now - 2 * 3_600_000 - ((i * 7919) % (60 * 24)) * 3_600_000).toISOString();
    return {
      id: ids.id(), trackingCode: ids.trackingCode(), channel: 'scan',
      reporter: { kind: 'wechat', openid: i < MINE ? `wx_${ME}` : `wx_bulk_${i % REPORTERS}` }, anonymous: false, categoryId: 'land_dispute',
      description: '批量数据：草场围栏纠纷，请调解。', photos: [], status: 'submitted', level: 'township', countyId: 'qilian',
      townshipId: township, centreId: township, centrePath: `qilian/${township}`, createdAt: created, updatedAt: created,
      // The first DUE_NOW fell due two days ago; the rest are due next year.
      dueAt: i < DUE_NOW ? '2026-12-18T00:00:00.000Z' : '2027-06-02T00:00:00.000Z',
      extended: false, overdue: false, version: 1,
    };
  });
}

/** The figure counter items the petitions' submissions add up to (shared/figures.ts), as whole items. */
function counterItems(items: Petition[]): Array<Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const p of items) {
    for (const d of figureDeltas(undefined, p, [{ action: 'submit', at: p.createdAt, from: null, data: undefined }])) {
      const key = keys.figures(d.scope, d.key, figureShard(p.id));
      const item = out.get(`${key.pk}|${key.sk}`) ?? { ...key };
      for (const [f, n] of Object.entries(d.add)) item[f] = ((item[f] as number | undefined) ?? 0) + n;
      out.set(`${key.pk}|${key.sk}`, item);
    }
  }
  return [...out.values()];
}

/** BatchWrite, 25 items a request, 16 requests at a time, retrying what DynamoDB left unprocessed. */
async function store(endpoint: string, table: string, items: Petition[]) {
  const db = documentClient({ region: 'local', endpoint });
  const policy = supervisionPolicy(config({ TABLE_NAME: table, JWT_SECRET: 'x'.repeat(32), WECHAT_APPID: 'a', WECHAT_SECRET: 's' }));
  const all = [...items.map((p) => petitionItem(p, policy)), ...counterItems(items)];
  const batches: Array<typeof all> = [];
  for (let i = 0; i < all.length; i += 25) batches.push(all.slice(i, i + 25));
  const write = async (batch: typeof all) => {
    let req: BatchWriteCommandInput['RequestItems'] = { [table]: batch.map((Item) => ({ PutRequest: { Item } })) };
    while (req && Object.keys(req).length) {
      const out: BatchWriteCommandOutput = await db.send(new BatchWriteCommand({ RequestItems: req }));
      req = out.UnprocessedItems;
    }
  };
  let next = 0;
  await Promise.all(Array.from({ length: 16 }, async () => {
    while (next < batches.length) {
      const batch = batches[next++];
      if (batch) await write(batch);
    }
  }));
}

/** The four reads with `n` petitions stored, on a table of their own that is dropped afterwards. */
export async function growthAt(endpoint: string, wechatUrl: string, n: number, log: (s: string) => void): Promise<{ costs: Map<GrowthName, Cost>; seedSeconds: number }> {
  const table = await freshTable(endpoint);
  try {
    await loadSeed(endpoint, table.name);
    const t0 = performance.now();
    await store(endpoint, table.name, petitions(n));
    const seedSeconds = (performance.now() - t0) / 1000;
    log(`  stored ${n.toLocaleString('en')} petitions in ${seedSeconds.toFixed(0)} s`);
    const clock = fixedClock(NOW);
    const { deps, meter, used } = meteredDeps(endpoint, wechatUrl, table.name, clock);
    const policy = supervisionPolicy(config({ TABLE_NAME: table.name, JWT_SECRET: 'x'.repeat(32), WECHAT_APPID: 'a', WECHAT_SECRET: 's' }));
    await deps.org.load();
    const runs = Array.from({ length: 5 }, (_, i) => i);
    const costs = new Map<GrowthName, Cost>();
    costs.set('queue page', await measure(meter, used, runs, () => staffQueue(deps, CENTRE, { limit: 20 })));
    costs.set('my list', await measure(meter, used, runs, () => listMine(deps, citizen(ME), { limit: 20 })));
    costs.set('dashboard', await measure(meter, used, runs, () => dashboard(deps, CENTRE, {})));
    // the longest period, from the 31st so that it spans 14 months, and the same 14 a year before
    costs.set('dashboard, 367 days', await measure(meter, used, runs, () => dashboard(deps, CENTRE, { from: '2025-12-31', to: '2027-01-01' })));
    // One sweep: it acts on the ten that are due, so a second would find nothing and cost less.
    costs.set('sweep', await measure(meter, used, [0], async () => {
      const report = await sweep(deps, policy, new Date(NOW));
      if (report.examined !== DUE_NOW) log(`  (the sweep examined ${report.examined}, expected ${DUE_NOW})`);
    }));
    // 未诉先办: the townships' counters of the five months it compares, whatever is stored
    costs.set('warning sweep', await measure(meter, used, runs, () => warnSweep(deps, new Date(NOW))));
    return { costs, seedSeconds };
  } finally {
    await table.drop();
  }
}
