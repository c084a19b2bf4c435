/** For the mutation run of the use cases: DynamoDB Local and the WeChat stand-in, no API (see vitest.usecases.config.ts). */
import type { TestProject } from 'vitest/node';
import { startDynamo } from '../../functions/local/dynamo';
import { LOCAL_JWT_SECRET, freePort } from '../../functions/local/ports';
import { startWechatStandin } from '../../functions/local/wechat-standin';

export default async function setup(project: TestProject) {
  const dynamo = await startDynamo({ port: await freePort() });
  const wechat = await startWechatStandin(0);
  const none = 'http://127.0.0.1:9';
  const info = { apiUrl: none, dynamoEndpoint: dynamo.endpoint, wechatUrl: wechat.url, s3Endpoint: none, photoBucket: 'none', table: 'none', jwtSecret: LOCAL_JWT_SECRET, clockUrl: none, passwordHashes: {} };
  // every worker id finds the same DynamoDB Local: integration files make their own tables
  project.provide('stacks', Array.from({ length: 16 }, () => info));
  return async () => {
    await wechat.stop();
    await dynamo.stop();
  };
}
