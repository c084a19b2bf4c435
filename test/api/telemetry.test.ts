/**
 * What an operator sees: a whole case's life through an API of its own (serverless offline, on a table of its own in
 * the run's DynamoDB Local), then a sweep invoked as the schedule would, and the output read back as CloudWatch would:
 * one JSON line per request, EMF metrics, and nothing personal anywhere in it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type RunningApi } from '../../functions/local/offline';
import { LOCAL_JWT_SECRET, freePort } from '../../functions/local/ports';
import { loadSeed } from '../../functions/local/seed';
import { findPersonalData } from '../support/privacy';
import { freshTable } from '../support/table';
import { stack } from '../support/worker';

interface Emf {
  _aws: { CloudWatchMetrics: Array<{ Namespace: string; Dimensions: string[][]; Metrics: Array<{ Name: string; Unit: string }> }> };
  [key: string]: unknown;
}

let api: RunningApi;
let lambdaPort: number;
let drop: () => Promise<void>;
let output = '';

const name = `遥测牧民${randomUUID().slice(0, 4)}`;
const phone = '13987654321';
const description = `遥测用的诉求：东沟的饮水管冻裂了${randomUUID().slice(0, 6)}`;
const correlationId = randomUUID();
const tokens: string[] = [];

async function send(method: string, path: string, opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const res = await fetch(`${api.url}${path}`, {
    method,
    headers: {
      ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...opts.headers,
    },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

async function token(path: string, body: unknown) {
  const res = await send('POST', path, { body });
  expect(res.status).toBe(200);
  tokens.push(res.body.token);
  return res.body.token as string;
}

const lines = () =>
  output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, any>);
const requestLines = () => lines().filter((l) => l.message === 'request');
const emf = () => lines().filter((l): l is Emf => typeof l._aws === 'object');
/** The values of one metric across every EMF line, with the dimensions each was emitted under. */
const metric = (metricName: string) =>
  emf().flatMap((l) =>
    l._aws.CloudWatchMetrics.flatMap((d) =>
      d.Metrics.filter((m) => m.Name === metricName).map(() => ({
        namespace: d.Namespace,
        dims: Object.fromEntries(d.Dimensions.flat().map((k) => [k, l[k]])) as Record<string, unknown>,
        values: ([] as number[]).concat(l[metricName] as number | number[]),
      })),
    ),
  );
const total = (metricName: string, where: Record<string, string> = {}) =>
  metric(metricName)
    .filter((m) => Object.entries(where).every(([k, v]) => m.dims[k] === v))
    .flatMap((m) => m.values)
    .reduce((a, b) => a + b, 0);

beforeAll(async () => {
  const info = stack();
  const table = await freshTable(info.dynamoEndpoint);
  drop = table.drop;
  await loadSeed(info.dynamoEndpoint, table.name);
  lambdaPort = await freePort();
  api = await startApi(
    {
      tableName: table.name, dynamoEndpoint: info.dynamoEndpoint, wechatUrl: info.wechatUrl, jwtSecret: LOCAL_JWT_SECRET,
      s3Endpoint: info.s3Endpoint, photoBucket: info.photoBucket, httpPort: await freePort(), lambdaPort,
    },
    { onOutput: (text) => (output += text) },
  );

  const citizen = await token('/auth/dev', { name });
  const submitted = await send('POST', '/petitions', {
    token: citizen,
    headers: { 'idempotency-key': randomUUID().replace(/-/g, ''), 'x-correlation-id': correlationId },
    body: { channel: 'scan', postId: 'babao-baiyanggou-p1', categoryId: 'land_dispute', description, phone },
  });
  expect(submitted.status).toBe(201);
  expect(submitted.headers.get('x-correlation-id')).toBe(correlationId);
  const id = submitted.body.id as string;
  const centre = await token('/staff/login', { username: 'babao', password: 'babao-local-2026' });
  const step = (action: string, body: unknown = {}) => send('POST', `/staff/petitions/${id}/${action}`, { token: centre, body });
  expect((await step('accept', { note: '已登记' })).status).toBe(200);
  expect((await step('dispatch', { departmentId: 'babao-justice' })).status).toBe(200);
  expect((await step('resolve', { summary: '已调解，管子换新' })).status).toBe(200);
  expect((await send('POST', `/petitions/${id}/rating`, { token: citizen, body: { rating: 'satisfied' } })).status).toBe(200);
  expect((await send('GET', '/petitions/01ARZ3NDEKTSV4RRFFQ69G5FAV', { token: citizen })).status).toBe(404);
  // a username already taken: DynamoDB refuses the put on its condition, the API answers 409
  const admin = await token('/staff/login', { username: 'admin', password: 'admin-local-2026' });
  const taken = await send('POST', '/staff/users', {
    token: admin,
    body: { username: 'babao', name: '重复的人', role: 'centre_staff', scopeNodeId: 'babao', password: 'a-long-password' },
  });
  expect(taken.status).toBe(409);

  // the schedule's invocation, through the local Lambda endpoint
  const swept = await fetch(`http://127.0.0.1:${lambdaPort}/2015-03-31/functions/shaogang-local-sweeper/invocations`, { method: 'POST', body: '{}' });
  expect(swept.status).toBe(200);
  await api.stop();
}, 240_000);

afterAll(async () => {
  await api?.stop();
  await drop?.();
});

describe('the API log', () => {
  it('has one JSON line per request with the route pattern, status, latency, ids, cold start and the caller’s role', () => {
    const submit = requestLines().filter((l) => l.route === 'POST /petitions');
    expect(submit).toHaveLength(1);
    expect(submit[0]).toMatchObject({
      level: 'INFO', service: 'shaogang-local', status: 201, role: 'citizen', correlation_id: correlationId,
      function_name: 'shaogang-local-citizen', function_request_id: expect.any(String), cold_start: expect.any(Boolean),
    });
    expect(submit[0]!.latency_ms).toBeGreaterThanOrEqual(0);
    const steps = requestLines().filter((l) => /^POST \/staff\/petitions\/\{id\}\//.test(l.route));
    expect(steps.map((l) => [l.role, l.status])).toEqual([['centre_staff', 200], ['centre_staff', 200], ['centre_staff', 200]]);
    expect(requestLines().find((l) => l.route === 'GET /petitions/{id}')).toMatchObject({ status: 404, role: 'citizen', correlation_id: expect.any(String) });
    expect(requestLines().find((l) => l.route === 'POST /auth/dev')).toMatchObject({ status: 200, role: 'anonymous' });
  });

  it('holds no phone, openid, name, token or petition text', () => {
    expect(output).not.toContain(phone);
    expect(output).not.toContain(name);
    expect(output).not.toContain(`dev:${name}`);
    expect(output).not.toContain(description);
    for (const t of tokens) expect(output).not.toContain(t);
    expect(findPersonalData(output)).toEqual([]);
  });
});

describe('the metrics (CloudWatch EMF)', () => {
  it('count a petition submitted, each step by name, errors by route and a failed condition', () => {
    expect(emf().length).toBeGreaterThan(0);
    for (const m of metric('PetitionsSubmitted')) expect(m).toMatchObject({ namespace: 'Shaogang', dims: { service: 'shaogang-local' } });
    expect(total('PetitionsSubmitted')).toBe(1);
    expect(total('StepsTaken', { step: 'accept' })).toBe(1);
    expect(total('StepsTaken', { step: 'dispatch' })).toBe(1);
    expect(total('StepsTaken', { step: 'resolve' })).toBe(1);
    expect(total('StepsTaken', { step: 'rating' })).toBe(1);
    expect(total('Http4xx', { route: 'GET /petitions/{id}' })).toBe(1);
    expect(total('Http4xx', { route: 'POST /staff/users' })).toBe(1);
    expect(total('Http5xx')).toBe(0);
    // the name taken (its put, in a transaction with the audit record); the UpdateItem ones are consents (below)
    expect(total('ConditionalCheckFailures') - total('ConditionalCheckFailures', { operation: 'UpdateItemCommand' })).toBe(1);
  });

  it('report what the sweep acted on and what the sender did', () => {
    // our invocation, and on a slow machine the local schedule's too: each sweep reports every count, zeros included
    const sweeps = lines().filter((l) => l.message === 'sweep').length;
    expect(sweeps).toBeGreaterThanOrEqual(1);
    for (const name of ['SweepExamined', 'SweepActedOn', 'NearDueReminders', 'DueUrges', 'OverdueMarks', 'NotificationsSent', 'NotificationsFailed', 'NotificationsSkipped']) {
      expect(metric(name), name).toHaveLength(sweeps);
    }
    // the steps wrote the citizen's messages; with no subscription given, each is parked as skipped
    expect(total('NotificationsSkipped')).toBeGreaterThan(0);
    expect(total('NotificationsSent')).toBe(0);
    // spending a consent the citizen does not have is a failed condition too
    expect(total('ConditionalCheckFailures', { operation: 'UpdateItemCommand' })).toBe(total('NotificationsSkipped'));
    const logged = lines().filter((l) => l.message === 'sweep');
    expect(logged.every((l) => l.level === 'INFO')).toBe(true);
    expect(logged.reduce((n, l) => n + Number(l.NotificationsSkipped), 0)).toBe(total('NotificationsSkipped'));
  });
});
