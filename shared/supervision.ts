/**
 * Supervision (督哨) as pure functions: when a petition's next alert falls due, and what the alert records.
 * Near due (临期提示) in the last share of the step's own limit (nearDueAt), reminding the centre and handler; at the deadline (到期催办) an urge on
 * the public timeline; past it by the grace period (逾期问效问责) an escalation that brings in the next level as
 * supervisor (the owner keeps the case: 首接首办), the overdue mark the figures count, and a record of whose step ran
 * over. Each alert is raised once per deadline.
 */
import { formatTime } from './format';
import type { Status } from './schemas/common';
import type { Actor, Petition } from './schemas/petition';
import { isOpen, nextSupervisor, type Decision, type SupervisingCentres } from './workflow';

export interface SupervisionPolicy {
  /** 临期: the last share of a step's own limit (NEAR_DUE_SHARE, 0.25: its last quarter) … */
  nearDueShare: number;
  /** … and never less than this many hours before the deadline (NEAR_DUE_MIN_HOURS, 1) */
  nearDueMinHours: number;
  overdueGraceHours: number;
}
export const DEFAULT_SUPERVISION: SupervisionPolicy = { nearDueShare: 0.25, nearDueMinHours: 1, overdueGraceHours: 24 };
export type NearDuePolicy = Pick<SupervisionPolicy, 'nearDueShare' | 'nearDueMinHours'>;

/**
 * `consult_remind`: the co-departments of a consultation that have not reported in by its deadline, reminded once.
 * `rate_remind`, `rate_close`: a resolved case the citizen has not rated is reminded once in the last share of its
 * rating limit (the category's `rate`, 7 days by default), and closed as not rated when the limit passes.
 */
export type Alert = 'remind' | 'urge' | 'overdue' | 'consult_remind' | 'rate_remind' | 'rate_close';

const HOUR = 3_600_000;
export const SYSTEM_ACTOR: Actor = { role: 'system', id: 'sweeper', name: '督办系统' };

type Watched = Pick<Petition, 'status' | 'dueAt' | 'dueFrom' | 'createdAt' | 'remindedFor' | 'urgedFor' | 'overdueFor' | 'consultation'>;

/**
 * When the current step becomes near due (临期): its last share of its own limit (from when its deadline was set,
 * `dueFrom`, to the deadline), at least the minimum hours before the deadline. A 24-hour step is near due in its last
 * 6 hours, a 15-working-day one in its last few days. The sweeper's reminder, the 临期 tab and the `near` flag all
 * read this one instant.
 */
export function nearDueAt(p: Pick<Petition, 'dueAt' | 'dueFrom' | 'createdAt'>, policy: NearDuePolicy): string | undefined {
  if (!p.dueAt) return undefined;
  const due = Date.parse(p.dueAt);
  const limit = Math.max(0, due - Date.parse(p.dueFrom ?? p.createdAt));
  return new Date(due - Math.max(policy.nearDueMinHours * HOUR, policy.nearDueShare * limit)).toISOString();
}

/** Near due at `now`: open, its deadline not passed, and inside the step's near-due window. */
export function isNearDue(p: Pick<Petition, 'status' | 'dueAt' | 'dueFrom' | 'createdAt'>, now: Date, policy: NearDuePolicy): boolean {
  const from = nearDueAt(p, policy);
  const at = now.toISOString();
  return isOpen(p.status) && from !== undefined && p.dueAt !== undefined && p.dueAt >= at && from <= at;
}

/**
 * The next alert and when it falls due, or nothing when no deadline is being watched: the step's own, or the
 * consultation's report-in deadline while a co-department has neither reported nor been reminded, whichever comes
 * first. The petition sits in the sweeper's index under this one instant, whichever it is.
 */
export function nextAlert(p: Watched, policy: SupervisionPolicy): { alert: Alert; at: string } | undefined {
  const own = stepAlert(p, policy);
  const c = p.consultation;
  const consult = c && isOpen(p.status) && c.participants.some((x) => !x.reportedAt && !x.remindedAt) ? { alert: 'consult_remind' as const, at: c.dueAt } : undefined;
  if (!own || !consult) return own ?? consult;
  return consult.at < own.at ? consult : own;
}

function stepAlert(p: Watched, policy: SupervisionPolicy): { alert: Alert; at: string } | undefined {
  if (p.dueAt && p.status === 'resolved') return ratingAlert(p, policy);
  if (!p.dueAt || !isOpen(p.status)) return undefined;
  const due = Date.parse(p.dueAt);
  if (p.remindedFor !== p.dueAt && p.urgedFor !== p.dueAt && p.overdueFor !== p.dueAt) {
    return { alert: 'remind', at: nearDueAt(p, policy)! };
  }
  if (p.urgedFor !== p.dueAt && p.overdueFor !== p.dueAt) return { alert: 'urge', at: p.dueAt };
  if (p.overdueFor !== p.dueAt) return { alert: 'overdue', at: new Date(due + policy.overdueGraceHours * HOUR).toISOString() };
  return undefined;
}

/**
 * 评哨 waits on the citizen: the rating's deadline (dueAt while resolved) is watched like a step's, once reminded in
 * its near-due share (the same NEAR_DUE_SHARE), then closed at the deadline. `remindedFor` holds the deadline reminded,
 * so a case resolved again after a review is reminded again for its new deadline.
 */
function ratingAlert(p: Watched, policy: SupervisionPolicy): { alert: Alert; at: string } {
  if (p.remindedFor !== p.dueAt) return { alert: 'rate_remind', at: nearDueAt(p, policy)! };
  return { alert: 'rate_close', at: p.dueAt! };
}

const STEP_OWNER: Partial<Record<Status, string>> = {
  submitted: '受理',
  accepted: '分派',
  dispatched: '办理',
  in_progress: '办理',
  reopened: '复查',
};

/**
 * What the sweep does to one petition at `now`: the alerts that have fallen due, oldest first, folded into one
 * decision (a petition found a week late is reminded, urged and escalated in one write), or nothing.
 */
export function supervise(
  p: Petition,
  now: Date,
  policy: SupervisionPolicy,
  centres: SupervisingCentres,
): Decision[] {
  const out: Decision[] = [];
  let cur: Petition = p;
  for (;;) {
    const next = nextAlert(cur, policy);
    if (!next || next.at > now.toISOString()) return out;
    // a sweep that comes after the rating's deadline closes the case: a reminder to rate would come too late
    const alert = next.alert === 'rate_remind' && cur.dueAt! <= now.toISOString() ? 'rate_close' : next.alert;
    const d = alertDecision(cur, alert, now, centres);
    out.push(d);
    cur = { ...cur, ...d.patch };
  }
}

function alertDecision(p: Petition, alert: Alert, now: Date, centres: SupervisingCentres): Decision {
  const at = now.toISOString();
  const base = { at, actor: SYSTEM_ACTOR, from: p.status, to: p.status };
  const step = STEP_OWNER[p.status] ?? '办理';
  switch (alert) {
    case 'consult_remind': {
      // 部门报到 ran past its deadline: each late co-department is reminded once, on the staff record
      const c = p.consultation!;
      const late = c.participants.filter((x) => !x.reportedAt && !x.remindedAt);
      const participants = c.participants.map((x) => (late.includes(x) ? { ...x, remindedAt: at } : x));
      return {
        patch: { consultation: { ...c, participants }, updatedAt: at },
        event: {
          ...base,
          action: 'consult_remind',
          note: `联合会诊报到已于 ${formatTime(c.dueAt)} 到期，请尽快报到：${late.map((x) => x.name).join('、')}`,
          visibility: 'internal',
          data: { dueAt: c.dueAt, departmentIds: late.map((x) => x.departmentId) },
        },
      };
    }
    case 'rate_remind':
      return {
        patch: { remindedFor: p.dueAt, updatedAt: at },
        event: { ...base, action: 'rate_remind', note: `请在 ${formatTime(p.dueAt)} 前对办理结果作出评价，逾期视为未评价`, visibility: 'public', data: { dueAt: p.dueAt } },
      };
    case 'rate_close':
      // 评哨 not given within the limit: the case is closed as not rated (参评率 counts it among the resolved only)
      return {
        patch: { status: 'closed', dueAt: undefined, dueFrom: undefined, updatedAt: at },
        event: { ...base, to: 'closed', action: 'rate_close', note: '评价期限已过，群众未评价，本案按未评价归档', visibility: 'public', data: { dueAt: p.dueAt, rated: false } },
      };
    case 'remind':
      return {
        patch: { remindedFor: p.dueAt, updatedAt: at },
        event: { ...base, action: 'remind', note: `「${step}」将于 ${formatTime(p.dueAt)} 到期，请抓紧办理`, visibility: 'internal', data: { dueAt: p.dueAt } },
      };
    case 'urge':
      return {
        patch: { urgedFor: p.dueAt, updatedAt: at },
        event: { ...base, action: 'urge', note: `「${step}」已到期，督办催办`, visibility: 'public', data: { dueAt: p.dueAt } },
      };
    case 'overdue': {
      // The owner keeps the case; the next level supervises it (none above the county: the mark alone).
      const sup = nextSupervisor(p, centres, at);
      const watching = p.supervisedBy?.level ?? p.level;
      return {
        patch: { overdueFor: p.dueAt, overdue: true, ...(sup ? { supervisedBy: sup } : {}), updatedAt: at },
        event: {
          ...base,
          action: 'overdue',
          note: sup ? `「${step}」已逾期，已上报上级督办，记入问效问责` : `「${step}」已逾期，记入问效问责`,
          visibility: 'public',
          // 问效问责: whose step ran over, for the record.
          data: {
            dueAt: p.dueAt, step: p.status, centreId: p.centreId, departmentId: p.departmentId, handlerId: p.handlerId,
            fromLevel: watching, toLevel: sup?.level ?? watching, ...(sup ? { supervisorId: sup.centreId } : {}),
          },
        },
      };
    }
  }
}
