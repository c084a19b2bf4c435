/** Parsing at the edge: every body, query and path parameter through a shared schema, into a 400 with the field. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type * as z from 'zod/mini';
import { ValidationError, issuesFrom } from '../../shared/errors';

export const MAX_BODY_BYTES = 64 * 1024;
/** Path parameters are ids, tracking codes and user names, all far shorter: a longer one is refused at the edge. */
export const PARAM_MAX_CHARS = 128;

export function boundedParams(params: Record<string, string>): Record<string, string> {
  for (const [name, value] of Object.entries(params)) {
    if (value.length > PARAM_MAX_CHARS) throw new ValidationError('地址过长', [{ path: `path.${name}`, message: `地址中的编号不能超过 ${PARAM_MAX_CHARS} 个字符` }]);
  }
  return params;
}

/** `where` prefixes the field path: `body` adds nothing, a header is named by its own name. */
export function parse<T extends z.ZodMiniType>(schema: T, value: unknown, where: 'body' | 'query' | 'path' | `header:${string}`): z.infer<T> {
  const out = schema.safeParse(value);
  if (!out.success) {
    const prefix = where === 'body' ? '' : where.startsWith('header:') ? where.slice('header:'.length) : where;
    const issues = issuesFrom(out.error.issues, prefix);
    throw new ValidationError(issues[0]?.message ?? '请求内容不正确', issues);
  }
  return out.data;
}

/** The JSON body, or a 400 that says what is wrong with it. */
/**
 * Open311's POST is form-encoded (`service_code=…&attribute[township]=…`): its fields as strings, each name once.
 * JSON with the same names is taken too.
 */
export function formOrJsonBody(event: APIGatewayProxyEventV2): unknown {
  if (!/^application\/x-www-form-urlencoded\b/i.test(header(event, 'content-type') ?? '')) return jsonBody(event);
  const raw = event.body ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8')) : Buffer.alloc(0);
  if (raw.length > MAX_BODY_BYTES) throw new ValidationError('请求内容过大', [{ path: '(body)', message: `请求内容不能超过 ${MAX_BODY_BYTES / 1024} KB` }]);
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(raw.toString('utf8'))) {
    if (k in out) throw new ValidationError('参数重复', [{ path: k, message: `${k} 只能出现一次` }]);
    out[k] = v;
  }
  return out;
}

export function jsonBody(event: APIGatewayProxyEventV2): unknown {
  if (!event.body) return {};
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
  if (raw.length > MAX_BODY_BYTES) throw new ValidationError('请求内容过大', [{ path: '(body)', message: `请求内容不能超过 ${MAX_BODY_BYTES / 1024} KB` }]);
  const type = header(event, 'content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new ValidationError('请求须为 JSON', [{ path: '(content-type)', message: 'Content-Type 须为 application/json' }]);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    throw new ValidationError('请求内容不是有效的 UTF-8 文本', [{ path: '(body)', message: '请求内容不是有效的 UTF-8 文本' }]);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError('请求内容不是有效的 JSON', [{ path: '(body)', message: '请求内容不是有效的 JSON' }]);
  }
}

export function header(event: APIGatewayProxyEventV2, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [k, v] of Object.entries(event.headers ?? {})) if (k.toLowerCase() === wanted) return v;
  return undefined;
}
