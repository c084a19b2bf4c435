/**
 * Runs before each file of the `stack` project: the worker's table is made afresh from serverless.yml and the demo
 * seed, and its API's time is the real time again, so a file depends on no other file and on no order of files.
 */
import { beforeAll } from 'vitest';
import { loadSeed } from '../../functions/local/seed';
import { dropTable, ensureTable } from '../../functions/local/table';
import { resetApiTime } from './clock';
import { TEST_CACHE_SECONDS } from './cache';
import { stack } from './worker';

beforeAll(async () => {
  // Whatever the API cached of an earlier file's org tree and users has expired before this file's first request.
  // The API keeps them TEST_CACHE_SECONDS of real time from its read, and every request of the earlier files of this
  // worker was answered before this hook began: so the time counts from now, the reseeding in it.
  const expired = Date.now() + TEST_CACHE_SECONDS * 1000 + 100;
  const { dynamoEndpoint, table, passwordHashes } = stack();
  await dropTable(dynamoEndpoint, table);
  await ensureTable(dynamoEndpoint, table);
  // the users' password hashes the run made once (scrypt, slow by design)
  await loadSeed(dynamoEndpoint, table, undefined, passwordHashes);
  await resetApiTime();
  const left = expired - Date.now();
  if (left > 0) await new Promise((r) => setTimeout(r, left));
});
