/** What each kind of caller is shown: citizens never see internal notes; staff never see an unmasked phone. */
import { onBacklogCase } from '../../shared/schemas/backlog';
import { inScope, supervisingCentres, type Org } from '../../shared/routing';
import { isMediationCategory } from '../../shared/countySettings';
import type { Petition, PetitionSummary, PetitionWithTimeline, TimelineEvent } from '../../shared/schemas/petition';
import { maskPhone } from '../../shared/privacy';
import type { Status } from '../../shared/schemas/common';
import { isNearDue, type NearDuePolicy } from '../../shared/supervision';
import { allowedActions, isOpen, nextSupervisor } from '../../shared/workflow';
import type { StaffCaller } from './context';

/** A video room's link, from the configured provider template: shared by a reception's or a meeting's parties. */
export function roomUrl(template: string, roomId: string) {
  return template.replace('{roomId}', encodeURIComponent(roomId));
}

/** The names a view and a case document show beside the record's ids. */
export function caseNames(org: Org, p: Pick<Petition, 'categoryId' | 'centreId' | 'townshipId'> & { departmentId?: string }) {
  return {
    categoryName: org.categories.find((c) => c.id === p.categoryId)?.name ?? '',
    centreName: org.nodes.get(p.centreId)?.centreName ?? org.nodes.get(p.centreId)?.name ?? '',
    townshipName: org.nodes.get(p.townshipId)?.name ?? '',
    departmentName: p.departmentId ? org.departments.find((d) => d.id === p.departmentId)?.name : undefined,
  };
}

const overdueAt = (p: { dueAt?: string; overdue?: boolean }, now: Date) =>
  Boolean(p.overdue) || (p.dueAt !== undefined && p.dueAt < now.toISOString());

function publicEvent(e: TimelineEvent) {
  return { seq: e.seq, at: e.at, action: e.action, from: e.from, to: e.to, note: e.note, actor: { role: e.actor.role, name: e.actor.role === 'citizen' ? undefined : e.actor.name } };
}

export function citizenView(p: PetitionWithTimeline, org: Org, now: Date) {
  return {
    id: p.id,
    trackingCode: p.trackingCode,
    channel: p.channel,
    status: p.status,
    level: p.level,
    categoryId: p.categoryId,
    postId: p.postId,
    description: p.description,
    photos: p.photos,
    location: p.location,
    anonymous: p.anonymous,
    phone: p.phone,
    createdAt: p.createdAt,
    acceptedAt: p.acceptedAt,
    resolvedAt: p.resolvedAt,
    dueAt: p.dueAt,
    overdue: overdueAt(p, now),
    decline: p.decline,
    resolution: p.resolution,
    rating: p.rating,
    ...caseNames(org, p),
    timeline: p.timeline.filter((e) => e.visibility === 'public').map(publicEvent),
  };
}

export function citizenSummary(p: PetitionSummary, org: Org, now: Date) {
  const { categoryName, centreName } = caseNames(org, p);
  return {
    id: p.id,
    trackingCode: p.trackingCode,
    status: p.status,
    categoryId: p.categoryId,
    categoryName,
    centreName,
    summary: p.summary,
    createdAt: p.createdAt,
    dueAt: p.dueAt,
    overdue: overdueAt(p, now),
  };
}

/**
 * What this case offers the caller beyond its status and their role: no phone to show, no repeat to undo, no level
 * left to escalate to; 督办 and 接管 only to the level that supervises it (or above).
 */
function offers(p: Petition, org: Org, caller: StaffCaller) {
  const scope = org.nodes.get(caller.scopeNodeId);
  const supervises = p.supervisedBy !== undefined && scope !== undefined && inScope(scope.path, p.supervisedBy.centrePath);
  // 联合会诊: a handler of another department than the case's is a co-department, who may only report in
  const coDepartment = caller.role === 'handler' && caller.departmentId !== p.departmentId && !onBacklogCase(p.backlog, caller.id);
  const mine = p.consultation?.participants.find((x) => x.departmentId === caller.departmentId);
  return (a: ReturnType<typeof allowedActions>[number]) => {
    if (coDepartment && a !== 'report_in') return false;
    switch (a) {
      case 'report_in':
        return caller.role === 'handler' && mine !== undefined && !mine.reportedAt;
      case 'assign_team':
        return p.backlog !== undefined;
      case 'post_board':
        return p.backlog !== undefined && !p.backlog.boardSince && !p.backlog.leadOfficial;
      case 'claim_lead':
        return p.backlog?.boardSince !== undefined && !p.backlog.leadOfficial;
      case 'invite_expert':
        // experts are invited to a consultation
        return p.consultation !== undefined;
      case 'book_meeting':
        // a consultation's meeting is booked by the case's centre (or the county above it): functions/usecases/meetings.ts
        return p.consultation !== undefined && scope !== undefined && inScope(scope.path, p.centrePath);
      case 'consult':
        // one at a time: a new consultation once every co-department of the last has reported in
        return !p.consultation?.participants.some((x) => !x.reportedAt);
      case 'reveal_phone':
        return Boolean(p.phone && !p.anonymous);
      case 'unlink_repeat':
        return Boolean(p.repeatOf);
      case 'escalate':
        // (whether there is one; when it would start does not matter here)
        return nextSupervisor(p, supervisingCentres(org, p), p.updatedAt) !== undefined;
      case 'supervise':
      case 'take_over':
        return supervises;
      case 'inform':
        return p.agentId === caller.id;
      default:
        return true;
    }
  };
}
const mediationCaseOf = (p: Pick<PetitionWithTimeline, 'countyId' | 'categoryId'>, org: Org) => {
  const category = org.categories.find((c) => c.id === p.categoryId);
  return category ? isMediationCategory(org.nodes.get(p.countyId), category) : false;
};

export function staffView(p: PetitionWithTimeline, org: Org, now: Date, caller: StaffCaller, policy: NearDuePolicy) {
  return {
    ...p,
    reporter: p.anonymous ? { kind: 'anonymous' as const } : p.reporter.kind === 'wechat' ? { kind: 'wechat' as const } : p.reporter,
    // a citizen's steps carry their openid: staff see that a citizen acted, never who (an anonymous case stays so)
    timeline: p.timeline.map((e) => (e.actor.role === 'citizen' ? { ...e, actor: { role: 'citizen' } } : e)),
    phone: p.phone && !p.anonymous ? maskPhone(p.phone) : undefined,
    overdue: overdueAt(p, now),
    near: !overdueAt(p, now) && isNearDue(p, now, policy),
    ...caseNames(org, p),
    // what the role may do now, less what this case has nothing for
    actions: allowedActions(p.status, caller.role, p.level).filter(offers(p, org, caller)),
    // 联合会诊: the co-departments that have not reported in by the deadline
    consultationLate: p.consultation && p.consultation.dueAt < now.toISOString() ? p.consultation.participants.filter((x) => !x.reportedAt).map((x) => x.departmentId) : [],
    // 调处: a mediation category's case (the county's settings): its 办结 says how the mediation ended
    mediationCase: mediationCaseOf(p, org),
  };
}

/** Near due (临期) is the step's last share of its own limit: the same instant the sweeper reminds at (shared/supervision.ts). */
export function staffSummary(p: PetitionSummary, org: Org, now: Date, policy: NearDuePolicy) {
  const overdue = overdueAt(p, now);
  return { ...p, phoneMasked: p.anonymous ? undefined : p.phoneMasked, ...caseNames(org, p), overdue, near: !overdue && isNearDue(p, now, policy) };
}
