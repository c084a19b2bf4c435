/**
 * What the queue and the case file read from the API, parsed (never cast), and the small pure helpers both pages use:
 * the time left to a deadline in words.
 */
import type { Channel, Status } from '../../../../shared/schemas/common';

/** What the queue and the case file read: the contract's answers (shared/schemas/staff.ts). */
export type { CaseFile, QueueRow, StaffOrg } from '../../../../shared/schemas/staff';

export interface QueueView {
  status?: Status;
  due?: 'overdue' | 'near';
  /** 督办: the cases escalated to the caller's centre, newest first (not with `due` or the urgent order) */
  supervised?: 'true';
  /** 联合会诊: the cases the handler's department is called into, newest consultation first (a handler's list) */
  consulting?: 'true';
  /** 专班: the backlog cases the caller is on, as a member or the lead official, newest first */
  team?: 'true';
  categoryId?: string;
  townshipId?: string;
  channel?: Channel;
  from?: string;
  to?: string;
  code?: string;
  sort: 'newest' | 'urgent';
}

/** 剩 5 小时 / 逾期 2 天 3 小时: the time to a deadline, in whole hours, days past 48 hours. */
export function timeLeft(dueAt: string, now = Date.now()): string {
  const ms = Date.parse(dueAt) - now;
  const hours = Math.floor(Math.abs(ms) / 3_600_000);
  const words = hours >= 48 ? `${Math.floor(hours / 24)} 天${hours % 24 ? ` ${hours % 24} 小时` : ''}` : hours >= 1 ? `${hours} 小时` : '不到 1 小时';
  return ms >= 0 ? `剩 ${words}` : `逾期 ${words}`;
}

/** A person's view of a date: China calendar day of an ISO time (the receptions' helper, one for the staff pages). */
export { chinaDayOf as chinaDay } from './receptions';
