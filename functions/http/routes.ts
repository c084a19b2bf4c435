/**
 * The route table: every HTTP route, who may call it, and the thin adapter from request to use case.
 * serverless.yml declares the same routes; a test checks the two agree.
 */
import * as z from 'zod/mini';
import {
  DevLoginBody,
  IdempotencyKey,
  PageQuery,
  EmptyBody,
  StaffLoginBody,
  DashboardQuery,
  ExportQuery,
  StaffQueueQuery,
  SubmitPetitionBody,
  SubscribeBody,
  UploadBody,
  TrackQuery,
  TrackingCode,
  WechatLoginBody,
} from '../../shared/schemas/api';
import { STAFF_STEPS, STEP_TABLE, stepPath, type StepAction } from '../../shared/steps';
import { Id, strict } from '../../shared/schemas/common';
import { LiftLockBody, LoginsQuery } from '../../shared/schemas/security';
import { Category, ChangePasswordBody, Department, EditUser, NewUser, NodeBody, Post, Username } from '../../shared/schemas/org';
import {
  AttendanceBody,
  BookBody,
  BookingFiguresQuery,
  BookingRatingBody,
  CitizenCancelBody,
  HostBody,
  HostsQuery,
  RescheduleBody,
  ScheduleQuery,
  SlotsQuery,
  StaffCancelBody,
} from '../../shared/schemas/booking';
import * as audit from '../usecases/audit';
import * as auth from '../usecases/auth';
import * as dashboard from '../usecases/dashboard';
import * as exporting from '../usecases/export';
import * as bookings from '../usecases/bookings';
import type { CitizenCaller, Deps, StaffCaller } from '../usecases/context';
import * as notifications from '../usecases/notifications';
import * as org from '../usecases/org';
import * as uploads from '../usecases/uploads';
import * as users from '../usecases/users';
import * as petitions from '../usecases/petitions';
import { parse } from './request';

export type Access = 'public' | 'citizen' | 'staff';

export interface Request<C> {
  caller: C;
  body: unknown;
  query: Record<string, string | undefined>;
  params: Record<string, string | undefined>;
  header(name: string): string | undefined;
  /** the address the request came from, as API Gateway saw it */
  sourceIp: string;
}
/** Most routes answer JSON; a route that answers a file (a CSV export) says its type and name. */
export type Reply =
  | { status: number; body: unknown }
  | { status: number; file: { contentType: string; filename: string; content: string } };

interface RouteDef<A extends Access> {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  access: A;
  handle: (req: Request<A extends 'citizen' ? CitizenCaller : A extends 'staff' ? StaffCaller : undefined>, deps: Deps) => Promise<Reply>;
}
export type Route = RouteDef<'public'> | RouteDef<'citizen'> | RouteDef<'staff'>;

const ok = (body: unknown): Reply => ({ status: 200, body });
const idParam = (req: { params: Record<string, string | undefined> }, name = 'id') => parse(Id, req.params[name], 'path');

const pub = (method: RouteDef<'public'>['method'], path: string, handle: RouteDef<'public'>['handle']): Route => ({ method, path, access: 'public', handle });
const citizen = (method: RouteDef<'citizen'>['method'], path: string, handle: RouteDef<'citizen'>['handle']): Route => ({ method, path, access: 'citizen', handle });
const staff = (method: RouteDef<'staff'>['method'], path: string, handle: RouteDef<'staff'>['handle']): Route => ({ method, path, access: 'staff', handle });

/**
 * One route per step of the table, its body the step's. Staff steps answer the case file (stepForStaff); the phone
 * look and a repeat found by its tracking code have use cases of their own.
 */
const STAFF_STEP_USE_CASES: Partial<Record<StepAction, (deps: Deps, caller: StaffCaller, id: string, body: any) => Promise<unknown>>> = {
  link_repeat: petitions.linkRepeat,
  reveal_phone: (deps, caller, id) => petitions.revealPhone(deps, caller, id),
};
const stepRoute = (action: StepAction): Route =>
  action === 'rate'
    ? citizen('POST', stepPath(action), async (req, deps) => ok(await petitions.rate(deps, req.caller, idParam(req), parse(STEP_TABLE.rate.body, req.body, 'body'))))
    : staff('POST', stepPath(action), async (req, deps) => {
        const id = idParam(req);
        const body = parse(STEP_TABLE[action].body, req.body, 'body') as object;
        const useCase = STAFF_STEP_USE_CASES[action];
        return ok(await (useCase ? useCase(deps, req.caller, id, body) : petitions.stepForStaff(deps, req.caller, id, { action, ...body } as petitions.TransitionInput)));
      });

export const ROUTES: Route[] = [
  // Citizens
  pub('POST', '/auth/wechat', async (req, deps) => ok(await auth.wechatLogin(deps, parse(WechatLoginBody, req.body, 'body').code))),
  pub('POST', '/auth/dev', async (req, deps) => ok(await auth.devLogin(deps, parse(DevLoginBody, req.body, 'body').name))),
  pub('GET', '/posts/{postId}', async (req, deps) => ok(await org.postForCitizen(deps, idParam(req, 'postId')))),
  pub('GET', '/townships', async (_req, deps) => ok(await org.listTownships(deps))),
  pub('GET', '/track/{trackingCode}', async (req, deps) => {
    const code = parse(TrackingCode, req.params.trackingCode, 'path');
    const { secret } = parse(TrackQuery, req.query, 'query');
    return ok(await petitions.track(deps, code, secret));
  }),
  citizen('POST', '/uploads', async (req, deps) => ok(await uploads.presignPhoto(deps, req.caller, parse(UploadBody, req.body, 'body')))),
  citizen('POST', '/subscriptions', async (req, deps) =>
    ok(await notifications.subscribe(deps, req.caller.openid, parse(SubscribeBody, req.body, 'body').templates)),
  ),
  citizen('POST', '/petitions', async (req, deps) => {
    const key = parse(IdempotencyKey, req.header('idempotency-key'), 'header:Idempotency-Key');
    const body = parse(SubmitPetitionBody, req.body, 'body');
    const out = await petitions.submitPetition(deps, req.caller, key, body);
    return { status: out.created ? 201 : 200, body: out.response };
  }),
  citizen('GET', '/petitions/mine', async (req, deps) => ok(await petitions.listMine(deps, req.caller, parse(PageQuery, req.query, 'query')))),
  citizen('GET', '/petitions/{id}', async (req, deps) => ok(await petitions.getForCitizen(deps, req.caller, idParam(req)))),
  stepRoute('rate'),

  // Staff
  pub('POST', '/staff/login', async (req, deps) => {
    const { username, password } = parse(StaffLoginBody, req.body, 'body');
    return ok(await auth.staffLogin(deps, username, password, req.sourceIp));
  }),
  staff('GET', '/staff/logins', async (req, deps) => ok(await auth.listLogins(deps, req.caller, parse(LoginsQuery, req.query, 'query')))),
  staff('POST', '/staff/login-locks/lift', async (req, deps) => ok(await auth.liftLock(deps, req.caller, parse(LiftLockBody, req.body, 'body')))),
  staff('GET', '/staff/me', async (req) => ok(req.caller)),
  staff('GET', '/staff/petitions', async (req, deps) => ok(await petitions.staffQueue(deps, req.caller, parse(StaffQueueQuery, req.query, 'query')))),
  staff('GET', '/staff/petitions/{id}', async (req, deps) => ok(await petitions.getForStaff(deps, req.caller, idParam(req)))),
  staff('POST', '/staff/petitions', async (req, deps) => {
    // Agents and staff file on a citizen's behalf (凡诉代办): phone, letter, visit or agent channels.
    const key = parse(IdempotencyKey, req.header('idempotency-key'), 'header:Idempotency-Key');
    const body = parse(SubmitPetitionBody, req.body, 'body');
    const out = await petitions.submitPetition(deps, req.caller, key, body);
    return { status: out.created ? 201 : 200, body: out.response };
  }),
  ...STAFF_STEPS.map(stepRoute),
  staff('GET', '/staff/tasks', async (req, deps) => ok(await petitions.staffTasks(deps, req.caller, parse(PageQuery, req.query, 'query')))),
  staff('GET', '/staff/dashboard', async (req, deps) => ok(await dashboard.dashboard(deps, req.caller, parse(DashboardQuery, req.query, 'query')))),
  staff('GET', '/staff/export', async (req, deps) => {
    const out = await exporting.exportPetitions(deps, req.caller, parse(ExportQuery, req.query, 'query'));
    return { status: 200, file: { contentType: 'text/csv; charset=utf-8', filename: out.filename, content: out.csv } };
  }),
  staff('GET', '/staff/org', async (req, deps) => ok(await org.orgForStaff(deps, req.caller))),
  staff('GET', '/staff/townships/{townshipId}/posts', async (req, deps) =>
    ok(await org.listPosts(deps, req.caller, idParam(req, 'townshipId'), parse(PageQuery, req.query, 'query'))),
  ),
  staff('GET', '/staff/posts/{postId}', async (req, deps) => ok(await org.postForStaff(deps, req.caller, idParam(req, 'postId')))),
  staff('PUT', '/staff/posts/{postId}', async (req, deps) => {
    const post = parse(strict(z.omit(Post, { id: true })), req.body, 'body');
    return ok(await org.savePost(deps, req.caller, { ...post, id: idParam(req, 'postId') }));
  }),
  staff('PUT', '/staff/nodes/{nodeId}', async (req, deps) =>
    ok(await org.saveNode(deps, req.caller, idParam(req, 'nodeId'), parse(NodeBody, req.body, 'body'))),
  ),
  staff('PUT', '/staff/departments/{departmentId}', async (req, deps) => {
    const d = parse(strict(z.omit(Department, { id: true })), req.body, 'body');
    return ok(await org.saveDepartment(deps, req.caller, { ...d, id: idParam(req, 'departmentId') }));
  }),
  staff('PUT', '/staff/categories/{categoryId}', async (req, deps) => {
    const c = parse(strict(z.omit(Category, { id: true })), req.body, 'body');
    return ok(await org.saveCategory(deps, req.caller, { ...c, id: idParam(req, 'categoryId') }));
  }),
  staff('GET', '/staff/users', async (req, deps) => ok(await users.listUsers(deps, req.caller, parse(PageQuery, req.query, 'query')))),
  staff('POST', '/staff/users', async (req, deps) => {
    const u = parse(NewUser, req.body, 'body');
    return { status: 201, body: await users.saveUser(deps, req.caller, u.username, u, true) };
  }),
  staff('PUT', '/staff/users/{username}', async (req, deps) =>
    ok(await users.saveUser(deps, req.caller, parse(Username, req.params.username, 'path'), parse(EditUser, req.body, 'body'), false)),
  ),
  staff('POST', '/staff/users/{username}/sign-out', async (req, deps) => {
    parse(EmptyBody, req.body, 'body');
    return ok(await users.signOutUser(deps, req.caller, parse(Username, req.params.username, 'path')));
  }),
  staff('GET', '/staff/audit', async (req, deps) => ok(await audit.listAudit(deps, req.caller, parse(PageQuery, req.query, 'query')))),
  staff('POST', '/staff/me/password', async (req, deps) => ok(await auth.changeOwnPassword(deps, req.caller, parse(ChangePasswordBody, req.body, 'body')))),
  staff('POST', '/staff/me/sign-out-everywhere', async (req, deps) => {
    parse(EmptyBody, req.body, 'body');
    return ok(await auth.signOutEverywhere(deps, req.caller));
  }),

  // Video receptions (预约接访)
  pub('GET', '/hosts', async (req, deps) => ok(await bookings.listHosts(deps, parse(HostsQuery, req.query, 'query')))),
  pub('GET', '/hosts/{hostId}', async (req, deps) => ok(await bookings.getHost(deps, idParam(req, 'hostId')))),
  pub('GET', '/hosts/{hostId}/slots', async (req, deps) => ok(await bookings.listSlots(deps, idParam(req, 'hostId'), parse(SlotsQuery, req.query, 'query')))),
  citizen('POST', '/bookings', async (req, deps) => {
    const key = parse(IdempotencyKey, req.header('idempotency-key'), 'header:Idempotency-Key');
    const out = await bookings.book(deps, req.caller, key, parse(BookBody, req.body, 'body'));
    return { status: out.created ? 201 : 200, body: out.view };
  }),
  citizen('GET', '/bookings/mine', async (req, deps) => ok(await bookings.listMine(deps, req.caller, parse(PageQuery, req.query, 'query')))),
  citizen('GET', '/bookings/{id}', async (req, deps) => ok(await bookings.getMine(deps, req.caller, idParam(req)))),
  citizen('POST', '/bookings/{id}/cancel', async (req, deps) =>
    ok(await bookings.cancelMine(deps, req.caller, idParam(req), parse(CitizenCancelBody, req.body, 'body').reason)),
  ),
  citizen('POST', '/bookings/{id}/reschedule', async (req, deps) =>
    ok(await bookings.reschedule(deps, req.caller, idParam(req), parse(RescheduleBody, req.body, 'body').start)),
  ),
  citizen('POST', '/bookings/{id}/rating', async (req, deps) => ok(await bookings.rate(deps, req.caller, idParam(req), parse(BookingRatingBody, req.body, 'body')))),
  staff('GET', '/staff/hosts', async (req, deps) => ok(await bookings.listHostsForStaff(deps, req.caller))),
  staff('GET', '/staff/hosts/{hostId}', async (req, deps) => ok(await bookings.getHostForStaff(deps, req.caller, idParam(req, 'hostId')))),
  staff('PUT', '/staff/hosts/{hostId}', async (req, deps) =>
    ok(await bookings.saveHost(deps, req.caller, idParam(req, 'hostId'), parse(HostBody, req.body, 'body'))),
  ),
  staff('GET', '/staff/booking-figures', async (req, deps) => ok(await bookings.figures(deps, req.caller, parse(BookingFiguresQuery, req.query, 'query')))),
  staff('GET', '/staff/bookings', async (req, deps) => ok(await bookings.schedule(deps, req.caller, parse(ScheduleQuery, req.query, 'query')))),
  staff('GET', '/staff/bookings/{id}', async (req, deps) => ok(await bookings.getForStaff(deps, req.caller, idParam(req)))),
  staff('POST', '/staff/bookings/{id}/cancel', async (req, deps) =>
    ok(await bookings.cancelByStaff(deps, req.caller, idParam(req), parse(StaffCancelBody, req.body, 'body').reason)),
  ),
  staff('POST', '/staff/bookings/{id}/attendance', async (req, deps) =>
    ok(await bookings.recordAttendance(deps, req.caller, idParam(req), parse(AttendanceBody, req.body, 'body'))),
  ),
];

/** `/petitions/{id}` as a matcher; literal segments win over parameters (`/petitions/mine`). */
export function compile(routes: Route[]) {
  const compiled = routes.map((r) => {
    const names: string[] = [];
    const pattern = r.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    return { route: r, regex: new RegExp(`^${pattern}$`), names, literal: names.length === 0 };
  });
  compiled.sort((a, b) => Number(b.literal) - Number(a.literal));
  return (method: string, path: string) => {
    let pathMatched = false;
    for (const c of compiled) {
      const m = c.regex.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (c.route.method !== method) continue;
      const params: Record<string, string> = {};
      c.names.forEach((n, i) => {
        params[n] = decodeURIComponent(m[i + 1] ?? '');
      });
      return { route: c.route, params };
    }
    return { pathMatched };
  };
}
