/** A small HTTP client for API tests: a citizen or a staff member talking to the running API. */
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';

export const apiUrl = () => inject('stack').apiUrl;

export interface Res<T = any> {
  status: number;
  body: T;
}

export async function call<T = any>(method: string, path: string, opts: { token?: string; body?: unknown; headers?: Record<string, string>; raw?: string } = {}): Promise<Res<T>> {
  const res = await fetch(`${apiUrl()}${path}`, {
    method,
    headers: {
      ...(opts.body !== undefined || opts.raw !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...opts.headers,
    },
    body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
  });
  const text = await res.text();
  // a file (the CSV export) stays text; everything else is JSON
  const body = /^application\/json\b/.test(res.headers.get('content-type') ?? 'application/json') ? (text ? JSON.parse(text) : undefined) : text;
  // serverless offline answers a handler that timed out or crashed with 200 and errorType: never a pass.
  if (body && typeof body === 'object' && 'errorType' in body) throw new Error(`the API failed: ${String(body.errorType)}`);
  return { status: res.status, body };
}

export const STAFF_PASSWORDS: Record<string, string> = {
  babao: 'babao-local-2026',
  ebao: 'ebao-local-2026',
  moler: 'moler-local-2026',
  'babao-justice': 'handler-local-2026',
  'babao-resources': 'handler-local-2026',
  'agent-baiyanggou': 'agent-local-2026',
  county: 'county-local-2026',
  admin: 'admin-local-2026',
};

export async function staffToken(username: keyof typeof STAFF_PASSWORDS & string): Promise<string> {
  const res = await call('POST', '/staff/login', { body: { username, password: STAFF_PASSWORDS[username] } });
  if (res.status !== 200) throw new Error(`staff login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token;
}

/** A new citizen each time: tests never share a reporter by accident. */
export async function citizenToken(name = `herder-${randomUUID().slice(0, 8)}`): Promise<string> {
  const res = await call('POST', '/auth/dev', { body: { name } });
  if (res.status !== 200) throw new Error(`dev login failed: ${res.status}`);
  return res.body.token;
}

export const newKey = () => randomUUID().replace(/-/g, '');

export function report(token: string, body: Record<string, unknown> = {}, key = newKey()) {
  return call('POST', '/petitions', {
    token,
    headers: { 'idempotency-key': key },
    body: { channel: 'scan', postId: 'babao-baiyanggou-p1', categoryId: 'land_dispute', description: '我家草场的网围栏被邻居挪了二十米，请帮忙调解。', ...body },
  });
}

/** A photo uploaded the citizen's way: a key from POST /uploads, the bytes by its presigned PUT. */
export async function uploadPhoto(token: string): Promise<string> {
  const bytes = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(256, 7), Buffer.from([0xff, 0xd9])]);
  const ticket = await call('POST', '/uploads', { token, body: { contentType: 'image/jpeg', size: bytes.length } });
  if (ticket.status !== 200) throw new Error(`upload ticket failed: ${ticket.status}`);
  const put = await fetch(ticket.body.url, { method: 'PUT', body: bytes, headers: ticket.body.headers });
  if (put.status !== 200) throw new Error(`photo upload failed: ${put.status}`);
  return ticket.body.key;
}
