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
  const { dynamoEndpoint, table } = stack();
  await dropTable(dynamoEndpoint, table);
  await ensureTable(dynamoEndpoint, table);
  await loadSeed(dynamoEndpoint, table);
  await resetApiTime();
  // whatever the API cached of an earlier file's org tree and users has expired before this file's first request
  await new Promise((r) => setTimeout(r, TEST_CACHE_SECONDS * 1000 + 100));
});
