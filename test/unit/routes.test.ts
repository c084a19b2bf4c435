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

/**
 * The API's routes, written out (name, method, path) by the file that declares them: a route dropped, renamed or moved
 * from its file fails here, where the checks above would only check the routes that are left. The steps of case
 * work are made from the step table (shared/steps.ts), so their names are its steps.
 */
const STEP_ROUTES = [
  'accept', 'decline', 'dispatch', 'progress', 'resolve', 'consult', 'invite_expert:invite-expert', 'book_meeting:meeting',
  'classify', 'post_board:post-board', 'claim_lead:claim-lead', 'assign_team:team', 'report_in:report-in',
  'issue_document:documents', 'attach:attachments', 'transfer', 'escalate', 'hand_up:hand-up', 'supervise',
  'take_over:take-over', 'reopen', 'close', 'extend', 'follow_up:follow-up', 'inform:informed', 'reveal_phone:reveal-phone',
  'link_repeat:link-repeat', 'unlink_repeat:unlink-repeat',
].map((s) => {
  const [name, segment = name] = s.split(':') as [string, string?];
  return `step.${name} POST /staff/petitions/{id}/${segment}`;
});
const ROUTES: Record<string, string[]> = {
  report: [
    'wechatLogin POST /auth/wechat', 'devLogin POST /auth/dev', 'post GET /posts/{postId}', 'townships GET /townships',
    'upload POST /uploads', 'uploadAudio POST /uploads/audio', 'subscribe POST /subscriptions', 'submit POST /petitions',
  ],
  record: [
    'track GET /track/{trackingCode}', 'claim POST /petitions/claim', 'mine GET /petitions/mine', 'petition GET /petitions/{id}',
    'rate POST /petitions/{id}/rating',
  ],
  booking: [
    'hosts GET /hosts', 'host GET /hosts/{hostId}', 'slots GET /hosts/{hostId}/slots', 'book POST /bookings', 'mine GET /bookings/mine',
    'booking GET /bookings/{id}', 'cancel POST /bookings/{id}/cancel', 'reschedule POST /bookings/{id}/reschedule',
    'rate POST /bookings/{id}/rating',
  ],
  caseWork: [
    'queue GET /staff/petitions', 'petition GET /staff/petitions/{id}', 'submit POST /staff/petitions', 'upload POST /staff/uploads',
    ...STEP_ROUTES,
    'meetingHosts GET /staff/petitions/{id}/meeting-hosts', 'filed GET /staff/filed', 'tasks GET /staff/tasks', 'board GET /staff/board',
    'experts.list GET /staff/experts', 'experts.save PUT /staff/experts/{expertId}', 'experts.recommend GET /staff/petitions/{id}/experts',
  ],
  /** staff.ts's own; it serves case work's as well */
  staff: [
    'login POST /staff/login', 'logins GET /staff/logins', 'liftLock POST /staff/login-locks/lift', 'audit GET /staff/audit', 'me GET /staff/me',
    'dashboard GET /staff/dashboard', 'warnings GET /staff/warnings', 'warningsSeen POST /staff/warnings/seen',
    'warningCases GET /staff/warnings/cases', 'evaluation GET /staff/evaluation', 'townshipRanking GET /staff/township-ranking',
    'export GET /staff/export', 'org GET /staff/org', 'posts GET /staff/townships/{townshipId}/posts', 'post GET /staff/posts/{postId}',
    'savePost PUT /staff/posts/{postId}', 'saveNode PUT /staff/nodes/{nodeId}', 'saveCountySettings PUT /staff/counties/{countyId}/settings',
    'saveDepartment PUT /staff/departments/{departmentId}', 'saveCategory PUT /staff/categories/{categoryId}', 'users GET /staff/users',
    'createUser POST /staff/users', 'editUser PUT /staff/users/{username}', 'signOutUser POST /staff/users/{username}/sign-out',
    'changePassword POST /staff/me/password', 'signOutEverywhere POST /staff/me/sign-out-everywhere',
    'partners.list GET /staff/partners', 'partners.create POST /staff/partners', 'partners.revoke POST /staff/partners/{partnerId}/revoke',
    'receptions.hosts GET /staff/hosts', 'receptions.host GET /staff/hosts/{hostId}', 'receptions.saveHost PUT /staff/hosts/{hostId}',
    'receptions.figures GET /staff/booking-figures', 'receptions.schedule GET /staff/bookings', 'receptions.booking GET /staff/bookings/{id}',
    'receptions.cancel POST /staff/bookings/{id}/cancel', 'receptions.attendance POST /staff/bookings/{id}/attendance',
  ],
  open311: [
    'discovery GET /open311/v2/discovery.json', 'services GET /open311/v2/services.json', 'service GET /open311/v2/services/{service_code}.json',
    'submit POST /open311/v2/requests.json', 'requests GET /open311/v2/requests.json',
    'request GET /open311/v2/requests/{service_request_id}.json', 'token GET /open311/v2/tokens/{token}.json',
  ],
  wechat: ['check GET /wechat/push', 'event POST /wechat/push'],
};
const listed = (routes: Array<{ name: string; route: RouteSpec }>) => routes.map(({ name, route }) => `${name} ${route.method} ${route.path}`);
const sorted = (xs: string[]) => [...xs].sort();

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

  it.each([
    ['report', 'CITIZEN_REPORT'],
    ['record', 'CITIZEN_RECORD'],
    ['booking', 'BOOKING'],
    ['caseWork', 'CASE_WORK_ROUTES'],
    ['open311', 'OPEN311'],
    ['wechat', 'WECHAT'],
  ])('in %s.ts (%s) are the routes written out here, no more and no fewer', async (file, group) => {
    expect(listed(routesOf((await fresh(file))[group] as RouteGroup))).toEqual(ROUTES[file]);
  });

  it("in staff.ts are its own routes and every route of case work, which the staff function's entry serves as one", async () => {
    const staff = listed(routesOf((await fresh('staff')).STAFF as RouteGroup));
    expect(sorted(staff)).toEqual(sorted([...ROUTES.staff!, ...ROUTES.caseWork!]));
  });

  it('in the whole contract (index.ts) are the citizen, booking, staff, Open311 and WeChat routes under their group, and the OpenAPI document', async () => {
    const prefixed = (group: string, routes: string[]) => routes.map((r) => `${group}.${r}`);
    expect(sorted(listed(routesOf((await fresh('index')).CONTRACT as RouteGroup)))).toEqual(
      sorted([
        ...prefixed('citizen', [...ROUTES.report!, ...ROUTES.record!]),
        ...prefixed('booking', ROUTES.booking!),
        ...prefixed('staff', [...ROUTES.staff!, ...ROUTES.caseWork!]),
        'meta.openapi GET /openapi.json',
        ...prefixed('open311', ROUTES.open311!),
        ...prefixed('wechat', ROUTES.wechat!),
      ]),
    );
    expect(sorted(listed(routesOf((await fresh('citizen')).CITIZEN as RouteGroup)))).toEqual(sorted([...ROUTES.report!, ...ROUTES.record!]));
  });

  it('takes an Idempotency-Key on the routes that make something a client may send twice, and only there', async () => {
    // each file loaded afresh, so that what it declares is read as the mutation run made it
    const keyed: string[] = [];
    for (const [file, group] of [['report', 'CITIZEN_REPORT'], ['record', 'CITIZEN_RECORD'], ['booking', 'BOOKING'], ['caseWork', 'CASE_WORK_ROUTES'], ['staff', 'STAFF'], ['open311', 'OPEN311']] as const) {
      const routes = routesOf((await fresh(file))[group] as RouteGroup).filter(({ route }) => route.headers?.['Idempotency-Key']);
      keyed.push(...listed(routes).map((r) => `${file}: ${r}`));
    }
    expect(keyed.sort()).toEqual(
      sorted([
        'report: submit POST /petitions',
        'booking: book POST /bookings',
        'caseWork: submit POST /staff/petitions',
        'caseWork: step.issue_document POST /staff/petitions/{id}/documents',
        'caseWork: step.book_meeting POST /staff/petitions/{id}/meeting',
        'staff: submit POST /staff/petitions',
        'staff: step.issue_document POST /staff/petitions/{id}/documents',
        'staff: step.book_meeting POST /staff/petitions/{id}/meeting',
      ]),
    );
  });

  it("answers what the pages read: a lifted lock, a user signed out, a phone revealed, the export's CSV", async () => {
    const staff = (await fresh('staff')).STAFF as Record<string, RouteSpec & Record<string, RouteSpec>>;
    const parse = (r: RouteSpec, body: unknown) => (r.answer as { parse: (x: unknown) => unknown }).parse(body);
    expect(parse(staff.liftLock!, { lifted: true })).toEqual({ lifted: true });
    expect(parse(staff.signOutUser!, { username: 'babao', signedOut: true })).toEqual({ username: 'babao', signedOut: true });
    expect(parse(staff.signOutEverywhere!, { signedOut: true })).toEqual({ signedOut: true });
    expect(() => parse(staff.signOutEverywhere!, { signedOut: false })).toThrow();
    const steps = ((await fresh('caseWork')).CASE_WORK_ROUTES as { step: Record<string, RouteSpec> }).step;
    expect(parse(steps.reveal_phone!, { phone: '13812341234' })).toEqual({ phone: '13812341234' });
    expect(steps.accept!.answer).not.toBe(steps.reveal_phone!.answer);
    expect(staff.export!.answer).toEqual({ file: 'text/csv; charset=utf-8' });
    const post = { id: 'p1', name: '八宝岗', address: '八宝镇', location: { lat: 38.1, lng: 100.2 }, nodeId: 'v1', categoryIds: [], townshipId: 'babao' };
    expect(parse(staff.posts!, { items: [post] })).toEqual({ items: [post] });
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
