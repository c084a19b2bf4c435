/**
 * What Stryker runs for functions/usecases/: the unit and integration tests, which call the use cases in this
 * process on DynamoDB Local (a mutant lives in the test process; the API under serverless offline would not see it).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { UNIT } from '../vitest.config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: [...UNIT, 'test/integration/**/*.test.ts'],
    exclude: ['test/weapp/*.weapp.test.ts', '**/node_modules/**'],
    globalSetup: ['test/mutation/dynamo-setup.ts'],
    testTimeout: 60_000,
  },
});
