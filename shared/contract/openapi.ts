/**
 * The OpenAPI 3.1 document of the API, made from the contract: each route's parameters, body and answer as JSON
 * Schema (zod's own conversion), and its error answers with examples whose Chinese messages are the ones the API
 * gives (a 400's example is what parsing an empty request gives). Served at GET /openapi.json.
 */
import * as z from 'zod/mini';
import { ERROR_STATUS, ForbiddenError, NotFoundError, UnauthorizedError, issuesFrom, type ErrorCode } from '../errors';
import { ErrorAnswer } from '../schemas/views';
import type { RouteSpec } from './route';

type Json = Record<string, unknown>;
const ERROR_TEXT: Record<ErrorCode, string> = {
  validation: '请求不正确：issues 逐项说明哪个字段、为什么（中文）',
  rejected_content: '内容含有不当信息',
  unauthorized: '未登录或登录已过期',
  forbidden: '已登录，但无权进行此操作',
  not_found: '不存在，或调用者无权知道它存在',
  conflict: '当前状态不允许此操作，或与他人的操作冲突',
  too_many_requests: '提交过于频繁',
  internal: '系统繁忙（不含任何细节）',
};

function jsonSchema(schema: z.ZodMiniType, io: 'input' | 'output'): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  return rest;
}

const errorBody = (code: ErrorCode, message: string, issues: Array<{ path: string; message: string }> = []) => ({ error: { code, message, issues } });

/** What the API answers a request with nothing in it: the real Chinese messages of the route's schemas. */
function emptyRequestError(route: RouteSpec) {
  for (const [schema, where] of [
    [route.body, ''],
    [route.query, 'query'],
  ] as const) {
    if (!schema) continue;
    const r = schema.safeParse({});
    if (!r.success) {
      const issues = issuesFrom(r.error.issues, where);
      return errorBody('validation', issues[0]?.message ?? '请求内容不正确', issues);
    }
  }
  return errorBody('validation', '地址中的编号不正确', [{ path: 'path', message: '编号格式不正确' }]);
}

export function openApiDocument(routes: ReadonlyArray<{ name: string; route: RouteSpec }>, info: { title: string; version: string }): Json {
  const components: Record<string, Json> = { ErrorAnswer: { ...jsonSchema(ErrorAnswer, 'output'), description: '每个错误的回答：错误码、中文说明、逐字段的问题' } };
  const named = new Map<z.ZodMiniType, string>();
  /** An answer used by several routes (the case file of every step) is one component. */
  const ref = (schema: z.ZodMiniType, name: string) => {
    let key = named.get(schema);
    if (!key) {
      key = name;
      named.set(schema, key);
      components[key] = jsonSchema(schema, 'output');
    }
    return { $ref: `#/components/schemas/${key}` };
  };
  const error = (code: ErrorCode, example: unknown) => ({
    description: ERROR_TEXT[code],
    content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorAnswer' }, example } },
  });

  const paths: Record<string, Record<string, Json>> = {};
  for (const { name, route } of routes) {
    const parameters: Json[] = [
      ...Object.entries(route.params ?? {}).map(([n, s]) => ({ name: n, in: 'path', required: true, schema: jsonSchema(s, 'input') })),
      ...Object.entries(route.headers ?? {}).map(([n, s]) => ({ name: n, in: 'header', required: true, schema: jsonSchema(s, 'input') })),
    ];
    if (route.query) {
      const q = jsonSchema(route.query, 'input') as { properties?: Record<string, Json>; required?: string[] };
      for (const [n, s] of Object.entries(q.properties ?? {})) parameters.push({ name: n, in: 'query', required: q.required?.includes(n) ?? false, schema: s });
    }
    const ok = route.ok ?? [200];
    const answer =
      'file' in route.answer
        ? { description: '文件', content: { [route.answer.file]: { schema: { type: 'string' } } } }
        : { description: '成功', content: { 'application/json': { schema: ref(route.answer as z.ZodMiniType, `${name.replace(/\./g, '_')}_answer`) } } };
    const responses: Record<string, Json> = Object.fromEntries(ok.map((s) => [String(s), answer]));
    responses['400'] = error('validation', emptyRequestError(route));
    if (route.access !== 'public') responses['401'] = error('unauthorized', errorBody('unauthorized', new UnauthorizedError().message));
    if (route.access === 'staff') responses['403'] = error('forbidden', errorBody('forbidden', new ForbiddenError().message));
    responses['404'] = error('not_found', errorBody('not_found', new NotFoundError().message));
    if (route.method !== 'GET') responses['409'] = error('conflict', errorBody('conflict', '该诉求当前为「已办结」，不能进行「接哨受理」'));
    if (ok.includes(201)) responses['429'] = error('too_many_requests', errorBody('too_many_requests', '提交过于频繁，请稍后再试'));
    responses['500'] = error('internal', errorBody('internal', '系统繁忙，请稍后再试'));
    (paths[route.path] ??= {})[route.method.toLowerCase()] = {
      operationId: name,
      summary: route.summary,
      tags: [name.split('.')[0]],
      ...(route.access === 'public' ? { security: [] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      ...info,
      description: '哨岗：乡镇信访与矛盾纠纷化解。每个错误回答 { error: { code, message, issues } }，message 与 issues 为中文；错误码与 HTTP 状态：' +
        Object.entries(ERROR_STATUS).map(([c, s]) => `${c} ${s}`).join('，'),
    },
    security: [{ bearer: [] }],
    paths,
    components: { schemas: components, securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
  };
}
