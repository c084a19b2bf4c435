/**
 * What a route of the API is, declared once: its method, path, who may call it, the schemas of its path parameters,
 * query, body and headers, and the schema of its answer. The server binds a handler to each (functions/http/routes/),
 * serverless.yml's events are checked against them, the app's client is made from them (miniprogram/src/lib/client.ts),
 * the API tests check every answer against its schema, and GET /openapi.json describes them.
 */
import type * as z from 'zod/mini';

/** `partner`: a partner system's API key (Open311), never a person's login */
export type Access = 'public' | 'citizen' | 'staff' | 'partner';
export type Method = 'GET' | 'POST' | 'PUT';

/** A route that answers a file to save (a CSV export) rather than JSON. */
export interface FileAnswer {
  file: string;
  /** the text itself, not a file to save (no Content-Disposition): what WeChat's push reads */
  inline?: boolean;
}

export interface RouteSpec {
  method: Method;
  path: string;
  access: Access;
  /** one line, in Chinese: what the route is for (the OpenAPI summary) */
  summary: string;
  /** each `{name}` of the path, with its schema */
  params?: Record<string, z.ZodMiniType>;
  query?: z.ZodMiniType;
  body?: z.ZodMiniType;
  /** request headers by their name as written (`Idempotency-Key`) */
  headers?: Record<string, z.ZodMiniType>;
  answer: z.ZodMiniType | FileAnswer;
  /** the statuses of a success; 200 unless said (a submit answers 201 when it made something, 200 when repeated) */
  ok?: readonly number[];
}

/** Keeps the literal types of a route: the client and the handlers are typed from them. */
export const route = <const R extends RouteSpec>(r: R): R => r;

/** A group of routes, nested (`staff.step.accept`): the client's shape. */
export interface RouteGroup {
  [name: string]: RouteSpec | RouteGroup;
}

export const isRoute = (x: RouteSpec | RouteGroup): x is RouteSpec => typeof (x as RouteSpec).method === 'string' && typeof (x as RouteSpec).path === 'string';

/** Every route of a group with its name (`staff.step.accept`). */
export function routesOf(group: RouteGroup, prefix = ''): Array<{ name: string; route: RouteSpec }> {
  return Object.entries(group).flatMap(([k, v]) => (isRoute(v) ? [{ name: `${prefix}${k}`, route: v }] : routesOf(v, `${prefix}${k}.`)));
}

export type Params<R extends RouteSpec> = R['params'] extends Record<string, z.ZodMiniType> ? { [K in keyof R['params']]: string } : Record<string, never>;
export type Query<R extends RouteSpec> = R['query'] extends z.ZodMiniType ? z.output<R['query']> : Record<string, never>;
export type QueryIn<R extends RouteSpec> = R['query'] extends z.ZodMiniType ? z.input<R['query']> : never;
export type Body<R extends RouteSpec> = R['body'] extends z.ZodMiniType ? z.output<R['body']> : Record<string, never>;
export type BodyIn<R extends RouteSpec> = R['body'] extends z.ZodMiniType ? z.input<R['body']> : never;
export type Answer<R extends RouteSpec> = R['answer'] extends z.ZodMiniType ? z.output<R['answer']> : string;
export type AnswerIn<R extends RouteSpec> = R['answer'] extends z.ZodMiniType ? z.input<R['answer']> : { filename: string; content: string };

/** `/petitions/{id}` with its parameters filled in, each encoded. */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(params[name] ?? ''));
}

/** `?a=1&b=x` from the values that are set; empty when none is. */
export function queryString(query: Record<string, unknown> | undefined): string {
  const pairs = Object.entries(query ?? {}).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return pairs.length ? `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`).join('&')}` : '';
}

