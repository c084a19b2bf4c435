/**
 * `npm start`: the whole product on this machine. DynamoDB Local (data under .data/, kept across restarts), the
 * table from serverless.yml, the demo county, the WeChat stand-in, and the API under serverless-offline.
 * Ctrl-C stops everything it started.
 */
import { join } from 'node:path';
import { startDynamo } from './dynamo';
import { startApi } from './offline';
import { LOCAL_JWT_SECRET } from './ports';
import { loadSeed, readSeed } from './seed';
import { ROOT, ensureTable } from './table';
import { startWechatStandin } from './wechat-standin';

const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

async function main() {
  const table = process.env.TABLE_NAME_OVERRIDE ?? 'shaogang-local';
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', stopAll);
  process.on('SIGTERM', stopAll);

  const dynamo = await startDynamo({ port: port('DYNAMODB_PORT', 8000), dataDir: join(ROOT, '.data', 'dynamodb') });
  stops.push(dynamo.stop);
  const created = await ensureTable(dynamo.endpoint, table);
  const seed = readSeed();
  await loadSeed(dynamo.endpoint, table, seed);
  const wechat = await startWechatStandin(port('WECHAT_PORT', 3100));
  stops.push(wechat.stop);
  const api = await startApi({
    tableName: table,
    dynamoEndpoint: dynamo.endpoint,
    wechatUrl: wechat.url,
    jwtSecret: process.env.JWT_SECRET ?? LOCAL_JWT_SECRET,
    httpPort: port('API_PORT', 3000),
    lambdaPort: port('LAMBDA_PORT', 3002),
  });
  stops.push(api.stop);

  const post = seed.posts[0];
  console.log(`
哨岗 local stack is running
  API (serverless offline)   ${api.url}
  DynamoDB Local             ${dynamo.endpoint}   table ${table}${created ? ' (created)' : ''}, data in .data/dynamodb
  WeChat stand-in            ${wechat.url}
  demo post                  ${post?.id} (${post?.name})  ->  ${api.url}/posts/${post?.id}
  staff logins               see README.md (local-only passwords)
Press Ctrl-C to stop.`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
