/**
 * The real ports on a fresh, seeded table in the run's DynamoDB Local, with a clock the test moves: how the
 * integration tests call use cases directly.
 */
import { inject } from 'vitest';
import type { Meter } from '../../functions/adapters/dynamo/client';
import { config } from '../../functions/config';
import { makeDeps } from '../../functions/http/deps';
import { loadSeed } from '../../functions/local/seed';
import type { Deps } from '../../functions/usecases/context';
import { freshTable } from './table';

export interface MovableClock {
  t: Date;
  now(): Date;
}
export const movableClock = (iso: string): MovableClock => ({ t: new Date(iso), now() { return this.t; } });

export async function seededDeps(opts: { clock: MovableClock; meter?: Meter; env?: Record<string, string> }) {
  const { dynamoEndpoint, wechatUrl } = inject('stack');
  const table = await freshTable(dynamoEndpoint);
  await loadSeed(dynamoEndpoint, table.name);
  const cfg = config({
    STAGE: 'local', TABLE_NAME: table.name, DYNAMODB_ENDPOINT: dynamoEndpoint, JWT_SECRET: 'x'.repeat(32),
    WECHAT_API_BASE: wechatUrl, WECHAT_APPID: 'wx-test', WECHAT_SECRET: 'secret', ...opts.env,
  });
  const deps: Deps = makeDeps(cfg, { clock: opts.clock, meter: opts.meter });
  return { deps, table: table.name, drop: table.drop };
}
