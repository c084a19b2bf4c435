/** An HTTP function's Lambda entry over its route table: match the route, check who is asking, run the route's adapter, map errors. */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { NotFoundError, UnauthorizedError, ValidationError } from '../../shared/errors';
import { verifyToken } from '../auth/tokens';
import { staffCaller } from '../usecases/auth';
import { partnerCaller } from '../usecases/open311';
import type { Caller, CitizenCaller, Deps } from '../usecases/context';
import { download, errorResponse, json } from './errors';
import { boundedParams, formOrJsonBody, header, jsonBody } from './request';
import { compile } from '../../shared/contract/match';
import type { Route } from './bind';
import { lambdaDeps } from '../deps';
import { logger, observeAws } from '../telemetry';
import { observed, type Seen } from './observe';

/**
 * On every answer. CORS is not here: API Gateway (and serverless offline) answer it from serverless.yml, whose
 * allowed origins are APP_ORIGINS (functions/http/cors.cjs).
 */
const ALWAYS = { 'x-content-type-options': 'nosniff' };

/** A staff token stands for the user's current record: its version must be the user's (auth.staffCaller). */
async function callerOf(event: APIGatewayProxyEventV2, d: Deps): Promise<Caller | undefined> {
  const auth = header(event, 'authorization');
  if (!auth) return undefined;
  const m = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/.exec(auth);
  if (!m?.[1]) throw new UnauthorizedError('登录凭证无效，请重新登录');
  const c = await verifyToken(m[1], d.auth, d.clock.now());
  if (c.kind === 'citizen') return { kind: 'citizen', openid: c.sub, name: c.name } satisfies CitizenCaller;
  return staffCaller(d, c);
}

const apiKeyOf = (body: unknown) =>
  typeof body === 'object' && body !== null && typeof (body as { api_key?: unknown }).api_key === 'string' ? (body as { api_key: string }).api_key : undefined;

/** Open311's error answer: a list of { code, description } (the HTTP status, and the message with each field's). */
function open311Error(r: APIGatewayProxyStructuredResultV2): APIGatewayProxyStructuredResultV2 {
  const { error } = JSON.parse(String(r.body)) as { error: { message: string; issues: Array<{ path: string; message: string }> } };
  const description = [error.message, ...error.issues.map((i) => `${i.path}: ${i.message}`)].join('；');
  return { ...r, body: JSON.stringify([{ code: r.statusCode, description }]) };
}

async function run(route: Route, event: APIGatewayProxyEventV2, params: Record<string, string>, d: Deps, seen: Seen) {
  const caller = await callerOf(event, d);
  seen.role = caller?.kind === 'staff' ? caller.role : (caller?.kind ?? 'anonymous');
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
      if (!caller) throw new UnauthorizedError();
      // Staff file on a citizen's behalf through their own routes; citizen routes are for citizens.
      if (caller.kind !== 'citizen') throw new NotFoundError('未找到');
      return route.handle({ ...base, caller }, d);
    case 'staff':
      if (!caller) throw new UnauthorizedError();
      if (caller.kind !== 'staff') throw new NotFoundError('未找到');
      return route.handle({ ...base, caller }, d);
    case 'partner': {
      // a partner system's key, as the spec sends it (api_key) or in a header; a person's login is not one
      const key = header(event, 'x-api-key') ?? event.queryStringParameters?.api_key ?? apiKeyOf(body);
      const partner = await partnerCaller(d, key);
      seen.role = 'partner';
      return route.handle({ ...base, caller: partner }, d);
    }
  }
}

async function serve(match: ReturnType<typeof compile<Route>>, event: APIGatewayProxyEventV2, seen: Seen): Promise<APIGatewayProxyStructuredResultV2> {
  const method = event.requestContext.http.method;
  let response: APIGatewayProxyStructuredResultV2;
  try {
    const deps = await lambdaDeps(observeAws);
    await deps.clock.sync?.();
    let found;
    try {
      found = match(method, event.rawPath);
    } catch {
      throw new ValidationError('地址格式不正确', [{ path: '(path)', message: '地址格式不正确' }]);
    }
    if (!('route' in found) || !found.route) throw new NotFoundError('未找到');
    seen.route = `${found.route.method} ${found.route.path}`;
    const reply = await run(found.route, event, boundedParams(found.params), deps, seen);
    response = 'file' in reply ? download(reply.status, reply.file) : json(reply.status, reply.body, reply.headers);
  } catch (err) {
    const { response: r, logged } = errorResponse(err);
    response = event.rawPath.startsWith('/open311/') ? open311Error(r) : r;
    if (logged) logger.error('unhandled error', { route: seen.route, error: logged });
  }
  return { ...response, headers: { ...response.headers, ...ALWAYS } };
}

/** The Lambda handler serving `routes`, with one log line and the counts of each request around it (observe.ts). */
export function httpEntry(routes: Route[]) {
  const match = compile(routes);
  return observed((event, seen) => serve(match, event, seen));
}
