/**
 * The error taxonomy: every error the API answers, by code, with its HTTP status, and the body it answers with. The
 * named errors (errors.ts) carry these codes, the server maps them with ERROR_STATUS (functions/http/errors.ts), the
 * app knows the codes from here (miniprogram/src/lib/apiError.ts) without the server's classes.
 */
export interface FieldIssue {
  path: string;
  message: string;
}

export const ERROR_STATUS = {
  validation: 400,
  rejected_content: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_many_requests: 429,
  internal: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

export interface ErrorBody {
  error: { code: ErrorCode; message: string; issues: FieldIssue[] };
}
