/**
 * The whole contract of the API: every route once (route.ts says what a route declares). The app imports the part
 * its package needs (citizen.ts in the main package, booking.ts and staff.ts in their subpackages), so the main
 * package carries no staff schema.
 */
import { BOOKING } from './booking';
import { CITIZEN } from './citizen';
import { routesOf, type RouteGroup } from './route';
import { STAFF } from './staff';

export const CONTRACT = { citizen: CITIZEN, booking: BOOKING, staff: STAFF };
export type Contract = typeof CONTRACT;

/** Every route with its name, e.g. `staff.step.accept`. */
export const ROUTE_LIST = routesOf(CONTRACT as unknown as RouteGroup);
