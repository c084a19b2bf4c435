/** An HTTP function's Lambda entry over its route table: match the route, check who is asking, run the route's adapter, map errors. */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { NotFoundError, UnauthorizedError, ValidationError } from '../../shared/errors';
import { verifyToken, type Claims } from '../auth/tokens';
import type { CitizenCaller, Deps, PartnerCaller, StaffCaller } from '../usecases/context';
import { download, errorResponse, json } from './errors';
import { boundedParams, formOrJsonBody, header, jsonBody } from './request';
import { compile } from '../../shared/contract/match';
import type { Route } from './bind';
import { lambdaDeps, type AdapterMakers } from '../deps';
import { logger, observeAws } from '../telemetry';
import { observed, type Seen } from './observe';

/**
 * On every answer. CORS is not here: API Gateway (and serverless offline) answer it from serverless.yml, whose
 * allowed origins are APP_ORIGINS (functions/http/cors.cjs).
 */
const ALWAYS = { 'x-content-type-options': 'nosniff' };

/**
 * What a function needs beyond its routes: the adapters they use (functions/deps.ts), and how it tells who is asking
 * where its routes need it: a staff token stands for the user's current record (auth.staffCaller), a partner is its
 * key (open311.partnerCaller). A function without staff routes never looks a staff user up: a staff token there is
 * nobody its routes serve (404 on a citizen's route).
 */
export interface FunctionParts {
  adapters: Partial<AdapterMakers>;
  staff?: (d: Deps, claims: Extract<Claims, { kind: 'staff' }>) => Promise<StaffCaller>;
  partner?: (d: Deps, key: string | undefined) => Promise<PartnerCaller>;
}

/** The token's verified claims, if the request carries one. */
async function claimsOf(event: APIGatewayProxyEventV2, d: Deps): Promise<Claims | undefined> {
  const auth = header(event, 'authorization');
  if (!auth) return undefined;
  const m = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/.exec(auth);
  if (!m?.[1]) throw new UnauthorizedError('登录凭证无效，请重新登录');
  return verifyToken(m[1], d.auth, d.clock.now());
}

const apiKeyOf = (body: unknown) =>
  typeof body === 'object' && body !== null && typeof (body as { api_key?: unknown }).api_key === 'string' ? (body as { api_key: string }).api_key : undefined;

/** Open311's error answer: a list of { code, description } (the HTTP status, and the message with each field's). */
function open311Error(r: APIGatewayProxyStructuredResultV2): APIGatewayProxyStructuredResultV2 {
  const { error } = JSON.parse(String(r.body)) as { error: { message: string; issues: Array<{ path: string; message: string }> } };
  const description = [error.message, ...error.issues.map((i) => `${i.path}: ${i.message}`)].join('；');
  return { ...r, body: JSON.stringify([{ code: r.statusCode, description }]) };
}

async function run(route: Route, event: APIGatewayProxyEventV2, params: Record<string, string>, d: Deps, parts: FunctionParts, seen: Seen) {
  const claims = await claimsOf(event, d);
  const citizen: CitizenCaller | undefined = claims?.kind === 'citizen' ? { kind: 'citizen', openid: claims.sub, name: claims.name } : undefined;
  const staff = claims?.kind === 'staff' && parts.staff ? await parts.staff(d, claims) : undefined;
  seen.role = staff?.role ?? claims?.kind ?? 'anonymous';
  const body = route.method === 'GET' ? {} : route.access === 'partner' ? formOrJsonBody(event) : jsonBody(event);
  const base = {
    body,
    query: event.queryStringParameters ?? {},
    params,
    header: (name: string) => header(event, name),
    sourceIp: event.requestContext.http.sourceIp,
    origin: `https://${header(event, 'host') ?? event.requestContext.domainName}`,
  };
  switch (route.access) {
    case 'public':
      return route.handle({ ...base, caller: undefined }, d);
    case 'citizen':
      if (!claims) throw new UnauthorizedError();
      // Staff file on a citizen's behalf through their own routes; citizen routes are for citizens.
      if (!citizen) throw new NotFoundError('未找到');
      return route.handle({ ...base, caller: citizen }, d);
    case 'staff':
      if (!claims) throw new UnauthorizedError();
      if (!staff) throw new NotFoundError('未找到');
      return route.handle({ ...base, caller: staff }, d);
    case 'partner': {
      if (!parts.partner) throw new NotFoundError('未找到');
      // a partner system's key, as the spec sends it (api_key) or in a header; a person's login is not one
      const key = header(event, 'x-api-key') ?? event.queryStringParameters?.api_key ?? apiKeyOf(body);
      const partner = await parts.partner(d, key);
      seen.role = 'partner';
      return route.handle({ ...base, caller: partner }, d);
    }
  }
}

async function serve(match: ReturnType<typeof compile<Route>>, parts: FunctionParts, event: APIGatewayProxyEventV2, seen: Seen): Promise<APIGatewayProxyStructuredResultV2> {
  const method = event.requestContext.http.method;
  let response: APIGatewayProxyStructuredResultV2;
  try {
    const deps = await lambdaDeps(observeAws, parts.adapters);
    await deps.clock.sync?.();
    let found;
    try {
      found = match(method, event.rawPath);
    } catch {
      throw new ValidationError('地址格式不正确', [{ path: '(path)', message: '地址格式不正确' }]);
    }
    if (!('route' in found) || !found.route) throw new NotFoundError('未找到');
    seen.route = `${found.route.method} ${found.route.path}`;
    const reply = await run(found.route, event, boundedParams(found.params), deps, parts, seen);
    response = 'file' in reply ? download(reply.status, reply.file) : json(reply.status, reply.body, reply.headers);
  } catch (err) {
    const { response: r, logged } = errorResponse(err);
    response = event.rawPath.startsWith('/open311/') ? open311Error(r) : r;
    if (logged) logger.error('unhandled error', { route: seen.route, error: logged });
  }
  return { ...response, headers: { ...response.headers, ...ALWAYS } };
}

/** The Lambda handler of function `name` serving `routes`, with one log line and the counts of each request around it (observe.ts). */
export function httpEntry(name: string, routes: Route[], parts: FunctionParts) {
  const match = compile(routes);
  return observed(name, (event, seen) => serve(match, parts, event, seen));
}
