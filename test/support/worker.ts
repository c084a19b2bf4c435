/**
 * The stack of the worker running this file: the global setup starts one API per worker (VITEST_POOL_ID 1…n),
 * and a worker runs one file at a time, so a file has its API, table and clock to itself.
 */
import { inject } from 'vitest';
import type { StackInfo } from './stack';

export function stack(): StackInfo {
  const all = inject('stacks');
  const id = Number(process.env.VITEST_POOL_ID ?? '1');
  const info = all[id - 1];
  if (!info) throw new Error(`no stack for worker ${id} of ${all.length}: WORKERS in test/vitest.config.ts bounds the workers`);
  return info;
}
