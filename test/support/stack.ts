/**
 * The local stack the tests run against: DynamoDB Local (in memory), the WeChat stand-in and the API under
 * serverless offline, on free ports, with the demo county seeded into a table made from serverless.yml.
 */
import { startDynamo } from '../../functions/local/dynamo';
import { startApi } from '../../functions/local/offline';
import { LOCAL_JWT_SECRET, freePort } from '../../functions/local/ports';
import { loadSeed } from '../../functions/local/seed';
import { ensureTable } from '../../functions/local/table';
import { startWechatStandin } from '../../functions/local/wechat-standin';

export interface StackInfo {
  apiUrl: string;
  dynamoEndpoint: string;
  wechatUrl: string;
  table: string;
  jwtSecret: string;
}

export interface Stack {
  info: StackInfo;
  stop(): Promise<void>;
}

export async function startStack(): Promise<Stack> {
  const [dynamoPort, httpPort, lambdaPort] = [await freePort(), await freePort(), await freePort()];
  const dynamo = await startDynamo({ port: dynamoPort });
  const table = 'shaogang-test';
  await ensureTable(dynamo.endpoint, table);
  await loadSeed(dynamo.endpoint, table);
  const wechat = await startWechatStandin(0);
  const api = await startApi({
    tableName: table,
    dynamoEndpoint: dynamo.endpoint,
    wechatUrl: wechat.url,
    jwtSecret: LOCAL_JWT_SECRET,
    httpPort,
    lambdaPort,
  }).catch(async (err) => {
    await wechat.stop();
    await dynamo.stop();
    throw err;
  });
  return {
    info: { apiUrl: api.url, dynamoEndpoint: dynamo.endpoint, wechatUrl: wechat.url, table, jwtSecret: LOCAL_JWT_SECRET },
    stop: async () => {
      await api.stop();
      await wechat.stop();
      await dynamo.stop();
    },
  };
}
