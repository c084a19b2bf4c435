/**
 * Who may do what: every route of the route table × every kind of caller, with the answer expected. A route
 * added without a row here fails. Writes carry a body no schema accepts, so the matrix changes nothing: past the
 * gate a caller gets 400, before it 401 (no login) or 404 (not for you).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/http/routes';
import { call, citizenToken, report, staffToken } from '../support/api';

const CALLERS = ['anonymous', 'citizenA', 'citizenB', 'agent', 'handler', 'staffX', 'staffY', 'county', 'admin'] as const;
type CallerName = (typeof CALLERS)[number];
type Row = Record<CallerName, number>;

const row = (anonymous: number, citizenA: number, citizenB: number, agent: number, handler: number, staffX: number, staffY: number, county: number, admin: number): Row =>
  ({ anonymous, citizenA, citizenB, agent, handler, staffX, staffY, county, admin });
const all = (s: number) => row(s, s, s, s, s, s, s, s, s);
/** a citizen route: no login 401, staff 404 */
const citizens = (a: number, b = a) => row(401, a, b, 404, 404, 404, 404, 404, 404);
/** a staff route: no login 401, citizens 404 */
const staff = (agent: number, handler: number, x: number, y: number, county: number, admin: number) => row(401, 404, 404, agent, handler, x, y, county, admin);
const anyStaff = (s: number) => staff(s, s, s, s, s, s);

// Petition PA: citizen A's, at 八宝镇 (staff X), dispatched to the 八宝镇司法所 (the handler). Staff Y is 峨堡镇.
const MATRIX: Record<string, Row> = {
  'POST /auth/wechat': all(400),
  'POST /auth/dev': all(400),
  'GET /posts/{postId}': all(200),
  'GET /townships': all(200),
  'GET /track/{trackingCode}': all(400),
  'POST /uploads': citizens(400),
  'POST /subscriptions': citizens(400),
  'POST /petitions': citizens(400),
  'GET /petitions/mine': citizens(200),
  'GET /petitions/{id}': citizens(200, 404),
  'POST /petitions/{id}/rating': citizens(400),
  'POST /staff/login': all(400),
  'GET /staff/me': anyStaff(200),
  'GET /staff/petitions': staff(404, 200, 200, 200, 200, 200),
  'GET /staff/petitions/{id}': staff(404, 200, 200, 404, 200, 200),
  'POST /staff/petitions': anyStaff(400),
  'POST /staff/petitions/{id}/accept': anyStaff(400),
  'POST /staff/petitions/{id}/decline': anyStaff(400),
  'POST /staff/petitions/{id}/dispatch': anyStaff(400),
  'POST /staff/petitions/{id}/progress': anyStaff(400),
  'POST /staff/petitions/{id}/resolve': anyStaff(400),
  'POST /staff/petitions/{id}/transfer': anyStaff(400),
  'POST /staff/petitions/{id}/escalate': anyStaff(400),
  'POST /staff/petitions/{id}/reopen': anyStaff(400),
  'POST /staff/petitions/{id}/close': anyStaff(400),
  'POST /staff/petitions/{id}/extend': anyStaff(400),
  'POST /staff/petitions/{id}/follow-up': anyStaff(400),
  'POST /staff/petitions/{id}/unlink-repeat': anyStaff(400),
  'POST /staff/petitions/{id}/link-repeat': anyStaff(400),
  'POST /staff/petitions/{id}/reveal-phone': anyStaff(400),
  'GET /staff/tasks': staff(404, 404, 200, 200, 200, 200),
  'GET /staff/dashboard': staff(404, 404, 200, 200, 200, 200),
  // the period's petitions as CSV, in the dashboard's scope
  'GET /staff/export': staff(404, 404, 200, 200, 200, 200),
  'GET /staff/org': anyStaff(200),
  'GET /staff/townships/{townshipId}/posts': staff(404, 200, 200, 404, 200, 200),
  // a post of 白杨沟村 (八宝镇): the village's agent, the township's staff and handler, the county and admin
  'GET /staff/posts/{postId}': staff(200, 200, 200, 404, 200, 200),
  'PUT /staff/posts/{postId}': anyStaff(400),
  'PUT /staff/nodes/{nodeId}': anyStaff(400),
  'PUT /staff/departments/{departmentId}': anyStaff(400),
  'PUT /staff/categories/{categoryId}': anyStaff(400),
  'GET /staff/users': staff(404, 404, 200, 200, 200, 200),
  'POST /staff/users': anyStaff(400),
  'PUT /staff/users/{username}': anyStaff(400),
  'POST /staff/users/{username}/sign-out': anyStaff(400),
  'POST /staff/me/password': anyStaff(400),
  'POST /staff/me/sign-out-everywhere': anyStaff(400),
  // the audit record: county supervisors and admins
  'GET /staff/audit': staff(404, 404, 404, 404, 200, 200),
  // login records and locks: admins only
  'GET /staff/logins': staff(404, 404, 404, 404, 404, 200),
  'POST /staff/login-locks/lift': anyStaff(400),
  'GET /hosts': all(200),
  'GET /hosts/{hostId}': all(200),
  'GET /hosts/{hostId}/slots': all(200),
  'POST /bookings': citizens(400),
  'GET /bookings/mine': citizens(200),
  'GET /bookings/{id}': citizens(404),
  'POST /bookings/{id}/cancel': citizens(400),
  'POST /bookings/{id}/reschedule': citizens(400),
  'POST /bookings/{id}/rating': citizens(400),
  // hosts and schedules are for centre staff and above
  'GET /staff/hosts': staff(404, 404, 200, 200, 200, 200),
  'GET /staff/hosts/{hostId}': staff(404, 404, 200, 404, 200, 200),
  'PUT /staff/hosts/{hostId}': anyStaff(400),
  'GET /staff/booking-figures': staff(404, 404, 200, 200, 200, 200),
  'GET /staff/bookings': staff(404, 404, 200, 200, 200, 200),
  'GET /staff/bookings/{id}': anyStaff(404),
  'POST /staff/bookings/{id}/cancel': anyStaff(400),
  'POST /staff/bookings/{id}/attendance': anyStaff(400),
};

const tokens: Partial<Record<CallerName, string>> = {};
let params: Record<string, string> = {};

beforeAll(async () => {
  tokens.citizenA = await citizenToken();
  tokens.citizenB = await citizenToken();
  const [agent, handler, staffX, staffY, county, admin] = await Promise.all(
    (['agent-baiyanggou', 'babao-justice', 'babao', 'ebao', 'county', 'admin'] as const).map((u) => staffToken(u)),
  );
  Object.assign(tokens, { agent, handler, staffX, staffY, county, admin });
  const pa = (await report(tokens.citizenA)).body.id as string;
  await call('POST', `/staff/petitions/${pa}/accept`, { token: staffX, body: {} });
  await call('POST', `/staff/petitions/${pa}/dispatch`, { token: staffX, body: { departmentId: 'babao-justice' } });
  const hostId = 'host-babao-leader'; // a host of 八宝镇's centre, from the demo seed
  params = {
    postId: 'babao-baiyanggou-p1',
    trackingCode: 'ABCDEFGHJK',
    id: pa,
    townshipId: 'babao',
    nodeId: 'babao-baiyanggou',
    departmentId: 'babao-justice',
    categoryId: 'heating',
    username: 'babao',
    hostId,
  };
}, 120_000);

describe('who may call each route', () => {
  it('has a row for every route of the route table, and none for a route that is gone', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('answers every caller as the matrix says', async () => {
    const wrong: string[] = [];
    for (const route of ROUTES) {
      const name = `${route.method} ${route.path}`;
      const expected = MATRIX[name];
      if (!expected) continue;
      // Bookings are addressed by an id nobody holds: past the gate the answer is 404 or 400, never data.
      const path = route.path.replace(/\{(\w+)\}/g, (_m, p: string) => (name.includes('bookings/{id}') ? 'B-nobody' : params[p] ?? 'x'));
      const results = await Promise.all(
        CALLERS.map(async (c) => {
          const res = await call(route.method, path, { token: tokens[c], ...(route.method === 'GET' ? {} : { body: { __probe: true } }) });
          return [c, res.status] as const;
        }),
      );
      for (const [c, status] of results) if (status !== expected[c]) wrong.push(`${name} as ${c}: expected ${expected[c]}, got ${status}`);
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});
