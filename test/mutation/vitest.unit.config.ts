/** What Stryker runs for shared/: the unit tests alone, no stack. */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { UNIT } from '../vitest.config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: UNIT,
    exclude: ['test/weapp/*.weapp.test.ts', '**/node_modules/**'],
    testTimeout: 60_000,
  },
});
