/** The one map from errors to HTTP. Anything unnamed is a 500 that is logged by kind and leaks nothing. */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DomainError, ERROR_STATUS, TooManyRequestsError, type ErrorBody } from '../../shared/errors';

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
    body: JSON.stringify(body),
  };
}

/** A file to save (a CSV export): its type, and the name a browser saves it under. */
export function download(statusCode: number, file: { contentType: string; filename: string; content: string; inline?: boolean }): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: { 'content-type': file.contentType, ...(file.inline ? {} : { 'content-disposition': `attachment; filename="${file.filename}"` }), 'cache-control': 'no-store' },
    body: file.content,
  };
}

export function errorResponse(err: unknown): { response: APIGatewayProxyStructuredResultV2; logged?: string } {
  if (err instanceof DomainError) {
    const body: ErrorBody = { error: { code: err.code, message: err.message, issues: err.issues } };
    const wait = err instanceof TooManyRequestsError && err.retryAfterSeconds !== undefined ? { 'retry-after': String(err.retryAfterSeconds) } : undefined;
    return { response: json(ERROR_STATUS[err.code], body, wait) };
  }
  const body: ErrorBody = { error: { code: 'internal', message: '系统繁忙，请稍后再试', issues: [] } };
  // Only the error's kind and first stack frame: messages can echo user input.
  const kind = err instanceof Error ? err.name : typeof err;
  const frame = err instanceof Error ? (err.stack?.split('\n')[1]?.trim() ?? '') : '';
  return { response: json(500, body), logged: `${kind} ${frame}` };
}
