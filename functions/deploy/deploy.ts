/**
 * `npm run deploy`: the whole product on AWS, in order. The Powertools layer (its own stack, serverless.layer.yml),
 * the stack of serverless.yml, then the H5 app built with the deployed API's address inside and uploaded to its
 * bucket behind CloudFront. POST_LINK_BASE (the base of every post's QR link) defaults to the deployed H5 app.
 * Needs AWS credentials, and the secrets in the parameter store first (README, Deploying to AWS).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { S3Client } from '@aws-sdk/client-s3';
import { buildInto } from '../../miniprogram/dev/build';
import { documentClient } from '../adapters/dynamo/client';
import { runMigrations } from '../adapters/dynamo/migrations';
import { ROOT } from '../local/table';
import { buildLayer } from './layer';
import { uploadSite } from './site';

const stage = process.env.STAGE ?? 'prod';
const region = process.env.AWS_REGION ?? 'cn-northwest-1';

function serverless(...args: string[]) {
  const bin = path.join(ROOT, 'node_modules', 'serverless', 'bin', 'serverless.js');
  const run = spawnSync(process.execPath, [bin, ...args, '--stage', stage], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, AWS_REGION: region } });
  if (run.status !== 0) throw new Error(`serverless ${args.join(' ')} failed`);
}

async function outputs(stack: string): Promise<Record<string, string>> {
  const cfn = new CloudFormationClient({ region });
  const out = await cfn.send(new DescribeStacksCommand({ StackName: stack }));
  return Object.fromEntries((out.Stacks?.[0]?.Outputs ?? []).map((o) => [o.OutputKey ?? '', o.OutputValue ?? '']));
}

async function main() {
  // the API answers browsers from the H5 app's origin (functions/http/cors.cjs); its ICP-filed domain is known now
  if (!process.env.APP_ORIGINS && process.env.H5_DOMAIN) process.env.APP_ORIGINS = `https://${process.env.H5_DOMAIN}`;
  const layer = buildLayer();
  console.log(`layer: ${layer.packages} packages`);
  serverless('deploy', '--config', 'serverless.layer.yml');
  serverless('deploy');
  const out = await outputs(`shaogang-${stage}`);
  const apiUrl = out.ApiUrl;
  const h5Url = out.H5Url;
  const bucket = out.H5BucketName;
  if (!apiUrl || !h5Url || !bucket) throw new Error('the stack has no ApiUrl, H5Url or H5BucketName output');
  // items written by the code before this one: each one-off migration runs once per table (then one read a deploy)
  if (!out.TableName) throw new Error('the stack has no TableName output');
  for (const m of await runMigrations(documentClient({ region }), out.TableName)) console.log(`migration ${m.id}: ${m.changed} items (${m.what})`);
  const postLinkBase = process.env.POST_LINK_BASE || h5Url;
  console.log(`building the H5 app for ${apiUrl} (post links ${postLinkBase})…`);
  const dist = await buildInto('h5', path.join(ROOT, 'dist', `h5-${stage}`), {
    API_BASE_URL: apiUrl,
    POST_LINK_BASE: postLinkBase,
    DEV_LOGIN: 'false',
    ...Object.fromEntries(['WECHAT_APPID', 'WECHAT_TEMPLATE_PROGRESS', 'WECHAT_TEMPLATE_RESULT', 'WECHAT_TEMPLATE_REMINDER'].flatMap((k) => (process.env[k] ? [[k, process.env[k]!]] : []))),
  });
  const uploaded = await uploadSite(new S3Client({ region }), bucket, dist);
  console.log(`
deployed ${stage} to ${region}
  API        ${apiUrl}
  H5 app     ${h5Url}   (${uploaded.length} files in ${bucket})
  post links ${postLinkBase}/?postId=<postId>
  alarms     ${out.AlarmTopicArn}   (subscribe to this topic)`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
