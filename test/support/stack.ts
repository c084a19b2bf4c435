/**
 * The local stack the tests run against: DynamoDB Local (in memory), the WeChat stand-in and the API under
 * serverless offline, on free ports, with the demo county seeded into a table made from serverless.yml.
 */
import { startDynamo } from '../../functions/local/dynamo';
import { startApi } from '../../functions/local/offline';
import { LOCAL_JWT_SECRET, freePort } from '../../functions/local/ports';
import { loadSeed } from '../../functions/local/seed';
import { ensureTable } from '../../functions/local/table';
import { startS3Standin } from '../../functions/local/s3-standin';
import { findPersonalData } from './privacy';
import { startWechatStandin } from '../../functions/local/wechat-standin';

export interface StackInfo {
  apiUrl: string;
  dynamoEndpoint: string;
  wechatUrl: string;
  s3Endpoint: string;
  photoBucket: string;
  table: string;
  jwtSecret: string;
}

export interface Stack {
  info: StackInfo;
  /** what the API logged that it must not have (see privacy.ts), masked */
  leaks: string[];
  stop(): Promise<void>;
}

export async function startStack(): Promise<Stack> {
  const [dynamoPort, httpPort, lambdaPort] = [await freePort(), await freePort(), await freePort()];
  const dynamo = await startDynamo({ port: dynamoPort });
  const table = 'shaogang-test';
  await ensureTable(dynamo.endpoint, table);
  await loadSeed(dynamo.endpoint, table);
  const wechat = await startWechatStandin(0);
  const s3 = await startS3Standin();
  const leaks: string[] = [];
  let pending = '';
  const scan = (text: string) => {
    // whole lines only: a chunk may end in the middle of one
    const lines = (pending + text).split('\n');
    pending = lines.pop() ?? '';
    leaks.push(...findPersonalData(lines.join('\n')));
  };
  const api = await startApi({
    s3Endpoint: s3.endpoint,
    photoBucket: s3.bucket,
    tableName: table,
    dynamoEndpoint: dynamo.endpoint,
    wechatUrl: wechat.url,
    jwtSecret: LOCAL_JWT_SECRET,
    httpPort,
    lambdaPort,
  }, { onOutput: scan }).catch(async (err) => {
    await s3.stop();
    await wechat.stop();
    await dynamo.stop();
    throw err;
  });
  return {
    info: { apiUrl: api.url, dynamoEndpoint: dynamo.endpoint, wechatUrl: wechat.url, s3Endpoint: s3.endpoint, photoBucket: s3.bucket, table, jwtSecret: LOCAL_JWT_SECRET },
    leaks,
    stop: async () => {
      await api.stop();
      leaks.push(...findPersonalData(pending));
      await s3.stop();
      await wechat.stop();
      await dynamo.stop();
    },
  };
}
