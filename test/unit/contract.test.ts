/** The contract of routes (shared/contract) against itself, serverless.yml and the step table; and the API tests' check. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_LIST } from '../../shared/contract';
import { STEP_ACTIONS, stepPath } from '../../shared/steps';
import { ADMIN_ROUTES } from '../../functions/http/routes/admin';
import { CITIZEN_ROUTES } from '../../functions/http/routes/citizen';
import { DOCS_ROUTES } from '../../functions/http/routes/docs';
import { OPEN311_ROUTES } from '../../functions/http/routes/open311';
import { STAFF_ROUTES } from '../../functions/http/routes/staff';
import { checkAnswer } from '../support/api';

const paramsOf = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);

type Events = Array<{ httpApi: { method: string; path: string } }>;
/**
 * serverless.yml's events as events.cjs makes them (tsx loads the contract afresh for it), made once before the tests:
 * a load the mutation run counts as load time, like every file's imports (test/mutation/run.ts); routes.test.ts
 * checks each declaration itself.
 */
let made: { FUNCTIONS: string[] } & Record<string, Events>;
beforeAll(() => {
  const cjs = createRequire(__filename)('../../functions/http/events.cjs') as { FUNCTIONS: string[] } & Record<string, () => Events>;
  made = Object.assign(Object.fromEntries(cjs.FUNCTIONS.map((fn) => [fn, cjs[fn]!()])), { FUNCTIONS: cjs.FUNCTIONS }) as typeof made;
});

describe('the contract of routes', () => {
  it('declares each route once, with a schema for each of its path parameters', () => {
    const keys = ROUTE_LIST.map(({ route }) => `${route.method} ${route.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const { name, route } of ROUTE_LIST) expect([name, Object.keys(route.params ?? {})]).toEqual([name, paramsOf(route.path)]);
  });

  it('is what serverless.yml routes to its functions: their events are made from the contract, each route to one', () => {
    const yml = load(readFileSync(join(__dirname, '../../serverless.yml'), 'utf8')) as { functions: Record<string, { handler: string; events: unknown }> };
    const functions = made.FUNCTIONS;
    expect([...functions].sort()).toEqual(['admin', 'citizen', 'docs', 'open311', 'staff']);
    for (const fn of functions) {
      expect(yml.functions[fn]).toMatchObject({ handler: `functions/http/${fn}.handler`, events: `\${file(./functions/http/events.cjs):${fn}}` });
    }
    const keys = (events: Array<{ httpApi: { method: string; path: string } }>) => events.map((e) => `${e.httpApi.method} ${e.httpApi.path}`);
    // API Gateway takes a parameter only as a whole segment: Open311's `{service_code}.json` goes as `{service_code}`
    const atGateway = (path: string) => path.replace(/\{(\w+)\}\.json$/, '{$1}');
    expect(keys(made.docs!)).toEqual(['GET /openapi.json']);
    expect(keys(made.open311!).every((k) => k.includes(' /open311/'))).toBe(true);
    expect(keys(made.staff!).every((k) => k.includes(' /staff/'))).toBe(true);
    expect(keys(made.admin!).every((k) => k.includes(' /staff/'))).toBe(true);
    expect(keys(made.staff!)).toContain('POST /staff/petitions/{id}/accept');
    expect(keys(made.admin!)).toContain('GET /staff/dashboard');
    expect(functions.flatMap((fn) => keys(made[fn]!)).sort()).toEqual(ROUTE_LIST.map(({ route }) => `${route.method} ${atGateway(route.path)}`).sort());
  });

  it("binds in each function's route table the routes serverless.yml sends it, each with a handler", () => {
    const atGateway = (path: string) => path.replace(/\{(\w+)\}\.json$/, '{$1}');
    const bound = { citizen: CITIZEN_ROUTES, staff: STAFF_ROUTES, admin: ADMIN_ROUTES, open311: OPEN311_ROUTES, docs: DOCS_ROUTES };
    for (const [fn, routes] of Object.entries(bound)) {
      expect([fn, routes.map((r) => `${r.method} ${atGateway(r.path)}`).sort()]).toEqual([fn, made[fn]!.map((e) => `${e.httpApi.method} ${e.httpApi.path}`).sort()]);
      for (const r of routes) expect(typeof r.handle).toBe('function');
    }
  });

  it('has a route for every step of the table', () => {
    const paths = new Set(ROUTE_LIST.map(({ route }) => route.path));
    for (const a of STEP_ACTIONS) expect(paths).toContain(stepPath(a));
  });
});

describe('the answer check every API test makes', () => {
  it('passes an answer as the contract says, and an error answer', () => {
    expect(() => checkAnswer('GET', '/townships', 200, 'application/json', { items: [], levelNames: { township: '乡镇', village: '村（社区）' } })).not.toThrow();
    expect(() => checkAnswer('GET', '/petitions/P1', 404, 'application/json', { error: { code: 'not_found', message: '未找到', issues: [] } })).not.toThrow();
  });

  it('fails an answer of another shape, a status the route does not answer, an unknown route and an unknown error code', () => {
    expect(() => checkAnswer('GET', '/petitions/P1', 200, 'application/json', { id: 'P1' })).toThrow(/citizen\.petition/);
    expect(() => checkAnswer('GET', '/townships', 201, 'application/json', { items: [] })).toThrow(/not one of 200/);
    expect(() => checkAnswer('GET', '/nowhere', 200, 'application/json', {})).toThrow(/does not have/);
    expect(() => checkAnswer('GET', '/townships', 418, 'application/json', { error: { code: 'teapot', message: '', issues: [] } })).toThrow(/error answer/);
    expect(() => checkAnswer('GET', '/staff/export', 200, 'application/json', '')).toThrow(/text\/csv/);
  });
});
