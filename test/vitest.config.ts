import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import BuildsFirst from './support/sequencer';

/** Workers at once; the global setup starts one API per worker, so both numbers come from here. */
export const WORKERS = 2;

/** Pure tests: no stack, no Java, no build. `npx vitest run --config test/vitest.config.ts --project unit`. */
export const UNIT = ['test/unit/**/*.test.ts', 'test/weapp/*.test.ts'];
const UNIT_EXCLUDE = ['test/weapp/*.weapp.test.ts'];

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    testTimeout: 60_000,
    // the app builds (Taro, webpack) run inside hooks: 7 (weapp) and 15 (H5) minutes on this two-core machine when
    // six test runs share it; a later run reuses them while the app's sources stay the same
    hookTimeout: 1_200_000,
    // Two cores: keep workers few so DynamoDB Local and serverless offline keep a core.
    pool: 'forks',
    poolOptions: { forks: { maxForks: WORKERS, minForks: 1 } },
    // the two app builds start first and at once, then the files that need no build (support/sequencer.ts)
    sequence: { sequencer: BuildsFirst },
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT, exclude: UNIT_EXCLUDE } },
      {
        extends: true,
        test: {
          name: 'stack',
          include: ['test/integration/**/*.test.ts', 'test/api/**/*.test.ts', 'test/browser/**/*.test.ts', 'test/weapp/*.weapp.test.ts'],
          // DynamoDB Local, the stand-ins and one API per worker, started once for the run (and only when a file of
          // this project runs); each file then gets its worker's API on a fresh table at the real time.
          globalSetup: ['test/support/global-setup.ts'],
          setupFiles: ['test/support/per-file.ts'],
        },
      },
    ],
  },
});
