/**
 * Which HTTP function serves each route of the contract, by the route's name: one function per audience, and the staff
 * pages' routes in two, so that each bundle holds only its routes' code (each within its 200 KiB budget). Read by
 * the route tables (routes/) and by serverless.yml's events (events.cjs); the contract test checks they agree.
 */
import type { STAFF } from '../../shared/contract/staff';

/**
 * The staff routes of the case work (the queue, the case file and its steps, 登记, the board, a consultation's meeting):
 * the `staff` function.
 */
export const CASE_WORK = ['queue', 'petition', 'submit', 'upload', 'filed', 'step', 'meetingHosts', 'tasks', 'board', 'experts'] as const satisfies ReadonlyArray<keyof typeof STAFF>;
export type CaseWork = (typeof CASE_WORK)[number];
export const isCaseWork = (key: string): boolean => (CASE_WORK as readonly string[]).includes(key);

export const FUNCTIONS = ['citizen', 'staff', 'admin', 'open311', 'docs'] as const;
export type HttpFunction = (typeof FUNCTIONS)[number];

/**
 * `citizen`: the citizen's app and bookings; `staff`: case work; `admin`: every other staff route (figures, warnings,
 * settings, people, receptions, logins); `open311`: partner systems; `docs`: GET /openapi.json.
 */
export function functionOf(routeName: string): HttpFunction {
  const [group, key] = routeName.split('.');
  if (group === 'meta') return 'docs';
  if (group === 'open311') return 'open311';
  if (group === 'staff') return isCaseWork(key ?? '') ? 'staff' : 'admin';
  return 'citizen';
}
