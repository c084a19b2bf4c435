import { createHash, createHmac } from 'node:crypto';
import { ConflictError, ForbiddenError, NotFoundError, RejectedContentError, RetryableConflictError, ValidationError } from '../../shared/errors';
import { isMediationCategory } from '../../shared/countySettings';
import { SCOPE_NOT_A_CENTRE, departmentFor, heldByVillage, inScope, route, scopeFitsRole, supervisingCentres, type Org } from '../../shared/routing';
import { readsCentre } from '../../shared/roles';
import { CITIZEN_CHANNELS, type Role } from '../../shared/schemas/common';
import type { ClaimBody, RegisterPetitionBody, SubmitPetitionBody, SubmitPetitionResponse } from '../../shared/schemas/api';
import type { StaffQueueQuery } from '../../shared/schemas/staff';
import { summaryOf, type Actor, type Meeting, type Petition, type PetitionWithTimeline, type Reporter } from '../../shared/schemas/petition';
import { messageFor } from '../../shared/notifications';
import { addLimit, chinaDate } from '../../shared/timeLimits';
import type { StepInput } from '../../shared/steps';
import { claim, decide, isDispatched, isOpen, submittedEvent, type Command } from '../../shared/workflow';
import type { MeetingSlot, QueueFilter, QueueScope } from '../ports';
import type { Caller, CitizenCaller, Deps, StaffCaller } from './context';
import { requireAttachmentOf, requireAudioOf, requireCleanText, requirePhotosOf } from './content';
import { caseNames, citizenSummary, citizenView, roomUrl, staffSummary, staffView } from './views';
import { chinaYear, type DepartmentYear, type DocumentNames } from '../../shared/documents';
import { departmentFiguresOf, departmentMonthKey } from '../../shared/evaluation';
import { monthsOf } from '../../shared/figures';
import { IssuedDocument, type DocumentKind } from '../../shared/schemas/document';
import { TEAM_ROLES, onBacklogCase } from '../../shared/schemas/backlog';
import { invitable } from './experts';
import { expertChanges } from '../../shared/experts';

const REPEAT_WINDOW_DAYS = 30;
const TRANSITION_ATTEMPTS = 6;
const SUBMIT_ATTEMPTS = 5;
/** A short random wait before trying a lost race again, so racers do not collide in step. */
const jitter = (attempt: number) => new Promise((r) => setTimeout(r, Math.random() * 20 * (attempt + 1)));

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function idempotencyScope(caller: Caller) {
  return caller.kind === 'citizen' ? `c:${caller.openid}` : caller.kind === 'partner' ? `p:${caller.id}` : `s:${caller.id}`;
}

function actorOf(caller: Caller): Actor & { role: Role } {
  if (caller.kind === 'citizen') return { role: 'citizen', id: caller.openid, name: caller.name };
  if (caller.kind === 'partner') return { role: 'partner', id: caller.id, name: caller.name };
  return { role: caller.role, id: caller.id, name: caller.name, ...(caller.role === 'handler' && caller.departmentId ? { departmentId: caller.departmentId } : {}) };
}

/**
 * Report (吹哨): route the report to its centre and department, check its text with WeChat, link a possible
 * repeat, and store it with its first event in one transaction keyed by the caller's idempotency key. The same key
 * again answers with the petition it made, never a second one.
 */
/** What a report carries, whoever files it: a citizen's report, a partner's request, or a staff registration. */
type Filing = Omit<SubmitPetitionBody, 'channel'> & Partial<Omit<RegisterPetitionBody, keyof SubmitPetitionBody>> & { channel: SubmitPetitionBody['channel'] | RegisterPetitionBody['channel'] };

export async function submitPetition(
  deps: Deps,
  caller: Caller,
  idempotencyKey: string,
  body: Filing,
): Promise<{ created: boolean; response: SubmitPetitionResponse }> {
  const now = deps.clock.now();
  const org = await deps.org.load();
  const post = body.postId ? await deps.org.getPost(body.postId) : undefined;
  if (body.postId && !post) throw new ValidationError('该岗点不存在或已停用', [{ path: 'postId', message: '该岗点不存在或已停用，请重新扫码' }]);
  const category = org.categories.find((c) => c.id === body.categoryId);
  if (!category) throw new ValidationError('诉求类型不存在', [{ path: 'categoryId', message: '请选择诉求类型' }]);
  const routed = route(org, { post, villageId: caller.kind === 'staff' ? body.villageId : undefined, townshipId: body.townshipId, category });
  if (caller.kind === 'staff') requirePlaceInScope(org, caller, post?.nodeId ?? routed.villageId ?? routed.townshipId);

  const openid = caller.kind === 'citizen' ? caller.openid : undefined;
  if (caller.kind !== 'partner') await requirePhotosOf(deps, caller, body.photos);
  await requireCleanText(deps, openid, { description: body.description });
  // only the citizen's app records (staff and partners type what they were told)
  if (body.audio && caller.kind !== 'citizen') throw new ValidationError('语音只能由群众本人录制', [{ path: 'audio', message: '代为登记时请填写问题描述' }]);
  const audio = body.audio && caller.kind === 'citizen' ? { ...body.audio, ...(await requireAudioOf(deps, caller, body.audio)) } : undefined;

  const reporter: Reporter =
    caller.kind === 'citizen'
      ? { kind: 'wechat', openid: caller.openid }
      : caller.kind === 'partner'
        ? { kind: 'partner', partnerId: caller.id }
        : { kind: 'agent', userId: caller.id };
  // One read for repeats: a report at a post repeats an open one on the same matter at that post, whoever made it;
  // without a post, the reporter's own open, named one on the same matter. An anonymous report is never linked by
  // who sent it, either way: staff would see it tied to a named case whose phone they may reveal.
  // A case staff register is also a repeat of any report with the same phone number and matter in the window.
  const since = new Date(now.getTime() - REPEAT_WINDOW_DAYS * 86_400_000);
  const phoneKey = body.phone && !body.anonymous ? phoneKeyOf(deps, body.phone) : undefined;
  const repeats = [
    ...(post ? await deps.petitions.findRepeatCandidates({ postId: post.id, categoryId: category.id, since }) : []),
    ...(!post && caller.kind === 'citizen' && !body.anonymous
      ? (await deps.petitions.findRepeatCandidates({ openid: caller.openid, categoryId: category.id, since })).filter((r) => !r.anonymous)
      : []),
    ...(caller.kind === 'staff' && phoneKey ? await deps.petitions.findRepeatCandidates({ phoneKey, categoryId: category.id, since }) : []),
  ];
  // The earliest open one on the same matter is the case this one repeats.
  const repeatOf = repeats.filter((r) => r.categoryId === category.id).sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1))[0];

  const requestHash = sha256(JSON.stringify(body));
  const scope = idempotencyScope(caller);
  // a registered case's receipt always prints the secret: with it the citizen follows or claims the case
  const secret = body.anonymous || caller.kind === 'staff' ? trackingSecret(deps, scope, idempotencyKey) : undefined;
  for (let attempt = 0; attempt < SUBMIT_ATTEMPTS; attempt++) {
    const petition: Petition = {
      id: deps.ids.id(),
      trackingCode: deps.ids.trackingCode(),
      channel: channelOf(caller, body),
      reporter,
      anonymous: body.anonymous,
      agentId: caller.kind === 'staff' ? caller.id : undefined,
      agentSeenAt: caller.kind === 'staff' ? now.toISOString() : undefined,
      citizenName: body.anonymous ? undefined : body.name,
      letterReceivedOn: body.letterReceivedOn,
      persons: body.persons !== undefined && body.persons > 1 ? body.persons : undefined,
      phone: body.phone,
      postId: post?.id,
      location: body.location ?? post?.location,
      categoryId: category.id,
      description: body.description ?? '',
      audio,
      photos: body.photos,
      status: 'submitted',
      level: routed.level,
      countyId: routed.countyId,
      townshipId: routed.townshipId,
      villageId: routed.villageId,
      centreId: routed.centreId,
      centrePath: routed.centrePath,
      departmentId: routed.departmentId,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      dueAt: addLimit(now, category.limits.accept).toISOString(),
      dueFrom: now.toISOString(),
      extended: false,
      overdue: false,
      repeatOf: repeatOf?.id,
      version: 1,
    };
    const event = { ...submittedEvent(actorOf(caller), now), seq: 1 };
    let outcome;
    try {
      outcome = await deps.petitions.create({
        petition,
        event,
        secretHash: secret ? sha256(secret) : undefined,
        phoneKey,
        idempotency: { scope, key: idempotencyKey, requestHash },
        quotas: quotasFor(deps, caller, post?.id, now),
      });
    } catch (err) {
      // A tracking code collision, or a counter another step held at that instant: try again with new codes.
      if (attempt < SUBMIT_ATTEMPTS - 1 && err instanceof RetryableConflictError) {
        await jitter(attempt);
        continue;
      }
      throw err;
    }
    if (outcome.created) return { created: true, response: submitResponse(petition, org, secret) };
    if (outcome.requestHash !== requestHash) {
      throw new ConflictError('这个提交编号已用于另一份诉求，请刷新页面后重新提交');
    }
    const existing = await deps.petitions.get(outcome.existingId);
    if (!existing) throw new NotFoundError();
    return { created: false, response: submitResponse(existing, org, existing.anonymous || caller.kind === 'staff' ? secret : undefined) };
  }
  throw new ConflictError('提交失败，请稍后重试');
}

/**
 * The anonymous tracking secret, derived from the sender and their submission key with the server's key: a retried
 * send can show it again, and nothing stores it but its hash (with the tracking code).
 */
const SECRET_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function trackingSecret(deps: Deps, scope: string, idempotencyKey: string) {
  const digest = createHmac('sha256', deps.auth.secret).update(`tracking-secret\n${scope}\n${idempotencyKey}`).digest();
  // read off a phone and typed in again: 12 of the tracking code's 32 characters (no O/0, I/1), 60 bits; 256 is a
  // multiple of 32, so each byte picks a character evenly
  return Array.from(digest.subarray(0, 12), (b) => SECRET_ALPHABET[b % SECRET_ALPHABET.length]).join('');
}

/** A citizen reports through a post's code (scan) or the app (online); the other channels are staff filing for them. */
function channelOf(caller: Caller, body: Filing): Petition['channel'] {
  if (caller.kind === 'citizen') {
    if (!CITIZEN_CHANNELS.includes(body.channel)) throw new ValidationError('渠道不正确', [{ path: 'channel', message: '群众只能扫码或在线反映' }]);
    return body.postId ? 'scan' : 'online';
  }
  if (caller.kind === 'partner') return caller.channel;
  return body.channel === 'online' || body.channel === 'scan' ? 'agent' : body.channel;
}

/**
 * 统一登记 is for the centre staff of the place (a township's, or the county's for all of it) and the agents (代办员) of
 * their village: a handler files nothing; a place outside the caller's scope is not theirs to know of.
 */
function requirePlaceInScope(org: Org, caller: StaffCaller, placeId: string) {
  if (caller.role === 'handler' || caller.role === 'village_staff') throw new ForbiddenError('承办部门和村级调解不登记诉求，请由综治中心或代办员登记');
  const scope = org.nodes.get(caller.scopeNodeId);
  const place = org.nodes.get(placeId);
  if (!scope || !place || !inScope(scope.path, place.path)) throw new NotFoundError('所选地点不在您的管辖范围内');
}

/** A phone number as the repeat index keys it: keyed, so the index names no number. */
function phoneKeyOf(deps: Deps, phone: string) {
  return createHmac('sha256', deps.auth.secret).update(`repeat-phone\n${phone}`).digest('base64url').slice(0, 32);
}

/**
 * 认领: a citizen scans the receipt of a case staff registered for them and makes it theirs (我的诉求, messages,
 * rating), as if they had reported it. The tracking code and its query secret prove the receipt; a second claim by
 * the same citizen answers the same, by anyone else a 409. A wrong code or secret is a 404 like the tracking page's.
 */
export async function claimPetition(deps: Deps, caller: CitizenCaller, body: ClaimBody) {
  const found = await deps.petitions.findByTrackingCode(body.trackingCode);
  if (!found?.secretHash || found.secretHash !== sha256(body.secret)) throw new NotFoundError('跟踪码或查询密码不正确');
  const org = await deps.org.load();
  for (let attempt = 0; attempt < TRANSITION_ATTEMPTS; attempt++) {
    const current = await deps.petitions.getWithTimeline(found.id);
    if (!current) throw new NotFoundError('跟踪码或查询密码不正确');
    const { timeline, ...p } = current;
    const decision = claim(p, { role: 'citizen', id: caller.openid, name: caller.name }, deps.clock.now());
    if (!decision) return forCitizen(deps, current, org);
    const next: Petition = { ...p, ...decision.patch, version: p.version + 1 };
    const event = { ...decision.event, seq: next.version };
    if (await deps.petitions.applyTransition(p, next, [event])) return forCitizen(deps, { ...next, timeline: [...timeline, event] }, org);
    await jitter(attempt);
  }
  throw new ConflictError('该诉求正在被他人处理，请刷新后重试');
}

/** A flood of reports from one user or at one post stops at the hour's limit; agents file for many, so only posts count them. */
function quotasFor(deps: Deps, caller: Caller, postId: string | undefined, now: Date) {
  const hour = now.toISOString().slice(0, 13);
  const expiresAt = Math.floor(now.getTime() / 1000) + 2 * 3600;
  return [
    ...(caller.kind === 'citizen' ? [{ key: `u:${caller.openid}#${hour}`, max: deps.rateLimits.perUserHour, expiresAt }] : []),
    ...(postId ? [{ key: `p:${postId}#${hour}`, max: deps.rateLimits.perPostHour, expiresAt }] : []),
  ];
}

function submitResponse(p: Petition, org: Org, secret?: string): SubmitPetitionResponse {
  const centre = org.nodes.get(p.centreId);
  const department = p.departmentId ? org.departments.find((d) => d.id === p.departmentId) : undefined;
  return {
    id: p.id,
    trackingCode: p.trackingCode,
    secret,
    status: p.status,
    centreId: p.centreId,
    centreName: centre?.centreName ?? centre?.name ?? '',
    departmentId: department?.id,
    departmentName: department?.name,
    dueAt: p.dueAt,
    // only that it exists: the earlier case may be another citizen's
    similarExists: p.repeatOf !== undefined,
  };
}

/** Whether a caller may know this petition exists. Everyone else is told it does not. */
export function canSee(caller: Caller, p: Petition, org: Org): boolean {
  if (caller.kind === 'citizen') return p.reporter.kind === 'wechat' && p.reporter.openid === caller.openid;
  if (caller.kind === 'partner') return p.reporter.kind === 'partner' && p.reporter.partnerId === caller.id;
  const scope = org.nodes.get(caller.scopeNodeId);
  if (!scope) return false;
  // 专班 and 包案领导: the staff users a backlog case is assigned to see it, whatever their scope
  if (onBacklogCase(p.backlog, caller.id)) return true;
  switch (caller.role) {
    case 'agent':
      return p.agentId === caller.id;
    case 'village_staff': {
      // 小事不出村: what their village holds, nothing else of it (a case handed up, or of another category, is not theirs)
      const village = p.villageId ? org.nodes.get(p.villageId) : undefined;
      return heldByVillage(p) && village !== undefined && inScope(scope.path, village.path);
    }
    case 'handler':
      // the department the case is dispatched to, and the co-departments called into its consultation (联合会诊)
      return (
        caller.departmentId !== undefined &&
        ((p.departmentId === caller.departmentId && isDispatched(p.status)) || (p.consultation?.participants.some((x) => x.departmentId === caller.departmentId) ?? false))
      );
    default:
      return inScope(scope.path, p.centrePath);
  }
}

async function visible(deps: Deps, caller: Caller, id: string) {
  const [p, org] = await Promise.all([deps.petitions.getWithTimeline(id), deps.org.load()]);
  if (!p || !canSee(caller, p, org)) throw new NotFoundError('未找到该诉求');
  return { p, org };
}

/** How long a photo link in the case file works: long enough to look, too short to pass around. */
const PHOTO_VIEW_SECONDS = 10 * 60;

/** What the citizen sees of their own case: their photos too, as the same short-lived links staff get. */
async function forCitizen(deps: Deps, p: PetitionWithTimeline, org: Org) {
  const [photoUrls, audioUrl] = await Promise.all([
    Promise.all(p.photos.map((key) => deps.photos.presignGet(key, PHOTO_VIEW_SECONDS))),
    p.audio ? deps.photos.presignGet(p.audio.key, PHOTO_VIEW_SECONDS) : undefined,
  ]);
  // 会诊会议: only those the citizen is invited to, as their receptions show (when, who, the room)
  const meetings = (p.consultation?.meetings ?? [])
    .filter((m) => m.withCitizen)
    .map((m) => ({ id: m.id, start: m.start, end: m.end, hosts: m.hosts.map((h) => ({ name: h.name, departmentName: h.departmentName })), roomUrl: roomUrl(deps.booking.roomUrlTemplate, m.roomId) }));
  return { ...citizenView(p, org, deps.clock.now()), photoUrls, audio: p.audio && audioUrl ? { seconds: p.audio.seconds, url: audioUrl } : undefined, meetings };
}

export async function getForCitizen(deps: Deps, caller: CitizenCaller, id: string) {
  const { p, org } = await visible(deps, caller, id);
  return forCitizen(deps, p, org);
}

/**
 * The case file for staff: photos as short-lived links, and the tracking code of the case it repeats if in scope. The
 * staff member who filed it looks at it now: what moved before is no longer news on their 我代办的 (阶段反馈).
 */
export async function getForStaff(deps: Deps, caller: StaffCaller, id: string) {
  const { p, org } = await visible(deps, caller, id);
  if (p.agentId === caller.id && (p.agentSeenAt ?? '') < p.updatedAt) {
    const at = deps.clock.now().toISOString();
    const { timeline: _timeline, ...head } = p;
    if (await deps.petitions.markSeen(head, at)) p.agentSeenAt = at;
  }
  return caseFileForStaff(deps, caller, p, org);
}

/** 我代办的: what the caller filed for citizens, newest first; `news` when it moved since they last looked. */
export async function listFiled(deps: Deps, caller: StaffCaller, page: { limit: number; cursor?: string }) {
  const [out, org] = await Promise.all([deps.petitions.listFiled(caller.id, page), deps.org.load()]);
  const now = deps.clock.now();
  return { items: out.items.map((p) => ({ ...staffSummary(p, org, now, deps.supervision), news: p.updatedAt > (p.agentSeenAt ?? '') })), cursor: out.cursor };
}

export async function caseFileForStaff(deps: Deps, caller: StaffCaller, p: PetitionWithTimeline, org: Org) {
  const [photoUrls, original, audioUrl] = await Promise.all([
    Promise.all(p.photos.map((key) => deps.photos.presignGet(key, PHOTO_VIEW_SECONDS))),
    p.repeatOf ? deps.petitions.get(p.repeatOf) : undefined,
    p.audio ? deps.photos.presignGet(p.audio.key, PHOTO_VIEW_SECONDS) : undefined,
  ]);
  const attached = p.timeline.filter((e) => e.action === 'attach');
  const attachmentUrls = await Promise.all(attached.map((e) => deps.photos.presignGet(String((e.data?.attachment as { key: string }).key), PHOTO_VIEW_SECONDS)));
  return {
    ...staffView(p, org, deps.clock.now(), caller, deps.supervision),
    photoUrls,
    audioUrl,
    repeatOfTrackingCode: original && canSee(caller, original, org) ? original.trackingCode : undefined,
    meetings: (p.consultation?.meetings ?? []).map((m) => ({ ...m, roomUrl: roomUrl(deps.booking.roomUrlTemplate, m.roomId) })),
    documents: p.timeline.filter((e) => e.action === 'issue_document').map((e) => ({ ...IssuedDocument.parse(e.data?.document), eventSeq: e.seq })),
    attachments: attached.map((e, i) => {
      const { key, name } = e.data?.attachment as { key: string; name: string };
      return { eventSeq: e.seq, name, type: key.endsWith('.pdf') ? ('pdf' as const) : ('image' as const), url: attachmentUrls[i] ?? '', at: e.at, by: e.actor.name ?? '' };
    }),
  };
}

export async function listMine(deps: Deps, caller: CitizenCaller, page: { limit: number; cursor?: string }) {
  const [out, org] = await Promise.all([deps.petitions.listByReporter(caller.openid, page), deps.org.load()]);
  const now = deps.clock.now();
  return { items: out.items.map((p) => citizenSummary(p, org, now)), cursor: out.cursor };
}

/** Anonymous follow-up: the tracking code with its secret, compared as a hash. */
export async function track(deps: Deps, code: string, secret: string) {
  const found = await deps.petitions.findByTrackingCode(code);
  if (!found?.secretHash || found.secretHash !== sha256(secret)) throw new NotFoundError('跟踪码或查询密码不正确');
  const [p, org] = await Promise.all([deps.petitions.getWithTimeline(found.id), deps.org.load()]);
  if (!p) throw new NotFoundError('跟踪码或查询密码不正确');
  return forCitizen(deps, p, org);
}

/** A step as the route hands it over: its action and parsed body (the step table's). */
export type TransitionInput = StepInput;

/** What a step needed looked up before it (an invited expert, from the pool): resolveCommand adds it. */
export interface Found {
  expert?: { id: string; name: string };
  /** 出具文书: the names it prints and its number, the next of the owning centre's counter for its kind and year */
  document?: { names: DocumentNames; year: number; seq: number; departmentFigures?: DepartmentYear };
  /** the client's key already issued this very document: the step answers the case as it is, writing nothing */
  replayed?: true;
  /** 专班: the team's staff users, found by their usernames, and the lead official's when named */
  team?: Array<{ id: string; name: string }>;
  lead?: { id: string; name: string };
  /** 会诊会议: the meeting made for this try, and its hosts' slots, taken in the case's transaction */
  meeting?: Meeting;
  slots?: MeetingSlot[];
}
/** What a step needs looked up: once before it, or again on every try (a document's number moves with each race). */
export type Finder = Found | ((p: Petition, org: Org) => Promise<Found>);

function resolveCommand(input: TransitionInput, p: Petition, org: Org, caller: Caller, found: Found = {}): Command {
  switch (input.action) {
    case 'assign_team':
      if (!found.team) throw new ValidationError('专班成员不存在', [{ path: 'usernames', message: '请选择本县的工作人员' }]);
      if (input.lead && !found.lead) throw new ValidationError('包案领导不存在', [{ path: 'lead', message: '请选择本县的工作人员' }]);
      return { ...input, team: found.team, ...(found.lead ? { leader: found.lead } : {}) };
    case 'book_meeting':
      if (!found.meeting) throw new ConflictError('会诊会议未预约，请重试');
      return { ...input, meeting: found.meeting };
    case 'issue_document':
      if (!found.document) throw new ConflictError('文书编号未取得，请重试');
      return { ...input, document: found.document };
    case 'attach':
      // the key upload handed to this caller (requireAttachmentOf checked the file is there)
      return input;
    case 'invite_expert':
      if (!found.expert) throw new ValidationError('专家不存在', [{ path: 'expertId', message: '请从本县专家库中选择专家' }]);
      return { ...input, expert: found.expert };
    case 'transfer': {
      const target = org.nodes.get(input.centreId);
      if (!target || (target.kind !== 'township' && target.kind !== 'county') || !inScope(p.countyId, target.path)) {
        throw new ValidationError('接收中心不存在', [{ path: 'centreId', message: '请选择本县的乡镇（苏木）或县综治中心' }]);
      }
      return { action: 'transfer', centreId: target.id, centrePath: target.path, level: target.kind === 'county' ? 'county' : 'township', reason: input.reason };
    }
    case 'escalate':
      return { ...input, centres: supervisingCentres(org, p) };
    case 'supervise':
    case 'take_over': {
      // the caller's own centre: the workflow checks it is the supervising one (or above it)
      const scope = caller.kind === 'staff' ? org.nodes.get(caller.scopeNodeId) : undefined;
      if (!scope) throw new NotFoundError('未找到该诉求');
      return { ...input, by: { centreId: scope.id, centrePath: scope.path, level: scope.kind === 'county' ? 'county' : 'township' } };
    }
    case 'hand_up': {
      // the township centre's department for the matter takes it over from the village (谁主管谁负责)
      const category = org.categories.find((c) => c.id === p.categoryId);
      return { ...input, departmentId: category ? departmentFor(org, p.centreId, p.countyId, category)?.id : undefined };
    }
    case 'inform':
      // 阶段反馈 is the filer's own record of what they told the citizen
      if (caller.kind !== 'staff' || p.agentId !== caller.id) throw new ForbiddenError('只有登记这件诉求的工作人员可以记录已告知群众');
      return input;
    case 'link_repeat':
      // linkRepeat found the earlier petition (by id or tracking code) before the step
      if (!input.repeatOf) throw new ValidationError('未找到被重复的诉求', [{ path: 'trackingCode', message: '请填写被重复诉求的跟踪码' }]);
      return { ...input, repeatOf: input.repeatOf };
    case 'dispatch': {
      const dep = org.departments.find((d) => d.id === input.departmentId);
      if (!dep || (dep.centreId !== p.centreId && dep.centreId !== p.countyId)) {
        throw new ValidationError('责任部门不存在', [{ path: 'departmentId', message: '请选择本中心或县级的责任部门' }]);
      }
      return input;
    }
    case 'consult': {
      // the lead and co-departments are the owning centre's or the county's, like a dispatch's
      const named = (id: string, path: string) => {
        const dep = org.departments.find((d) => d.id === id);
        if (!dep || (dep.centreId !== p.centreId && dep.centreId !== p.countyId)) {
          throw new ValidationError('会诊部门不存在', [{ path, message: '请选择本中心或县级的部门' }]);
        }
        return { id: dep.id, name: dep.name };
      };
      return { ...input, lead: named(input.leadDepartmentId, 'leadDepartmentId'), departments: input.departmentIds.map((id) => named(id, 'departmentIds')) };
    }
    default:
      return input;
  }
}

/**
 * Every step after the report: read the petition with its record (one Query), let the workflow decide, and write the
 * next version with its event under a version condition. A lost race is re-read and decided again, so concurrent steps
 * never lose an event and never apply one the new status does not allow. Answers the case as written, record
 * included, so a step's reply needs no second read.
 */
export async function transition(
  deps: Deps,
  caller: Caller,
  id: string,
  input: TransitionInput,
  finder: Finder = {},
  attempts = TRANSITION_ATTEMPTS,
  idempotency?: { scope: string; key: string; requestHash: string },
): Promise<PetitionWithTimeline> {
  const org = await deps.org.load();
  for (let attempt = 0; attempt < attempts; attempt++) {
    const current = await deps.petitions.getWithTimeline(id);
    if (!current || !canSee(caller, current, org)) throw new NotFoundError('未找到该诉求');
    const { timeline, ...p } = current;
    const category = org.categories.find((c) => c.id === p.categoryId);
    if (!category) throw new NotFoundError('诉求类型不存在');
    const found = typeof finder === 'function' ? await finder(p, org) : finder;
    if (found.replayed) {
      // the key's record was written with the step it made: read after it, the case holds that step
      const done = await deps.petitions.getWithTimeline(id);
      if (!done) throw new NotFoundError('未找到该诉求');
      return done;
    }
    const decision = decide(p, resolveCommand(input, p, org, caller, found), actorOf(caller), {
      now: deps.clock.now(),
      limits: category.limits,
      mediation: isMediationCategory(org.nodes.get(p.countyId), category),
    });
    const next: Petition = { ...p, ...decision.patch, version: p.version + 1 };
    const event = { ...decision.event, seq: next.version };
    const message = messageFor(next, event);
    // a document's number: the centre's counter moves from seq - 1 to seq in the case's transaction, or the try is lost;
    // a meeting's slots are taken there too
    const once = idempotency
      ? {
          idempotency,
          ...(input.action === 'issue_document' && found.document ? { document: { centreId: p.centreId, kind: input.kind, year: found.document.year, seq: found.document.seq } } : {}),
          ...(found.slots ? { slots: found.slots } : {}),
        }
      : undefined;
    // the load and ratings of the consultation's experts move with the case, in the same transaction
    if (await deps.petitions.applyTransition(p, next, [event], message ? [message] : [], expertChanges(p, next), once)) return { ...next, timeline: [...timeline, event] };
    await jitter(attempt);
  }
  throw new ConflictError('该诉求正在被他人处理，请刷新后重试');
}

/** A handler named on a dispatch works in the department the case goes to. The county's users: dozens, a page or two. */
async function requireHandlerOf(deps: Deps, caller: StaffCaller, departmentId: string, handlerId: string) {
  const countyId = (await deps.org.load()).nodes.get(caller.scopeNodeId)?.path.split('/')[0];
  let cursor: string | undefined;
  do {
    const page = countyId ? await deps.org.listUsers(countyId, { limit: 100, cursor }) : { items: [], cursor: undefined };
    const user = page.items.find((u) => u.id === handlerId);
    if (user) {
      if (user.role === 'handler' && user.departmentId === departmentId) return;
      break;
    }
    cursor = page.cursor;
  } while (cursor);
  throw new ValidationError('承办人不属于所选责任部门', [{ path: 'handlerId', message: '请选择该责任部门的承办人' }]);
}

/**
 * Concurrent documents of one centre race for its counter: each lost try re-reads it and takes the next number, so
 * enough tries for a busy office (20 at once settle in well under this; a lost race answers 409 after them).
 */
const DOCUMENT_ATTEMPTS = 40;

/**
 * The next number of the owning centre's counter for the kind and the China year now, with the names to print; or,
 * when the caller's key already issued this document (a retried send), nothing to write: the same document answers.
 * Read on every try, so a concurrent send with the same key that won the race is found by the one that lost it.
 */
async function documentNumberFor(deps: Deps, p: Petition, org: Org, kind: DocumentKind, once: { scope: string; key: string; requestHash: string }): Promise<Found> {
  const used = await deps.petitions.keyRecord(once.scope, once.key);
  if (used) {
    if (used.petitionId !== p.id || used.requestHash !== once.requestHash) throw new ConflictError('这个提交编号已用于另一份文书，请刷新页面后重新出具');
    return { replayed: true };
  }
  const year = chinaYear(deps.clock.now().toISOString());
  const last = await deps.petitions.documentCount(p.centreId, kind, year);
  return { document: { names: caseNames(org, p), year, seq: last + 1, ...(kind === 'evaluation' && p.departmentId ? { departmentFigures: await departmentYear(deps, p) } : {}) } };
}

/** 化解成效考评表: the case's department's figures in its owning centre, from the China year's first day to today. */
async function departmentYear(deps: Deps, p: Petition): Promise<DepartmentYear> {
  const to = chinaDate(deps.clock.now());
  const from = `${to.slice(0, 4)}-01-01`;
  const items = await deps.petitions.monthFigures([p.centreId], monthsOf(from, to).map((m) => departmentMonthKey(m.slice('M#'.length))));
  const f = departmentFiguresOf(items.get(p.centreId) ?? [], from, to).find((x) => x.departmentId === p.departmentId);
  const none = { numerator: 0, denominator: 0, rate: null };
  return { from, to, handled: f?.handled ?? 0, resolved: f?.resolved ?? 0, onTime: f?.onTime ?? none, satisfaction: f?.satisfaction ?? none, backlogSettled: f?.backlogSettled ?? 0 };
}

/** 专班 and 包案领导: active staff users of the caller's county who work cases (centre staff, handlers, county supervisors). */
async function teamOf(deps: Deps, caller: StaffCaller, usernames: readonly string[], lead?: string) {
  const org = await deps.org.load();
  const countyOf = (nodeId: string) => org.nodes.get(nodeId)?.path.split('/')[0];
  const county = countyOf(caller.scopeNodeId);
  const fits = (u: Awaited<ReturnType<typeof deps.org.getUser>>) => !!u && u.active !== false && countyOf(u.scopeNodeId) === county && TEAM_ROLES.includes(u.role);
  const [users, leader] = await Promise.all([Promise.all([...new Set(usernames)].map((u) => deps.org.getUser(u))), lead ? deps.org.getUser(lead) : undefined]);
  const bad = users.findIndex((u) => !fits(u));
  if (bad >= 0) throw new ValidationError('专班成员不存在', [{ path: `usernames.${bad}`, message: '请选择本县在岗的综治中心、承办部门或县级工作人员' }]);
  if (lead && !fits(leader)) throw new ValidationError('包案领导不存在', [{ path: 'lead', message: '请选择本县在岗的综治中心、承办部门或县级工作人员' }]);
  return { team: users.map((u) => ({ id: u!.id, name: u!.name })), ...(leader ? { lead: { id: leader.id, name: leader.name } } : {}) };
}

/** A staff step answers with the case file; after a hand-over the caller sees only where the case went. */
export async function stepForStaff(deps: Deps, caller: StaffCaller, id: string, input: TransitionInput, idempotencyKey?: string) {
  // a note the citizen reads goes through the same check as what citizens write
  if (input.action === 'progress' && input.visibility !== 'internal') await requireCleanText(deps, undefined, { note: input.note });
  if (input.action === 'dispatch' && input.handlerId) await requireHandlerOf(deps, caller, input.departmentId, input.handlerId);
  const found: Found = {};
  if (input.action === 'invite_expert') {
    const p = await deps.petitions.get(id);
    if (!p || !canSee(caller, p, await deps.org.load())) throw new NotFoundError('未找到该诉求');
    found.expert = await invitable(deps, p, input.expertId);
  }
  if (input.action === 'assign_team') {
    const p = await deps.petitions.get(id);
    if (!p || !canSee(caller, p, await deps.org.load())) throw new NotFoundError('未找到该诉求');
    Object.assign(found, await teamOf(deps, caller, input.usernames, input.lead));
  }
  if (input.action === 'attach') {
    // whoever does not see the case learns nothing of it from the file they name
    const p = await deps.petitions.get(id);
    if (!p || !canSee(caller, p, await deps.org.load())) throw new NotFoundError('未找到该诉求');
    await requireAttachmentOf(deps, caller, input.key);
  }
  let next: PetitionWithTimeline;
  if (input.action === 'issue_document') {
    // the route requires the key (shared/contract/staff.ts); a document is never issued without one
    if (!idempotencyKey) throw new ValidationError('缺少 Idempotency-Key 请求头', [{ path: 'Idempotency-Key', message: '缺少 Idempotency-Key 请求头' }]);
    const { action: _action, ...body } = input;
    const once = { scope: idempotencyScope(caller), key: idempotencyKey, requestHash: sha256(JSON.stringify({ petitionId: id, body })) };
    next = await transition(deps, caller, id, input, (p, org) => documentNumberFor(deps, p, org, input.kind, once), DOCUMENT_ATTEMPTS, once);
  } else next = await transition(deps, caller, id, input, found);
  const org = await deps.org.load();
  if (!canSee(caller, next, org)) {
    return { id: next.id, status: next.status, level: next.level, centreId: next.centreId, handedOver: true as const };
  }
  return caseFileForStaff(deps, caller, next, org);
}

export async function rate(deps: Deps, caller: CitizenCaller, id: string, input: { rating: 'satisfied' | 'basically_satisfied' | 'dissatisfied'; comment?: string }) {
  await requireCleanText(deps, caller.openid, { comment: input.comment });
  const next = await transition(deps, caller, id, { action: 'rate', ...input });
  return forCitizen(deps, next, await deps.org.load());
}

/** The centre a caller reads as: their scope node itself, a township or the county (scopeFitsRole); nothing else. */
export function centreScope(caller: StaffCaller, org: Org) {
  const scope = org.nodes.get(caller.scopeNodeId);
  if (!scope) throw new NotFoundError('您的管辖范围不存在');
  if (!scopeFitsRole(caller.role, scope) || (scope.kind !== 'township' && scope.kind !== 'county')) throw new NotFoundError(SCOPE_NOT_A_CENTRE);
  return scope;
}

export function queueScope(caller: StaffCaller, org: Org): QueueScope {
  if (caller.role === 'village_staff') {
    const village = org.nodes.get(caller.scopeNodeId);
    if (!village || village.kind !== 'village') throw new NotFoundError('您的管辖范围不存在');
    return { kind: 'village', villageId: village.id, countyId: village.path.split('/')[0] ?? village.id };
  }
  if (caller.role === 'handler' && caller.departmentId) {
    const scope = org.nodes.get(caller.scopeNodeId);
    if (!scope) throw new NotFoundError('您的管辖范围不存在');
    return { kind: 'department', departmentId: caller.departmentId, countyId: scope.path.split('/')[0] ?? scope.id };
  }
  const scope = centreScope(caller, org);
  return scope.kind === 'county' ? { kind: 'county', countyId: scope.id } : { kind: 'centre', centreId: scope.id };
}

/** 复查 and 回访: what the caller's centre must call back or review now. */
export async function staffTasks(deps: Deps, caller: StaffCaller, page: { limit: number; cursor?: string }) {
  if (!readsCentre(caller.role)) throw new NotFoundError('未找到');
  const org = await deps.org.load();
  const scope = queueScope(caller, org);
  const centreId = scope.kind === 'centre' ? scope.centreId : scope.kind === 'county' ? scope.countyId : '';
  const now = deps.clock.now();
  const out = await deps.petitions.listTasks(centreId, now, page);
  return {
    items: out.items.map((p) => ({ ...staffSummary(p, org, now, deps.supervision), task: p.status === 'reopened' ? ('review' as const) : ('follow_up' as const) })),
    cursor: out.cursor,
  };
}

/** A China calendar day's first instant, as the ISO time petitions are stored with. */
export const chinaDayStart = (day: string, plusDays = 0) => new Date(Date.parse(`${day}T00:00:00+08:00`) + plusDays * 86_400_000).toISOString();

/**
 * The staff queue: the caller's subtree only, a page at a time, newest or most urgent first, narrowed by status,
 * deadline, category, township, channel and period. A tracking code is one exact lookup, answered only in scope:
 * another centre's code finds nothing.
 */
export async function staffQueue(deps: Deps, caller: StaffCaller, q: Partial<StaffQueueQuery> & { limit: number; cursor?: string }) {
  if (caller.role === 'agent') throw new NotFoundError('未找到');
  const org = await deps.org.load();
  const now = deps.clock.now();
  if (q.code) {
    const found = await deps.petitions.findByTrackingCode(q.code);
    const p = found ? await deps.petitions.get(found.id) : undefined;
    return { items: p && canSee(caller, p, org) ? [staffSummary(summaryOf(p), org, now, deps.supervision)] : [], cursor: undefined };
  }
  const due = q.due ?? (q.overdue === 'true' ? 'overdue' : undefined);
  const nowIso = now.toISOString();
  const filter: QueueFilter = {
    status: q.status,
    due: due === 'overdue' ? { overdue: nowIso } : due === 'near' ? { near: nowIso } : undefined,
    categoryId: q.categoryId,
    townshipId: q.townshipId,
    channel: q.channel,
    created: q.from || q.to ? { from: q.from && chinaDayStart(q.from), to: q.to && chinaDayStart(q.to, 1) } : undefined,
    // A tab of closed cases has no deadlines to order by: those stay newest first.
    sort: q.sort === 'urgent' && (!q.status || isOpen(q.status)) ? 'urgent' : 'newest',
    supervised: q.supervised === 'true',
    consulting: q.consulting === 'true',
    team: q.team === 'true' ? caller.id : undefined,
  };
  const scope = queueScope(caller, org);
  if (scope.kind === 'village' && (filter.supervised || (filter.due && 'near' in filter.due) || filter.townshipId)) {
    const field = filter.supervised ? 'supervised' : filter.townshipId ? 'townshipId' : 'due';
    throw new ValidationError('村级待办只按状态、期限和类型查看', [{ path: `query.${field}`, message: '村级待办没有督办、临期和乡镇筛选' }]);
  }
  if (filter.supervised && scope.kind === 'department') {
    throw new ValidationError('承办人的待办没有督办列表', [{ path: 'query.supervised', message: '督办列表只供综治中心查看' }]);
  }
  if (filter.team && !TEAM_ROLES.includes(caller.role)) {
    throw new ValidationError('专班列表只供专班成员查看', [{ path: 'query.team', message: '专班列表只供综治中心、承办部门和县级工作人员查看' }]);
  }
  if (filter.consulting && scope.kind !== 'department') {
    throw new ValidationError('会诊列表只供部门承办人查看', [{ path: 'query.consulting', message: '会诊列表只供部门承办人查看' }]);
  }
  const out = await deps.petitions.listQueue(scope, filter, { limit: q.limit, cursor: q.cursor });
  return { items: out.items.map((p) => staffSummary(p, org, now, deps.supervision)), cursor: out.cursor };
}

/** 查看电话: the whole number, for a petition in scope; the look is on the staff timeline, written with the next version. */
export async function revealPhone(deps: Deps, caller: StaffCaller, id: string) {
  const next = await transition(deps, caller, id, { action: 'reveal_phone' });
  if (!next.phone) throw new ConflictError('该诉求没有留电话');
  return { phone: next.phone };
}

/** Marks the petition a repeat (重复信访) of an earlier one the caller can see, found by id or tracking code. */
export async function linkRepeat(deps: Deps, caller: StaffCaller, id: string, body: { repeatOf?: string; trackingCode?: string; note?: string }) {
  const org = await deps.org.load();
  const p = await deps.petitions.get(id);
  if (!p || !canSee(caller, p, org)) throw new NotFoundError('未找到该诉求');
  const targetId = body.repeatOf ?? (body.trackingCode ? (await deps.petitions.findByTrackingCode(body.trackingCode))?.id : undefined);
  const target = targetId ? await deps.petitions.get(targetId) : undefined;
  if (!target || !canSee(caller, target, org)) {
    const field = body.repeatOf ? 'repeatOf' : 'trackingCode';
    throw new ValidationError('未找到被重复的诉求', [{ path: field, message: '未找到该诉求，请核对跟踪码（只能关联本中心的诉求）' }]);
  }
  return stepForStaff(deps, caller, id, { action: 'link_repeat', repeatOf: target.id, note: body.note });
}
