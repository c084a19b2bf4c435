/**
 * The API inside the test worker, for the mutation run only (vitest.usecases.config.ts; `npm test` runs the API under
 * serverless offline). Stryker switches a mutant on in the worker process: the API tests' requests must be answered
 * there for the mutant to be the code that answers them. So this file, before each test file of the stack project,
 * gives the functions the environment serverless offline gives them (functions/local/offline.ts, test/support/stack.ts,
 * serverless.yml's defaults), loads the five HTTP handlers after it, and serves `stack().apiUrl` with a node:http
 * server that does what serverless offline does with a request: picks the function that serves its route
 * (functions/http/functions.ts, by the contract's routes as API Gateway routes them: functions/http/events.cjs), makes
 * the API Gateway HTTP API v2 event of it, and writes back the handler's answer.
 *
 * Left out: CORS (answered by API Gateway from serverless.yml, not by a function; no test that runs here checks it),
 * HEAD, and the offline process's own log (the privacy scan of test/support/global-setup.ts).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, vi } from 'vitest';
import { ROUTE_LIST } from '../../shared/contract';
import { functionOf, type HttpFunction } from '../../functions/http/functions';
import { STANDIN_PUSH_TOKEN } from '../../functions/local/wechat-standin';
import { TEST_CACHE_SECONDS } from '../support/cache';
import { stack } from '../support/worker';

type Handler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

const s = stack();
// Before anything reads the environment (config() keeps what it first parses): the variables serverless offline
// gives every function on the local stage (offline.ts's, stack.ts's extras, and serverless.yml's own for the stage).
Object.assign(process.env, {
  STAGE: 'local',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  AWS_REGION: 'cn-northwest-1',
  TABLE_NAME: s.table,
  DYNAMODB_ENDPOINT: s.dynamoEndpoint,
  WECHAT_API_BASE: s.wechatUrl,
  WECHAT_APPID: 'wx-local-appid',
  WECHAT_SECRET: 'local-secret',
  WECHAT_PUSH_TOKEN: STANDIN_PUSH_TOKEN,
  JWT_SECRET: s.jwtSecret,
  JWT_SECRET_PARAMETER: '/shaogang/local/jwt-secret',
  JWT_PREVIOUS_SECRET_PARAMETER: '/shaogang/local/jwt-secret-previous',
  WECHAT_SECRET_PARAMETER: '/shaogang/local/wechat-secret',
  S3_ENDPOINT: s.s3Endpoint,
  PHOTO_BUCKET: s.photoBucket,
  CLOCK_URL: s.clockUrl,
  ORG_CACHE_SECONDS: String(TEST_CACHE_SECONDS),
  STAFF_USER_CACHE_SECONDS: String(TEST_CACHE_SECONDS),
  SWEEPER_SCHEDULE: 'false',
  OPEN311_PER_MINUTE: '20',
  POWERTOOLS_SERVICE_NAME: 'shaogang-local',
  POWERTOOLS_METRICS_NAMESPACE: 'Shaogang',
  POWERTOOLS_LOG_LEVEL: 'INFO',
  POWERTOOLS_LOGGER_SAMPLE_RATE: '0.01',
  POWERTOOLS_TRACE_ENABLED: 'false',
  POWERTOOLS_TRACER_CAPTURE_RESPONSE: 'false',
});

/** API Gateway takes a parameter only as a whole segment (Open311's `{service_code}.json` is `{service_code}`): events.cjs */
const gatewayPath = (path: string) => path.replace(/\{(\w+)\}\.json$/, '{$1}');

/** The routes as API Gateway (and serverless offline's router) match them: at each segment a literal before a parameter. */
const ROUTES = ROUTE_LIST.map(({ name, route }) => {
  const segments = gatewayPath(route.path).split('/');
  const pattern = segments.map((seg) => (/^\{\w+\}$/.test(seg) ? '[^/]+' : seg.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))).join('/');
  return { method: route.method, fn: functionOf(name), segments, regex: new RegExp(`^${pattern}$`) };
}).sort((a, b) => {
  for (let i = 0; i < Math.min(a.segments.length, b.segments.length); i++) {
    const pa = a.segments[i]!.startsWith('{');
    const pb = b.segments[i]!.startsWith('{');
    if (pa !== pb) return pa ? 1 : -1;
  }
  return 0;
});

const functionFor = (method: string, path: string): HttpFunction | undefined => ROUTES.find((r) => r.method === method && r.regex.test(path))?.fn;

/** serverless offline's reading of a body: base64 for these types, UTF-8 text for any other (its detectEncoding) */
const BINARY = ['application/octet-stream', 'multipart/form-data'];

function eventOf(req: IncomingMessage, body: Buffer): APIGatewayProxyEventV2 {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  const binary = BINARY.some((t) => (headers['content-type'] ?? '').includes(t));
  let text: string | undefined;
  if (body.length > 0) {
    text = binary ? body.toString('base64') : body.toString('utf8');
    headers['content-length'] ??= String(body.length);
    headers['content-type'] ??= 'application/json';
  }
  const query: Record<string, string> = {};
  // API Gateway HTTP API joins a repeated name's values with commas
  for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
  const cookies = headers.cookie?.split(/;\s*/).filter(Boolean);
  const method = (req.method ?? 'GET').toUpperCase();
  const now = new Date();
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: url.pathname,
    rawQueryString: url.searchParams.toString(),
    ...(cookies?.length ? { cookies } : {}),
    headers,
    queryStringParameters: Object.keys(query).length ? query : undefined,
    body: text,
    isBase64Encoded: binary && text !== undefined,
    requestContext: {
      accountId: 'offlineContext_accountId',
      apiId: 'offlineContext_apiId',
      domainName: 'offlineContext_domainName',
      domainPrefix: 'offlineContext_domainPrefix',
      http: { method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: req.socket.remoteAddress ?? '127.0.0.1', userAgent: headers['user-agent'] ?? '' },
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
  } as APIGatewayProxyEventV2;
}

function write(res: ServerResponse, result: APIGatewayProxyStructuredResultV2) {
  const headers: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(result.headers ?? {})) headers[k.toLowerCase()] = String(v);
  if (result.cookies?.length) headers['set-cookie'] = result.cookies;
  headers['content-type'] ??= 'application/json';
  res.writeHead(result.statusCode ?? 200, headers);
  res.end(result.body === undefined ? undefined : result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body);
}

let server: Server | undefined;

beforeAll(async () => {
  // After the environment above (the functions' modules read it when first used), and each function with modules of
  // its own, as each is a bundle of its own: a container keeps the deps its first request made (functions/deps.ts).
  const load = async <T>(imported: () => Promise<T>): Promise<T> => {
    vi.resetModules();
    return imported();
  };
  const handlers: Record<HttpFunction, Handler> = {
    citizen: (await load(() => import('../../functions/http/citizen'))).handler,
    staff: (await load(() => import('../../functions/http/staff'))).handler,
    admin: (await load(() => import('../../functions/http/admin'))).handler,
    open311: (await load(() => import('../../functions/http/open311'))).handler,
    docs: (await load(() => import('../../functions/http/docs'))).handler,
  };
  vi.resetModules();
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const event = eventOf(req, Buffer.concat(chunks));
      const fn = functionFor(event.requestContext.http.method, event.rawPath);
      // a route no function serves: serverless offline's own 404
      if (!fn) return write(res, { statusCode: 404, body: JSON.stringify({ error: 'Serverless-offline: route not found.', statusCode: 404 }) });
      handlers[fn](event).then(
        (result) => write(res, result),
        // serverless offline answers a handler that threw with a 502 (the API tests fail on it)
        (err: unknown) => write(res, { statusCode: 502, body: JSON.stringify({ errorType: 'Error', errorMessage: String(err) }) }),
      );
    });
  });
  const port = Number(new URL(s.apiUrl).port);
  await new Promise<void>((resolve, reject) => {
    server!.once('error', reject);
    server!.listen(port, '127.0.0.1', () => resolve());
  });
});

afterAll(async () => {
  if (!server) return;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server!.close(() => resolve()));
});
