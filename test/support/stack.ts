/**
 * The local stack the tests run against: one DynamoDB Local (in memory), and per test worker its own API under
 * serverless offline on its own table, with its own WeChat, S3 and time stand-ins, all on free ports. A worker runs
 * one file at a time, and each file starts on a fresh table (per-file.ts), so no file sees another's data.
 * The scheduled sweeper is off (SWEEPER_SCHEDULE=false): a test sweeps when it means to, at the time it chooses.
 */
import { startClockStandin } from '../../functions/local/clock-standin';
import { startDynamo } from '../../functions/local/dynamo';
import { startApi } from '../../functions/local/offline';
import { LOCAL_JWT_SECRET, freePort } from '../../functions/local/ports';
import { loadSeed, passwordHashes } from '../../functions/local/seed';
import { ensureTable } from '../../functions/local/table';
import { startS3Standin } from '../../functions/local/s3-standin';
import { startWechatStandin } from '../../functions/local/wechat-standin';
import { findPersonalData } from './privacy';
// not from worker.ts: the global setup imports this file, and worker.ts imports vitest, which only a test file may
import { TEST_CACHE_SECONDS } from './cache';

export interface StackInfo {
  apiUrl: string;
  dynamoEndpoint: string;
  wechatUrl: string;
  s3Endpoint: string;
  photoBucket: string;
  /** the table this API serves: made afresh, from serverless.yml and the demo seed, before each file */
  table: string;
  jwtSecret: string;
  /** the API's time server: `PUT {now}` moves the API's time, `DELETE` puts it back (test/support/clock.ts) */
  clockUrl: string;
  /** the seeded users' password hashes, made once for the run: a file's reseeding reuses them (loadSeed) */
  passwordHashes: Record<string, string>;
}

export interface Stack {
  /** one per worker, in the order of VITEST_POOL_ID */
  infos: StackInfo[];
  /** what the APIs logged that they must not have (see privacy.ts), masked */
  leaks: string[];
  stop(): Promise<void>;
}

/**
 * `workers`: how many APIs. `movable`: for tests, the APIs read their time from a time server a test moves, and
 * keep the org tree and staff users TEST_CACHE_SECONDS only (a file reseeds the table under a running API, then
 * waits that long: no answer from an earlier file's cache). The benchmark measures the stack as deployed: the
 * system clock and the caches.
 */

export async function startStack(opts: { workers: number; movable: boolean }): Promise<Stack> {
  const { workers, movable } = opts;
  const dynamo = await startDynamo({ port: await freePort() });
  const stops: Array<() => Promise<void>> = [dynamo.stop];
  const leaks: string[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    const hashes = await passwordHashes();
    const infos = await Promise.all(
      Array.from({ length: workers }, async (_, i) => {
        const table = `shaogang-test-${i + 1}`;
        await ensureTable(dynamo.endpoint, table);
        await loadSeed(dynamo.endpoint, table, undefined, hashes);
        const [wechat, s3, clock] = await Promise.all([startWechatStandin(0), startS3Standin(), startClockStandin()]);
        stops.push(wechat.stop, s3.stop, clock.stop);
        let pending = '';
        const scan = (text: string) => {
          // whole lines only: a chunk may end in the middle of one
          const lines = (pending + text).split('\n');
          pending = lines.pop() ?? '';
          leaks.push(...findPersonalData(lines.join('\n')));
        };
        const api = await startApi(
          {
            s3Endpoint: s3.endpoint,
            photoBucket: s3.bucket,
            tableName: table,
            dynamoEndpoint: dynamo.endpoint,
            wechatUrl: wechat.url,
            jwtSecret: LOCAL_JWT_SECRET,
            httpPort: await freePort(),
            lambdaPort: await freePort(),
            extra: {
              SWEEPER_SCHEDULE: 'false',
              // a partner system's minute is reached in a test (test/api/open311.test.ts) with 20 requests, not 120
              OPEN311_PER_MINUTE: '20',
              ...(movable ? { CLOCK_URL: clock.url, ORG_CACHE_SECONDS: String(TEST_CACHE_SECONDS), STAFF_USER_CACHE_SECONDS: String(TEST_CACHE_SECONDS) } : {}),
            },
          },
          { onOutput: scan },
        );
        stops.push(async () => {
          await api.stop();
          leaks.push(...findPersonalData(pending));
        });
        return {
          apiUrl: api.url,
          dynamoEndpoint: dynamo.endpoint,
          wechatUrl: wechat.url,
          s3Endpoint: s3.endpoint,
          photoBucket: s3.bucket,
          table,
          jwtSecret: LOCAL_JWT_SECRET,
          clockUrl: clock.url,
          passwordHashes: hashes,
        } satisfies StackInfo;
      }),
    );
    return { infos, leaks, stop: stopAll };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
