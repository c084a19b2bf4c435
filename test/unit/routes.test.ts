/**
 * Every route of the contract as its file declares it: a method, a path, who may call it (by the path, written out
 * here), a summary in Chinese, a schema for each path parameter, an answer. Each file is loaded afresh inside the test
 * (a new query string makes it a module of its own), so the mutation run's mutant of a declaration is what the test
 * reads (test/mutation/run.ts), not the copy loaded before it was switched on.
 */
import { describe, expect, it } from 'vitest';
import { routesOf, type RouteGroup, type RouteSpec } from '../../shared/contract/route';
// imported as well as loaded afresh: the mutation run picks the tests of a file by what they import (vitest's related)
import '../../shared/contract/booking';
import '../../shared/contract/caseWork';
import '../../shared/contract/citizen';
import '../../shared/contract/common';
import '../../shared/contract/index';
import '../../shared/contract/open311';
import '../../shared/contract/record';
import '../../shared/contract/report';
import '../../shared/contract/staff';
import '../../shared/contract/wechat';

let loads = 0;
const fresh = async (file: string) => (await import(/* @vite-ignore */ `../../shared/contract/${file}.ts?load=${++loads}`)) as Record<string, unknown>;

/** Who may call a path, by its first segment; the exceptions by method and path. */
const ACCESS: Record<string, RouteSpec['access']> = {
  auth: 'public',
  posts: 'public',
  townships: 'public',
  track: 'public',
  hosts: 'public',
  'openapi.json': 'public',
  wechat: 'public',
  uploads: 'citizen',
  subscriptions: 'citizen',
  petitions: 'citizen',
  bookings: 'citizen',
  staff: 'staff',
  open311: 'partner',
};
const PUBLIC = ['POST /staff/login', 'GET /open311/v2/discovery.json', 'GET /open311/v2/services.json', 'GET /open311/v2/services/{service_code}.json'];
const accessOf = (r: RouteSpec) => (PUBLIC.includes(`${r.method} ${r.path}`) ? 'public' : ACCESS[r.path.split('/')[1] ?? '']);

const check = (routes: Array<{ name: string; route: RouteSpec }>) => {
  expect(routes.length).toBeGreaterThan(0);
  for (const { name, route } of routes) {
    const said = { name, method: route.method, path: route.path, access: route.access, summary: route.summary, params: Object.keys(route.params ?? {}) };
    expect(said).toEqual({
      name,
      method: expect.stringMatching(/^(GET|POST|PUT)$/),
      path: expect.stringMatching(/^(\/([\w.-]+|\{\w+\}(\.json)?))+$/),
      access: accessOf(route),
      summary: expect.stringMatching(/^\S.*[\u4e00-\u9fff]/),
      params: [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
    });
    expect('file' in route.answer ? typeof route.answer.file : typeof (route.answer as { safeParse?: unknown }).safeParse).toMatch(/^(string|function)$/);
    for (const [n, s] of Object.entries({ ...route.params, ...route.headers })) expect([name, n, typeof (s as { safeParse?: unknown }).safeParse]).toEqual([name, n, 'function']);
    if (route.ok) expect([name, route.ok]).toEqual([name, expect.arrayContaining([201])]);
  }
};

describe('every route of the contract', () => {
  it.each([
    ['report', 'CITIZEN_REPORT'],
    ['record', 'CITIZEN_RECORD'],
    ['citizen', 'CITIZEN'],
    ['booking', 'BOOKING'],
    ['caseWork', 'CASE_WORK_ROUTES'],
    ['staff', 'STAFF'],
    ['open311', 'OPEN311'],
    ['wechat', 'WECHAT'],
    ['index', 'CONTRACT'],
  ])('in %s.ts (%s) says its method, path, access, summary, parameters and answer', async (file, group) => {
    check(routesOf((await fresh(file))[group] as RouteGroup));
  });

  it('takes an id as the path parameter and an idempotency key as the header the shared parts name', async () => {
    const common = await fresh('common');
    expect(Object.keys(common.ById as object)).toEqual(['id']);
    expect(Object.keys(common.IDEMPOTENT as object)).toEqual(['Idempotency-Key']);
  });

  it('answers a submission 201 when it made something and 200 when repeated', async () => {
    const { CONTRACT } = await fresh('index');
    const oks = routesOf(CONTRACT as RouteGroup).filter((r) => r.route.ok).map((r) => `${r.name}:${r.route.ok!.join()}`);
    expect(oks).toEqual(['citizen.submit:201,200', 'booking.book:201,200', 'staff.submit:201,200', 'staff.createUser:201', 'staff.partners.create:201', 'open311.submit:201,200']);
  });
});
