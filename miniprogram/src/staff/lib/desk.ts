/**
 * What the staff desk (工作台) and the queue's tabs show a role, from the one table of status groups
 * (shared/schemas/common.ts STATUS_GROUPS). Pure: no Taro.
 */
import { STATUSES, STATUS_GROUPS, type StaffRole, type Status } from '../../../../shared/schemas/common';

/** The statuses a role's queue can hold: a handler sees only what a department holds (dispatched onwards). */
export function queueStatuses(role: StaffRole): readonly Status[] {
  return role === 'handler' ? STATUSES.filter((s) => STATUS_GROUPS[s].atDepartment) : STATUSES;
}

/**
 * The open statuses that wait on this role: a centre accepts and dispatches what has not reached a department yet,
 * a handler works on what its department holds.
 */
export function waitingStatuses(role: StaffRole): readonly Status[] {
  return queueStatuses(role).filter((s) => STATUS_GROUPS[s].group === 'open' && STATUS_GROUPS[s].atDepartment === (role === 'handler'));
}

/** What a status waits for, as the desk says it. */
export const WAITING_LABELS: Record<string, string> = { accept: '待受理', dispatch: '待分派', handle: '待办理' };

/** How many the desk read: a page at most, so a full page with more behind it is "50+". */
export const DESK_PAGE = 50;
export const countText = (n: number, more: boolean) => `${n}${more ? '+' : ''}`;
