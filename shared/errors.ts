/**
 * Named domain errors. Functions map them to HTTP in one place (functions/http/errors.ts);
 * the mini-program turns the same `{ error: { code, message, issues } }` body back into these.
 */
import type { ErrorCode, FieldIssue } from './errorCodes';

export { ERROR_CODES, ERROR_STATUS, type ErrorBody, type ErrorCode, type FieldIssue } from './errorCodes';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, issues: FieldIssue[] = []) {
    super('validation', message, issues);
  }
}
export class UnauthorizedError extends DomainError {
  constructor(message = '请先登录') {
    super('unauthorized', message);
  }
}
export class ForbiddenError extends DomainError {
  constructor(message = '您没有权限进行此操作') {
    super('forbidden', message);
  }
}
/** Also used for what the caller may not know exists: 404, never 403. */
export class NotFoundError extends DomainError {
  constructor(message = '未找到该记录') {
    super('not_found', message);
  }
}
/** A transition the status does not allow, or a write that lost a race. */
export class ConflictError extends DomainError {
  constructor(message: string) {
    super('conflict', message);
  }
}
/**
 * A write that lost a race or met a fresh id already taken (a tracking code): the same request may succeed when tried
 * again, which the use case does; if it never does, the caller is told to retry.
 */
export class RetryableConflictError extends ConflictError {
  constructor(message = '提交失败，请稍后重试') {
    super(message);
  }
}
export class RejectedContentError extends DomainError {
  constructor(message = '内容含有不当信息，请修改后再提交', issues: FieldIssue[] = []) {
    super('rejected_content', message, issues);
  }
}
export class TooManyRequestsError extends DomainError {
  /** `retryAfterSeconds`: answered as the Retry-After header when known */
  constructor(
    message = '提交过于频繁，请稍后再试',
    readonly retryAfterSeconds?: number,
  ) {
    super('too_many_requests', message);
  }
}


/** Turns zod issues into field issues: `photos.1` rather than `["photos",1]`. */
export function issuesFrom(
  zodIssues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string; keys?: readonly string[] }>,
  prefix = '',
): FieldIssue[] {
  const at = (path: ReadonlyArray<PropertyKey>) => [prefix, ...path.map(String)].filter(Boolean).join('.') || '(body)';
  // An unknown field is named by its own path, so the person sees which field to remove.
  return zodIssues.flatMap((i) =>
    i.keys?.length ? i.keys.map((k) => ({ path: at([...i.path, k]), message: i.message })) : [{ path: at(i.path), message: i.message }],
  );
}
