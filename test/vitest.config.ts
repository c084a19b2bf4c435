import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['test/**/*.test.ts'],
    // One local stack (DynamoDB Local, WeChat stand-in, serverless offline) for the whole run.
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    // the app builds (Taro, webpack) run inside hooks: minutes on a busy two-core machine
    hookTimeout: 600_000,
    // Two cores: keep workers few so DynamoDB Local and serverless offline keep a core.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    pool: 'forks',
  },
});
