/** GET /openapi.json: the OpenAPI 3.1 document made from the contract, checked by a validator written elsewhere. */
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { ROUTE_LIST } from '../../shared/contract';
import { call } from '../support/api';

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document with every route of the contract, and no other', async () => {
    const res = await call('GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const result = await new Validator().validate(res.body);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    const operations = Object.entries(res.body.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    expect(operations).toEqual(ROUTE_LIST.map(({ route }) => `${route.method} ${route.path}`).sort());
  });

  it('shows the Chinese messages the API answers, with examples', async () => {
    const { body } = await call('GET', '/openapi.json');
    const submit = body.paths['/petitions'].post;
    expect(submit.summary).toContain('吹哨');
    expect(submit.responses['400'].content['application/json'].example.error.issues).toContainEqual({ path: 'categoryId', message: '请选择诉求类型' });
    expect(submit.responses['401'].content['application/json'].example.error).toMatchObject({ code: 'unauthorized', message: '请先登录' });
    expect(Object.keys(submit.responses)).toEqual(expect.arrayContaining(['200', '201', '429']));
    expect(body.paths['/staff/petitions/{id}/escalate'].post.summary).toBe('上报上级');
  });
});
