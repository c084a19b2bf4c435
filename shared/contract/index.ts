/**
 * The whole contract of the API: every route once (route.ts says what a route declares). The app imports the part
 * its package needs (citizen.ts in the main package, booking.ts and staff.ts in their subpackages), so the main
 * package carries no staff schema.
 */
import * as z from 'zod/mini';
import { BOOKING } from './booking';
import { CITIZEN } from './citizen';
import { OPEN311 } from './open311';
import { route, routesOf, type RouteGroup } from './route';
import { STAFF } from './staff';
import { WECHAT } from './wechat';

/** What describes the API itself. */
const META = {
  openapi: route({ method: 'GET', path: '/openapi.json', access: 'public', summary: '本文档：由路由契约生成的 OpenAPI 3.1', answer: z.record(z.string(), z.unknown()) }),
};

export const CONTRACT = { citizen: CITIZEN, booking: BOOKING, staff: STAFF, meta: META, open311: OPEN311, wechat: WECHAT };
export type Contract = typeof CONTRACT;

/** Every route with its name, e.g. `staff.step.accept`. */
export const ROUTE_LIST = routesOf(CONTRACT as unknown as RouteGroup);
