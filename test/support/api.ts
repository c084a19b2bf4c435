/**
 * A small HTTP client for API tests: a citizen or a staff member talking to the running API. Every answer is checked
 * against the contract (shared/contract): a success against its route's answer schema and statuses, an error against
 * the error answer, so every API test is also a test of the contract.
 */
import { randomUUID } from 'node:crypto';
import type * as z from 'zod/mini';
import { ROUTE_LIST } from '../../shared/contract';
import { Open311Errors } from '../../shared/schemas/open311';
import { compile } from '../../shared/contract/match';
import { ErrorAnswer } from '../../shared/schemas/views';
import { expect } from 'vitest';
import { stack } from './worker';

export const apiUrl = () => stack().apiUrl;

export interface Res<T = any> {
  status: number;
  body: T;
}

/**
 * fetch, sent once more when a kept-alive connection turns out closed by the server (its idle timeout) as the request
 * went out: such a request never reached a handler, and a browser sends it again too. Any other failure is thrown.
 */
export async function fetchAgainIfClosed(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (err) {
    if ((err as { cause?: { code?: string } }).cause?.code !== 'UND_ERR_SOCKET') throw err;
    return fetch(url, init);
  }
}

export async function call<T = any>(method: string, path: string, opts: { token?: string; body?: unknown; headers?: Record<string, string>; raw?: string } = {}): Promise<Res<T>> {
  const res = await fetchAgainIfClosed(`${apiUrl()}${path}`, {
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
  checkAnswer(method, path, res.status, res.headers.get('content-type') ?? '', body);
  return { status: res.status, body };
}

const matchRoute = compile(ROUTE_LIST.map((r) => ({ ...r.route, name: r.name })));

/** Throws when an answer is not what the contract says its route answers (or not an error answer). */
export function checkAnswer(method: string, path: string, status: number, contentType: string, body: unknown): void {
  const found = matchRoute(method, path.split('?')[0] ?? path);
  const fail = (what: string, issues: unknown) => {
    throw new Error(`${method} ${path} answered ${status} ${what}: ${JSON.stringify(issues).slice(0, 2000)}`);
  };
  if (status >= 300) {
    // Open311's errors are the spec's list of { code, description }
    const r = (path.startsWith('/open311/') ? Open311Errors : ErrorAnswer).safeParse(body);
    if (!r.success) fail('not as the error answer', r.error.issues);
    return;
  }
  if (!found.route) return fail('on a route the contract does not have', body);
  const spec = found.route;
  if (!(spec.ok ?? [200]).includes(status)) fail(`not one of ${(spec.ok ?? [200]).join(', ')} (${found.route.name})`, body);
  if ('file' in spec.answer) {
    if (contentType !== spec.answer.file) fail(`as ${contentType}, not ${spec.answer.file}`, '');
    return;
  }
  const r = (spec.answer as z.ZodMiniType).safeParse(body);
  if (!r.success) fail(`not as the contract's answer of ${found.route.name}`, r.error.issues);
  // and nothing it does not declare: a field the schema would drop is one no page reads, or one that leaks
  const extra = undeclared(body, r.data);
  if (extra.length) fail(`with fields the contract's answer of ${found.route.name} does not declare`, extra);
}

/** The fields of `raw` that parsing it dropped, by their path (`items.0.phone`). */
function undeclared(raw: unknown, parsed: unknown, at = ''): string[] {
  if (Array.isArray(raw) && Array.isArray(parsed)) return raw.flatMap((x, i) => undeclared(x, parsed[i], `${at}${i}.`));
  if (!raw || typeof raw !== 'object' || !parsed || typeof parsed !== 'object') return [];
  return Object.entries(raw).flatMap(([k, v]) => (k in parsed ? undeclared(v, (parsed as Record<string, unknown>)[k], `${at}${k}.`) : [`${at}${k}`]));
}

export const STAFF_PASSWORDS: Record<string, string> = {
  babao: 'babao-local-2026',
  ebao: 'ebao-local-2026',
  moler: 'moler-local-2026',
  'babao-justice': 'handler-local-2026',
  'babao-resources': 'handler-local-2026',
  'agent-baiyanggou': 'agent-local-2026',
  'village-baiyanggou': 'village-local-2026',
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

/** 统一登记: staff register a case for a citizen (a call to 八宝镇 about heating unless the body says otherwise). */
export function register(token: string, body: Record<string, unknown> = {}, key = newKey()) {
  return call('POST', '/staff/petitions', {
    token,
    headers: { 'idempotency-key': key },
    body: { channel: 'phone', townshipId: 'babao', categoryId: 'heating', description: '来电反映：小区暖气一直不热，家里有老人。', ...body },
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

/** A mediator of 八宝镇 who receives at any hour (30-minute times, booked at least 3 hours ahead, 2 days out), so a test has free times whenever it runs. */
export async function anyHourHost(hostId: string, name = '马调解员', expertise: string[] = ['land']): Promise<void> {
  const res = await call('PUT', `/staff/hosts/${hostId}`, {
    token: await staffToken('babao'),
    body: {
      name,
      kind: 'mediator',
      centreId: 'babao',
      expertise,
      ways: ['video', 'phone'],
      availability: { weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, windows: [{ from: '00:00', to: '24:00' }] })), chinaCalendar: false },
      rules: { slotMinutes: 30, bufferMinutes: 0, minNoticeMinutes: 180, horizonDays: 2, capacity: 1 },
    },
  });
  if (res.status !== 200) throw new Error(`host ${hostId}: ${res.status} ${JSON.stringify(res.body)}`);
}

/**
 * Of an anyHourHost's free times, those a test can still book minutes later: an hour or more past its 3 hours' notice.
 * Its first time leaves the bookable ones at the next half hour, so a test that books it after a few pages can be
 * refused (once in every few runs of a long test).
 */
export const lastingSlots = <S extends { start: string }>(slots: readonly S[]): S[] =>
  slots.filter((s) => Date.parse(s.start) >= Date.now() + (180 + 60) * 60_000);

/** A citizen's land report to 八宝镇, accepted by its centre, with a joint consultation (联合会诊) started on it. */
export async function consultedCase(babao: string, consult: { leadDepartmentId: string; departmentIds: string[]; question: string; days: number }) {
  const herder = await citizenToken();
  const sent = await report(herder);
  expect(sent.status).toBe(201);
  const id = sent.body.id as string;
  expect((await call('POST', `/staff/petitions/${id}/accept`, { token: babao, body: {} })).status).toBe(200);
  expect((await call('POST', `/staff/petitions/${id}/consult`, { token: babao, body: consult })).status).toBe(200);
  return { herder, id };
}

/** The host body of a video host of a department (会诊单位) of 八宝镇, receiving around the clock in 30-minute slots. */
export const departmentHostBody = (departmentId: string, name: string, horizonDays = 3) => ({
  name,
  kind: 'mediator' as const,
  centreId: 'babao',
  departmentId,
  ways: ['video' as const],
  availability: { weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, windows: [{ from: '00:00', to: '24:00' }] })), exceptions: [], chinaCalendar: false },
  rules: { slotMinutes: 30, bufferMinutes: 0, minNoticeMinutes: 180, horizonDays, capacity: 1 },
  active: true,
});

/** A video host of a department (会诊单位) of 八宝镇, made over HTTP. */
export async function departmentHost(babao: string, departmentId: string, name: string, horizonDays = 3) {
  const id = `h-${randomUUID().slice(0, 8)}`;
  const res = await call('PUT', `/staff/hosts/${id}`, {
    token: babao,
    body: departmentHostBody(departmentId, name, horizonDays),
  });
  expect(res.status).toBe(200);
  expect(res.body.departmentId).toBe(departmentId);
  return id;
}
