/** The named errors (shared/errors.ts): each one's code, status and default words, and zod issues as field issues. */
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import {
  ConflictError,
  DomainError,
  ERROR_STATUS,
  ForbiddenError,
  issuesFrom,
  NotFoundError,
  RejectedContentError,
  RetryableConflictError,
  TooManyRequestsError,
  UnauthorizedError,
  ValidationError,
} from '../../shared/errors';

const said = (e: DomainError) => [e.name, e.code, ERROR_STATUS[e.code], e.message, e.issues];

describe('the named errors', () => {
  it('each carry their code and say what went wrong in Chinese when the thrower says nothing', () => {
    expect(said(new UnauthorizedError())).toEqual(['UnauthorizedError', 'unauthorized', 401, '请先登录', []]);
    expect(said(new ForbiddenError())).toEqual(['ForbiddenError', 'forbidden', 403, '您没有权限进行此操作', []]);
    expect(said(new NotFoundError())).toEqual(['NotFoundError', 'not_found', 404, '未找到该记录', []]);
    expect(said(new ConflictError('已受理'))).toEqual(['ConflictError', 'conflict', 409, '已受理', []]);
    expect(said(new RetryableConflictError())).toEqual(['RetryableConflictError', 'conflict', 409, '提交失败，请稍后重试', []]);
    expect(said(new RejectedContentError())).toEqual(['RejectedContentError', 'rejected_content', 400, '内容含有不当信息，请修改后再提交', []]);
    expect(said(new TooManyRequestsError())).toEqual(['TooManyRequestsError', 'too_many_requests', 429, '提交过于频繁，请稍后再试', []]);
    expect(new TooManyRequestsError('今天已提交 5 次', 60).retryAfterSeconds).toBe(60);
    expect(new RetryableConflictError()).toBeInstanceOf(ConflictError);
  });

  it('carry the field issues they are given', () => {
    const issues = [{ path: 'description', message: '请填写问题描述' }];
    expect(said(new ValidationError('请检查填写的内容', issues))).toEqual(['ValidationError', 'validation', 400, '请检查填写的内容', issues]);
    expect(new RejectedContentError(undefined, issues).issues).toEqual(issues);
    expect(new ValidationError('请检查填写的内容').issues).toEqual([]);
  });
});

describe('field issues from zod', () => {
  const Body = z.strictObject({ photos: z.array(z.string({ error: '照片引用不正确' })), name: z.string({ error: '请填写姓名' }) });

  it('names each field by its dotted path, an unknown field by its own name, and the body itself as (body)', () => {
    const parsed = Body.safeParse({ photos: ['a', 7], name: 'x', extra: 1, more: 2 });
    expect(parsed.success).toBe(false);
    const issues = issuesFrom(parsed.error!.issues);
    expect(issues.find((i) => i.path === 'photos.1')?.message).toBe('照片引用不正确');
    expect(issues.filter((i) => i.path === 'extra' || i.path === 'more')).toHaveLength(2);
    expect(issuesFrom([{ path: [], message: '请求体须为 JSON' }])).toEqual([{ path: '(body)', message: '请求体须为 JSON' }]);
  });

  it('puts a prefix before each path when the part parsed is one field of a larger request', () => {
    expect(issuesFrom([{ path: ['name'], message: '请填写姓名' }], 'query')).toEqual([{ path: 'query.name', message: '请填写姓名' }]);
    expect(issuesFrom([{ path: [], message: '缺少参数' }], 'query')).toEqual([{ path: 'query', message: '缺少参数' }]);
    expect(issuesFrom([{ path: ['a'], keys: [], message: '多余字段' }])).toEqual([{ path: 'a', message: '多余字段' }]);
  });
});
