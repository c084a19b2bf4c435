/**
 * What Stryker runs for shared/: the unit tests alone, no stack.
 *
 * Not isolated: one mutant's run loads shared/ and zod once for all the test files it runs, not once per file (the
 * whole unit suite in one thread: 16 s instead of 46). Each run still starts from fresh modules (vitest makes a new
 * module cache for every run), so one mutant cannot leak into the next; within a run the same mutant is on
 * throughout. The unit suite passes either way.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { UNIT } from '../vitest.config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: UNIT,
    exclude: ['test/weapp/*.weapp.test.ts', '**/node_modules/**'],
    testTimeout: 60_000,
    isolate: false,
  },
});
