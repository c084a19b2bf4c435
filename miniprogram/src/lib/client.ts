/**
 * A typed client made from the contract (shared/contract): one function per route, e.g. `api.staff.petition(id)`,
 * which fills in the path, sends through the one transport (lib/request.ts, or the staff session over it) and parses
 * the answer with the route's schema. Pages never build a URL. Pure but for the transport it is given.
 */
import type * as z from 'zod/mini';
import { fillPath, isRoute, queryString, type Answer, type BodyIn, type QueryIn, type RouteGroup, type RouteSpec } from '../../../shared/contract/route';
import { parseAnswer } from './apiError';
import type { RequestOptions } from './request';

/** Sends one request: `request` for the citizen, `staffRequest` for the staff pages. */
export type Transport = (path: string, opts: RequestOptions) => Promise<unknown>;

type Schema = z.ZodMiniType;
/** What a call takes besides the path parameter: the query, the body and the headers its route declares. */
type Input<R extends RouteSpec> = (R['query'] extends Schema ? { query?: QueryIn<R> } : unknown) &
  (R['body'] extends Schema ? { body: BodyIn<R> } : unknown) &
  (R['headers'] extends Record<string, Schema> ? { headers: { [K in keyof R['headers']]: string } } : unknown);
/** A route with a `{param}` takes its value first (the routes have one at most); then the input, when it has any. */
type Args<R extends RouteSpec> = [
  ...(R['params'] extends Record<string, Schema> ? [param: string] : []),
  ...(R['body'] extends Schema ? [input: Input<R>] : R['headers'] extends Record<string, Schema> ? [input: Input<R>] : [input?: Input<R>]),
];
export type Client<G> = { [K in keyof G]: G[K] extends RouteSpec ? (...args: Args<G[K]>) => Promise<Answer<G[K]>> : Client<G[K]> };

function call(r: RouteSpec, send: Transport) {
  const name = Object.keys(r.params ?? {})[0];
  return async (...args: unknown[]) => {
    const param = name === undefined ? undefined : String(args.shift());
    const input = (args[0] ?? {}) as { query?: Record<string, unknown>; body?: unknown; headers?: Record<string, string> };
    const path = fillPath(r.path, name === undefined ? {} : { [name]: param ?? '' }) + queryString(input.query);
    const answer = await send(path, {
      method: r.method,
      data: r.method === 'GET' ? undefined : (input.body ?? {}),
      headers: input.headers,
      // a public route needs nobody logged in
      auth: r.access !== 'public',
    });
    return 'file' in r.answer ? answer : parseAnswer(r.answer as z.ZodMiniType, answer);
  };
}

/** The client of a group of routes over a transport. */
export function clientOf<G extends object>(group: G, send: Transport): Client<G> {
  return Object.fromEntries(
    Object.entries(group as RouteGroup).map(([k, v]) => [k, isRoute(v) ? call(v, send) : clientOf(v, send)]),
  ) as Client<G>;
}
