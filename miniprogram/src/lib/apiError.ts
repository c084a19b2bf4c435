/**
 * The API's error body (`{ error: { code, message, issues } }`, shared/errors.ts) as an error a page can show:
 * a message in Chinese and the message of each form field. Pure: tested without Taro.
 */
import type * as z from 'zod/mini';
import { ERROR_CODES, type ErrorCode, type FieldIssue } from '../../../shared/errorCodes';
import { fill, words } from '../i18n';

/** `network`: no answer at all (the draft waits); `http`: an answer that is not the API's error body. */
export type ApiErrorCode = ErrorCode | 'network' | 'http';

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly status = 0,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The first message for each field, keyed by the field (`description`, `photos` …) without the `body.` prefix. */
  fieldMessages(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const i of this.issues) {
      const parts = i.path.split('.');
      const field = (parts[0] === 'body' || parts[0] === 'query' ? parts[1] : parts[0]) ?? i.path;
      if (!(field in out)) out[field] = i.message;
    }
    return out;
  }
}

function isIssue(v: unknown): v is FieldIssue {
  return typeof v === 'object' && v !== null && 'path' in v && 'message' in v && typeof v.path === 'string' && typeof v.message === 'string';
}

export function errorFromBody(status: number, body: unknown): ApiError {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const e: unknown = body.error;
    if (typeof e === 'object' && e !== null && 'code' in e && 'message' in e && typeof e.message === 'string') {
      const code = ERROR_CODES.find((c) => c === e.code) ?? 'http';
      const issues = 'issues' in e && Array.isArray(e.issues) ? e.issues.filter(isIssue) : [];
      return new ApiError(code, e.message, status, issues);
    }
  }
  return new ApiError('http', status >= 500 ? words.errors.unavailable : fill(words.errors.failed, { status }), status);
}

/** Parses an API answer with its schema (never a cast); a shape the app does not know is an error a page can show. */
export function parseAnswer<T extends z.ZodMiniType>(schema: T, body: unknown): z.infer<T> {
  const r = schema.safeParse(body);
  if (!r.success) throw new ApiError('http', words.errors.unreadable);
  return r.data;
}
