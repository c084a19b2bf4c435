import type { MediaVerdict } from '../shared/audio';
import type { ExpertDelta } from '../shared/experts';
import type { Expert } from '../shared/schemas/expert';
/** The ports use cases receive, so a test can pass a fixed clock and the real DynamoDB adapter alike. */
import type { StoredWarning } from '../shared/schemas/warnings';
import type { Org } from '../shared/routing';
import type { FiledSummary, Petition, PetitionSummary, PetitionWithTimeline, TimelineEvent } from '../shared/schemas/petition';
import type { Post, StaffUser, Category, Department, OrgNode } from '../shared/schemas/org';
import type { Channel, Status } from '../shared/schemas/common';
import type { OutboxMessage, Template } from '../shared/notifications';
import type { Booking, Host } from '../shared/schemas/booking';
import type { ThrottleState } from '../shared/loginThrottle';
import type { AuditEntry, LoginRecord } from '../shared/schemas/security';
import type { Partner } from '../shared/schemas/open311';

export interface Clock {
  now(): Date;
  /** a clock read from a time server (CLOCK_URL) catches up with it at the start of each invocation */
  sync?(): Promise<void>;
}

export interface Ids {
  /** sortable, unique */
  id(): string;
  /** 10 characters a person can read over the phone */
  trackingCode(): string;
}

export interface Page<T> {
  items: T[];
  cursor?: string;
}

export interface NewPetition {
  petition: Petition;
  event: TimelineEvent;
  secretHash?: string;
  /** a keyed hash of the phone number: the petition is found by it (and its category) for 30 days, as a possible repeat */
  phoneKey?: string;
  idempotency: { scope: string; key: string; requestHash: string };
  /** counters that must stay under their maximum for the report to be taken (a flood from one user or one post) */
  quotas: Array<{ key: string; max: number; expiresAt: number }>;
}

export type QueueScope =
  | { kind: 'centre'; centreId: string }
  | { kind: 'county'; countyId: string }
  | { kind: 'department'; departmentId: string; countyId: string }
  /** 小事不出村: what a village holds, through its village entries (keys.villageEntry) */
  | { kind: 'village'; villageId: string; countyId: string };

/** What a queue page shows: all optional but the order. Times are ISO instants. */
export interface QueueFilter {
  status?: Status;
  /** past the deadline at this instant (overdue), or near due at it (临期: in the step's last share, deadline not passed) */
  due?: { overdue: string } | { near: string };
  categoryId?: string;
  townshipId?: string;
  channel?: Channel;
  /** the cases behind a cluster warning (聚集): at one post, or in one village */
  postId?: string;
  villageId?: string;
  /** created from `from` (inclusive) to `to` (exclusive) */
  created?: { from?: string; to?: string };
  /** newest first unless asked */
  sort?: 'newest' | 'urgent';
  /** 督办: only the cases the scope's centre supervises (escalated to it), newest first; not with `due` or `urgent` */
  supervised?: boolean;
  /** 联合会诊: only the cases the scope's department is called into as a co-department, newest consultation first */
  consulting?: boolean;
  /** 专班: only the backlog cases this staff user (an id) is on, as a member or the lead, newest first */
  team?: string;
}
/** Whose figures and exports: one township centre, or the whole county. */
export type FigureScope = Exclude<QueueScope, { kind: 'department' }>;

/** 专家库: experts by id, a county's pool a page at a time, and those of some fields (推荐专家). */
export interface ExpertRepository {
  get(id: string): Promise<Expert | undefined>;
  /** under the version read (`before` undefined: a new expert); false when it changed meanwhile or already exists */
  put(before: Expert | undefined, after: Expert): Promise<boolean>;
  list(countyId: string, page: { limit: number; cursor?: string }): Promise<Page<Expert>>;
  ofFields(countyId: string, fields: readonly string[]): Promise<Expert[]>;
}

/**
 * What a step writes once, beside the case in the transaction of its event, under the client's key (its record is
 * written there too, once): a document's number, or the slots of a meeting.
 */
export interface OnceWrites {
  idempotency: { scope: string; key: string; requestHash: string };
  /** 出具文书: the centre's counter for the kind and year moves from seq - 1 to seq */
  document?: { centreId: string; kind: string; year: number; seq: number };
  /** 会诊会议: each host's slot at the meeting's start, taken whole: nobody booked it before, it is full after */
  slots?: MeetingSlot[];
}
export interface MeetingSlot {
  hostId: string;
  start: string;
  end: string;
  capacity: number;
  meetingId: string;
}

/** What an idempotency key already made: the case it was sent for and the hash of what was sent. */
export interface KeyRecord {
  petitionId: string;
  requestHash: string;
}

export interface PetitionRepository {
  /** Creates the petition with its first event, tracking code and idempotency record in one transaction. */
  create(input: NewPetition): Promise<{ created: true } | { created: false; existingId: string; requestHash: string }>;
  get(id: string): Promise<Petition | undefined>;
  /** Keeps WeChat's verdict on a report's recording, found by the check's trace id; false when no report has it. */
  recordMediaVerdict(traceId: string, verdict: MediaVerdict): Promise<boolean>;
  getWithTimeline(id: string): Promise<PetitionWithTimeline | undefined>;
  /** Writes the next version and its event; false when another write got there first. */
  /** the next version, its events and the messages they send, in one transaction */
  /** `experts`: what the step adds to the load and ratings of the experts of the case (shared/experts.ts), in the same transaction */
  applyTransition(before: Petition, after: Petition, events: TimelineEvent[], messages?: OutboxMessage[], experts?: readonly ExpertDelta[], once?: OnceWrites): Promise<boolean>;
  /** the number of the last document of a kind a centre issued in a China year (0: none yet) */
  documentCount(centreId: string, kind: string, year: number): Promise<number>;
  /** what a caller's idempotency key was used for, if it was (a document issued with it, a case registered with it) */
  keyRecord(scope: string, key: string): Promise<KeyRecord | undefined>;
  /** the figures' counter items of a centre or county: the months asked for (`M#YYYY-MM`) and the current status counts */
  figures(scope: string, months: string[], warningsMonth?: string): Promise<{ months: Array<{ key: string; counts: Record<string, number> }>; now: Record<string, number>; warnings: StoredWarning[] }>;
  /** the warnings (未诉先办) of a township or county for a month (`YYYY-MM`) */
  warnings(scope: string, month: string): Promise<StoredWarning[]>;
  /** the same read, with when each staff user last marked the month's warnings seen (工作台's 新预警 mark), by user id */
  warningsSeen(scope: string, month: string): Promise<{ warnings: StoredWarning[]; seen: Record<string, string> }>;
  /** a staff user has seen a month's warnings of their township or county (`at`); nothing when none were raised */
  markWarningsSeen(scope: string, month: string, userId: string, at: string): Promise<void>;
  /** raises a township's warning once (its township's and county's item); false when raised before */
  raiseWarning(countyId: string, w: StoredWarning): Promise<boolean>;
  /** the month items (`M#YYYY-MM`) of several centres, all shards, by centre; and their warnings of a month if asked */
  monthFigures(
    scopes: string[],
    months: string[],
    warningsMonth?: string,
  ): Promise<Map<string, Array<{ key: string; counts: Record<string, number> }>> & { warnings: Map<string, StoredWarning[]> }>;
  /** a centre's review and follow-up tasks due by `until`, oldest first */
  listTasks(centreId: string, until: Date, page: { limit: number; cursor?: string }): Promise<Page<PetitionSummary>>;
  /** petitions whose next supervision alert falls due by `until`, oldest first */
  listAlerts(countyId: string, until: Date, page: { limit: number; cursor?: string }): Promise<Page<PetitionSummary>>;
  findByTrackingCode(code: string): Promise<{ id: string; secretHash?: string } | undefined>;
  listByReporter(openid: string, page: { limit: number; cursor?: string }): Promise<Page<PetitionSummary>>;
  /** 我代办的: what a staff user filed for citizens, newest first, with when they last looked at each */
  listFiled(userId: string, page: { limit: number; cursor?: string }): Promise<Page<FiledSummary>>;
  /** the filer looked at the case at `at`; false when a step got there first */
  markSeen(p: Petition, at: string): Promise<boolean>;
  /** what a partner system filed from `from` to `to` (ISO instants), newest first, of one category if given */
  listByPartner(partnerId: string, q: { from: string; to: string; categoryId?: string }, page: { limit: number; cursor?: string }): Promise<Page<PetitionSummary>>;
  listQueue(scope: QueueScope, filter: QueueFilter, page: { limit: number; cursor?: string }): Promise<Page<PetitionSummary>>;
  /** 揭榜领案: the backlog cases posted to a county's board (a township centre's: those of its own), newest posting first */
  listBoard(scope: Extract<QueueScope, { kind: 'county' | 'centre' }>, page: { limit: number; cursor?: string }): Promise<Page<PetitionSummary>>;
  /** petitions registered from `from` to `to` (ISO instants, both inclusive) in the scope, oldest first, a page at a time */
  listRegistered(scope: FigureScope, from: string, to: string, page: { limit: number; cursor?: string }): Promise<Page<PetitionSummary>>;
  /** the scope's open petitions past their deadline at `now`, longest overdue first */
  listOverdue(scope: FigureScope, now: Date, page: { limit: number; cursor?: string }): Promise<Page<PetitionSummary>>;
  /** open petitions that may be repeats of a new one */
  findRepeatCandidates(q: { openid?: string; postId?: string; phoneKey?: string; categoryId: string; since: Date }): Promise<PetitionSummary[]>;
}

/** Open311 partner systems (functions/adapters/dynamo/partners.ts). */
export interface PartnerRepository {
  /** the partner and its key's hash, both new */
  create(partner: Partner, keyHash: string): Promise<void>;
  byKeyHash(keyHash: string): Promise<Partner | undefined>;
  list(countyId: string): Promise<Partner[]>;
  get(countyId: string, id: string): Promise<(Partner & { keyHash: string }) | undefined>;
  revoke(partner: Partner & { keyHash: string }): Promise<void>;
  /** one more request on the counter; false when it already holds `max` */
  take(counter: string, max: number, expiresAt: number): Promise<boolean>;
}

export interface OrgRepository {
  /** the org tree, departments and categories; cached per container unless `fresh` (a change reads afresh) */
  load(opts?: { fresh?: boolean }): Promise<Org>;
  getPost(id: string): Promise<Post | undefined>;
  listPosts(townshipId: string, page: { limit: number; cursor?: string }): Promise<Page<Post & { townshipId: string }>>;
  putPost(post: Post, townshipId: string): Promise<void>;
  /** each write of the org takes its audit entry, written in the same transaction */
  putNode(node: OrgNode, audit?: Audited): Promise<void>;
  putDepartment(d: Department, audit?: Audited): Promise<void>;
  putCategory(c: Category, audit?: Audited): Promise<void>;
  /**
   * A staff user's stored record. `cached`: the token check on every staff call may take a copy this container read
   * within its user cache time (at most 60 s; this container's own writes drop it); every change reads afresh.
   */
  getUser(username: string, opts?: { cached?: boolean }): Promise<StaffAccount | undefined>;
  listUsers(countyId: string, page: { limit: number; cursor?: string }): Promise<Page<StaffUser>>;
  /**
   * Writes the user: new (`mustBeNew`, else a ConflictError) or over the version read (`expectVersion`, else a
   * ConflictError), so two changes at once never lose a token-version bump.
   */
  putUser(user: StaffAccount, countyId: string, opts?: { mustBeNew?: boolean; expectVersion?: number; audit?: Audited }): Promise<void>;
}

/**
 * A staff user as stored: the password's hash (never answered, never logged) and the token version every staff
 * token carries; a change of role, scope, department, password or active, or a sign-out everywhere, bumps it.
 */
export type StaffAccount = StaffUser & { passwordHash: string; tokenVersion: number };

/** An audit entry and the county whose record it joins. */
export type Audited = AuditEntry & { countyId: string };

export interface AuditRepository {
  /** a county's audit record, newest first */
  list(countyId: string, page: { limit: number; cursor?: string }): Promise<Page<AuditEntry>>;
  /** an entry on its own, for a change that is not a table write of ours (a lock lifted) */
  put(entry: Audited): Promise<void>;
}

/** A login throttle counter as read: its state and the version a write must find. 0: there is none. */
export interface ThrottleCounter {
  state: ThrottleState;
  version: number;
}

/** Staff login throttle counters (named `u#…` for a username, `a#…` for a source address) and login records. */
export interface LoginRepository {
  /** the counters that exist among `names`, read strongly consistent */
  counters(names: string[]): Promise<Map<string, ThrottleCounter>>;
  /**
   * Writes a counter's next state (null: removes it) over the version read (null: whatever is there), with a record
   * in the same transaction if given; false when another attempt wrote the counter first.
   */
  write(name: string, state: ThrottleState | null, version: number | null, record?: LoginRecord & { countyId: string }): Promise<boolean>;
  record(record: LoginRecord & { countyId: string }): Promise<void>;
  /** removes a counter (an admin lifting a lock); true when there was one */
  clear(name: string): Promise<boolean>;
  /** a county's login records (`~`: attempts at usernames that are nobody's), newest first */
  records(countyId: string, page: { limit: number; cursor?: string }): Promise<Page<LoginRecord>>;
}

export interface WechatClient {
  code2session(code: string): Promise<{ openid: string }>;
  sendSubscribeMessage(m: { openid: string; templateId: string; page: string; data: Record<string, string> }): Promise<SendResult>;
  /** true when WeChat passes the text */
  checkText(content: string, openid?: string): Promise<boolean>;
  /**
   * Hands a recording (a link WeChat fetches) to the asynchronous media check (mediaCheckAsync v2); the verdict
   * comes later to the message server, matched by the trace id answered here.
   */
  checkMediaAsync(m: { url: string; type: 'audio' | 'image'; openid: string }): Promise<{ traceId: string }>;
}

/**
 * A booking reminder: an outbox message (`<bookingId>-1d` or `<bookingId>-15m`, template `reminder`) written with
 * the booking, which the notification sender sends when `dueAt` comes.
 */
export type Reminder = OutboxMessage & { kind: 'booking_reminder' };

export interface BookingFigureItems {
  centre: Array<{ key: string; counts: Record<string, number> }>;
  hosts: Map<string, Array<{ key: string; counts: Record<string, number> }>>;
}

export interface HostRecord {
  host: Host;
  centrePath: string;
  countyId: string;
}

export interface SlotState {
  start: string;
  booked: number;
  bookingIds: string[];
}

/**
 * Hosts, slot state and bookings. Every write that takes or frees a slot is one transaction whose conditions hold the
 * invariant `booked <= capacity`; a condition that fails becomes a ConflictError.
 */
/** The hosts and their slots' state, read: all the case work needs of receptions (会诊会议). */
export interface HostReader {
  listHosts(where: { centreId: string } | { countyId: string }): Promise<HostRecord[]>;
  slotStates(hostId: string, from: string, to: string): Promise<SlotState[]>;
}

export interface BookingRepository extends HostReader {
  putHost(record: HostRecord): Promise<void>;
  getHost(id: string): Promise<HostRecord | undefined>;
  /** the reception figures' month items (`M#YYYY-MM`) of a centre and of each of its hosts, for the months asked */
  bookingFigures(centreId: string, months: string[]): Promise<BookingFigureItems>;
  /** Takes the slot, writes the booking, its reminders and the idempotency record at once. */
  book(input: {
    booking: Booking;
    capacity: number;
    reminders: Reminder[];
    idempotency: { scope: string; key: string; requestHash: string };
    /** how many bookings one citizen may hold with one host in a China week */
    perCitizenWeek: number;
  }): Promise<{ created: true } | { created: false; existingId: string; requestHash: string }>;
  get(id: string): Promise<Booking | undefined>;
  /** Takes the new slot, frees the old one (still held by this booking), writes the booking and its reminders. */
  reschedule(before: Booking, after: Booking, capacity: number, reminders: Reminder[], perCitizenWeek: number): Promise<void>;
  /** Frees the slot, writes the cancelled booking, drops its reminders. */
  cancel(before: Booking, after: Booking): Promise<void>;
  /** Attendance or rating: writes the booking and counts it into the host's and the centre's figures. */
  record(before: Booking, after: Booking): Promise<void>;
  listByCitizen(openid: string, page: { limit: number; cursor?: string }): Promise<Page<Booking>>;
  /** a centre's bookings starting in [from, to), by start */
  listByCentre(centreId: string, from: string, to: string): Promise<Booking[]>;
}

export interface OutboxRepository {
  /** messages to try by `until`, oldest first */
  due(countyId: string, until: Date, page: { limit: number; cursor?: string }): Promise<Page<OutboxMessage>>;
  claim(id: string, leaseUntil: Date): Promise<{ attempts: number; message: OutboxMessage } | undefined>;
  sent(id: string): Promise<void>;
  retryAt(id: string, at: Date, error: string): Promise<void>;
  park(id: string, state: 'failed' | 'skipped', reason: string): Promise<void>;
  get(id: string): Promise<{ state: string; attempts: number; lastError?: string } | undefined>;
  addConsent(openid: string, templates: Template[]): Promise<void>;
  takeConsent(openid: string, template: Template): Promise<boolean>;
  refundConsent(openid: string, template: Template): Promise<void>;
}

/** WeChat's answer to a subscribe message: sent, refused for good, or failed for now. */
export type SendResult = { ok: true } | { ok: false; permanent: boolean; reason: string };

export interface PhotoStore {
  presignPut(key: string, contentType: string, size: number, expiresSeconds: number): Promise<{ url: string; headers: Record<string, string> }>;
  /** a link that shows one stored photo until it expires */
  presignGet(key: string, expiresSeconds: number): Promise<string>;
  /** whether the photo was uploaded */
  exists(key: string): Promise<boolean>;
  /** an uploaded file's size and first bytes (at most `bytes`), or undefined when it is not there */
  peek(key: string, bytes: number): Promise<{ size: number; head: Uint8Array } | undefined>;
}

export type { TimelineEvent };
