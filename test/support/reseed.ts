/**
 * The worker's table made afresh from serverless.yml and the demo seed, and its API's time the real time again:
 * before each file of the `stack` project (per-file.ts), and before each test of a file whose pages count the whole
 * table (the desk's counts), so that a test sees only the cases it made, whatever ran before it.
 */
import { loadSeed } from '../../functions/local/seed';
import { dropTable, ensureTable } from '../../functions/local/table';
import { TEST_CACHE_SECONDS } from './cache';
import { resetApiTime } from './clock';
import { stack } from './worker';

export async function reseedWorkerTable(): Promise<void> {
  // Whatever the API cached of the org tree and users before has expired before the first request after this.
  // The API keeps them TEST_CACHE_SECONDS of real time from its read, and every earlier request of this worker was
  // answered before this began: so the time counts from now, the reseeding in it.
  const expired = Date.now() + TEST_CACHE_SECONDS * 1000 + 100;
  const { dynamoEndpoint, table, passwordHashes } = stack();
  await dropTable(dynamoEndpoint, table);
  await ensureTable(dynamoEndpoint, table);
  // the users' password hashes the run made once (scrypt, slow by design)
  await loadSeed(dynamoEndpoint, table, undefined, passwordHashes);
  await resetApiTime();
  const left = expired - Date.now();
  if (left > 0) await new Promise((r) => setTimeout(r, left));
}
