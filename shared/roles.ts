/**
 * Who may manage whom among staff, defined once: the role order and the rule every user change obeys (the API's
 * use cases and the staff pages' role choices both read it).
 *
 * admin > county_supervisor > centre_staff > handler = agent = village_staff
 */
import { STAFF_ROLES, type StaffRole } from './schemas/common';

export const ROLE_RANK: Readonly<Record<StaffRole, number>> = {
  admin: 4,
  county_supervisor: 3,
  centre_staff: 2,
  handler: 1,
  agent: 1,
  village_staff: 1,
};

/** The roles that read a centre's queue, figures, tasks and receptions: a township's or the county's. */
export const CENTRE_ROLES = ['centre_staff', 'county_supervisor', 'admin'] as const satisfies readonly StaffRole[];
/** Whether the role reads as a centre; handlers, agents and village staff work their own cases and nothing else. */
export const readsCentre = (role: StaffRole): boolean => (CENTRE_ROLES as readonly StaffRole[]).includes(role);

/**
 * May a user of role `actor` hold power over (create, edit, sign out) a user of role `target`: only a role strictly
 * below their own, except that an admin may manage another admin (only an admin edits an admin). Scope and "never
 * oneself" are checked beside it, where the users are known.
 */
export const mayManageRole = (actor: StaffRole, target: StaffRole): boolean =>
  ROLE_RANK[actor] > ROLE_RANK[target] || (actor === 'admin' && target === 'admin');

/** The roles a user may give, highest first. */
export const assignableRoles = (actor: StaffRole): StaffRole[] =>
  STAFF_ROLES.filter((r) => mayManageRole(actor, r)).sort((a, b) => ROLE_RANK[b] - ROLE_RANK[a]);
