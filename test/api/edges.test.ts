/**
 * The edge of the API: what every answer carries (nosniff; no-store on anything personal), what it refuses before
 * any use case runs (an overlong path parameter), and a cursor no page of this query made. Each is a 400 that names
 * the field, never a 500.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../support/routes';
import { apiUrl, call, citizenToken, staffToken } from '../support/api';

let citizen = '';
let admin = '';
let centre = '';
beforeAll(async () => {
  [citizen, admin, centre] = await Promise.all([citizenToken(), staffToken('admin'), staffToken('babao')]);
});

async function headersOf(method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(`${apiUrl()}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  await res.arrayBuffer();
  return { status: res.status, headers: res.headers };
}

/** A cursor as the API makes them: the sort key a page ended on, base64url. */
const cursorAt = (sortKey: string) => Buffer.from(sortKey, 'utf8').toString('base64url');

describe('headers on every answer', () => {
  // A path no route declares is answered by API Gateway itself (serverless offline alike), never by the function.
  it('says nosniff on answers of every kind, and no-store on anything personal', async () => {
    const answers = [
      await headersOf('GET', '/townships'),
      await headersOf('GET', '/petitions/01NOSUCHPETITION', citizen),
      await headersOf('POST', '/auth/dev', undefined, { name: '' }),
      await headersOf('GET', '/petitions/mine', citizen),
      await headersOf('GET', '/staff/petitions', centre),
      await headersOf('GET', '/staff/export', centre),
      await headersOf('GET', '/staff/me'),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 404, 400, 200, 200, 200, 401]);
    for (const a of answers) expect(a.headers.get('x-content-type-options')).toBe('nosniff');
    for (const a of answers.slice(3)) expect(a.headers.get('cache-control')).toBe('no-store');
  });
});

describe('path parameters', () => {
  const long = 'a'.repeat(2100);
  const withParams = ROUTES.filter((r) => r.path.includes('{'));

  it('refuses one of 2,100 characters on every route that has one, naming it', async () => {
    expect(withParams.length).toBeGreaterThan(20);
    const wrong: string[] = [];
    for (const r of withParams) {
      const token = r.access === 'citizen' ? citizen : r.access === 'staff' ? admin : undefined;
      for (const name of [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)) {
        const path = r.path.replace(/\{(\w+)\}/g, (_m, p: string) => (p === name ? long : 'x1'));
        const res = await call(r.method, path, { token, ...(r.method === 'GET' ? {} : { body: {} }) });
        // Open311's routes answer the spec's error list, whose description names the field
        const named = r.path.startsWith('/open311/')
          ? res.body?.[0]?.description?.includes(`path.${name}: `)
          : res.body?.error?.issues?.some((i: { path: string }) => i.path === `path.${name}`);
        if (res.status !== 400 || !named) wrong.push(`${r.method} ${r.path} {${name}}: ${res.status} ${JSON.stringify(res.body?.error?.issues ?? res.body).slice(0, 120)}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});

describe('cursors', () => {
  it('answers a cursor beyond the range of the query with a 400 naming it', async () => {
    // Both read up to now: a cursor at the end of time was never the end of one of their pages.
    const beyond = cursorAt('9999-12-31T23:59:59.999Z#01KZZZZZZZZZZZZZZZZZZZZZZZ');
    for (const path of [`/staff/tasks?cursor=${beyond}`, `/staff/petitions?due=overdue&cursor=${beyond}`]) {
      const res = await call('GET', path, { token: centre });
      expect({ path, status: res.status, field: res.body.error?.issues?.[0]?.path }).toEqual({ path, status: 400, field: 'cursor' });
    }
  });

  it('still pages with the cursors it makes', async () => {
    const first = await call('GET', '/staff/users?limit=2', { token: admin });
    expect(first.status).toBe(200);
    expect(first.body.cursor).toEqual(expect.any(String));
    const next = await call('GET', `/staff/users?limit=2&cursor=${first.body.cursor}`, { token: admin });
    expect(next.status).toBe(200);
  });
});
