/**
 * The contract's own functions: the OpenAPI document made from routes (shared/contract/openapi.ts), a path filled in,
 * a query string, and the matcher that finds a request's route (shared/contract/match.ts).
 */
import * as z from 'zod/mini';
import { beforeEach, describe, expect, it } from 'vitest';
import { compile } from '../../shared/contract/match';
import { openApiDocument } from '../../shared/contract/openapi';
import { fillPath, queryString, route, routesOf } from '../../shared/contract/route';

const Id = z.string().check(z.regex(/^[A-Z0-9]{4}$/));
const Case = z.object({ id: z.string() });
const ROUTES = {
  mine: route({ method: 'GET', path: '/petitions/mine', access: 'citizen', summary: '我的反映', answer: z.array(Case) }),
  one: route({ method: 'GET', path: '/petitions/{id}', access: 'citizen', summary: '一件诉求', params: { id: Id }, answer: Case }),
  submit: route({
    method: 'POST',
    path: '/petitions',
    access: 'citizen',
    summary: '提交诉求',
    headers: { 'Idempotency-Key': z.string() },
    body: z.object({ description: z.string({ error: '请填写问题描述' }), anonymous: z._default(z.boolean(), false) }),
    answer: Case,
    ok: [201, 200],
  }),
  staff: {
    list: route({ method: 'GET', path: '/staff/petitions', access: 'staff', summary: '诉求列表', query: z.object({ status: z.string({ error: '请选择状态' }), page: z.optional(z.string()) }), answer: z.array(Case) }),
    accept: route({ method: 'POST', path: '/staff/petitions/{id}/accept', access: 'staff', summary: '接哨受理', params: { id: Id }, body: z.object({ note: z.optional(z.string()) }), answer: Case }),
    export: route({ method: 'GET', path: '/staff/export', access: 'staff', summary: '导出', answer: { file: 'text/csv' } }),
  },
  posts: route({ method: 'GET', path: '/posts/{postId}', access: 'public', summary: '哨点', params: { postId: z.string() }, query: z.object({ lang: z.optional(z.string()) }), answer: Case }),
  /** what a client sends is described, not what the server makes of it: a page number typed as text */
  page: route({
    method: 'GET',
    path: '/pages/{n}',
    access: 'public',
    summary: '第几页',
    params: { n: z.pipe(z.string(), z.transform(Number)) },
    headers: { 'X-Count': z.pipe(z.string(), z.transform(Number)) },
    answer: Case,
  }),
};
const list = routesOf(ROUTES);

describe('the routes of a group', () => {
  it('are named by their place in it', () => {
    expect(list.map((r) => r.name)).toEqual(['mine', 'one', 'submit', 'staff.list', 'staff.accept', 'staff.export', 'posts', 'page']);
  });
});

describe('the OpenAPI document', () => {
  type Doc = {
    openapi: string;
    info: { title: string; version: string; description: string };
    security: unknown;
    paths: Record<string, Record<string, Record<string, unknown> & { responses: Record<string, { description: string; content: Record<string, { schema: unknown; example?: unknown }> }> }>>;
    components: { schemas: Record<string, unknown>; securitySchemes: unknown };
  };
  // made in each test, not while the file is collected: the mutation run counts what runs inside a test
  let doc: Doc;
  beforeEach(() => {
    doc = openApiDocument(list, { title: '哨岗', version: '1' }) as Doc;
  });
  const op = (path: string, method: string) => doc.paths[path]![method]!;
  const example = (path: string, method: string, status: string) => op(path, method).responses[status]!.content['application/json']!.example;

  it('says what it is, how to log in and every error code with its status', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: '哨岗', version: '1' });
    expect(doc.info.description).toBe(
      '哨岗：乡镇信访与矛盾纠纷化解。每个错误回答 { error: { code, message, issues } }，message 与 issues 为中文；错误码与 HTTP 状态：validation 400，rejected_content 400，unauthorized 401，forbidden 403，not_found 404，conflict 409，too_many_requests 429，internal 500',
    );
    expect(doc.security).toEqual([{ bearer: [] }]);
    expect(doc.components.securitySchemes).toEqual({ bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } });
    expect(Object.keys(doc.components.schemas).sort()).toEqual(['ErrorAnswer', 'mine_answer', 'one_answer', 'staff_list_answer']);
    expect(doc.components.schemas.ErrorAnswer).toMatchObject({ description: '每个错误的回答：错误码、中文说明、逐字段的问题', type: 'object' });
  });

  it('names each operation, its tag, parameters and body', () => {
    expect(op('/petitions/{id}', 'get')).toMatchObject({ operationId: 'one', summary: '一件诉求', tags: ['one'], parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Z0-9]{4}$' } }] });
    expect(op('/petitions', 'post')).toMatchObject({
      operationId: 'submit',
      parameters: [{ name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string' } }],
      requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', properties: { description: { type: 'string' }, anonymous: { type: 'boolean', default: false } }, required: ['description'] } } } },
    });
    expect(op('/staff/petitions', 'get')).toMatchObject({
      tags: ['staff'],
      parameters: [
        { name: 'status', in: 'query', required: true, schema: { type: 'string' } },
        { name: 'page', in: 'query', required: false, schema: { type: 'string' } },
      ],
    });
    expect(op('/petitions/mine', 'get')).not.toHaveProperty('parameters');
    expect(op('/petitions/mine', 'get')).not.toHaveProperty('requestBody');
    expect(op('/petitions/mine', 'get')).not.toHaveProperty('security');
    expect(op('/posts/{postId}', 'get').security).toEqual([]);
    // a query of optional fields only: its JSON Schema lists none as required
    expect(op('/posts/{postId}', 'get').parameters).toEqual([
      { name: 'postId', in: 'path', required: true, schema: { type: 'string' } },
      { name: 'lang', in: 'query', required: false, schema: { type: 'string' } },
    ]);
    // a request is described as the client writes it: a defaulted field may be left out, a number in a path is text
    expect(op('/pages/{n}', 'get').parameters).toEqual([
      { name: 'n', in: 'path', required: true, schema: { type: 'string' } },
      { name: 'X-Count', in: 'header', required: true, schema: { type: 'string' } },
    ]);
  });

  it('answers JSON by a shared component, a file as a string, with the statuses of its success', () => {
    expect(op('/petitions/{id}', 'get').responses['200']).toEqual({ description: '成功', content: { 'application/json': { schema: { $ref: '#/components/schemas/one_answer' } } } });
    // the same answer schema is one component, named by the first route that answers it
    expect(op('/petitions', 'post').responses['201']!.content['application/json']!.schema).toEqual({ $ref: '#/components/schemas/one_answer' });
    expect(Object.keys(op('/petitions', 'post').responses)).toEqual(['200', '201', '400', '401', '404', '409', '429', '500']);
    expect(op('/staff/export', 'get').responses['200']).toEqual({ description: '文件', content: { 'text/csv': { schema: { type: 'string' } } } });
  });

  it('gives each error its words and an example the API would answer', () => {
    const err = op('/staff/petitions/{id}/accept', 'post').responses;
    expect(Object.keys(err)).toEqual(['200', '400', '401', '403', '404', '409', '500']);
    expect(Object.fromEntries(Object.entries(err).map(([s, r]) => [s, r.description]))).toEqual({
      '200': '成功',
      '400': '请求不正确：issues 逐项说明哪个字段、为什么（中文）',
      '401': '未登录或登录已过期',
      '403': '已登录，但无权进行此操作',
      '404': '不存在，或调用者无权知道它存在',
      '409': '当前状态不允许此操作，或与他人的操作冲突',
      '500': '系统繁忙（不含任何细节）',
    });
    expect(err['401']!.content['application/json']!.schema).toEqual({ $ref: '#/components/schemas/ErrorAnswer' });
    expect(example('/staff/petitions/{id}/accept', 'post', '401')).toEqual({ error: { code: 'unauthorized', message: '请先登录', issues: [] } });
    expect(example('/staff/petitions/{id}/accept', 'post', '403')).toEqual({ error: { code: 'forbidden', message: '您没有权限进行此操作', issues: [] } });
    expect(example('/staff/petitions/{id}/accept', 'post', '404')).toEqual({ error: { code: 'not_found', message: '未找到该记录', issues: [] } });
    expect(example('/staff/petitions/{id}/accept', 'post', '409')).toEqual({ error: { code: 'conflict', message: '该诉求当前为「已办结」，不能进行「接哨受理」', issues: [] } });
    expect(example('/petitions', 'post', '429')).toEqual({ error: { code: 'too_many_requests', message: '提交过于频繁，请稍后再试', issues: [] } });
    expect(op('/petitions', 'post').responses['429']!.description).toBe('提交过于频繁');
    expect(example('/petitions', 'post', '500')).toEqual({ error: { code: 'internal', message: '系统繁忙，请稍后再试', issues: [] } });
  });

  it("gives a 400 the message of an empty request: the body's, else the query's, else the path's", () => {
    expect(example('/petitions', 'post', '400')).toEqual({ error: { code: 'validation', message: '请填写问题描述', issues: [{ path: 'description', message: '请填写问题描述' }] } });
    expect(example('/staff/petitions', 'get', '400')).toEqual({ error: { code: 'validation', message: '请选择状态', issues: [{ path: 'query.status', message: '请选择状态' }] } });
    // a body that takes an empty request: the path's number is what can be wrong
    const pathOnly = { error: { code: 'validation', message: '地址中的编号不正确', issues: [{ path: 'path', message: '编号格式不正确' }] } };
    expect(example('/staff/petitions/{id}/accept', 'post', '400')).toEqual(pathOnly);
    expect(example('/petitions/{id}', 'get', '400')).toEqual(pathOnly);
    expect(op('/posts/{postId}', 'get').responses).not.toHaveProperty('401');
    expect(op('/petitions/{id}', 'get').responses).not.toHaveProperty('403');
    expect(op('/petitions/{id}', 'get').responses).not.toHaveProperty('409');
  });
});

describe('a request’s path and query', () => {
  it('fills each parameter, encoded, and leaves an unknown one empty', () => {
    expect(fillPath('/petitions/{id}/steps/{step}', { id: 'A B', step: 'accept' })).toBe('/petitions/A%20B/steps/accept');
    expect(fillPath('/petitions/{id}', {})).toBe('/petitions/');
  });

  it('writes the values that are set, encoded, and nothing when none is', () => {
    expect(queryString({ status: '已受理', page: 2, empty: '', none: undefined, nil: null })).toBe('?status=%E5%B7%B2%E5%8F%97%E7%90%86&page=2');
    expect(queryString({ a: 0, b: false })).toBe('?a=0&b=false');
    expect(queryString({})).toBe('');
    expect(queryString(undefined)).toBe('');
  });
});

describe('finding the route of a request', () => {
  it('takes a literal path before a parameter, decodes parameters, and knows a path it has under another method', () => {
    // compiled inside the test, not while the file is collected: the mutation run counts what runs inside a test
    const match = compile(list.map((r) => r.route));
    expect(match('GET', '/petitions/mine')).toMatchObject({ route: { summary: '我的反映' }, params: {} });
    expect(match('GET', '/petitions/AB%2012')).toMatchObject({ route: { summary: '一件诉求' }, params: { id: 'AB 12' } });
    expect(match('POST', '/staff/petitions/A1B2/accept')).toMatchObject({ route: { summary: '接哨受理' }, params: { id: 'A1B2' } });
    expect(match('PUT', '/petitions/mine')).toEqual({ pathMatched: true });
    expect(match('GET', '/petitions/mine/extra')).toEqual({ pathMatched: false });
    expect(match('GET', '/x/petitions/mine')).toEqual({ pathMatched: false });
    // whatever order the routes are declared in
    expect(compile([ROUTES.one, ROUTES.mine])('GET', '/petitions/mine')).toMatchObject({ route: { summary: '我的反映' } });
  });
});
