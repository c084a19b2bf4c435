/**
 * The mutation run's stack (vitest.usecases.config.ts): DynamoDB Local and, per worker, a table and the WeChat, S3 and
 * time stand-ins, as test/support/stack.ts starts them, but no serverless offline. Each worker's API is served in the
 * worker itself (api-in-process.ts) on the port chosen here, so a mutant Stryker switches on in that worker is the
 * code that answers the API tests. Each file still gets the worker's table afresh (test/support/per-file.ts).
 */
import type { TestProject } from 'vitest/node';
import { startClockStandin } from '../../functions/local/clock-standin';
import { startDynamo } from '../../functions/local/dynamo';
import { LOCAL_JWT_SECRET, freePort } from '../../functions/local/ports';
import { passwordHashes } from '../../functions/local/seed';
import { startS3Standin } from '../../functions/local/s3-standin';
import { startWechatStandin } from '../../functions/local/wechat-standin';
import type { StackInfo } from '../support/stack';
import { WORKERS } from '../vitest.config';

export default async function setup(project: TestProject) {
  const dynamo = await startDynamo({ port: await freePort() });
  const stops: Array<() => Promise<void>> = [dynamo.stop];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    const hashes = await passwordHashes();
    // Stryker runs one worker (VITEST_POOL_ID 1) per runner process, and each runner process has this setup of its
    // own: tables are never shared between runners. Plain vitest on this config runs up to WORKERS.
    const infos = await Promise.all(
      Array.from({ length: WORKERS }, async (_, i): Promise<StackInfo> => {
        const [wechat, s3, clock] = await Promise.all([startWechatStandin(0), startS3Standin(), startClockStandin()]);
        stops.push(wechat.stop, s3.stop, clock.stop);
        return {
          apiUrl: `http://127.0.0.1:${await freePort()}`,
          dynamoEndpoint: dynamo.endpoint,
          wechatUrl: wechat.url,
          s3Endpoint: s3.endpoint,
          photoBucket: s3.bucket,
          // made (and made again before each file) by per-file.ts
          table: `shaogang-mutation-${i + 1}`,
          jwtSecret: LOCAL_JWT_SECRET,
          clockUrl: clock.url,
          passwordHashes: hashes,
        };
      }),
    );
    project.provide('stacks', infos);
  } catch (err) {
    await stopAll();
    throw err;
  }
  return stopAll;
}
