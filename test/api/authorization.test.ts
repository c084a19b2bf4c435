/**
 * Who may do what: every route of the route table × every kind of caller × inside or outside their scope, each
 * with a VALID request, so that no validation hides the gate: a caller with no business there gets 401 (no login)
 * or 404 (not theirs to know of), 403 only where they may see the thing but not take the step, and a caller with
 * business gets the route's success. A route without a case here fails the suite.
 *
 * The target of each route (a petition in the right status, a booking, a host, a user…) is made fresh for every
 * caller expected to succeed, so one caller's success never decides another's answer; the callers expected to
 * fail share one target first, and must leave it as it was.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../support/routes';
import * as bookingUseCases from '../../functions/usecases/bookings';
import { call, citizenToken, consultedCase, departmentHost, newKey, report, staffToken } from '../support/api';
import { STANDIN_PUSH_TOKEN } from '../../functions/local/wechat-standin';
import { pushSignature } from '../../functions/usecases/wechatPush';
import { addDays } from '../../shared/slots';
import { chinaDate } from '../../shared/timeLimits';
import { movableClock, stackDeps } from '../support/deps';

const CALLERS = ['anonymous', 'owner', 'otherCitizen', 'agent', 'handler', 'centre', 'otherCentre', 'county', 'admin'] as const;
type Caller = (typeof CALLERS)[number];
type Expect = Record<Caller, number>;

/** The request a caller sends: path parameters, query, body and headers, and the citizen who owns the target. */
interface Target {
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** the citizen the target belongs to: the `owner` caller */
  owner?: string;
}
interface Case {
  expect: Expect;
  /** makes the target; called once for the callers expected to fail, and once more for each one expected to succeed */
  target: () => Promise<Target>;
  /** a request that differs per call (a new key, a new name) */
  vary?: (t: Target) => Target;
  /** the route acts on the caller's own account: staff callers are new users of the same role and scope */
  ownAccount?: boolean;
  /**
   * 小事不出村: what a village's staff (白杨沟村调解委员会) get, where the matrix asks them too: the routes of their work
   * and the centre's reads beside them
   */
  village?: number;
  /** a body only the caller can make (a file they uploaded themselves), from their token */
  bodyOf?: (token: string | undefined) => Promise<unknown>;
}

const row = (anonymous: number, owner: number, otherCitizen: number, agent: number, handler: number, centre: number, otherCentre: number, county: number, admin: number): Expect =>
  ({ anonymous, owner, otherCitizen, agent, handler, centre, otherCentre, county, admin });
const everyone = (s: number) => row(s, s, s, s, s, s, s, s, s);
/** a citizen route: no login 401, staff 404; the owner and another citizen as given */
const citizens = (owner: number, other = owner) => row(401, owner, other, 404, 404, 404, 404, 404, 404);
/** a staff route: no login 401, citizens 404 */
const staff = (agent: number, handler: number, centre: number, otherCentre: number, county: number, admin: number) => row(401, 404, 404, agent, handler, centre, otherCentre, county, admin);
const anyStaff = (s: number) => staff(s, s, s, s, s, s);
/** a case of 八宝镇 before it reaches a department: its centre, the county and admins */
const centreStep = (ok = 200) => staff(404, 404, ok, 404, ok, ok);
/** a case of 八宝镇 dispatched to the 司法所: its handler too */
const handlingStep = (ok = 200) => staff(404, ok, ok, 404, ok, ok);
/** a dispatched case the handler sees but whose step is the centre's */
const centreOnlyStepOfSeen = () => staff(404, 403, 200, 404, 200, 200);
/** a case of 八宝镇 escalated to the county: the step is the supervisor's, which 八宝镇 sees but may not take */
const supervisorStep = () => staff(404, 404, 403, 404, 200, 200);
/** the organisation and staff users: the county's supervisors and admins */
const countyOnly = (ok = 200) => staff(404, 404, 404, 404, ok, ok);
/** receptions and figures: centres, the county and admins */
const centres = (ok = 200) => staff(404, 404, ok, ok, ok, ok);
/** a reception of 八宝镇 */
const babaoReception = (ok = 200) => staff(404, 404, ok, 404, ok, ok);

// Fixtures ------------------------------------------------------------------------------------------------------

let babao = '';
let county = '';
let admin = '';
beforeAll(async () => {
  [babao, county, admin] = await Promise.all([staffToken('babao'), staffToken('county'), staffToken('admin')]);
}, 60_000);

const step = async (id: string, action: string, body: Record<string, unknown> = {}) => {
  const res = await call('POST', `/staff/petitions/${id}/${action}`, { token: babao, body });
  if (res.status !== 200) throw new Error(`fixture ${action}: ${res.status} ${JSON.stringify(res.body)}`);
};

type Stage = 'submitted' | 'accepted' | 'dispatched' | 'resolved';
/** A new citizen's report to 八宝镇 (no post: no post's hourly limit, no repeat), taken to `stage` by its centre. */
async function petition(stage: Stage, extra: Record<string, unknown> = {}): Promise<{ id: string; trackingCode: string; owner: string; secret?: string }> {
  const owner = await citizenToken();
  const sent = await report(owner, { postId: undefined, townshipId: 'babao', categoryId: 'land_dispute', description: '草场边界的网围栏被人挪动了。', phone: '13812345678', ...extra });
  if (sent.status !== 201) throw new Error(`fixture report: ${sent.status} ${JSON.stringify(sent.body)}`);
  const { id, trackingCode, secret } = sent.body;
  if (stage !== 'submitted') await step(id, 'accept');
  if (stage === 'dispatched' || stage === 'resolved') await step(id, 'dispatch', { departmentId: 'babao-justice' });
  if (stage === 'resolved') await step(id, 'resolve', { summary: '已调解。' });
  return { id, trackingCode, owner, secret };
}
const petitionAt = (stage: Stage) => async (): Promise<Target> => {
  const p = await petition(stage);
  return { params: { id: p.id }, owner: p.owner };
};
/** A step's target: a case at that stage, with the step's valid body. */
const stepOn = (stage: Stage, body: Record<string, unknown> = {}) => async (): Promise<Target> => ({ ...(await petitionAt(stage)()), body });

/** A step's target: an accepted case that 八宝镇 escalated (上报上级), with the step's valid body. */
const escalatedWith = (body: Record<string, unknown>) => async (): Promise<Target> => {
  const p = await petition('accepted');
  await step(p.id, 'escalate', { reason: '涉及多个部门' });
  return { params: { id: p.id }, owner: p.owner, body };
};

/** A step's target: a 邻里纠纷 reported at a post of 白杨沟村, which the village holds (小事不出村), with the step's body. */
const villageCase = (body: Record<string, unknown>) => async (): Promise<Target> => {
  const owner = await citizenToken();
  const sent = await report(owner, { postId: 'babao-baiyanggou-p1', categoryId: 'neighbour', description: '邻居家的羊群常进我家草场。' });
  if (sent.status !== 201) throw new Error(`fixture report: ${sent.status} ${JSON.stringify(sent.body)}`);
  return { params: { id: sent.body.id }, owner, body };
};

/** A case of 八宝镇 dispatched to the 司法所 that the county classed as a backlog case, and posted to the board if asked. */
async function backlogCase(posted: boolean): Promise<Target> {
  const p = await petition('dispatched');
  for (const [action, body] of [['classify', { backlogClass: 'A' }], ...(posted ? [['post-board', {}]] : [])] as const) {
    const res = await call('POST', `/staff/petitions/${p.id}/${action}`, { token: county, body });
    if (res.status !== 200) throw new Error(`fixture ${action}: ${res.status}`);
  }
  return { params: { id: p.id }, owner: p.owner };
}

/** A PDF the caller uploaded through POST /staff/uploads, as an attachment's body; a key of nobody's for who may not upload. */
async function ownUpload(token: string | undefined) {
  const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
  const ticket = await call('POST', '/staff/uploads', { token, body: { contentType: 'application/pdf', size: pdf.length } });
  if (ticket.status !== 200) return { key: 'photos/2026-11/0123456789abcdef0123/01JBXXXXXXXXXXXXXXXXXXXXXX.pdf', name: '扫描件' };
  const put = await fetch(ticket.body.url, { method: 'PUT', body: pdf, headers: ticket.body.headers });
  if (put.status !== 200) throw new Error(`fixture upload: ${put.status}`);
  return { key: ticket.body.key, name: '扫描件' };
}

/** An expert of the county's pool, made once: any case may invite them. */
let expertMade: Promise<string> | undefined;
const matrixExpert = () =>
  (expertMade ??= (async () => {
    const id = newId();
    const res = await call('PUT', `/staff/experts/${id}`, { token: county, body: { name: '矩阵律师', title: '律师', fields: ['law', 'land'], townshipIds: [], available: true } });
    if (res.status !== 200) throw new Error(`fixture expert: ${res.status}`);
    return id;
  })());

/** A host of 八宝镇 with slots all day, many citizens a slot. */
async function newHost(): Promise<string> {
  const id = `h-${randomUUID().slice(0, 8)}`;
  const res = await call('PUT', `/staff/hosts/${id}`, { token: babao, body: hostBody() });
  if (res.status !== 200) throw new Error(`fixture host: ${res.status}`);
  return id;
}
const hostBody = () => ({
  name: '矩阵调解员',
  kind: 'mediator',
  centreId: 'babao',
  ways: ['video'],
  availability: { weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, windows: [{ from: '00:00', to: '24:00' }] })), exceptions: [], chinaCalendar: false },
  rules: { slotMinutes: 30, bufferMinutes: 0, minNoticeMinutes: 180, horizonDays: 5, capacity: 50 },
  active: true,
});
let sharedHost: Promise<{ id: string; starts: string[] }> | undefined;
/** One host for the bookings made over HTTP: free slots three days on, beyond any change cut-off. */
const host = () =>
  (sharedHost ??= (async () => {
    const id = await newHost();
    const res = await call('GET', `/hosts/${id}/slots?days=5`);
    const starts = (res.body.items as Array<{ start: string }>).map((s) => s.start).filter((s) => Date.parse(s) > Date.now() + 3 * 86_400_000);
    return { id, starts };
  })());

async function booking(): Promise<Target> {
  const h = await host();
  const owner = await citizenToken();
  const made = await call('POST', '/bookings', { token: owner, headers: { 'idempotency-key': newKey() }, body: { hostId: h.id, start: h.starts[0], way: 'video', topic: '想请调解员帮忙' } });
  if (made.status !== 201) throw new Error(`fixture booking: ${made.status} ${JSON.stringify(made.body)}`);
  return { params: { id: made.body.id }, owner };
}

/** A booking whose reception took place yesterday: made through the use case with a clock two days back. */
async function pastBooking(): Promise<Target> {
  const hostId = await newHost();
  const clock = movableClock(new Date(Date.now() - 2 * 86_400_000).toISOString());
  const deps = stackDeps(clock);
  const slots = await bookingUseCases.listSlots(deps, hostId, { days: 2 });
  const start = slots.items.find((s) => Date.parse(s.end) < Date.now() - 3_600_000)!.start;
  const owner = await citizenToken();
  const openid = JSON.parse(Buffer.from(owner.split('.')[1]!, 'base64url').toString('utf8')).sub as string;
  const made = await bookingUseCases.book(deps, { kind: 'citizen', openid }, newKey(), { hostId, start, way: 'video', topic: '已经过去的接访' });
  return { params: { id: made.view.id }, owner };
}

/** A centre user of 八宝镇 for the user routes to act on. */
async function babaoUser(): Promise<Target> {
  const username = `m-${randomUUID().slice(0, 8)}`;
  const res = await call('POST', '/staff/users', { token: admin, body: { username, name: '矩阵值班员', role: 'centre_staff', scopeNodeId: 'babao', password: 'matrix-local-2026' } });
  if (res.status !== 201) throw new Error(`fixture user: ${res.status} ${JSON.stringify(res.body)}`);
  return { params: { username }, body: { name: '矩阵值班员（改）', role: 'centre_staff', scopeNodeId: 'babao' } };
}

const SEED_SETTINGS = {
  levelNames: { township: '乡镇', village: '村（社区）' },
  categoryOrder: ['neighbour', 'land_dispute', 'grassland', 'wage_arrears', 'heating', 'family', 'illegal_construction', 'expropriation', 'consumer', 'other'],
};
const SEED_HEATING = {
  name: '供暖问题', departmentKind: 'housing', level: 'township',
  limits: { accept: { amount: 4, unit: 'hours' }, dispatch: { amount: 4, unit: 'hours' }, resolve: { amount: 3, unit: 'days' }, rate: { amount: 7, unit: 'days' }, review: { amount: 30, unit: 'days' } },
};
const fixed = (t: Target) => async () => t;

/** A warning of 八宝镇 (未诉先办) in a month no other test uses, raised through the repository the sweep writes with. */
async function babaoWarning(): Promise<Target> {
  const deps = stackDeps(movableClock('2033-07-10T02:00:00Z'));
  const w = { key: 'rise_heating', townshipId: 'babao', month: '2033-07', raisedAt: '2033-07-10T02:00:00.000Z', kind: 'rise', count: 5, categoryId: 'heating', mean3: 1, yearAgo: 0, against: ['mean3', 'yearAgo'], townshipName: '八宝镇', subject: '供暖问题' } as const;
  await deps.petitions.raiseWarning('qilian', { ...w, against: [...w.against] });
  return { query: 'month=2033-07&townshipId=babao&key=rise_heating' };
}
const newId = () => `m-${randomUUID().slice(0, 8)}`;
/** A case of 八宝镇 in consultation: the 自然资源所 leads, the 司法所 (the matrix's handler) is called in. */
async function consulted(): Promise<Target & { params: { id: string } }> {
  const { herder, id } = await consultedCase(babao, { leadDepartmentId: 'babao-natural-resources', departmentIds: ['babao-justice'], question: '草场边界如何认定？', days: 2 });
  return { params: { id }, owner: herder };
}
/** A push's query as WeChat signs it with the local stack's token. */
function signedPush(): string {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomUUID().slice(0, 8);
  return `signature=${pushSignature(STANDIN_PUSH_TOKEN, timestamp, nonce)}&timestamp=${timestamp}&nonce=${nonce}`;
}

// The matrix ----------------------------------------------------------------------------------------------------

const CASES: Record<string, Case> = {
  'POST /auth/wechat': { expect: everyone(200), target: fixed({ body: { code: 'matrix' } }) },
  'POST /auth/dev': { expect: everyone(200), target: fixed({ body: { name: '矩阵' } }) },
  'GET /posts/{postId}': { expect: everyone(200), target: fixed({ params: { postId: 'babao-baiyanggou-p1' } }) },
  'GET /townships': { expect: everyone(200), target: fixed({}) },
  'GET /openapi.json': { expect: everyone(200), target: fixed({}) },
  // Open311: discovery and services are public; requests need a partner's key, which no person's login is
  'GET /open311/v2/discovery.json': { expect: everyone(200), target: fixed({}) },
  'GET /open311/v2/services.json': { expect: everyone(200), target: fixed({}) },
  'GET /open311/v2/services/{service_code}.json': { expect: everyone(200), target: fixed({ params: { service_code: 'land_dispute' } }) },
  'POST /open311/v2/requests.json': {
    expect: everyone(401),
    target: fixed({ body: { service_code: 'land_dispute', 'attribute[township]': 'babao', description: '矩阵：合作系统的请求内容' } }),
  },
  'GET /open311/v2/requests.json': { expect: everyone(401), target: fixed({}) },
  'GET /open311/v2/requests/{service_request_id}.json': {
    expect: everyone(401),
    target: async () => ({ params: { service_request_id: (await petition('submitted')).id } }),
  },
  'GET /open311/v2/tokens/{token}.json': {
    expect: everyone(401),
    target: async () => ({ params: { token: (await petition('submitted')).trackingCode } }),
  },
  // partner systems' keys: the county's admins only
  'GET /staff/partners': { expect: staff(404, 404, 404, 404, 404, 200), target: fixed({}) },
  'POST /staff/partners': {
    expect: staff(404, 404, 404, 404, 404, 201),
    target: fixed({ body: { name: '矩阵热线', countyId: 'qilian' } }),
  },
  'POST /staff/partners/{partnerId}/revoke': {
    expect: staff(404, 404, 404, 404, 404, 200),
    target: async () => {
      const made = await call('POST', '/staff/partners', { token: admin, body: { name: '矩阵热线', countyId: 'qilian' } });
      if (made.status !== 201) throw new Error(`fixture partner: ${made.status}`);
      return { params: { partnerId: made.body.id }, body: {} };
    },
  },
  'GET /track/{trackingCode}': {
    expect: everyone(200),
    target: async () => {
      const p = await petition('submitted', { anonymous: true, phone: undefined });
      return { params: { trackingCode: p.trackingCode }, query: `secret=${p.secret}` };
    },
  },
  'POST /uploads': { expect: citizens(200), target: fixed({ body: { contentType: 'image/jpeg', size: 1000 } }) },
  'POST /uploads/audio': { expect: citizens(200), target: fixed({ body: { contentType: 'audio/webm', size: 1000 } }) },
  'POST /subscriptions': { expect: citizens(200), target: fixed({ body: { templates: ['progress'] } }) },
  'POST /petitions': {
    expect: citizens(201),
    target: fixed({ body: { channel: 'online', townshipId: 'babao', categoryId: 'heating', description: '小区暖气一直不热，老人受冻。' } }),
    vary: (t) => ({ ...t, headers: { 'idempotency-key': newKey() } }),
  },
  'GET /petitions/mine': { expect: citizens(200), target: fixed({}) },
  'GET /petitions/{id}': { expect: citizens(200, 404), target: petitionAt('submitted') },
  'POST /petitions/{id}/rating': { expect: citizens(200, 404), target: stepOn('resolved', { rating: 'satisfied', comment: '满意' }) },

  'POST /staff/login': { expect: everyone(200), target: fixed({ body: { username: 'moler', password: 'moler-local-2026' } }) },
  'GET /staff/me': { expect: anyStaff(200), target: fixed({}), village: 200 },
  'GET /staff/petitions': { expect: staff(404, 200, 200, 200, 200, 200), target: fixed({}), village: 200 },
  // a township's case: not the village's to know of
  'GET /staff/petitions/{id}': { expect: handlingStep(), target: petitionAt('dispatched'), village: 404 },
  'POST /staff/petitions': {
    // 统一登记: the centre staff of the place and the agent of its village register for a citizen; handlers do not
    expect: staff(201, 403, 201, 404, 201, 201),
    village: 403,
    target: fixed({ body: { channel: 'phone', villageId: 'babao-baiyanggou', categoryId: 'heating', description: '电话反映：小区暖气不热。', phone: '13912345678' } }),
    vary: (t) => ({ ...t, headers: { 'idempotency-key': newKey() } }),
  },
  'GET /staff/filed': { expect: anyStaff(200), target: fixed({}) },
  'POST /staff/petitions/{id}/informed': {
    // 阶段反馈: only the one who filed the case (here the village's agent) records that they told the citizen
    expect: staff(200, 404, 403, 404, 403, 403),
    target: async () => {
      const sent = await call('POST', '/staff/petitions', {
        token: await staffToken('agent-baiyanggou'),
        headers: { 'idempotency-key': newKey() },
        body: { channel: 'visit', villageId: 'babao-baiyanggou', categoryId: 'neighbour', description: '来访反映：邻居家的羊群常进我家草场。' },
      });
      if (sent.status !== 201) throw new Error(`fixture registration: ${sent.status} ${JSON.stringify(sent.body)}`);
      return { params: { id: sent.body.id }, body: { note: '已电话告知群众' } };
    },
  },
  'POST /staff/uploads': { expect: anyStaff(200), target: fixed({ body: { contentType: 'application/pdf', size: 1000 } }) },
  'POST /petitions/claim': {
    // 认领: any citizen holding the receipt of a registered case (each a new one): its code and secret
    expect: citizens(200),
    target: async () => {
      const sent = await call('POST', '/staff/petitions', {
        token: babao,
        headers: { 'idempotency-key': newKey() },
        body: { channel: 'visit', townshipId: 'babao', categoryId: 'heating', description: '来访反映：小区暖气不热。' },
      });
      if (sent.status !== 201) throw new Error(`fixture registration: ${sent.status} ${JSON.stringify(sent.body)}`);
      return { body: { trackingCode: sent.body.trackingCode, secret: sent.body.secret } };
    },
  },
  'POST /staff/petitions/{id}/accept': { expect: centreStep(), target: stepOn('submitted', { note: '受理' }), village: 404 },
  // 小事不出村: a 邻里纠纷 at a post of 白杨沟村, held by the village: only its staff hand it up; the township centre, the
  // county and admins see it but may not
  'POST /staff/petitions/{id}/hand-up': { expect: staff(404, 404, 403, 404, 403, 403), village: 200, target: villageCase({ reason: '涉及宅基地确权，请镇里处理' }) },
  'POST /staff/petitions/{id}/decline': { expect: centreStep(), target: stepOn('submitted', { reason: '属于法院受理范围', redirect: '向祁连县人民法院起诉' }) },
  'POST /staff/petitions/{id}/dispatch': { expect: centreStep(), target: stepOn('accepted', { departmentId: 'babao-justice', handlerId: 'u-babao-justice' }) },
  'POST /staff/petitions/{id}/progress': { expect: handlingStep(), target: stepOn('dispatched', { note: '已联系双方' }), village: 404 },
  'POST /staff/petitions/{id}/resolve': { expect: handlingStep(), target: stepOn('dispatched', { summary: '已调解' }), village: 404 },
  'POST /staff/petitions/{id}/transfer': { expect: centreStep(), target: stepOn('submitted', { centreId: 'ebao', reason: '属峨堡镇辖区' }) },
  'POST /staff/petitions/{id}/escalate': { expect: centreStep(), target: stepOn('accepted', { reason: '涉及多个部门' }) },
  // 督办 and 接管: the level a case was escalated to (the county, and admins); its owner sees it but may not take them
  'POST /staff/petitions/{id}/supervise': { expect: supervisorStep(), target: escalatedWith({ note: '请尽快办结' }) },
  'POST /staff/petitions/{id}/take-over': { expect: supervisorStep(), target: escalatedWith({ reason: '县综治中心接管' }) },
  // 联合会诊: the centre calls departments in; the 司法所 (the matrix's handler) is called into a case the 自然资源所 leads
  // and reports in: the centre, county and admins see the case but may not report for a department
  'POST /staff/petitions/{id}/consult': {
    expect: centreOnlyStepOfSeen(),
    target: stepOn('dispatched', { leadDepartmentId: 'babao-justice', departmentIds: ['babao-police'], question: '是否涉及治安？', days: 3 }),
  },
  'POST /staff/petitions/{id}/report-in': {
    expect: staff(404, 200, 403, 404, 403, 403),
    target: async () => {
      const p = await petition('accepted');
      await step(p.id, 'consult', { leadDepartmentId: 'babao-natural-resources', departmentIds: ['babao-justice'], question: '草场边界如何认定？', days: 3 });
      return { params: { id: p.id }, owner: p.owner, body: { opinion: '建议先行调解。' } };
    },
  },
  // 专家库: read by the county's centres, kept by the county; 推荐专家 and 邀请专家 on a case the centre sees
  'GET /staff/experts': { expect: staff(404, 404, 200, 200, 200, 200), target: fixed({}) },
  'PUT /staff/experts/{expertId}': {
    expect: countyOnly(),
    target: async () => ({ params: { expertId: newId() }, body: { name: '矩阵专家', title: '律师', fields: ['law'], townshipIds: [], available: true } }),
  },
  'GET /staff/petitions/{id}/experts': { expect: centreStep(), target: petitionAt('dispatched') },
  'POST /staff/petitions/{id}/invite-expert': {
    expect: centreOnlyStepOfSeen(),
    target: async () => {
      const p = await petition('accepted');
      await step(p.id, 'consult', { leadDepartmentId: 'babao-justice', departmentIds: ['babao-police'], question: '是否涉及治安？', days: 3 });
      return { params: { id: p.id }, owner: p.owner, body: { expertId: await matrixExpert() } };
    },
  },
  // 积案 and 揭榜领案: the county classes and posts; an official of a centre that sees the case claims it
  'POST /staff/petitions/{id}/classify': { expect: staff(404, 403, 403, 404, 200, 200), target: stepOn('dispatched', { backlogClass: 'C', leadOfficial: '县委副书记' }) },
  'POST /staff/petitions/{id}/post-board': { expect: staff(404, 403, 403, 404, 200, 200), target: async () => ({ ...(await backlogCase(false)), body: {} }) },
  'POST /staff/petitions/{id}/team': { expect: staff(404, 403, 403, 404, 200, 200), target: async () => ({ ...(await backlogCase(false)), body: { usernames: ['babao-resources'] } }) },
  'POST /staff/petitions/{id}/claim-lead': { expect: centreOnlyStepOfSeen(), target: async () => ({ ...(await backlogCase(true)), body: {} }) },
  'GET /staff/board': { expect: staff(404, 404, 200, 200, 200, 200), target: fixed({}) },
  // 会诊会议: the case's centre (and the levels above) books its consultation's meeting; a co-department's handler may not
  'GET /staff/petitions/{id}/meeting-hosts': {
    expect: centreStep(),
    target: async () => ({ ...(await consulted()), query: `day=${addDays(chinaDate(new Date()), 1)}` }),
  },
  'POST /staff/petitions/{id}/meeting': {
    expect: centreStep(),
    target: async () => {
      const t = await consulted();
      const hostId = await departmentHost(babao, 'babao-justice', '矩阵会诊接访员');
      const offer = await call('GET', `/staff/petitions/${t.params.id}/meeting-hosts?day=${addDays(chinaDate(new Date()), 1)}`, { token: babao });
      return { ...t, body: { start: offer.body.times[2], hostIds: [hostId], withCitizen: true } };
    },
    vary: (t) => ({ ...t, headers: { 'idempotency-key': newKey() } }),
  },
  // 消息推送: WeChat's, whoever else's token comes with it; signed with the token (else 404, in the API test)
  'GET /wechat/push': { expect: everyone(200), target: async () => ({ query: `${signedPush()}&echostr=matrix` }) },
  'POST /wechat/push': {
    expect: everyone(200),
    target: async () => ({ query: signedPush(), body: { MsgType: 'event', Event: 'wxa_media_check', trace_id: 'matrix-no-such-trace', result: { suggest: 'pass' } } }),
  },
  // 一单一书…: the centre issues a case's documents; a file is attached by whoever handles the case, from their own upload
  'POST /staff/petitions/{id}/documents': {
    expect: centreOnlyStepOfSeen(),
    target: stepOn('dispatched', { kind: 'agreement', parties: [{ role: '甲方', name: '张三' }, { role: '乙方', name: '李四' }], facts: '草场边界争议', terms: '以围栏现状为界' }),
    vary: (t) => ({ ...t, headers: { 'idempotency-key': newKey() } }),
  },
  'POST /staff/petitions/{id}/attachments': { expect: handlingStep(), target: petitionAt('dispatched'), bodyOf: ownUpload },
  'POST /staff/petitions/{id}/reopen': { expect: centreOnlyStepOfSeen(), target: stepOn('resolved', { reason: '群众反映未解决' }) },
  'POST /staff/petitions/{id}/close': { expect: centreOnlyStepOfSeen(), target: stepOn('resolved', { note: '办结' }) },
  'POST /staff/petitions/{id}/extend': { expect: centreOnlyStepOfSeen(), target: stepOn('dispatched', { days: 5, reason: '需要实地测量' }) },
  'POST /staff/petitions/{id}/follow-up': { expect: centreOnlyStepOfSeen(), target: stepOn('resolved', { reached: true, rating: 'satisfied', note: '电话回访' }) },
  'POST /staff/petitions/{id}/link-repeat': {
    expect: centreOnlyStepOfSeen(),
    target: async () => {
      const [first, second] = [await petition('dispatched'), await petition('dispatched')];
      return { params: { id: second.id }, body: { trackingCode: first.trackingCode } };
    },
  },
  'POST /staff/petitions/{id}/unlink-repeat': {
    expect: centreOnlyStepOfSeen(),
    target: async () => {
      const [first, second] = [await petition('dispatched'), await petition('dispatched')];
      await step(second.id, 'link-repeat', { trackingCode: first.trackingCode });
      return { params: { id: second.id }, body: { note: '不是同一件事' } };
    },
  },
  'POST /staff/petitions/{id}/reveal-phone': { expect: handlingStep(), target: stepOn('dispatched', {}) },
  'GET /staff/tasks': { expect: centres(), target: fixed({}), village: 404 },
  // a village's staff read their village's own figures
  // …and an agent what they filed (their own counters)
  'GET /staff/dashboard': { expect: staff(200, 404, 200, 200, 200, 200), target: fixed({}), village: 200 },
  // the county's ranking of its townships: the county's supervisors and admins; a township centre has none (404)
  // 化解成效考评: a centre's departments, or the county's; not a handler's, an agent's or a village's page
  'GET /staff/evaluation': { expect: staff(404, 404, 200, 200, 200, 200), target: fixed({}), village: 404 },
  'GET /staff/township-ranking': { expect: countyOnly(), target: fixed({}) },
  // 未诉先办: a month's warnings in the caller's own township or county
  'GET /staff/warnings': { expect: centres(), target: fixed({}) },
  // …and the caller's mark that they have seen them (工作台's 新预警)
  'POST /staff/warnings/seen': { expect: centres(), target: fixed({ body: {} }) },
  // the cases behind one of 八宝镇's warnings: its centre, the county and admins; 峨堡镇 asking for 八宝镇 is 404
  'GET /staff/warnings/cases': { expect: centreStep(), target: babaoWarning },
  'GET /staff/export': { expect: centres(), target: fixed({}) },
  'GET /staff/org': { expect: anyStaff(200), target: fixed({}) },
  'GET /staff/townships/{townshipId}/posts': { expect: staff(404, 200, 200, 404, 200, 200), target: fixed({ params: { townshipId: 'babao' } }) },
  // a post of 白杨沟村 (八宝镇): the village's agent too
  'GET /staff/posts/{postId}': { expect: staff(200, 200, 200, 404, 200, 200), target: fixed({ params: { postId: 'babao-baiyanggou-p1' } }) },
  'PUT /staff/posts/{postId}': {
    expect: babaoReception(),
    target: async () => {
      const postId = newId();
      const body = { name: '矩阵岗', address: '八宝镇白杨沟村', location: { lat: 38.18, lng: 100.24 }, nodeId: 'babao-baiyanggou', categoryIds: [] };
      const made = await call('PUT', `/staff/posts/${postId}`, { token: babao, body });
      if (made.status !== 200) throw new Error(`fixture post: ${made.status}`);
      return { params: { postId }, body: { ...body, name: '矩阵岗（改）' } };
    },
  },
  'PUT /staff/nodes/{nodeId}': {
    expect: countyOnly(),
    target: async () => {
      const nodeId = newId();
      const made = await call('PUT', `/staff/nodes/${nodeId}`, { token: county, body: { kind: 'village', name: '矩阵村', parentId: 'babao' } });
      if (made.status !== 200) throw new Error(`fixture node: ${made.status}`);
      return { params: { nodeId }, body: { kind: 'village', name: '矩阵村（改）', parentId: 'babao' } };
    },
  },
  'PUT /staff/departments/{departmentId}': {
    expect: countyOnly(),
    target: async () => {
      const departmentId = newId();
      const body = { centreId: 'babao', kind: 'women', name: '矩阵妇联' };
      const made = await call('PUT', `/staff/departments/${departmentId}`, { token: county, body });
      if (made.status !== 200) throw new Error(`fixture department: ${made.status}`);
      return { params: { departmentId }, body: { ...body, name: '矩阵妇联（改）' } };
    },
  },
  // the seed's own values: a success changes nothing other tests read
  'PUT /staff/categories/{categoryId}': { expect: countyOnly(), target: fixed({ params: { categoryId: 'heating' }, body: SEED_HEATING }) },
  // the seed's own settings, so the matrix changes nothing
  'PUT /staff/counties/{countyId}/settings': { expect: countyOnly(), target: fixed({ params: { countyId: 'qilian' }, body: SEED_SETTINGS }) },
  // the users of the caller's own subtree
  'GET /staff/users': { expect: centres(), target: fixed({}) },
  'POST /staff/users': {
    expect: row(401, 404, 404, 404, 404, 404, 404, 201, 201),
    target: fixed({}),
    vary: () => ({ body: { username: newId(), name: '矩阵新人', role: 'centre_staff', scopeNodeId: 'babao', password: 'matrix-local-2026' } }),
  },
  'PUT /staff/users/{username}': { expect: countyOnly(), target: babaoUser },
  'POST /staff/users/{username}/sign-out': { expect: countyOnly(), target: async () => ({ ...(await babaoUser()), body: {} }) },
  // the audit record: county supervisors and admins; login records and locks: admins only
  'GET /staff/audit': { expect: countyOnly(), target: fixed({}) },
  'GET /staff/logins': { expect: staff(404, 404, 404, 404, 404, 200), target: fixed({}) },
  'POST /staff/login-locks/lift': {
    expect: staff(404, 404, 404, 404, 404, 200),
    target: async () => ({ body: { username: (await babaoUser()).params!.username } }),
  },
  'POST /staff/me/password': { expect: anyStaff(200), ownAccount: true, target: fixed({ body: { oldPassword: 'matrix-local-2026', newPassword: 'matrix-local-2027' } }) },
  'POST /staff/me/sign-out-everywhere': { expect: anyStaff(200), ownAccount: true, target: fixed({ body: {} }) },

  'GET /hosts': { expect: everyone(200), target: fixed({}) },
  'GET /hosts/{hostId}': { expect: everyone(200), target: async () => ({ params: { hostId: (await host()).id } }) },
  'GET /hosts/{hostId}/slots': { expect: everyone(200), target: async () => ({ params: { hostId: (await host()).id } }) },
  'POST /bookings': {
    expect: citizens(201),
    target: async () => {
      const h = await host();
      return { body: { hostId: h.id, start: h.starts[1], way: 'video', topic: '想请调解员帮忙' } };
    },
    vary: (t) => ({ ...t, headers: { 'idempotency-key': newKey() } }),
  },
  'GET /bookings/mine': { expect: citizens(200), target: fixed({}) },
  'GET /bookings/{id}': { expect: citizens(200, 404), target: booking },
  'POST /bookings/{id}/cancel': { expect: citizens(200, 404), target: async () => ({ ...(await booking()), body: { reason: '有事' } }) },
  'POST /bookings/{id}/reschedule': { expect: citizens(200, 404), target: async () => ({ ...(await booking()), body: { start: (await host()).starts[2] } }) },
  'POST /bookings/{id}/rating': { expect: citizens(200, 404), target: async () => ({ ...(await pastBooking()), body: { rating: 'satisfied', comment: '很好' } }) },
  'GET /staff/hosts': { expect: centres(), target: fixed({}) },
  'GET /staff/hosts/{hostId}': { expect: babaoReception(), target: async () => ({ params: { hostId: (await host()).id } }) },
  'PUT /staff/hosts/{hostId}': { expect: babaoReception(), target: async () => ({ params: { hostId: await newHost() }, body: { ...hostBody(), name: '矩阵调解员（改）' } }) },
  'GET /staff/booking-figures': { expect: centres(), target: fixed({}) },
  'GET /staff/bookings': { expect: centres(), target: fixed({}) },
  'GET /staff/bookings/{id}': { expect: babaoReception(), target: booking },
  'POST /staff/bookings/{id}/cancel': { expect: babaoReception(), target: async () => ({ ...(await booking()), body: { reason: '调解员下乡' } }) },
  'POST /staff/bookings/{id}/attendance': { expect: babaoReception(), target: async () => ({ ...(await pastBooking()), body: { attendance: 'attended', note: '已调解' } }) },
};

// Callers -------------------------------------------------------------------------------------------------------

const SEEDED: Record<Exclude<Who, 'anonymous' | 'owner' | 'otherCitizen'>, Parameters<typeof staffToken>[0]> = {
  agent: 'agent-baiyanggou',
  village: 'village-baiyanggou',
  handler: 'babao-justice',
  centre: 'babao',
  otherCentre: 'ebao',
  county: 'county',
  admin: 'admin',
};
/** New users like the seeded ones, for the routes that change the caller's own account. */
const LIKE: Record<keyof typeof SEEDED, Record<string, string>> = {
  agent: { role: 'agent', scopeNodeId: 'babao-baiyanggou' },
  village: { role: 'village_staff', scopeNodeId: 'babao-baiyanggou' },
  handler: { role: 'handler', scopeNodeId: 'babao', departmentId: 'babao-justice' },
  centre: { role: 'centre_staff', scopeNodeId: 'babao' },
  otherCentre: { role: 'centre_staff', scopeNodeId: 'ebao' },
  county: { role: 'county_supervisor', scopeNodeId: 'qilian' },
  admin: { role: 'admin', scopeNodeId: 'qilian' },
};
const seededTokens: Partial<Record<Who, string>> = {};
/** every caller of the matrix, and a village's staff where a case asks them */
type Who = Caller | 'village';
const callersOf = (c: Case): Who[] => [...CALLERS, ...(c.village !== undefined ? (['village'] as const) : [])];
const expected = (c: Case, who: Who) => (who === 'village' ? c.village! : c.expect[who]);

async function tokenOf(who: Who, target: Target, c: Case): Promise<string | undefined> {
  if (who === 'anonymous') return undefined;
  if (who === 'owner') return target.owner ?? citizenToken();
  if (who === 'otherCitizen') return citizenToken();
  if (c.ownAccount) {
    const username = newId();
    const made = await call('POST', '/staff/users', { token: admin, body: { username, name: '矩阵本人', password: 'matrix-local-2026', ...LIKE[who] } });
    if (made.status !== 201) throw new Error(`own-account user: ${made.status} ${JSON.stringify(made.body)}`);
    const login = await call('POST', '/staff/login', { body: { username, password: 'matrix-local-2026' } });
    return login.body.token;
  }
  return (seededTokens[who] ??= await staffToken(SEEDED[who]));
}

async function send(name: string, c: Case, who: Who, target: Target) {
  const [method, pattern] = name.split(' ') as [string, string];
  const t = c.vary ? c.vary(target) : target;
  const path = pattern.replace(/\{(\w+)\}/g, (_m, p: string) => encodeURIComponent(t.params?.[p] ?? `missing-${p}`)) + (t.query ? `?${t.query}` : '');
  const token = await tokenOf(who, target, c);
  const body = c.bodyOf ? await c.bodyOf(token) : (t.body ?? {});
  const res = await call(method, path, { token, headers: t.headers, ...(method === 'GET' ? {} : { body }) });
  return res;
}

/** What a refused call must not have changed: the petition's or booking's version, as an admin reads it. */
async function stateOf(name: string, t: Target) {
  const id = t.params?.id;
  if (!id) return undefined;
  const kind = name.includes('/bookings/') ? 'bookings' : name.includes('/petitions/') ? 'petitions' : undefined;
  if (!kind) return undefined;
  const res = await call('GET', `/staff/${kind}/${id}`, { token: admin });
  const b = res.body;
  return kind === 'petitions' ? { status: res.status, version: b.version, state: b.status } : { status: res.status, state: b.status, start: b.start, rescheduled: b.rescheduled, rating: b.rating };
}

const isSuccess = (status: number) => status >= 200 && status < 300;

describe('who may call each route', () => {
  it('has a case for every route of the route table, and none for a route that is gone', () => {
    expect(Object.keys(CASES).sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });

  const names = ROUTES.map((r) => `${r.method} ${r.path}`).filter((n) => CASES[n]);
  it.each(names)('%s: every caller, with a valid request, gets what the matrix says', async (name) => {
    const c = CASES[name]!;
    const wrong: string[] = [];
    const callers = callersOf(c);
    const denied = callers.filter((who) => !isSuccess(expected(c, who)));
    const shared = await c.target();
    const before = await stateOf(name, shared);
    for (const who of denied) {
      const res = await send(name, c, who, shared);
      if (res.status !== expected(c, who)) wrong.push(`${who}: expected ${expected(c, who)}, got ${res.status} ${JSON.stringify(res.body?.error?.message ?? '')}`);
    }
    // what the denied callers were refused is as it was
    expect(await stateOf(name, shared)).toEqual(before);
    const allowed = callers.filter((w) => isSuccess(expected(c, w)));
    for (const who of allowed) {
      const target = who === allowed[0] ? shared : await c.target();
      const res = await send(name, c, who, target);
      if (res.status !== expected(c, who)) wrong.push(`${who}: expected ${expected(c, who)}, got ${res.status} ${JSON.stringify(res.body?.error ?? '').slice(0, 200)}`);
    }
    expect(wrong).toEqual([]);
  }, 180_000);
});
