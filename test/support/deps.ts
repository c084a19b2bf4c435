/**
 * The real ports on a fresh, seeded table in the run's DynamoDB Local, with a clock the test moves: how the
 * integration tests call use cases directly.
 */
import type { Meter } from '../../functions/adapters/dynamo/client';
import { config } from '../../functions/config';
import { makeDeps } from '../../functions/deps';
import { loadSeed } from '../../functions/local/seed';
import type { Deps } from '../../functions/usecases/context';
import { TEST_CACHE_SECONDS } from './cache';
import { freshTable } from './table';
import { stack } from './worker';

export interface MovableClock {
  t: Date;
  now(): Date;
}
export const movableClock = (iso: string): MovableClock => ({ t: new Date(iso), now() { return this.t; } });

export function depsOn(table: string, opts: { clock: MovableClock; meter?: Meter; env?: Record<string, string> }): Deps {
  const { dynamoEndpoint, wechatUrl } = stack();
  const cfg = config({
    STAGE: 'local', TABLE_NAME: table, DYNAMODB_ENDPOINT: dynamoEndpoint, JWT_SECRET: 'x'.repeat(32),
    WECHAT_API_BASE: wechatUrl, WECHAT_APPID: 'wx-test', WECHAT_SECRET: 'secret', ...opts.env,
  });
  return makeDeps(cfg, { clock: opts.clock, meter: opts.meter });
}

export async function seededDeps(opts: { clock: MovableClock; meter?: Meter; env?: Record<string, string> }) {
  const table = await freshTable(stack().dynamoEndpoint);
  await loadSeed(stack().dynamoEndpoint, table.name, undefined, stack().passwordHashes);
  return { deps: depsOn(table.name, opts), table: table.name, drop: table.drop };
}

/**
 * The ports on the table the running API serves, with a clock the test moves: for an API test that needs what only
 * time makes (a reception that has taken place) and then reads it over HTTP. The file has the table to itself (per-file.ts).
 */
export const stackDeps = (clock: MovableClock): Deps => depsOn(stack().table, { clock });

/**
 * Writes straight to the worker API's table, as a county's seed or a record of an older version is (data no route
 * writes), then waits until the API's cache of the org tree and the users has expired, so its next request reads it.
 */
export async function writeBehindApi(write: (tables: Deps) => Promise<unknown>): Promise<void> {
  await write(stackDeps(movableClock(new Date().toISOString())));
  await new Promise((r) => setTimeout(r, TEST_CACHE_SECONDS * 1000 + 100));
}
