/**
 * `npm start`: the whole product on this machine. DynamoDB Local (data under .data/, kept across restarts), the
 * table from serverless.yml, the demo county, the WeChat stand-in, and the API under serverless-offline.
 * Ctrl-C stops everything it started.
 */
import { join } from 'node:path';
import { startH5 } from '../../miniprogram/dev/serve';
import { postLink } from '../../shared/postLink';
import { startDynamo } from './dynamo';
import { startApi } from './offline';
import { LOCAL_JWT_SECRET } from './ports';
import { loadSeed, readSeed } from './seed';
import { documentClient } from '../adapters/dynamo/client';
import { runMigrations } from '../adapters/dynamo/migrations';
import { ROOT, ensureTable } from './table';
import { startS3Standin } from './s3-standin';
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
  // the data under .data/ may hold items from before a change of their shape: each migration runs once per table
  for (const m of await runMigrations(documentClient({ region: 'local', endpoint: dynamo.endpoint }), table)) console.log(`migration ${m.id}: ${m.changed} items (${m.what})`);
  const wechat = await startWechatStandin(port('WECHAT_PORT', 3100));
  stops.push(wechat.stop);
  const s3 = await startS3Standin({ port: port('S3_PORT', 4569), directory: join(ROOT, '.data', 's3') });
  stops.push(s3.stop);
  const api = await startApi({
    s3Endpoint: s3.endpoint,
    photoBucket: s3.bucket,
    tableName: table,
    dynamoEndpoint: dynamo.endpoint,
    wechatUrl: wechat.url,
    jwtSecret: process.env.JWT_SECRET ?? LOCAL_JWT_SECRET,
    httpPort: port('API_PORT', 3000),
    lambdaPort: port('LAMBDA_PORT', 3002),
  });
  stops.push(api.stop);

  const post = seed.posts[0];
  if (!post) throw new Error('the demo seed has no post');
  // The H5 app has the API's address built in: built for this API unless a build for it is already there.
  console.log('building the H5 app if its sources or the API address changed…');
  const h5 = await startH5({ apiUrl: api.url, post: { id: post.id, name: post.name }, port: port('H5_PORT', 10086) });
  stops.push(h5.close);
  console.log(`
哨岗 local stack is running
  API (serverless offline)   ${api.url}
  DynamoDB Local             ${dynamo.endpoint}   table ${table}${created ? ' (created)' : ''}, data in .data/dynamodb
  WeChat stand-in            ${wechat.url}
  S3 stand-in (s3rver)       ${s3.endpoint}   bucket ${s3.bucket}, files in .data/s3
  H5 app                     ${h5.url}
  demo post                  ${post.id} (${post.name})
    its poster's link        ${postLink(h5.postLinkBase, post.id)}   (POST_LINK_BASE, default the H5 app)
    the API's view of it     ${api.url}/posts/${post.id}
  staff logins               see README.md (local-only passwords)
Press Ctrl-C to stop.`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
