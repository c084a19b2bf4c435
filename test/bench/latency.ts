/** Latency over HTTP against the running API (serverless offline, the real handler), with autocannon. */
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { SUBMIT_BODY } from './capacity';

/** The demo centre's local-only login (README; test/support/api.ts has them all but imports vitest). */
const BABAO_PASSWORD = 'babao-local-2026';

export interface Latency {
  clients: number;
  requests: number;
  p50: number;
  p99: number;
  rps: number;
  /** answers outside 2xx, and connection errors */
  failed: number;
  /** e.g. `201×60 429×4` */
  statuses: string;
}

async function post<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`POST ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface Target {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  token: string;
  body?: string;
  /** a fresh Idempotency-Key on every request */
  uniqueKey?: boolean;
}

/**
 * A fixed number of requests, not a duration: a timed run leaves requests in flight that go uncounted (flattering
 * p99) and still load the server during the next run.
 */
async function run(apiUrl: string, t: Target, clients: number, amount: number): Promise<Latency> {
  const headers: Record<string, string> = { authorization: `Bearer ${t.token}`, ...(t.body ? { 'content-type': 'application/json' } : {}) };
  const result = await autocannon({
    url: apiUrl,
    connections: clients,
    amount,
    timeout: 30,
    requests: [{
      method: t.method,
      path: t.path,
      headers,
      body: t.body,
      setupRequest: (req) => (t.uniqueKey ? { ...req, headers: { ...headers, 'idempotency-key': randomUUID().replace(/-/g, '') } } : req),
    }],
  });
  return {
    clients,
    requests: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    failed: result.non2xx + result.errors,
    statuses: Object.entries(result.statusCodeStats ?? {}).map(([code, v]) => `${code}×${v.count ?? 0}`).join(' '),
  };
}

/**
 * Each target at 1 and at 32 clients, after a short warm-up that loads the handler: `perClient` requests per client
 * (half that for submit, the slowest), at least 30 in all.
 */
export async function latencies(apiUrl: string, perClient: number, log: (s: string) => void): Promise<Map<string, Latency[]>> {
  const { token: citizen } = await post<{ token: string }>(`${apiUrl}/auth/dev`, { name: 'bench-citizen' });
  const { token: staff } = await post<{ token: string }>(`${apiUrl}/staff/login`, { username: 'babao', password: BABAO_PASSWORD });
  const targets: Target[] = [
    { name: 'submit', method: 'POST', path: '/petitions', token: citizen, body: JSON.stringify(SUBMIT_BODY), uniqueKey: true },
    { name: 'queue page', method: 'GET', path: '/staff/petitions?limit=20', token: staff },
    { name: 'my list', method: 'GET', path: '/petitions/mine?limit=20', token: citizen },
    { name: 'dashboard', method: 'GET', path: '/staff/dashboard', token: staff },
  ];
  const out = new Map<string, Latency[]>();
  for (const t of targets) {
    // Check the answer once: serverless offline answers a crashed handler with 200 and an errorType body.
    const check = await fetch(`${apiUrl}${t.path}`, {
      method: t.method, body: t.body,
      headers: { authorization: `Bearer ${t.token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID().replace(/-/g, '') },
    });
    const text = await check.text();
    if (!check.ok || text.includes('"errorType"')) throw new Error(`${t.method} ${t.path}: ${check.status} ${text.slice(0, 300)}`);
    await run(apiUrl, t, 1, 3);
    const rows: Latency[] = [];
    for (const clients of [1, 32]) {
      const amount = Math.max(30, Math.ceil((clients * perClient) / (t.uniqueKey ? 2 : 1)));
      const r = await run(apiUrl, t, clients, amount);
      log(`  ${t.name} × ${clients}: p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.requests} requests (${r.statuses}), ${r.failed} failed`);
      rows.push(r);
    }
    out.set(t.name, rows);
  }
  return out;
}
