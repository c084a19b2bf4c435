/**
 * What the staff desk (工作台) and the queue's tabs show a role, from the one table of status groups
 * (shared/schemas/common.ts STATUS_GROUPS). Pure: no Taro.
 */
import { STATUSES, STATUS_GROUPS, type StaffRole, type Status } from '../../../../shared/schemas/common';

/** The statuses a role's queue can hold: a handler sees only what a department holds (dispatched onwards). */
export function queueStatuses(role: StaffRole): readonly Status[] {
  // a village never holds a case waiting on the centre's dispatch, nor one at a department: taking it there lifts it
  if (role === 'village_staff') return STATUSES.filter((s) => s !== 'accepted' && s !== 'dispatched');
  return role === 'handler' ? STATUSES.filter((s) => STATUS_GROUPS[s].atDepartment) : STATUSES;
}

/**
 * The open statuses that wait on this role: a centre accepts and dispatches what has not reached a department yet,
 * a handler works on what its department holds.
 */
export function waitingStatuses(role: StaffRole): readonly Status[] {
  // 小事不出村: a village accepts and handles itself what it holds (no department between)
  if (role === 'village_staff') return ['submitted', 'in_progress', 'reopened'];
  return queueStatuses(role).filter((s) => STATUS_GROUPS[s].group === 'open' && STATUS_GROUPS[s].atDepartment === (role === 'handler'));
}

/** The deadline tabs of a role's queue: a village's has no 临期 (near due is kept per centre and department). */
export const dueTabs = (role: StaffRole): ReadonlyArray<'overdue' | 'near'> => (role === 'village_staff' ? ['overdue'] : ['overdue', 'near']);

/** What a status waits for, as the desk says it. */
export const WAITING_LABELS: Record<string, string> = { accept: '待受理', dispatch: '待分派', handle: '待办理' };

/** How many the desk read: a page at most, so a full page with more behind it is "50+". */
export const DESK_PAGE = 50;
export const countText = (n: number, more: boolean) => `${n}${more ? '+' : ''}`;
