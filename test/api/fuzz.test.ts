/**
 * Bad input, generated: random JSON bodies, path and query values for every route, and the awkward cases by hand
 * (oversize bodies, wrong content types, invalid UTF-8, deep nesting, huge numbers, forged tokens). Never a 5xx;
 * a 400 always names a field.
 */
import * as fc from 'fast-check';
import { createHmac } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../support/routes';
import { apiUrl, citizenToken, staffToken } from '../support/api';
import { stack } from '../support/worker';

let citizen = '';
let staff = '';
beforeAll(async () => {
  citizen = await citizenToken();
  staff = await staffToken('babao');
});

async function raw(method: string, path: string, init: { token?: string; body?: string | Blob; contentType?: string; headers?: Record<string, string> } = {}) {
  const res = await fetch(`${apiUrl()}${path}`, {
    method,
    headers: {
      ...(init.contentType ? { 'content-type': init.contentType } : {}),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...init.headers,
    },
    body: init.body,
  });
  const text = await res.text();
  let body: { error?: { code: string; issues: Array<{ path: string; message: string }> }; errorType?: string } = {};
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    body = {};
  }
  return { status: res.status, body };
}

function expectClearAnswer(r: Awaited<ReturnType<typeof raw>>, what: string) {
  expect(r.status, what).toBeLessThan(500);
  expect(r.body.errorType, what).toBeUndefined();
  if (r.status === 400 && Array.isArray(r.body)) {
    // Open311's routes answer the spec's error list; its description names the fields (`path.token: …`, `(body): …`)
    const [first] = r.body as Array<{ code: number; description: string }>;
    expect(first?.code, what).toBe(400);
    expect(first?.description, what).toMatch(/[\w\])]+: /);
  } else if (r.status === 400) {
    expect(r.body.error?.issues.length, what).toBeGreaterThan(0);
    for (const issue of r.body.error?.issues ?? []) expect(issue.path, what).toBeTruthy();
  }
}

const segment = fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom('..', '%', '%ZZ', '%00', 'x'.repeat(300), '01M8', '{id}', 'babao-baiyanggou-p1'));

describe('every route under random input', () => {
  it('never answers 5xx to random bodies, path values and queries', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES),
        fc.jsonValue({ maxDepth: 4 }),
        segment,
        fc.dictionary(fc.constantFrom('status', 'overdue', 'cursor', 'limit', 'from', 'to', 'secret', 'centreId', 'townshipId'), fc.string({ maxLength: 40 }), { maxKeys: 3 }),
        fc.constantFrom('none', 'citizen', 'staff'),
        async (route, body, seg, query, who) => {
          const path = route.path.replace(/\{\w+\}/g, encodeURIComponent(seg).slice(0, 200) || 'x');
          const qs = new URLSearchParams(query).toString();
          const token = who === 'citizen' ? citizen : who === 'staff' ? staff : undefined;
          const r = await raw(route.method, `${path}${qs ? `?${qs}` : ''}`, {
            token,
            ...(route.method === 'GET' ? {} : { body: JSON.stringify(body), contentType: 'application/json' }),
            headers: { 'idempotency-key': 'fuzz-key-0001' },
          });
          expectClearAnswer(r, `${route.method} ${path} ${JSON.stringify(body).slice(0, 80)}`);
        },
      ),
      { numRuns: 300, seed: 20261123 },
    );
  }, 300_000);
});

describe('awkward requests', () => {
  const submit = (init: Parameters<typeof raw>[2]) => raw('POST', '/petitions', { token: citizen, headers: { 'idempotency-key': 'awkward-0001' }, ...init });

  it.each([
    ['a body over the size limit', { body: JSON.stringify({ description: 'x'.repeat(70_000) }), contentType: 'application/json' }],
    ['a wrong content type', { body: '{"categoryId":"other"}', contentType: 'text/plain' }],
    ['no content type', { body: '{"categoryId":"other"}' }],
    ['invalid UTF-8', { body: new Blob([new Uint8Array([0x7b, 0x22, 0x64, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])]), contentType: 'application/json' }],
    ['deep nesting', { body: `${'['.repeat(5000)}${']'.repeat(5000)}`, contentType: 'application/json' }],
    ['huge numbers', { body: '{"location":{"lat":1e400,"lng":-1e400},"categoryId":"other","description":"草场问题草场问题","postId":"babao-baiyanggou-p1"}', contentType: 'application/json' }],
    ['unknown fields', { body: '{"categoryId":"other","description":"草场问题草场问题","postId":"babao-baiyanggou-p1","status":"closed"}', contentType: 'application/json' }],
    ['a JSON array', { body: '[]', contentType: 'application/json' }],
    ['JSON null', { body: 'null', contentType: 'application/json' }],
  ] as const)('answers 400 with a field for %s', async (_name, init) => {
    const r = await submit(init);
    expect(r.status).toBe(400);
    expect(r.body.error?.issues[0]?.path).toBeTruthy();
  });

  it('refuses forged, expired, malformed and foreign-key tokens with 401', async () => {
    const { jwtSecret } = stack();
    const sign = (claims: object, secret: string) => {
      const h = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
      const p = Buffer.from(JSON.stringify(claims)).toString('base64url');
      return `${h}.${p}.${createHmac('sha256', secret).update(`${h}.${p}`).digest('base64url')}`;
    };
    const now = Math.floor(Date.now() / 1000);
    const cases = [
      sign({ kind: 'citizen', sub: 'wx_x', iat: now, exp: now + 3600 }, 'another-key-another-key-another-key'),
      sign({ kind: 'citizen', sub: 'wx_x', iat: now - 7200, exp: now - 3600 }, jwtSecret),
      sign({ kind: 'staff', sub: 'u-x', name: 'x', role: 'root', scope: 'qilian', iat: now, exp: now + 3600 }, jwtSecret),
      'not-a-token',
      `${citizen}x`,
      citizen.split('.').slice(0, 2).join('.') + '.',
    ];
    for (const token of cases) {
      const r = await raw('GET', '/petitions/mine', { headers: { authorization: `Bearer ${token}` } });
      expect(r.status, token.slice(0, 30)).toBe(401);
    }
    // A well-signed token is what lets a caller in: the same claims with the right key work.
    expect((await raw('GET', '/petitions/mine', { token: sign({ kind: 'citizen', sub: 'wx_x', iat: now, exp: now + 3600 }, jwtSecret) })).status).toBe(200);
  });
});
