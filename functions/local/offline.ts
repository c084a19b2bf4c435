/** The API as serverless-offline runs it: the same serverless.yml, handlers bundled by serverless-esbuild. */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './table';
import { STANDIN_PUSH_TOKEN } from './wechat-standin';

export interface ApiEnv {
  tableName: string;
  dynamoEndpoint: string;
  wechatUrl: string;
  jwtSecret: string;
  s3Endpoint: string;
  photoBucket: string;
  httpPort: number;
  lambdaPort: number;
  /** further variables for the functions, e.g. a higher rate limit for a load test */
  extra?: Record<string, string>;
}

export interface RunningApi {
  url: string;
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

export async function startApi(env: ApiEnv, opts: { echo?: boolean; onOutput?: (text: string) => void } = {}): Promise<RunningApi> {
  const bin = join(ROOT, 'node_modules', 'serverless', 'bin', 'serverless.js');
  const workFolder = `.esbuild-offline-${env.httpPort}`;
  const proc = spawn(process.execPath, [bin, 'offline', 'start', '--stage', 'local'], {
    cwd: ROOT,
    env: {
      ...process.env,
      SLS_TELEMETRY_DISABLED: '1',
      SLS_NOTIFICATIONS_MODE: 'off',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_REGION: 'cn-northwest-1',
      DYNAMODB_ENDPOINT: env.dynamoEndpoint,
      WECHAT_API_BASE: env.wechatUrl,
      S3_ENDPOINT: env.s3Endpoint,
      PHOTO_BUCKET: env.photoBucket,
      WECHAT_APPID: 'wx-local-appid',
      WECHAT_SECRET: 'local-secret',
      // the stand-in signs its pushes (the media check's verdict) with it, as WeChat does with the console's
      WECHAT_PUSH_TOKEN: STANDIN_PUSH_TOKEN,
      JWT_SECRET: env.jwtSecret,
      API_PORT: String(env.httpPort),
      LAMBDA_PORT: String(env.lambdaPort),
      TABLE_NAME_OVERRIDE: env.tableName,
      // a loaded laptop or CI box is slower than Lambda; the deployed timeout stays 10 s
      LAMBDA_TIMEOUT: process.env.LAMBDA_TIMEOUT ?? '30',
      ESBUILD_WORK_FOLDER: workFolder,
      ...env.extra,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  const keep = (chunk: Buffer) => {
    out += chunk.toString();
    opts.onOutput?.(chunk.toString());
    if (out.length > 200_000) out = out.slice(-100_000);
    if (opts.echo) process.stdout.write(chunk);
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${env.httpPort}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`serverless offline exited (${proc.exitCode}):\n${out.slice(-4000)}`);
    try {
      const res = await fetch(`${url}/townships`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`serverless offline did not answer within 120 s:\n${out.slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    process: proc,
    output: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          rmSync(join(ROOT, workFolder), { recursive: true, force: true });
          resolve();
        };
        if (proc.exitCode !== null || proc.pid === undefined) return done();
        proc.once('exit', done);
        // the whole group: serverless-offline runs handlers in child workers
        try {
          process.kill(-proc.pid, 'SIGTERM');
        } catch {
          done();
        }
      }),
  };
}
