/**
 * DynamoDB cost of each API command, measured in this process: the use case each route calls, on a fresh seeded
 * table in DynamoDB Local, through makeDeps with a meter (requests and the capacity DynamoDB reports).
 */
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, newMeter, type Meter } from '../../functions/adapters/dynamo/client';
import { keys } from '../../functions/adapters/dynamo/keys';
import { config } from '../../functions/config';
import { DynamoOrgRepository } from '../../functions/adapters/dynamo/org';
import { makeDeps } from '../../functions/deps';
import { loadSeed } from '../../functions/local/seed';
import * as auth from '../../functions/usecases/auth';
import * as bookings from '../../functions/usecases/bookings';
import type { CitizenCaller, Deps, StaffCaller } from '../../functions/usecases/context';
import { dashboard } from '../../functions/usecases/dashboard';
import * as petitions from '../../functions/usecases/petitions';
import { HostBody } from '../../shared/schemas/booking';
import { freshTable } from '../support/table';

export interface Cost {
  reads: number;
  writes: number;
  rcu: number;
  wcu: number;
  /** mean wall time of one call in this process, DynamoDB Local included */
  ms: number;
  /** the repository methods one call used, e.g. `get, applyTransition, getWithTimeline` */
  calls: string;
}

export const CENTRE: StaffCaller = { kind: 'staff', id: 'u-babao', name: '值班员', role: 'centre_staff', scopeNodeId: 'babao' };
export const citizen = (name: string): CitizenCaller => ({ kind: 'citizen', openid: `wx_${name}`, name });
export const SUBMIT_BODY = {
  channel: 'scan' as const, postId: 'babao-baiyanggou-p1', categoryId: 'land_dispute',
  description: '我家草场的网围栏被邻居挪了二十米，请帮忙调解。', photos: [], anonymous: false,
};

/** The hourly report limits, lifted: the bench times submissions, not the limiter. */
export const UNLIMITED = '1000000';

export interface Clocked { t: Date; now(): Date }
export const fixedClock = (iso: string): Clocked => ({ t: new Date(iso), now() { return this.t; } });

/** makeDeps on `table` with a meter; the petition repository is wrapped to record which methods each call used. */
export function meteredDeps(endpoint: string, wechatUrl: string, table: string, clock: Clocked) {
  const meter = newMeter();
  const cfg = config({
    STAGE: 'local', TABLE_NAME: table, DYNAMODB_ENDPOINT: endpoint, JWT_SECRET: 'x'.repeat(32),
    WECHAT_API_BASE: wechatUrl, WECHAT_APPID: 'wx-bench', WECHAT_SECRET: 'secret',
    RATE_LIMIT_USER_PER_HOUR: UNLIMITED, RATE_LIMIT_POST_PER_HOUR: UNLIMITED,
  });
  const deps = makeDeps(cfg, { clock, meter });
  const used: string[] = [];
  const record = <T extends object>(target: T, prefix: string): T =>
    new Proxy(target, {
      get(obj, prop, receiver) {
        const value: unknown = Reflect.get(obj, prop, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          used.push(`${prefix}${String(prop)}`);
          return Reflect.apply(value, obj, args);
        };
      },
    });
  const wrapped: Deps = { ...deps, petitions: record(deps.petitions, ''), bookings: record(deps.bookings, 'bookings.'), org: record(deps.org, 'org.') };
  return { deps: wrapped, meter, used };
}

/** Runs `fn` once per item and returns the mean cost of one call. */
export async function measure<T>(meter: Meter, used: string[], items: readonly T[], fn: (item: T, i: number) => Promise<unknown>): Promise<Cost> {
  const before = { ...meter };
  let ms = 0;
  let calls = '';
  for (const [i, item] of items.entries()) {
    used.length = 0;
    const t0 = performance.now();
    await fn(item, i);
    ms += performance.now() - t0;
    // org.load is served from the container's cache here (warmed before measuring): leave it out of the list.
    if (i === items.length - 1) calls = summarise(used.filter((u) => u !== 'org.load'));
  }
  const n = items.length;
  return {
    reads: (meter.reads - before.reads) / n,
    writes: (meter.writes - before.writes) / n,
    rcu: (meter.readCapacity - before.readCapacity) / n,
    wcu: (meter.writeCapacity - before.writeCapacity) / n,
    ms: ms / n,
    calls,
  };
}

function summarise(names: string[]): string {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  return [...counts].map(([n, c]) => (c > 1 ? `${n}×${c}` : n)).join(', ');
}

export type CommandName =
  | 'submit' | 'accept' | 'dispatch' | 'progress' | 'resolve' | 'rate' | 'book'
  | 'queue page' | 'my list' | 'case file (citizen)' | 'case file (staff)' | 'dashboard'
  | 'staff token check, no cache' | 'staff token check, 60 s cache, a call every 5 s'
  | 'floor: PutItem' | 'floor: Query';

/** Where one stored petition's write capacity goes: a plain PutItem of a copy, with the capacity of each index. */
export interface ItemWrite {
  kib: number;
  table: number;
  indexes: Record<string, number>;
  total: number;
}

async function itemWrite(endpoint: string, table: string, id: string): Promise<ItemWrite | undefined> {
  const db = documentClient({ region: 'local', endpoint });
  const item = (await db.send(new GetCommand({ TableName: table, Key: keys.petition(id) }))).Item;
  if (!item) return undefined;
  const copy = { ...item, pk: 'P#BENCH-COPY' };
  const out = await db.send(new PutCommand({ TableName: table, Item: copy, ReturnConsumedCapacity: 'INDEXES' }));
  const c = out.ConsumedCapacity;
  const indexes = Object.fromEntries(Object.entries(c?.GlobalSecondaryIndexes ?? {}).map(([name, v]) => [name, v.CapacityUnits ?? 0]));
  return { kib: Buffer.byteLength(JSON.stringify(copy)) / 1024, table: c?.Table?.CapacityUnits ?? 0, indexes, total: c?.CapacityUnits ?? 0 };
}

/** Each command `calls` times on a fresh table seeded with the demo county; a warm container (org cached). */
export async function commandCosts(endpoint: string, wechatUrl: string, calls = 20): Promise<{ costs: Map<CommandName, Cost>; petitionWrite?: ItemWrite }> {
  const table = await freshTable(endpoint);
  try {
    await loadSeed(endpoint, table.name);
    const clock = fixedClock('2026-12-01T01:00:00Z'); // a Tuesday, 09:00 in China
    const { deps, meter, used } = meteredDeps(endpoint, wechatUrl, table.name, clock);
    const out = new Map<CommandName, Cost>();
    const runs = Array.from({ length: calls }, (_, i) => i);
    const tick = () => { clock.t = new Date(clock.t.getTime() + 60_000); };

    await deps.org.load(); // a warm container: the org tree is read once per ORG_CACHE_SECONDS, not per call
    const ids: string[] = [];
    out.set('submit', await measure(meter, used, runs, async (i) => {
      tick();
      const made = await petitions.submitPetition(deps, citizen(`bench-${i}`), `bench-key-${i}`, SUBMIT_BODY);
      ids.push(made.response.id);
    }));
    const step = (input: petitions.TransitionInput) => (id: string) => { tick(); return petitions.stepForStaff(deps, CENTRE, id, input); };
    out.set('accept', await measure(meter, used, ids, step({ action: 'accept' })));
    out.set('dispatch', await measure(meter, used, ids, step({ action: 'dispatch', departmentId: 'babao-natural-resources' })));
    out.set('progress', await measure(meter, used, ids, step({ action: 'progress', note: '已约双方到村委会调解。', visibility: 'public' })));
    out.set('resolve', await measure(meter, used, ids, step({ action: 'resolve', summary: '已调解，围栏恢复原位。' })));
    out.set('rate', await measure(meter, used, ids, (id, i) => { tick(); return petitions.rate(deps, citizen(`bench-${i}`), id, { rating: 'satisfied' }); }));

    out.set('queue page', await measure(meter, used, runs, () => petitions.staffQueue(deps, CENTRE, { limit: 20 })));
    out.set('my list', await measure(meter, used, runs, (i) => petitions.listMine(deps, citizen(`bench-${i}`), { limit: 20 })));
    out.set('case file (citizen)', await measure(meter, used, ids, (id, i) => petitions.getForCitizen(deps, citizen(`bench-${i}`), id)));
    out.set('case file (staff)', await measure(meter, used, ids, (id) => petitions.getForStaff(deps, CENTRE, id)));
    out.set('dashboard', await measure(meter, used, runs, () => dashboard(deps, CENTRE, {})));

    await bookings.saveHost(deps, CENTRE, 'bench-lawyer', HostBody.parse({
      name: '马律师', kind: 'lawyer', centreId: 'babao', ways: ['video', 'phone'],
      availability: { weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, windows: [{ from: '09:00', to: '17:00' }] })) },
      rules: { slotMinutes: 30, bufferMinutes: 0, minNoticeMinutes: 60, horizonDays: 14, capacity: 1 },
    }));
    const slots = (await bookings.listSlots(deps, 'bench-lawyer', { days: 14 })).items.map((s) => s.start);
    if (slots.length < calls) throw new Error(`only ${slots.length} free slots for ${calls} bookings`);
    out.set('book', await measure(meter, used, runs, (i) =>
      bookings.book(deps, citizen(`bench-${i}`), `bench-book-${i}`, { hostId: 'bench-lawyer', start: slots[i] ?? '', way: 'video', topic: '工资拖欠怎么维权' })));

    // The token check every staff call makes (auth.staffCaller): the user's record, read afresh without the cache;
    // with it, a user calling every 5 s for 5 minutes, the container trusting a copy for STAFF_USER_CACHE_SECONDS (60).
    const claims = { kind: 'staff' as const, sub: 'u-babao', usr: 'babao', ver: 0, name: '值班员', role: 'centre_staff' as const, scope: 'babao', iat: 0, exp: 0 };
    const userCache = (ms: number) => {
      const at = { t: 0 };
      const org = new DynamoOrgRepository(documentClient({ region: 'local', endpoint, meter }), table.name, 60_000, () => at.t, ms);
      return { deps: { ...deps, org }, at };
    };
    const cold = userCache(0);
    out.set('staff token check, no cache', await measure(meter, used, runs, () => auth.staffCaller(cold.deps, claims)));
    const warm = userCache(60_000);
    out.set('staff token check, 60 s cache, a call every 5 s', await measure(meter, used, Array.from({ length: 60 }, (_, i) => i), () => {
      warm.at.t += 5_000;
      return auth.staffCaller(warm.deps, claims);
    }));

    // The floor: one bare PutItem and one Query on the same table, through the same metered client.
    const db = documentClient({ region: 'local', endpoint, meter });
    out.set('floor: PutItem', await measure(meter, used, runs, (i) =>
      db.send(new PutCommand({ TableName: table.name, Item: { pk: `BENCH#${i}`, sk: 'X', n: i } }))));
    out.set('floor: Query', await measure(meter, used, runs, (i) =>
      db.send(new QueryCommand({ TableName: table.name, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': `BENCH#${i}` } }))));
    return { costs: out, petitionWrite: ids[0] ? await itemWrite(endpoint, table.name, ids[0]) : undefined };
  } finally {
    await table.drop();
  }
}
