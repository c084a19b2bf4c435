/**
 * Binding a handler to a route of the contract (shared/contract): the contract says the method, path, access and
 * schemas; `bind` parses the path, query, body and headers with them, so a handler gets typed values and answers what
 * the contract's answer schema types. Each function's table (routes/*.ts) binds its part of the contract.
 */
import { routesOf, type Access, type AnswerIn, type Body, type Method, type Params, type Query, type RouteGroup, type RouteSpec } from '../../shared/contract/route';
import type { CitizenCaller, Deps, PartnerCaller, StaffCaller } from '../usecases/context';
import { parse } from './request';

export type { Access };
type CallerOf<A extends Access> = A extends 'citizen' ? CitizenCaller : A extends 'staff' ? StaffCaller : A extends 'partner' ? PartnerCaller : undefined;

/** A request as the Lambda entry hands it over: nothing parsed yet but the caller. */
export interface Request<C> {
  caller: C;
  body: unknown;
  query: Record<string, string | undefined>;
  params: Record<string, string | undefined>;
  header(name: string): string | undefined;
  /** the address the request came from, as API Gateway saw it */
  sourceIp: string;
  /** `https://host` the request was sent to: where the API says it is (Open311 discovery) */
  origin: string;
}
/** Most routes answer JSON; a route that answers a file (a CSV export) says its type and name. */
export type Reply =
  | { status: number; body: unknown; headers?: Record<string, string> }
  | { status: number; file: { contentType: string; filename: string; content: string; inline?: boolean } };

export interface Route {
  name: string;
  method: Method;
  path: string;
  access: Access;
  spec: RouteSpec;
  handle: (req: Request<any>, deps: Deps) => Promise<Reply>;
}

/** What a handler is given: the caller and the request's parts, each parsed with its schema of the contract. */
interface Parsed<R extends RouteSpec> {
  caller: CallerOf<R['access']>;
  params: Params<R>;
  query: Query<R>;
  body: Body<R>;
  headers: { [K in keyof R['headers']]: string };
  sourceIp: string;
  origin: string;
}
/** A success other than 200 (a submit's 201): the status with the answer. */
export class WithStatus<T> {
  constructor(
    readonly status: number,
    readonly body: T,
    readonly headers: Record<string, string> = {},
  ) {}
}
export const withStatus = <T>(status: number, body: T, headers?: Record<string, string>) => new WithStatus(status, body, headers);
/** A submit's answer: 201 when it made the petition, 200 when a retry with the same key found it. */
export const submitted = <T>(out: { created: boolean; response: T }) => withStatus(out.created ? 201 : 200, out.response);
export type Handler<R extends RouteSpec> = (req: Parsed<R>, deps: Deps) => Promise<AnswerIn<R> | WithStatus<AnswerIn<R>>>;
/** A handler for every route of the contract, in its shape: a route without one does not type-check. */
export type Handlers<G> = { [K in keyof G]: G[K] extends RouteSpec ? Handler<G[K]> : Handlers<G[K]> };

function bind(name: string, spec: RouteSpec, handler: Handler<RouteSpec>): Route {
  return {
    name,
    method: spec.method,
    path: spec.path,
    access: spec.access,
    spec,
    handle: async (req, deps) => {
      const params = Object.fromEntries(Object.entries(spec.params ?? {}).map(([k, schema]) => [k, parse(schema, req.params[k], 'path')]));
      const headers = Object.fromEntries(Object.entries(spec.headers ?? {}).map(([k, schema]) => [k, parse(schema, req.header(k), `header:${k}`)]));
      const query = spec.query ? parse(spec.query, req.query, 'query') : {};
      const body = spec.body ? parse(spec.body, req.body, 'body') : {};
      const out = await handler({ caller: req.caller, params, query, body, headers, sourceIp: req.sourceIp, origin: req.origin } as Parsed<RouteSpec>, deps);
      const status = out instanceof WithStatus ? out.status : 200;
      const answer = out instanceof WithStatus ? out.body : out;
      if ('file' in spec.answer) {
        const file = answer as { filename: string; content: string };
        return { status, file: { contentType: spec.answer.file, filename: file.filename, content: file.content, inline: spec.answer.inline } };
      }
      return { status, body: answer, headers: out instanceof WithStatus ? out.headers : {} };
    },
  };
}

/** Every route of `group` (a part of the contract) with its handler from `handlers`, which has the group's shape. */
export function bindAll(group: RouteGroup, handlers: unknown): Route[] {
  return routesOf(group).map(({ name, route }) => {
    const handler = name.split('.').reduce<unknown>((g, k) => (g as Record<string, unknown>)[k], handlers);
    return bind(name, route, handler as Handler<RouteSpec>);
  });
}
