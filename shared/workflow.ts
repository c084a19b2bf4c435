/**
 * The petition workflow as data plus pure functions: which status and role may take which step, what the step
 * records, and the deadline of the next step. Storage applies what `decide` returns; nothing here writes.
 */
import { ConflictError, ForbiddenError } from './errors';
import { ACTION_LABELS, STATUS_LABELS } from './labels';
import type { CategoryLimits } from './schemas/org';
import { OPEN_STATUSES, type Level, type Rating, type Role, type Status } from './schemas/common';
import type { Action, Actor, Petition, TimelineEvent } from './schemas/petition';
import { MAX_EXTENSION_DAYS, addLimit, extendedDeadline, resolveDeadline } from './timeLimits';

export type Command =
  | { action: 'accept'; note?: string }
  | { action: 'decline'; reason: string; redirect: string }
  | { action: 'dispatch'; departmentId: string; handlerId?: string; note?: string }
  | { action: 'progress'; note: string; visibility: 'public' | 'internal' }
  | { action: 'resolve'; summary: string }
  | { action: 'rate'; rating: Rating; comment?: string }
  | { action: 'transfer'; centreId: string; centrePath: string; reason: string }
  | { action: 'escalate'; reason: string; county: { centreId: string; centrePath: string } }
  | { action: 'reopen'; reason: string }
  | { action: 'close'; note?: string }
  | { action: 'extend'; days: number; reason: string }
  | { action: 'follow_up'; reached: boolean; rating?: Rating; note: string }
  | { action: 'reveal_phone' }
  | { action: 'link_repeat'; repeatOf: string; note?: string }
  | { action: 'unlink_repeat'; note?: string };
export type CommandAction = Command['action'];

const CENTRE: readonly Role[] = ['centre_staff', 'county_supervisor', 'admin'];
const HANDLING: readonly Role[] = [...CENTRE, 'handler'];
const OPEN = OPEN_STATUSES;
const ANY: readonly Status[] = ['submitted', 'accepted', 'declined', 'dispatched', 'in_progress', 'resolved', 'rated', 'closed', 'reopened'];

/** Who may take each step, and from which statuses. */
export const RULES: Record<CommandAction, { from: readonly Status[]; roles: readonly Role[] }> = {
  accept: { from: ['submitted'], roles: CENTRE },
  decline: { from: ['submitted'], roles: CENTRE },
  dispatch: { from: ['accepted', 'reopened'], roles: CENTRE },
  progress: { from: ['dispatched', 'in_progress', 'reopened'], roles: HANDLING },
  resolve: { from: ['dispatched', 'in_progress', 'reopened'], roles: HANDLING },
  rate: { from: ['resolved'], roles: ['citizen'] },
  transfer: { from: ['submitted', 'accepted', 'reopened'], roles: CENTRE },
  escalate: { from: OPEN, roles: CENTRE },
  reopen: { from: ['resolved', 'rated', 'closed', 'declined'], roles: CENTRE },
  close: { from: ['resolved', 'rated'], roles: CENTRE },
  extend: { from: ['accepted', 'dispatched', 'in_progress'], roles: CENTRE },
  follow_up: { from: ['resolved', 'rated', 'closed'], roles: CENTRE },
  // Handlers call the citizen too; every look at the whole number is on the record.
  reveal_phone: { from: ANY, roles: HANDLING },
  // 重复信访: the centre confirms or undoes the mark submit set, or links a repeat it found itself.
  link_repeat: { from: ANY, roles: CENTRE },
  unlink_repeat: { from: ANY, roles: CENTRE },
};

export { OPEN_STATUSES };
export function isOpen(status: Status): boolean {
  return OPEN.includes(status);
}

/** Whether the case has reached a department: from then on its handlers see it. */
export function isDispatched(status: Status): boolean {
  return !['submitted', 'accepted', 'declined'].includes(status);
}

/** The actions a role may take on a petition in its current status: what the staff page offers. */
export function allowedActions(status: Status, role: Role): CommandAction[] {
  return (Object.keys(RULES) as CommandAction[]).filter(
    (a) => RULES[a].from.includes(status) && RULES[a].roles.includes(role),
  );
}

export interface Decision {
  patch: Partial<Petition>;
  event: Omit<TimelineEvent, 'seq'>;
}

export interface DecideContext {
  now: Date;
  limits: CategoryLimits;
}

const NEXT_LEVEL: Record<Level, Level> = { village: 'township', township: 'county', county: 'county' };

/**
 * Decides one step. Throws ForbiddenError when the role may not take it, ConflictError when the status does not
 * allow it (both carry a message a person can read).
 */
export function decide(p: Petition, cmd: Command, actor: Actor & { role: Role }, ctx: DecideContext): Decision {
  const rule = RULES[cmd.action];
  const label = ACTION_LABELS[cmd.action];
  if (!rule.roles.includes(actor.role)) throw new ForbiddenError(`您的角色不能进行「${label}」`);
  if (!rule.from.includes(p.status)) {
    throw new ConflictError(`该诉求当前为「${STATUS_LABELS[p.status]}」，不能进行「${label}」`);
  }
  const now = ctx.now;
  const at = now.toISOString();
  const step = (to: Status, patch: Partial<Petition>, note?: string, extra: Partial<Decision['event']> = {}): Decision => ({
    // a new deadline starts the step's own limit now (near due is its last share: shared/supervision.ts)
    patch: { ...patch, ...('dueAt' in patch && patch.dueAt !== p.dueAt ? { dueFrom: patch.dueAt ? at : undefined } : {}), status: to, updatedAt: at },
    event: { at, actor, action: cmd.action, from: p.status, to, note, visibility: 'public', ...extra },
  });
  const after = (limit: CategoryLimits[keyof CategoryLimits]) => addLimit(now, limit).toISOString();
  const onTime = (due?: string) => (due ? at <= due : true);

  switch (cmd.action) {
    case 'accept': {
      const resolveDueAt = resolveDeadline(now, ctx.limits.resolve).toISOString();
      return step('accepted', { acceptedAt: at, dueAt: after(ctx.limits.dispatch), resolveDueAt }, cmd.note, {
        data: { onTime: onTime(p.dueAt) },
      });
    }
    case 'decline':
      return step(
        'declined',
        { decline: { reason: cmd.reason, redirect: cmd.redirect }, dueAt: undefined },
        `${cmd.reason}（建议：${cmd.redirect}）`,
        { data: { onTime: onTime(p.dueAt), redirect: cmd.redirect } },
      );
    case 'dispatch':
      return step(
        'dispatched',
        { departmentId: cmd.departmentId, handlerId: cmd.handlerId, dueAt: p.resolveDueAt ?? after(ctx.limits.resolve) },
        cmd.note,
        { data: { departmentId: cmd.departmentId, handlerId: cmd.handlerId } },
      );
    case 'progress': {
      const to = p.status === 'dispatched' ? 'in_progress' : p.status;
      return step(to, {}, cmd.note, { visibility: cmd.visibility });
    }
    case 'resolve':
      return step('resolved', { resolvedAt: at, resolution: cmd.summary, dueAt: after(ctx.limits.rate), followUpAt: after(ctx.limits.followUp), followUp: undefined }, cmd.summary, {
        data: { onTime: onTime(p.resolveDueAt ?? p.dueAt) },
      });
    case 'rate': {
      const rating = { rating: cmd.rating, comment: cmd.comment, at };
      if (cmd.rating === 'dissatisfied') {
        // 不满意 reopens the case for review (复诊) by the owning centre.
        return step('reopened', { rating, dueAt: after(ctx.limits.review) }, cmd.comment, { data: { rating: cmd.rating } });
      }
      return step('rated', { rating, dueAt: undefined }, cmd.comment, { data: { rating: cmd.rating } });
    }
    case 'transfer':
      if (cmd.centreId === p.centreId) throw new ConflictError('不能转办给本中心');
      // The receiving centre starts its own acceptance clock; the case is theirs from now on (首接首办 moves with it).
      return step(
        'submitted',
        { centreId: cmd.centreId, centrePath: cmd.centrePath, departmentId: undefined, handlerId: undefined, dueAt: after(ctx.limits.accept) },
        cmd.reason,
        { data: { fromCentreId: p.centreId, toCentreId: cmd.centreId } },
      );
    case 'escalate': {
      if (p.level === 'county') throw new ConflictError('该诉求已在县级办理，不能再上报');
      const level = NEXT_LEVEL[p.level];
      const moves = level === 'county' ? { centreId: cmd.county.centreId, centrePath: cmd.county.centrePath } : {};
      return step(p.status, { level, ...moves }, cmd.reason, { data: { fromLevel: p.level, toLevel: level, fromCentreId: p.centreId } });
    }
    case 'reopen':
      return step('reopened', { dueAt: after(ctx.limits.review), resolvedAt: undefined }, cmd.reason);
    case 'close':
      return step('closed', { dueAt: undefined }, cmd.note);
    case 'follow_up': {
      if (!p.followUpAt || p.followUp) throw new ConflictError('该诉求没有待办的回访');
      const followUp = { at, reached: cmd.reached, rating: cmd.rating, note: cmd.note };
      return step(p.status, { followUp }, cmd.note, { visibility: 'internal', data: { reached: cmd.reached, rating: cmd.rating } });
    }
    case 'reveal_phone':
      // an anonymous report's number (left before they could leave none) would name its sender
      if (!p.phone || p.anonymous) throw new ConflictError(p.anonymous ? '匿名反映不显示电话' : '该诉求没有留电话');
      // Internal, and the status and deadlines stay as they are: looking is not a step of the case.
      return { patch: {}, event: { at, actor, action: cmd.action, from: p.status, to: p.status, visibility: 'internal' } };
    // Marks on the record, not steps: status, deadlines and updatedAt (a review task's time) stay as they are.
    case 'link_repeat':
      if (cmd.repeatOf === p.id) throw new ConflictError('不能把诉求标记为它自己的重复');
      if (p.repeatOf === cmd.repeatOf && p.repeatConfirmed) throw new ConflictError('该诉求已标记为这件诉求的重复');
      return {
        patch: { repeatOf: cmd.repeatOf, repeatConfirmed: true },
        event: { at, actor, action: cmd.action, from: p.status, to: p.status, note: cmd.note, visibility: 'internal', data: { repeatOf: cmd.repeatOf, was: p.repeatOf } },
      };
    case 'unlink_repeat':
      if (!p.repeatOf) throw new ConflictError('该诉求没有标记为重复');
      return {
        patch: { repeatOf: undefined, repeatConfirmed: false },
        event: { at, actor, action: cmd.action, from: p.status, to: p.status, note: cmd.note, visibility: 'internal', data: { was: p.repeatOf } },
      };
    case 'extend': {
      // 《信访工作条例》: one extension of at most 30 days, with a reason the citizen is told.
      if (p.extended) throw new ConflictError('该诉求已延期过一次，不能再次延期');
      if (!p.resolveDueAt) throw new ConflictError('该诉求尚无办理期限，不能延期');
      if (!Number.isInteger(cmd.days) || cmd.days < 1 || cmd.days > MAX_EXTENSION_DAYS) {
        throw new ConflictError(`延期天数须为 1 到 ${MAX_EXTENSION_DAYS} 天`);
      }
      const resolveDueAt = extendedDeadline(new Date(p.resolveDueAt), cmd.days).toISOString();
      const dueAt = p.status === 'accepted' ? p.dueAt : resolveDueAt;
      return step(p.status, { resolveDueAt, dueAt, extended: true }, cmd.reason, {
        data: { days: cmd.days, from: p.resolveDueAt, to: resolveDueAt },
      });
    }
  }
}

/** The event every petition starts with. */
export function submittedEvent(actor: Actor, now: Date, note?: string): Omit<TimelineEvent, 'seq'> {
  return { at: now.toISOString(), actor, action: 'submit' as Action, from: null, to: 'submitted', note, visibility: 'public' };
}

/**
 * The task a petition is for its centre, if any: a review (复查) as soon as it is reopened, a follow-up call (回访)
 * from its follow-up time until the call is recorded.
 */
export function taskOf(p: Pick<Petition, 'status' | 'updatedAt' | 'followUpAt' | 'followUp'>): { task: 'review' | 'follow_up'; at: string } | undefined {
  if (p.status === 'reopened') return { task: 'review', at: p.updatedAt };
  if (['resolved', 'rated', 'closed'].includes(p.status) && p.followUpAt && !p.followUp) return { task: 'follow_up', at: p.followUpAt };
  return undefined;
}
