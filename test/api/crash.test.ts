/**
 * A crash: the API (serverless offline and its Lambda runtime) is killed with SIGKILL in the middle of a load of
 * submissions, DynamoDB Local (on disk) stopped with it, and both started again. Every submission that was answered
 * 201 is there, whole; sending the unanswered ones again with their keys makes no duplicate.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startDynamo, type RunningDynamo } from '../../functions/local/dynamo';
import { startApi, type RunningApi } from '../../functions/local/offline';
import { LOCAL_JWT_SECRET, freePort } from '../../functions/local/ports';
import { startS3Standin } from '../../functions/local/s3-standin';
import { loadSeed } from '../../functions/local/seed';
import { ensureTable } from '../../functions/local/table';
import { startWechatStandin } from '../../functions/local/wechat-standin';
import { stack as workerStack } from '../support/worker';

const dataDir = mkdtempSync(join(tmpdir(), 'crash-'));
const table = 'shaogang-crash';
const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a crash under load', () => {
  it('keeps every submission that got a 201, whole, and makes no duplicate on resend', async () => {
    const ports = { dynamo: await freePort(), http: await freePort(), lambda: await freePort() };
    const wechat = await startWechatStandin(0);
    const s3 = await startS3Standin();
    cleanups.push(wechat.stop, s3.stop);
    /** DynamoDB Local on its port and files: the stopped one may hold them a moment longer, so tried again until free */
    const dynamoUp = async (): Promise<RunningDynamo> => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await startDynamo({ port: ports.dynamo, dataDir });
        } catch (err) {
          if (attempt >= 20) throw err;
          await new Promise((r) => setTimeout(r, 1000));
        }
      }
    };
    const apiUp = () =>
      startApi({
        tableName: table, dynamoEndpoint: `http://127.0.0.1:${ports.dynamo}`, wechatUrl: wechat.url, jwtSecret: LOCAL_JWT_SECRET,
        s3Endpoint: s3.endpoint, photoBucket: s3.bucket, httpPort: ports.http, lambdaPort: ports.lambda,
        // one citizen sends the whole load: lift the hourly limit that would otherwise stop it
        extra: { RATE_LIMIT_USER_PER_HOUR: '10000', RATE_LIMIT_POST_PER_HOUR: '10000' },
      });
    const up = async (): Promise<{ dynamo: RunningDynamo; api: RunningApi }> => {
      const dynamo = await dynamoUp();
      // the demo county before the API: a container keeps the org it first reads (the users' hashes: the run's)
      if (await ensureTable(dynamo.endpoint, table)) await loadSeed(dynamo.endpoint, table, undefined, workerStack().passwordHashes);
      return { dynamo, api: await apiUp() };
    };
    /**
     * After the crash the table and its county are on disk: DynamoDB Local and the API start at once (the API is
     * ready when it answers GET /townships, which it can only once DynamoDB Local does; an org read that failed is not kept).
     */
    const upAgain = async (): Promise<{ dynamo: RunningDynamo; api: RunningApi }> => {
      const [dynamo, api] = await Promise.allSettled([dynamoUp(), apiUp()]);
      if (dynamo.status === 'fulfilled' && api.status === 'fulfilled') return { dynamo: dynamo.value, api: api.value };
      if (api.status === 'fulfilled') await api.value.stop();
      if (dynamo.status === 'fulfilled') await dynamo.value.stop();
      throw dynamo.status === 'rejected' ? dynamo.reason : (api as PromiseRejectedResult).reason;
    };
    let stack = await up();
    const url = stack.api.url;

    const login = await fetch(`${url}/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'crash-herder' }) });
    const { token } = (await login.json()) as { token: string };
    const send = async (key: string, i: number) => {
      const res = await fetch(`${url}/petitions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
        body: JSON.stringify({ channel: 'scan', postId: `babao-baiyanggou-p1`, categoryId: 'other', description: `第 ${i} 件：路灯坏了，晚上放牧回来看不见路。`, phone: '13900001111' }),
        signal: AbortSignal.timeout(20_000),
      });
      return { status: res.status, body: (await res.json()) as { id: string; trackingCode: string } };
    };

    const answered = new Map<string, { id: string; i: number }>();
    const unanswered: Array<{ key: string; i: number }> = [];
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (!killed && next < 400) {
        const i = next++;
        const key = `crash-key-${String(i).padStart(4, '0')}`;
        try {
          const r = await send(key, i);
          if (r.status === 201) answered.set(key, { id: r.body.id, i });
          else unanswered.push({ key, i });
        } catch {
          unanswered.push({ key, i });
        }
      }
    };
    const load = Promise.all(Array.from({ length: 4 }, worker));
    const deadline = Date.now() + 60_000;
    while (answered.size < 8 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(answered.size, `answered before the kill; unanswered: ${unanswered.length}`).toBeGreaterThanOrEqual(8);
    killed = true;
    // The API and its Lambda runtime die mid-request. DynamoDB Local is stopped, not killed: it acknowledges a write
    // before its own file holds it (a SIGKILL lost an acknowledged item in one run here), which DynamoDB does not.
    stack.api.process.kill('SIGKILL');
    if (stack.api.process.pid) process.kill(-stack.api.process.pid, 'SIGKILL');
    await stack.dynamo.stop();
    await load;
    await new Promise((r) => setTimeout(r, 500));

    stack = await upAgain();
    cleanups.push(() => stack.api.stop(), () => stack.dynamo.stop());
    expect(answered.size).toBeGreaterThanOrEqual(8);
    for (const [, { id, i }] of answered) {
      const res = await fetch(`${url}/petitions/${id}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status, `petition ${i}`).toBe(200);
      const p = (await res.json()) as { description: string; phone: string; status: string; timeline: Array<{ action: string }> };
      expect(p).toMatchObject({ description: `第 ${i} 件：路灯坏了，晚上放牧回来看不见路。`, phone: '13900001111', status: 'submitted' });
      expect(p.timeline.map((e) => e.action)).toEqual(['submit']);
    }
    // The unanswered ones are sent again with their keys: each makes at most one petition.
    for (const { key, i } of unanswered) expect([200, 201]).toContain((await send(key, i)).status);
    const mine = await fetch(`${url}/petitions/mine?limit=100`, { headers: { authorization: `Bearer ${token}` } });
    const items = ((await mine.json()) as { items: Array<{ id: string }> }).items;
    expect(new Set(items.map((x) => x.id)).size).toBe(items.length);
    expect(items.length).toBeLessThanOrEqual(answered.size + unanswered.length);
    for (const { id } of answered.values()) expect(items.map((x) => x.id)).toContain(id);
  }, 300_000);
});
