/**
 * The petition workflow as data plus pure functions: which status and role may take which step, what the step
 * records, and the deadline of the next step. Storage applies what `decide` returns; nothing here writes.
 */
import { onBacklogCase } from './schemas/backlog';
import { ConflictError, ForbiddenError, ValidationError } from './errors';
import { ACTION_LABELS, STATUS_LABELS } from './labels';
import { heldByVillage, inScope, type CentreRef, type SupervisingCentres } from './routing';

export type { CentreRef, SupervisingCentres };
import type { CategoryLimits } from './schemas/org';
import { OPEN_STATUSES, RESOLVED_STATUSES, STATUS_GROUPS, type Level, type Role, type Status } from './schemas/common';
import { STEP_ACTIONS, STEP_TABLE, type StepAction, type StepBody, type StepSpec } from './steps';
import type { Action, Actor, Meeting, Petition, SupervisedBy, TimelineEvent } from './schemas/petition';
import { composeDocument, type DocumentContext } from './documents';
import { formatTime } from './format';
import { BACKLOG_CLASS_DAYS, MAX_EXTENSION_DAYS, addLimit, extendedDeadline, resolveDeadline } from './timeLimits';

/**
 * What `decide` is given: a step's action and parsed body, plus what the use case looked up for it (the receiving
 * centre's path, the centres that may supervise, the caller's own centre, the earlier petition a repeat links to).
 */
interface Resolved {
  transfer: { centrePath: string; level: Exclude<Level, 'village'> };
  escalate: { centres: SupervisingCentres };
  supervise: { by: CentreRef & { level: Level } };
  take_over: { by: CentreRef & { level: Level } };
  link_repeat: { repeatOf: string };
  consult: { lead: Named; departments: Named[] };
  invite_expert: { expert: Named };
  /** the meeting as the use case made it: its hosts found free at its start, its room */
  book_meeting: { meeting: Meeting };
  /** the township centre's department for the case's category, which handles it from now on (if any) */
  hand_up: { departmentId?: string };
  /** the names on the document and its number: the centre's counter, read by the use case, written with the case */
  issue_document: { document: Omit<DocumentContext, 'at' | 'issuedBy'> };
  /** the team's staff users as the use case found them */
  assign_team: { team: Named[]; leader?: Named };
}
/** A department as the use case found it in the organisation: its id and name. */
type Named = { id: string; name: string };
export type Command = { [A in StepAction]: { action: A } & StepBody<A> & (A extends keyof Resolved ? Resolved[A] : unknown) }[StepAction];
export type CommandAction = StepAction;

/** Who may take each step, and from which statuses: the step table's. */
export const RULES: Record<StepAction, { from: readonly Status[]; roles: readonly Role[] }> = STEP_TABLE;

export { OPEN_STATUSES };
export function isOpen(status: Status): boolean {
  return STATUS_GROUPS[status].group === 'open';
}

/** Whether the case has reached a department: from then on its handlers see it. */
export function isDispatched(status: Status): boolean {
  return STATUS_GROUPS[status].atDepartment;
}

/**
 * The actions a role may take on a petition in its current status: what the staff page offers. A village's staff act
 * only on what their village holds (`level`: the case's).
 */
export function allowedActions(status: Status, role: Role, level?: Level): StepAction[] {
  if (role === 'village_staff' && level !== 'village') return [];
  return STEP_ACTIONS.filter((a) => RULES[a].from.includes(status) && RULES[a].roles.includes(role));
}

/**
 * The township centre takes a case its village holds to the township by handling it itself (its own accept, a
 * dispatch, a consultation): the village no longer sees it; a supervision by the township itself (an overdue village
 * case) ends, as the owner now works it.
 */
function toTownship(p: Petition): Partial<Petition> {
  if (p.level !== 'village') return {};
  return { level: 'township', ...(p.supervisedBy?.centreId === p.centreId ? { supervisedBy: undefined } : {}) };
}

export interface Decision {
  patch: Partial<Petition>;
  event: Omit<TimelineEvent, 'seq'>;
}

export interface DecideContext {
  now: Date;
  limits: CategoryLimits;
  /** the case's category is a mediation category of its county (调解类, shared/countySettings.ts): 办结 says how the mediation ended */
  mediation?: boolean;
}

const NEXT_LEVEL: Record<Level, Level> = { village: 'township', township: 'county', county: 'county' };

/**
 * 首接首办、一办到底: an escalation (上报 by staff, or a deadline run over in the sweep) brings in the next level as
 * supervisor and leaves the owner as it is. The next level is the one above whoever watches the case now (its
 * supervisor, else its own level); nothing when the county already owns or supervises it.
 */
export function nextSupervisor(p: Pick<Petition, 'level' | 'centreId' | 'supervisedBy'>, centres: SupervisingCentres, at: string): SupervisedBy | undefined {
  const watching = p.supervisedBy?.level ?? p.level;
  if (watching === 'county' || p.centreId === centres.county.centreId) return undefined;
  const level = NEXT_LEVEL[watching];
  const centre = level === 'county' ? centres.county : centres.township;
  return { level, centreId: centre.centreId, centrePath: centre.centrePath, since: at };
}

/** 督办 and 接管 are the supervising level's (or a level above it): the owner sees the case but may not take them. */
function requireSupervisor(p: Petition, by: CentreRef, label: string): SupervisedBy {
  if (!p.supervisedBy) throw new ConflictError(`该诉求未上报上级，不能进行「${label}」`);
  if (!inScope(by.centrePath, p.supervisedBy.centrePath)) throw new ForbiddenError(`只有督办该诉求的上级中心可以进行「${label}」`);
  return p.supervisedBy;
}

/**
 * Decides one step. Throws ForbiddenError when the role may not take it, ConflictError when the status does not
 * allow it (both carry a message a person can read).
 */
export function decide(p: Petition, cmd: Command, actor: Actor & { role: Role }, ctx: DecideContext): Decision {
  const rule: StepSpec = STEP_TABLE[cmd.action];
  const label = ACTION_LABELS[cmd.action];
  if (!rule.roles.includes(actor.role)) throw new ForbiddenError(`您的角色不能进行「${label}」`);
  // 小事不出村: a village's staff act only while their village holds the case
  if (actor.role === 'village_staff' && !heldByVillage(p)) throw new ForbiddenError(`该诉求不在村级办理，不能进行「${label}」`);
  // 联合会诊: a co-department's handler reads the case and reports in; the case is the lead department's to handle
  // 专班: a handler on a backlog case's team acts on it whatever their department
  const onTeam = actor.id !== undefined && onBacklogCase(p.backlog, actor.id);
  if (actor.role === 'handler' && !onTeam && actor.departmentId !== undefined && actor.departmentId !== p.departmentId && cmd.action !== 'report_in') {
    throw new ForbiddenError(`会诊部门只能报到会诊意见，不能进行「${label}」`);
  }
  if (!rule.from.includes(p.status)) {
    throw new ConflictError(`该诉求当前为「${STATUS_LABELS[p.status]}」，不能进行「${label}」`);
  }
  const now = ctx.now;
  const at = now.toISOString();
  const visibility = rule.note === 'chosen' ? 'public' : rule.note;
  const step = (to: Status, patch: Partial<Petition>, note?: string, extra: Partial<Decision['event']> = {}): Decision => ({
    // a new deadline starts the step's own limit now (near due is its last share: shared/supervision.ts)
    patch: { ...patch, ...('dueAt' in patch && patch.dueAt !== p.dueAt ? { dueFrom: patch.dueAt ? at : undefined } : {}), status: to, updatedAt: at },
    event: { at, actor, action: cmd.action, from: p.status, to, note, visibility, ...extra },
  });
  const after = (limit: CategoryLimits[keyof CategoryLimits]) => addLimit(now, limit).toISOString();
  const onTime = (due?: string) => (due ? at <= due : true);

  switch (cmd.action) {
    case 'accept': {
      const resolveDueAt = resolveDeadline(now, ctx.limits.resolve).toISOString();
      if (actor.role === 'village_staff') {
        // the village handles it itself, within the category's resolve limit: no department holds it
        return step('in_progress', { acceptedAt: at, dueAt: resolveDueAt, resolveDueAt, departmentId: undefined, handlerId: undefined }, cmd.note, {
          data: { onTime: onTime(p.dueAt), village: p.villageId },
        });
      }
      return step('accepted', { acceptedAt: at, dueAt: after(ctx.limits.dispatch), resolveDueAt, ...toTownship(p) }, cmd.note, {
        data: { onTime: onTime(p.dueAt) },
      });
    }
    case 'hand_up': {
      // to the township's centre: one the village accepted waits on its dispatch, one it did not on its acceptance
      const sup = p.supervisedBy?.centreId === p.centreId ? { supervisedBy: undefined } : {};
      const base = { level: 'township' as const, departmentId: cmd.departmentId, handlerId: undefined, ...sup };
      if (p.status === 'submitted') return step('submitted', base, cmd.reason, { data: { fromLevel: 'village', toLevel: 'township', village: p.villageId } });
      return step(
        'accepted',
        { ...base, acceptedAt: p.acceptedAt ?? at, dueAt: after(ctx.limits.dispatch), resolveDueAt: p.resolveDueAt ?? resolveDeadline(now, ctx.limits.resolve).toISOString() },
        cmd.reason,
        { data: { fromLevel: 'village', toLevel: 'township', village: p.villageId } },
      );
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
        { departmentId: cmd.departmentId, handlerId: cmd.handlerId, dueAt: p.resolveDueAt ?? after(ctx.limits.resolve), ...toTownship(p) },
        cmd.note,
        { data: { departmentId: cmd.departmentId, handlerId: cmd.handlerId } },
      );
    case 'progress': {
      const to = p.status === 'dispatched' ? 'in_progress' : p.status;
      return step(to, {}, cmd.note, { visibility: cmd.visibility });
    }
    case 'resolve': {
      // the consultation opinions the resolution rests on, copied to its record as they were reported
      const cites = (cmd.cites ?? []).map((id) => p.consultation?.participants.find((x) => x.departmentId === id && x.reportedAt));
      if (cites.some((c) => c === undefined)) throw new ValidationError('只能引用已报到的会诊意见', [{ path: 'cites', message: '只能引用本案已报到的会诊意见' }]);
      return step('resolved', { resolvedAt: at, resolution: cmd.summary, dueAt: after(ctx.limits.rate), followUpAt: after(ctx.limits.followUp), followUp: undefined }, cmd.summary, {
        data: {
          onTime: onTime(p.resolveDueAt ?? p.dueAt),
          // 调处成功率: a mediation category's case is mediated to an agreement only when the resolver says so
          ...(ctx.mediation ? { mediation: cmd.mediation === 'agreed' ? 'agreed' : 'not_agreed' } : {}),
          ...(cites.length ? { cites: cites.map((c) => ({ departmentId: c!.departmentId, name: c!.name, opinion: c!.opinion })) } : {}),
        },
      });
    }
    case 'consult': {
      if (p.consultation?.participants.some((x) => !x.reportedAt)) throw new ConflictError('本案的联合会诊还有部门未报到，不能再发起');
      const dueAt = addLimit(now, { amount: cmd.days, unit: 'days' }).toISOString();
      const consultation = {
        startedAt: at,
        startedBy: actor.name ?? actor.id,
        leadDepartmentId: cmd.lead.id,
        leadName: cmd.lead.name,
        question: cmd.question,
        dueAt,
        participants: cmd.departments.map((d) => ({ departmentId: d.id, name: d.name })),
      };
      // the lead department handles the case: an accepted case is dispatched to it, a dispatched one moves to it
      const toLead =
        p.status === 'accepted'
          ? { departmentId: cmd.lead.id, handlerId: undefined, dueAt: p.resolveDueAt ?? after(ctx.limits.resolve) }
          : p.departmentId !== cmd.lead.id
            ? { departmentId: cmd.lead.id, handlerId: undefined }
            : {};
      // the citizen's record says who consults, never the question
      const note = `联合会诊：牵头部门${cmd.lead.name}，会同${cmd.departments.map((d) => d.name).join('、')}`;
      return step(p.status === 'accepted' ? 'dispatched' : p.status, { consultation, ...toLead, ...toTownship(p) }, note, {
        visibility: 'public',
        data: { leadDepartmentId: cmd.lead.id, departmentIds: cmd.departments.map((d) => d.id), question: cmd.question, dueAt },
      });
    }
    case 'classify': {
      // 90/60/30 days from classing: the statutory deadline and the step under way (once dispatched) run to it
      const days = BACKLOG_CLASS_DAYS[cmd.backlogClass];
      const dueAt = addLimit(now, { amount: days, unit: 'days' }).toISOString();
      const backlog = { ...p.backlog, backlogClass: cmd.backlogClass, classedAt: at, dueAt, ...(cmd.leadOfficial ? { leadOfficial: { name: cmd.leadOfficial } } : {}) };
      return step(p.status, { backlog, resolveDueAt: dueAt, ...(p.status === 'accepted' ? {} : { dueAt }) }, `列为 ${cmd.backlogClass} 类积案，${days} 天内化解`, {
        data: { backlogClass: cmd.backlogClass, dueAt, leadOfficial: cmd.leadOfficial },
      });
    }
    case 'post_board': {
      if (!p.backlog) throw new ConflictError('只有积案可以挂榜');
      if (p.backlog.boardSince) throw new ConflictError('该积案已挂榜');
      if (p.backlog.leadOfficial) throw new ConflictError('该积案已有包案领导');
      return step(p.status, { backlog: { ...p.backlog, boardSince: at } }, cmd.note);
    }
    case 'claim_lead': {
      // one claim wins: the rest re-read the case under its version condition and find it claimed
      if (!p.backlog?.boardSince) throw new ConflictError('该诉求未挂榜');
      if (p.backlog.leadOfficial) throw new ConflictError('该积案已被揭榜');
      const leadOfficial = { id: actor.id, name: actor.name ?? actor.id, claimedAt: at };
      return step(p.status, { backlog: { ...p.backlog, leadOfficial } }, cmd.note, { data: { leadOfficial: leadOfficial.name } });
    }
    case 'assign_team': {
      if (!p.backlog) throw new ConflictError('只有积案可以组建专班');
      // a lead who claimed the case from the board (揭榜) stays its lead
      const claimed = p.backlog.leadOfficial?.claimedAt ? p.backlog.leadOfficial : undefined;
      if (cmd.leader && claimed && claimed.id !== cmd.leader.id) throw new ConflictError(`该积案已由${claimed.name}揭榜领办，包案领导不能更换`);
      const leadOfficial = cmd.leader && !claimed ? { id: cmd.leader.id, name: cmd.leader.name } : p.backlog.leadOfficial;
      const team = `专班：${cmd.team.map((m) => m.name).join('、')}`;
      return step(p.status, { backlog: { ...p.backlog, team: cmd.team, ...(leadOfficial ? { leadOfficial } : {}) } }, cmd.leader ? `包案领导：${cmd.leader.name}；${team}` : team, {
        data: { team: cmd.team.map((m) => m.id), ...(cmd.leader ? { lead: cmd.leader.id } : {}) },
      });
    }
    case 'invite_expert': {
      const c = p.consultation;
      if (!c) throw new ConflictError('请先发起联合会诊，再邀请专家');
      if (c.experts?.some((e) => e.expertId === cmd.expert.id)) throw new ConflictError('已邀请过该专家');
      const experts = [...(c.experts ?? []), { expertId: cmd.expert.id, name: cmd.expert.name, invitedAt: at }];
      return step(p.status, { consultation: { ...c, experts } }, `邀请专家${cmd.expert.name}参加联合会诊`, { data: { expertId: cmd.expert.id } });
    }
    case 'book_meeting': {
      const c = p.consultation;
      if (!c) throw new ConflictError('请先发起联合会诊，再预约会诊会议');
      const m = cmd.meeting;
      const note = `会诊会议：${formatTime(m.start)}，参会：${m.hosts.map((h) => `${h.name}（${h.departmentName}）`).join('、')}${m.withCitizen ? '，邀请群众参加' : ''}`;
      // the citizen's record says it only when they are invited
      return step(p.status, { consultation: { ...c, meetings: [...(c.meetings ?? []), m] } }, note, {
        visibility: m.withCitizen ? 'public' : 'internal',
        data: { meetingId: m.id, start: m.start, hostIds: m.hosts.map((h) => h.hostId), withCitizen: m.withCitizen },
      });
    }
    case 'report_in': {
      const c = p.consultation;
      const mine = c?.participants.find((x) => x.departmentId === actor.departmentId);
      if (!c || !mine) throw new ForbiddenError('只有本案联合会诊的会诊部门可以报到');
      if (mine.reportedAt) throw new ConflictError('本部门已报到过会诊意见');
      const participants = c.participants.map((x) => (x === mine ? { ...x, reportedAt: at, opinion: cmd.opinion, reportedBy: actor.name ?? actor.id } : x));
      return step(p.status, { consultation: { ...c, participants } }, cmd.opinion, { data: { departmentId: mine.departmentId, late: at > c.dueAt } });
    }
    case 'rate': {
      const rating = { rating: cmd.rating, comment: cmd.comment, at };
      if (cmd.rating === 'dissatisfied') {
        // 不满意 reopens the case for review (复诊) by the owning centre.
        return step('reopened', { rating, dueAt: after(ctx.limits.review), reopenedAt: p.reopenedAt ?? at }, cmd.comment, { data: { rating: cmd.rating } });
      }
      return step('rated', { rating, dueAt: undefined }, cmd.comment, { data: { rating: cmd.rating } });
    }
    case 'transfer': {
      if (cmd.centreId === p.centreId) throw new ConflictError('不能转办给本中心');
      // The receiving centre starts its own acceptance clock; the case is theirs from now on, at its level (首接首办
      // moves with it: a village no longer holds it). Its supervisor stays while it is still above the new owner.
      const sup = p.supervisedBy;
      const keeps = sup !== undefined && sup.centreId !== cmd.centreId && inScope(sup.centrePath, cmd.centrePath);
      return step(
        'submitted',
        {
          centreId: cmd.centreId,
          centrePath: cmd.centrePath,
          level: cmd.level,
          departmentId: undefined,
          handlerId: undefined,
          dueAt: after(ctx.limits.accept),
          ...(sup && !keeps ? { supervisedBy: undefined } : {}),
        },
        cmd.reason,
        { data: { fromCentreId: p.centreId, toCentreId: cmd.centreId, fromLevel: p.level, toLevel: cmd.level } },
      );
    }
    case 'escalate': {
      // The owner keeps the case: the next level supervises it (首接首办、一办到底).
      const sup = nextSupervisor(p, cmd.centres, at);
      if (!sup) throw new ConflictError(p.centreId === cmd.centres.county.centreId ? '该诉求已在县级办理，不能再上报' : '该诉求已上报上级督办，不能再上报');
      return step(p.status, { supervisedBy: sup }, cmd.reason, {
        data: { fromLevel: p.supervisedBy?.level ?? p.level, toLevel: sup.level, supervisorId: sup.centreId, centreId: p.centreId },
      });
    }
    case 'supervise': {
      const sup = requireSupervisor(p, cmd.by, label);
      if (cmd.days === undefined) return step(p.status, {}, cmd.note, { data: { supervisorId: sup.centreId } });
      // 限期办理: a nearer deadline for the step under way, never a later one (that is an extension, 延期).
      const dueAt = addLimit(now, { amount: cmd.days, unit: 'days' }).toISOString();
      if (p.dueAt && p.dueAt > at && dueAt > p.dueAt) throw new ConflictError('督办限期不能晚于本步现有期限，延期请走「延期」');
      return step(p.status, { dueAt }, cmd.note, { data: { supervisorId: sup.centreId, days: cmd.days, from: p.dueAt, to: dueAt } });
    }
    case 'take_over': {
      requireSupervisor(p, cmd.by, label);
      // The one explicit change of owner besides a transfer: the taker's centre owns the case from now on, at its
      // level; the status, department and deadlines stay, and so does the overdue mark.
      return step(p.status, { centreId: cmd.by.centreId, centrePath: cmd.by.centrePath, level: cmd.by.level, supervisedBy: undefined }, cmd.reason, {
        data: { fromCentreId: p.centreId, toCentreId: cmd.by.centreId, fromLevel: p.level, toLevel: cmd.by.level },
      });
    }
    case 'reopen':
      return step('reopened', { dueAt: after(ctx.limits.review), resolvedAt: undefined, reopenedAt: p.reopenedAt ?? at }, cmd.reason);
    case 'close':
      return step('closed', { dueAt: undefined }, cmd.note);
    case 'follow_up': {
      if (!p.followUpAt || p.followUp) throw new ConflictError('该诉求没有待办的回访');
      const followUp = { at, reached: cmd.reached, rating: cmd.rating, note: cmd.note };
      return step(p.status, { followUp }, cmd.note, { data: { reached: cmd.reached, rating: cmd.rating } });
    }
    case 'reveal_phone':
      // an anonymous report's number (left before they could leave none) would name its sender
      if (!p.phone || p.anonymous) throw new ConflictError(p.anonymous ? '匿名反映不显示电话' : '该诉求没有留电话');
      // Internal, and the status and deadlines stay as they are: looking is not a step of the case.
      return { patch: {}, event: { at, actor, action: cmd.action, from: p.status, to: p.status, visibility } };
    // Marks on the record, not steps: status, deadlines and updatedAt (a review task's time) stay as they are.
    case 'link_repeat':
      if (cmd.repeatOf === p.id) throw new ConflictError('不能把诉求标记为它自己的重复');
      if (p.repeatOf === cmd.repeatOf && p.repeatConfirmed) throw new ConflictError('该诉求已标记为这件诉求的重复');
      return {
        patch: { repeatOf: cmd.repeatOf, repeatConfirmed: true },
        event: { at, actor, action: cmd.action, from: p.status, to: p.status, note: cmd.note, visibility, data: { repeatOf: cmd.repeatOf, was: p.repeatOf } },
      };
    case 'inform':
      // what the filer told the citizen: they have seen the case as it stands (阶段反馈)
      return { patch: { agentSeenAt: at }, event: { at, actor, action: cmd.action, from: p.status, to: p.status, note: cmd.note, visibility } };
    case 'unlink_repeat':
      if (!p.repeatOf) throw new ConflictError('该诉求没有标记为重复');
      return {
        patch: { repeatOf: undefined, repeatConfirmed: false },
        event: { at, actor, action: cmd.action, from: p.status, to: p.status, note: cmd.note, visibility, data: { was: p.repeatOf } },
      };
    // Marks on the record, like link_repeat: status, deadlines and updatedAt stay as they are.
    case 'issue_document': {
      const { action: _a, document: ctx, ...body } = cmd;
      const document = composeDocument(p, body, { ...ctx, at, issuedBy: actor.name ?? actor.id });
      return { patch: {}, event: { at, actor, action: cmd.action, from: p.status, to: p.status, note: `${document.title} ${document.number}`, visibility, data: { document } } };
    }
    case 'attach':
      return { patch: {}, event: { at, actor, action: cmd.action, from: p.status, to: p.status, note: cmd.name, visibility, data: { attachment: { key: cmd.key, name: cmd.name } } } };
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
 * A citizen claims a case staff registered for them (统一登记), with the tracking code and query secret of its receipt:
 * the case becomes theirs as if they had reported it (我的诉求, messages, rating). Only a case still held by the staff
 * member who filed it may be claimed; the same citizen again is answered as done (`undefined`, nothing to write),
 * anyone else is refused. The status does not change; the record says it was claimed (internal: staff see it).
 */
export function claim(p: Petition, citizen: Actor & { role: 'citizen' }, now: Date): Decision | undefined {
  if (p.reporter.kind === 'wechat' && p.reporter.openid === citizen.id) return undefined;
  if (p.reporter.kind !== 'agent') throw new ConflictError('这件诉求已由其他微信用户认领，不能再认领；如有疑问请联系登记的综治中心');
  const at = now.toISOString();
  return {
    patch: { reporter: { kind: 'wechat', openid: citizen.id }, updatedAt: at },
    event: { at, actor: citizen, action: 'claim', from: p.status, to: p.status, visibility: 'internal' },
  };
}

/**
 * The task a petition is for its centre, if any: a review (复查) as soon as it is reopened, a follow-up call (回访)
 * from its follow-up time until the call is recorded.
 */
export function taskOf(p: Pick<Petition, 'status' | 'updatedAt' | 'followUpAt' | 'followUp'>): { task: 'review' | 'follow_up'; at: string } | undefined {
  if (p.status === 'reopened') return { task: 'review', at: p.updatedAt };
  if (RESOLVED_STATUSES.includes(p.status) && p.followUpAt && !p.followUp) return { task: 'follow_up', at: p.followUpAt };
  return undefined;
}
