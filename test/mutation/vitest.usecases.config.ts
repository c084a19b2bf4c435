/**
 * What Stryker runs for functions/usecases/: the unit tests, and the integration and API tests against a stack whose
 * API is served inside the test worker (api-in-process.ts, stack-setup.ts): Stryker switches a mutant on in the worker,
 * so only an API answered there runs the mutated use case (serverless offline, a process of its own, never would).
 * `npm test` is unchanged: its API tests go through serverless offline (test/vitest.config.ts).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { UNIT, WORKERS } from '../vitest.config';

/** API tests that cannot run against the in-process API, each with why */
export const NOT_IN_PROCESS = [
  // kills serverless offline with SIGKILL mid-load and starts it again: a process of its own is the point
  'test/api/crash.test.ts',
  // packages the stack with `serverless package` and reads the template: about serverless.yml, not the use cases
  'test/api/serverless-package.test.ts',
  // starts a serverless offline of its own and reads that process's log lines and metrics
  'test/api/telemetry.test.ts',
];

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    poolOptions: { forks: { maxForks: WORKERS, minForks: 1 } },
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT, exclude: ['test/weapp/*.weapp.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'stack',
          include: ['test/integration/**/*.test.ts', 'test/api/**/*.test.ts'],
          exclude: NOT_IN_PROCESS,
          globalSetup: ['test/mutation/stack-setup.ts'],
          // the worker's API first (it sets the functions' environment), then the file's fresh table
          setupFiles: ['test/mutation/api-in-process.ts', 'test/support/per-file.ts'],
        },
      },
    ],
  },
});
