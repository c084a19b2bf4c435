/** The petition repository: the only place petitions become items and items become petitions. */
import { departmentDeltas } from '../../../shared/evaluation';
import { backlogMembers } from '../../../shared/schemas/backlog';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  GetCommand,
  UpdateCommand,
  type BatchGetCommandInput,
  type BatchGetCommandOutput,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { Status } from '../../../shared/schemas/common';
import {
  FiledSummary,
  Petition,
  PetitionSummary,
  TimelineEvent,
  summaryOf,
  type PetitionWithTimeline,
} from '../../../shared/schemas/petition';
import type { OutboxMessage } from '../../../shared/notifications';
import { DEFAULT_SUPERVISION, nearDueAt, nextAlert, type SupervisionPolicy } from '../../../shared/supervision';
import { isDispatched, isOpen, taskOf } from '../../../shared/workflow';
import { heldByVillage } from '../../../shared/routing';
import type { FigureScope, MeetingSlot, OnceWrites, NewPetition, Page, PetitionRepository, QueueFilter, QueueScope } from '../../ports';
import { queryAll, versionedPut } from './client';
import { indexPage, type IndexQuery } from './pages';
import { outboxItem } from './outbox';
import { quotaUpdate } from './quota';
import { expertUpdates } from './experts';
import type { ExpertDelta } from '../../../shared/experts';
import type { MediaVerdict } from '../../../shared/audio';
import { RetryableConflictError, TooManyRequestsError } from '../../../shared/errors';
import { NOW_KEY, figureDeltas, type FigureDelta } from '../../../shared/figures';
import { StoredWarning } from '../../../shared/schemas/warnings';
import { FIGURE_SHARDS, KEY_ATTRIBUTES, ROW, figureShard, keys, type IndexName } from './keys';

type Item = Record<string, unknown>;
/** the warnings a warnings item holds (keys.warnings), oldest first */
const warningsOf = (item: Item): StoredWarning[] =>
  Object.entries(item)
    .filter(([k]) => k.startsWith('w_'))
    .map(([, v]) => StoredWarning.parse(v))
    .sort((a, b) => a.raisedAt.localeCompare(b.raisedAt) || a.key.localeCompare(b.key));
/** a staff user's mark on a warnings item: when they last saw its warnings (keys.warnings) */
const SEEN = 'seen_';
/** the numbers of a counter item: every field but its keys */
const countsOf = (i: Item) => Object.fromEntries(Object.entries(i).filter(([, v]) => typeof v === 'number')) as Record<string, number>;

const IDEMPOTENCY_TTL_SECONDS = 7 * 24 * 3600;
/** How many queries a filtered queue page may take at most (see listQueue). */
export const QUEUE_FILTER_READS = 3;

/** The petition item with the index keys its current state puts it under. */
export function petitionItem(p: Petition, policy: SupervisionPolicy = DEFAULT_SUPERVISION): Item {
  const alert = nextAlert(p, policy);
  const task = taskOf(p);
  const qsk = keys.queueSort(p.createdAt, p.id);
  // what list rows show: the summary schema's fields, the rest left out
  const row = summaryOf(p);

  return {
    ...p,
    ...keys.petition(p.id),
    [ROW]: row,
    q_sk: qsk,
    cq_pk: keys.centreQueue(p.centreId),
    cs_pk: keys.centreStatusQueue(p.centreId, p.status),
    kq_pk: keys.countyQueue(p.countyId),
    ks_pk: keys.countyStatusQueue(p.countyId, p.status),
    ...(p.reporter.kind === 'wechat' ? { r_pk: keys.reporter(p.reporter.openid) } : {}),
    ...(p.reporter.kind === 'partner' ? { r_pk: keys.reporter(keys.partnerReporter(p.reporter.partnerId)) } : {}),
    ...(p.departmentId && isDispatched(p.status) ? { d_pk: keys.departmentQueue(p.departmentId) } : {}),
    // The deadline indexes hold a case only while it waits on staff: a resolved case's deadline is the citizen's
    // rating, which staff do not work to; a department's partition holds it only once it has been sent there.
    ...(p.dueAt && isOpen(p.status)
      ? {
          due_pk: keys.due(p.countyId),
          cd_pk: keys.centreDue(p.centreId),
          ...(p.departmentId && isDispatched(p.status) ? { dd_pk: keys.departmentDue(p.departmentId) } : {}),
          due_sk: keys.dueSort(p.dueAt, p.id),
        }
      : {}),
    ...(p.postId && isOpen(p.status) ? { pc_pk: keys.postCategory(p.postId, p.categoryId) } : {}),
    // The sweeper's index holds each petition once, under its next alert: a sweep reads only what falls due.
    ...(alert ? { al_pk: keys.alerts(p.countyId), al_sk: keys.alertSort(alert.at, p.id) } : {}),
    ...(task ? { tk_pk: keys.tasks(p.centreId), tk_sk: keys.alertSort(task.at, p.id) } : {}),
  };
}

/**
 * The petition's near-due entry (keys.nearDue), or undefined when it should have none: it lives while the case is
 * open with a deadline the sweeper has not yet urged, under the instant the step becomes near due. The sweeper's
 * urge at the deadline removes it, so the 临期 tab never reads through overdue cases.
 */
export function nearDueItem(p: Petition, policy: SupervisionPolicy = DEFAULT_SUPERVISION): Item | undefined {
  const near = nearDueAt(p, policy);
  if (!near || !p.dueAt || !isOpen(p.status) || p.urgedFor === p.dueAt || p.overdueFor === p.dueAt) return undefined;
  return {
    ...keys.nearDue(p.id),
    [ROW]: summaryOf(p),
    due_pk: keys.countyNearDue(p.countyId),
    cd_pk: keys.centreNearDue(p.centreId),
    ...(p.departmentId && isDispatched(p.status) ? { dd_pk: keys.departmentNearDue(p.departmentId) } : {}),
    due_sk: keys.dueSort(near, p.id),
  };
}

/**
 * The petition's supervision entry (keys.supervision) while a level above its owner supervises it (首接首办: the
 * owner keeps the case; the supervisor lists it through this entry), or undefined.
 */
export function supervisionItem(p: Petition): Item | undefined {
  if (!p.supervisedBy) return undefined;
  return { ...keys.supervision(p.id), [ROW]: summaryOf(p), cq_pk: keys.supervisedQueue(p.supervisedBy.centreId), q_sk: keys.queueSort(p.createdAt, p.id) };
}

/** The petition's filed entry (keys.filed) while a staff user filed it for a citizen, or undefined. */
export function filedItem(p: Petition): Item | undefined {
  if (!p.agentId) return undefined;
  return { ...keys.filed(p.id), [ROW]: { ...summaryOf(p), agentSeenAt: p.agentSeenAt }, r_pk: keys.filedBy(p.agentId), q_sk: keys.queueSort(p.createdAt, p.id) };
}
const filedWrites = (table: string, p: Petition) => {
  const item = filedItem(p);
  return item ? [{ Put: { TableName: table, Item: item } }] : [];
};

/** The petition's village entry (keys.villageEntry) while its village holds it, or undefined. */
export function villageItem(p: Petition): Item | undefined {
  if (!heldByVillage(p) || !p.villageId) return undefined;
  const v = p.villageId;
  return {
    ...keys.villageEntry(p.id),
    [ROW]: summaryOf(p),
    cq_pk: keys.villageQueue(v),
    cs_pk: keys.villageStatusQueue(v, p.status),
    q_sk: keys.queueSort(p.createdAt, p.id),
    ...(p.dueAt && isOpen(p.status) ? { cd_pk: keys.villageDue(v), due_sk: keys.dueSort(p.dueAt, p.id) } : {}),
  };
}
/** Put the village entry while the village holds the case, delete it when the township takes it. */
function villageWrites(table: string, before: Petition | undefined, after: Petition) {
  const item = villageItem(after);
  if (item) return [{ Put: { TableName: table, Item: item } }];
  return before && heldByVillage(before) ? [{ Delete: { TableName: table, Key: keys.villageEntry(after.id) } }] : [];
}

/** How long a phone entry stays findable: the repeat window (30 days) and a day. */
const PHONE_ENTRY_SECONDS = 31 * 86_400;

/** The petition's phone entry (keys.phoneEntry): its row as reported, found by phone and category until it expires. */
export function phoneEntryItem(p: Petition, phoneKey: string): Item {
  return {
    ...keys.phoneEntry(p.id),
    [ROW]: summaryOf(p),
    pc_pk: keys.phoneCategory(phoneKey, p.categoryId),
    q_sk: keys.queueSort(p.createdAt, p.id),
    ttl: Math.floor(Date.parse(p.createdAt) / 1000) + PHONE_ENTRY_SECONDS,
  };
}

/** Put the supervision entry while there is one, delete it when the case leaves supervision, else nothing to write. */
function supervisionWrites(table: string, before: Petition | undefined, after: Petition) {
  const item = supervisionItem(after);
  if (item) return [{ Put: { TableName: table, Item: item } }];
  return before?.supervisedBy ? [{ Delete: { TableName: table, Key: keys.supervision(after.id) } }] : [];
}

/** The co-departments' consultation entries (keys.consultationEntry) of the petition's consultation, if any. */
export function consultationItems(p: Petition): Item[] {
  const c = p.consultation;
  if (!c) return [];
  return c.participants.map((x) => ({
    ...keys.consultationEntry(p.id, x.departmentId),
    [ROW]: summaryOf(p),
    d_pk: keys.consultingQueue(x.departmentId),
    q_sk: keys.queueSort(c.startedAt, p.id),
  }));
}

/**
 * Put the consultation entries while the case has a consultation (their rows follow the case), and delete those of
 * departments a new consultation no longer calls.
 */
function consultationWrites(table: string, before: Petition | undefined, after: Petition) {
  const now = new Set(after.consultation?.participants.map((x) => x.departmentId) ?? []);
  const gone = (before?.consultation?.participants ?? []).filter((x) => !now.has(x.departmentId));
  return [
    ...consultationItems(after).map((Item) => ({ Put: { TableName: table, Item } })),
    ...gone.map((x) => ({ Delete: { TableName: table, Key: keys.consultationEntry(after.id, x.departmentId) } })),
  ];
}

/** The team entries (keys.teamEntry) of a backlog case: one per staff user it is assigned to. */
export function teamItems(p: Petition): Item[] {
  return backlogMembers(p.backlog).map((userId) => ({ ...keys.teamEntry(p.id, userId), [ROW]: summaryOf(p), r_pk: keys.teamOf(userId), q_sk: keys.queueSort(p.createdAt, p.id) }));
}
/** Put the team entries (their rows follow the case), and delete those of users no longer on it. */
function teamWrites(table: string, before: Petition | undefined, after: Petition) {
  const now = new Set(backlogMembers(after.backlog));
  const gone = backlogMembers(before?.backlog).filter((u) => !now.has(u));
  return [...teamItems(after).map((Item) => ({ Put: { TableName: table, Item } })), ...gone.map((u) => ({ Delete: { TableName: table, Key: keys.teamEntry(after.id, u) } }))];
}

/** The board entry (keys.boardEntry) of a backlog case posted to the county's board, kept once claimed. */
export function boardItem(p: Petition): Item | undefined {
  const since = p.backlog?.boardSince;
  if (!since) return undefined;
  return { ...keys.boardEntry(p.id), [ROW]: summaryOf(p), kq_pk: keys.board(p.countyId), cq_pk: keys.centreBoard(p.centreId), q_sk: keys.queueSort(since, p.id) };
}
function boardWrites(table: string, after: Petition) {
  const item = boardItem(after);
  return item ? [{ Put: { TableName: table, Item: item } }] : [];
}

/**
 * What a step writes once (OnceWrites): the client's key is taken, and a document's counter moves n → n+1, or each
 * host's slot of a meeting is taken whole; all or none, with the case (a second send finds the key).
 */
function onceWrites(table: string, petitionId: string, at: string, once: OnceWrites) {
  const c = once.document;
  return [
    ...(c
      ? [
          {
            Update: {
              TableName: table,
              Key: keys.documentCounter(c.centreId, c.kind, c.year),
              UpdateExpression: 'SET n = :seq',
              ConditionExpression: c.seq === 1 ? 'attribute_not_exists(n)' : 'n = :last',
              ExpressionAttributeValues: c.seq === 1 ? { ':seq': c.seq } : { ':seq': c.seq, ':last': c.seq - 1 },
            },
          },
        ]
      : []),
    ...(once.slots ?? []).map((slot) => meetingSlotWrite(table, slot)),
    {
      Put: {
        TableName: table,
        Item: {
          ...keys.idempotency(once.idempotency.scope, once.idempotency.key),
          petitionId,
          requestHash: once.idempotency.requestHash,
          ttl: Math.floor(Date.parse(at) / 1000) + IDEMPOTENCY_TTL_SECONDS,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ];
}

/**
 * A meeting takes a host's slot whole, in the shape a booking's slot item has (functions/adapters/dynamo/bookings.ts):
 * only while nobody booked it, and then full, so no citizen books into it; a clash cancels the whole transaction.
 */
function meetingSlotWrite(table: string, s: MeetingSlot) {
  return {
    Update: {
      TableName: table,
      Key: keys.slot(s.hostId, s.start),
      UpdateExpression: 'SET #booked = :cap, #cap = :cap, #host = :host, #start = :start, #end = :end ADD #ids :ids',
      ConditionExpression: 'attribute_not_exists(#booked) OR #booked = :zero',
      ExpressionAttributeNames: { '#booked': 'booked', '#cap': 'capacity', '#host': 'hostId', '#start': 'start', '#end': 'end', '#ids': 'bookingIds' },
      ExpressionAttributeValues: { ':zero': 0, ':cap': s.capacity, ':host': s.hostId, ':start': s.start, ':end': s.end, ':ids': new Set([s.meetingId]) },
    },
  };
}

/** Put the near-due entry, or delete it, in the transaction that writes the petition. */
function nearDueWrite(table: string, p: Petition, policy: SupervisionPolicy) {
  const item = nearDueItem(p, policy);
  return item ? { Put: { TableName: table, Item: item } } : { Delete: { TableName: table, Key: keys.nearDue(p.id) } };
}

function strip(item: Item): Item {
  const out: Item = {};
  for (const [k, v] of Object.entries(item)) if (!KEY_ATTRIBUTES.has(k)) out[k] = v;
  return out;
}

const toPetition = (item: Item) => Petition.parse(strip(item));
const toEvent = (item: Item) => TimelineEvent.parse(strip(item));

function isConditionFailure(err: unknown): err is TransactionCanceledException {
  return (
    err instanceof TransactionCanceledException &&
    (err.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed')
  );
}

/** Another transaction held one of the items (a shared counter): the step is simply tried again. */
function isTransactionConflict(err: unknown): boolean {
  return err instanceof TransactionCanceledException && (err.CancellationReasons ?? []).some((r) => r.Code === 'TransactionConflict');
}

/** The counters a step adds, as ADD updates in its transaction. */
export function figureUpdates(table: string, petitionId: string, deltas: FigureDelta[]) {
  const shard = figureShard(petitionId);
  return deltas.map((d) => {
    const fields = Object.entries(d.add);
    return {
      Update: {
        TableName: table,
        Key: keys.figures(d.scope, d.key, shard),
        UpdateExpression: `ADD ${fields.map((_, i) => `#f${i} :v${i}`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(fields.map(([f], i) => [`#f${i}`, f])),
        ExpressionAttributeValues: Object.fromEntries(fields.map(([, n], i) => [`:v${i}`, n])),
      },
    };
  });
}

/** How long a media check's entry waits for WeChat's verdict (it comes within 30 minutes, or after retries). */
const MEDIA_CHECK_TTL_SECONDS = 3 * 24 * 3600;
const mediaCheckItem = (traceId: string, p: Petition) => ({ ...keys.mediaCheck(traceId), petitionId: p.id, ttl: Math.floor(Date.parse(p.createdAt) / 1000) + MEDIA_CHECK_TTL_SECONDS });

export class DynamoPetitionRepository implements PetitionRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly policy: SupervisionPolicy = DEFAULT_SUPERVISION,
  ) {}

  async create(input: NewPetition) {
    const { petition, event, secretHash, idempotency } = input;
    const idemKey = keys.idempotency(idempotency.scope, idempotency.key);
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table,
                Item: { ...idemKey, petitionId: petition.id, requestHash: idempotency.requestHash, ttl: Math.floor(Date.parse(petition.createdAt) / 1000) + IDEMPOTENCY_TTL_SECONDS },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            versionedPut(this.table, petitionItem(petition, this.policy)),
            nearDueWrite(this.table, petition, this.policy),
            ...supervisionWrites(this.table, undefined, petition),
            ...filedWrites(this.table, petition),
            ...villageWrites(this.table, undefined, petition),
            { Put: { TableName: this.table, Item: { ...event, ...keys.event(petition.id, event.seq) } } },
            ...(input.phoneKey ? [{ Put: { TableName: this.table, Item: phoneEntryItem(petition, input.phoneKey) } }] : []),
            ...(petition.audio?.checkTraceId ? [{ Put: { TableName: this.table, Item: mediaCheckItem(petition.audio.checkTraceId, petition) } }] : []),
            {
              Put: {
                TableName: this.table,
                // The anonymous secret's hash lives with the tracking code, the only way in that needs it.
                Item: { ...keys.tracking(petition.trackingCode), petitionId: petition.id, secretHash },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            ...figureUpdates(this.table, petition.id, figureDeltas(undefined, petition, [event])),
            ...input.quotas.map((q) => ({ Update: quotaUpdate(this.table, q) })),
          ],
        }),
      );
      return { created: true as const };
    } catch (err) {
      // a counter another step held at that instant: worth another try
      if (err instanceof TransactionCanceledException && !isConditionFailure(err)) throw new RetryableConflictError();
      if (!isConditionFailure(err)) throw err;
      const reasons = err.CancellationReasons ?? [];
      // The first item is the idempotency record: a replay is answered before any limit is looked at.
      const quotaFailed = reasons.slice(reasons.length - input.quotas.length).some((r) => input.quotas.length > 0 && r.Code === 'ConditionalCheckFailed');
      if (reasons[0]?.Code !== 'ConditionalCheckFailed' && quotaFailed) {
        throw new TooManyRequestsError('提交过于频繁，请一小时后再试；紧急情况请拨打综治中心电话');
      }
      const existing = await this.db.send(new GetCommand({ TableName: this.table, Key: idemKey, ConsistentRead: true }));
      if (existing.Item) {
        return {
          created: false as const,
          existingId: String(existing.Item.petitionId),
          requestHash: String(existing.Item.requestHash),
        };
      }
      // Not the idempotency record: a tracking code collision. The caller retries with a new code.
      throw new RetryableConflictError();
    }
  }

  async recordMediaVerdict(traceId: string, verdict: MediaVerdict) {
    const entry = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.mediaCheck(traceId) }));
    if (!entry.Item) return false;
    try {
      // a new version, so that a step that read the case before goes again from the verdict rather than over it
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.petition(String(entry.Item.petitionId)),
          UpdateExpression: 'SET audio.#check = :verdict, version = version + :one',
          ConditionExpression: 'audio.checkTraceId = :trace',
          ExpressionAttributeNames: { '#check': 'check' },
          ExpressionAttributeValues: { ':verdict': verdict, ':one': 1, ':trace': traceId },
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw err;
    }
  }

  async get(id: string) {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.petition(id), ConsistentRead: true }));
    return out.Item ? toPetition(out.Item) : undefined;
  }

  async getWithTimeline(id: string): Promise<PetitionWithTimeline | undefined> {
    // The petition and its events share a partition: one query reads the whole case file.
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.petition(id).pk },
      ConsistentRead: true,
    });
    const head = items.find((i) => i.sk === 'P');
    if (!head) return undefined;
    const timeline = items.filter((i) => String(i.sk).startsWith(keys.eventPrefix)).map(toEvent);
    return { ...toPetition(head), timeline };
  }

  async keyRecord(scope: string, key: string) {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.idempotency(scope, key), ConsistentRead: true }));
    return out.Item ? { petitionId: String(out.Item.petitionId), requestHash: String(out.Item.requestHash) } : undefined;
  }

  async documentCount(centreId: string, kind: string, year: number) {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.documentCounter(centreId, kind, year), ConsistentRead: true }));
    return typeof out.Item?.n === 'number' ? out.Item.n : 0;
  }

  async applyTransition(before: Petition, after: Petition, events: TimelineEvent[], messages: OutboxMessage[] = [], experts: readonly ExpertDelta[] = [], once?: OnceWrites) {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            versionedPut(this.table, petitionItem(after, this.policy), before),
            nearDueWrite(this.table, after, this.policy),
            ...supervisionWrites(this.table, before, after),
            ...consultationWrites(this.table, before, after),
            ...filedWrites(this.table, after),
            ...villageWrites(this.table, before, after),
            ...boardWrites(this.table, after),
            ...teamWrites(this.table, before, after),
            ...events.map((event) => ({
              Put: {
                TableName: this.table,
                Item: { ...event, ...keys.event(after.id, event.seq) },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            })),
            ...messages.map((m) => ({ Put: { TableName: this.table, Item: outboxItem(m) } })),
            ...figureUpdates(this.table, after.id, [...figureDeltas(before, after, events), ...departmentDeltas(before, after, events)]),
            ...expertUpdates(this.table, experts),
            ...(once ? onceWrites(this.table, after.id, events[0]?.at ?? after.updatedAt, once) : []),
          ],
        }),
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err) || isTransactionConflict(err)) return false;
      throw err;
    }
  }

  async findByTrackingCode(code: string) {
    const t = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.tracking(code) }));
    if (!t.Item) return undefined;
    return { id: String(t.Item.petitionId), secretHash: t.Item.secretHash as string | undefined };
  }

  /** 我代办的: what a staff user filed, newest first, each with when they last looked at it. */
  async listFiled(userId: string, page: { limit: number; cursor?: string }): Promise<Page<FiledSummary>> {
    const out = await indexPage(this.db, this.table, { index: 'byReporter', partition: keys.filedBy(userId), page, tableKey: keys.filed });
    return { items: out.rows.map((r) => FiledSummary.parse(r)), cursor: out.cursor };
  }

  /**
   * The filer looked at the case now: the petition and its filed entry say so, over the version read. A step taken
   * in between wins (false): that step is then news the filer has not seen, which is right.
   */
  async markSeen(p: Petition, at: string) {
    const seen = { ...p, agentSeenAt: at };
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.table,
                Key: keys.petition(p.id),
                UpdateExpression: 'SET agentSeenAt = :at',
                ConditionExpression: 'version = :v',
                ExpressionAttributeValues: { ':at': at, ':v': p.version },
              },
            },
            ...filedWrites(this.table, seen),
          ],
        }),
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err) || isTransactionConflict(err)) return false;
      throw err;
    }
  }

  listByReporter(openid: string, page: { limit: number; cursor?: string }) {
    return this.page('byReporter', keys.reporter(openid), page);
  }

  /** What a partner system filed between two instants, newest first; a category filter may leave a page short. */
  listByPartner(partnerId: string, q: { from: string; to: string; categoryId?: string }, page: { limit: number; cursor?: string }) {
    return this.page('byReporter', keys.reporter(keys.partnerReporter(partnerId)), page, { categoryId: q.categoryId }, {
      between: [keys.queueSort(q.from, ''), keys.queueSort(q.to, '~')],
      ascending: false,
    });
  }

  /**
   * A queue page. Newest first reads the scope's queue (or its status tab) by creation time, the period being part
   * of the key; most urgent first and the overdue and near-due views read by deadline the open cases of the scope: a
   * centre its own `CD#centre`, a department its dispatched `DD#department`, the county `DUE#county`. Category, township, channel, and a period or status
   * that is not part of the key are filters: DynamoDB reads items and drops those that fail, so they are read with
   * a bound (QUEUE_FILTER_READS queries of at most a page each) and a page may come back short with a cursor.
   */
  async listQueue(scope: QueueScope, f: QueueFilter, page: { limit: number; cursor?: string }): Promise<Page<PetitionSummary>> {
    const equals = { categoryId: f.categoryId, townshipId: f.townshipId, channel: f.channel, postId: f.postId, villageId: f.villageId };
    const bounded = { maxReads: QUEUE_FILTER_READS };
    if (scope.kind === 'village') return this.villageQueue(scope.villageId, f, page);
    if (f.supervised && scope.kind !== 'department') {
      // 督办: the supervision entries of the cases this centre (or the county) supervises, newest first, read like the
      // queue; the status is a filter there, the entries being one partition whatever the case's status.
      const created = f.created ?? {};
      const range = created.from && created.to ? { between: [created.from, created.to] as const } : created.from ? { after: created.from } : created.to ? { before: created.to } : {};
      const partition = keys.supervisedQueue(scope.kind === 'centre' ? scope.centreId : scope.countyId);
      return this.page('byCentre', partition, page, { ...equals, status: f.status }, { ...range, ...bounded }, keys.supervision);
    }
    if (f.team) {
      // 专班: the backlog cases this user is assigned to, whatever the scope, newest first
      const userId = f.team;
      return this.page('byReporter', keys.teamOf(userId), page, { ...equals, status: f.status }, bounded, (id) => keys.teamEntry(id, userId));
    }
    if (f.consulting && scope.kind === 'department') {
      // 联合会诊: the consultation entries of the cases this department is called into, newest consultation first
      const dep = scope.departmentId;
      return this.page('byDepartment', keys.consultingQueue(dep), page, { ...equals, status: f.status }, bounded, (id) => keys.consultationEntry(id, dep));
    }
    if (f.sort !== 'urgent' && !f.due) {
      const created = f.created ?? {};
      const range =
        created.from && created.to
          ? { between: [created.from, created.to] as const }
          : created.from
            ? { after: created.from }
            : created.to
              ? { before: created.to }
              : {};
      switch (scope.kind) {
        case 'centre':
          return f.status
            ? this.page('byCentreStatus', keys.centreStatusQueue(scope.centreId, f.status), page, equals, { ...range, ...bounded })
            : this.page('byCentre', keys.centreQueue(scope.centreId), page, equals, { ...range, ...bounded });
        case 'county':
          return f.status
            ? this.page('byCountyStatus', keys.countyStatusQueue(scope.countyId, f.status), page, equals, { ...range, ...bounded })
            : this.page('byCounty', keys.countyQueue(scope.countyId), page, equals, { ...range, ...bounded });
        case 'department':
          return this.page('byDepartment', keys.departmentQueue(scope.departmentId), page, { ...equals, status: f.status }, { ...range, ...bounded });
      }
    }
    const byStatus = { ...equals, status: f.status };
    const createdRange = f.created ? { field: 'createdAt', from: f.created.from, to: f.created.to } : undefined;
    if (f.due && 'near' in f.due) {
      // 临期: the near-due entries whose instant has come, the case that became near due first. An entry leaves at the
      // sweeper's urge; one whose deadline passed before a sweep reached it is dropped by the filter on dueAt.
      const [index, partition]: [IndexName, string] =
        scope.kind === 'centre'
          ? ['byCentreDue', keys.centreNearDue(scope.centreId)]
          : scope.kind === 'department'
            ? ['byDepartmentDue', keys.departmentNearDue(scope.departmentId)]
            : ['byDue', keys.countyNearDue(scope.countyId)];
      const near = { before: keys.dueSort(f.due.near, '~'), ...bounded, ascending: true, rowRange: { field: 'dueAt', from: f.due.near } };
      const out = await this.page(index, partition, page, byStatus, near, keys.nearDue);
      // a period as well (the tab itself has none) is checked on the rows read
      const inPeriod = (r: PetitionSummary) => (!createdRange?.from || r.createdAt >= createdRange.from) && (!createdRange?.to || r.createdAt < createdRange.to);
      return { items: out.items.filter(inPeriod), cursor: out.cursor };
    }
    // By deadline, soonest (or longest overdue) first; the deadline indexes hold open cases only (petitionItem).
    const filters = {
      ...(f.due ? { before: keys.dueSort(f.due.overdue, '') } : {}),
      ...bounded,
      ascending: true,
      rowRange: createdRange,
    };
    switch (scope.kind) {
      case 'centre':
        return this.page('byCentreDue', keys.centreDue(scope.centreId), page, byStatus, filters);
      case 'department':
        return this.page('byDepartmentDue', keys.departmentDue(scope.departmentId), page, byStatus, filters);
      case 'county':
        return this.page('byDue', keys.due(scope.countyId), page, byStatus, filters);
    }
  }

  /**
   * What a village holds (小事不出村), read through its village entries like a centre's queue: newest first (its status
   * tab, or all), or by deadline (most urgent first, overdue). Near due is not kept per village (a 400 upstream).
   */
  private villageQueue(villageId: string, f: QueueFilter, page: { limit: number; cursor?: string }): Promise<Page<PetitionSummary>> {
    const equals = { categoryId: f.categoryId, channel: f.channel };
    const bounded = { maxReads: QUEUE_FILTER_READS };
    const entry = keys.villageEntry;
    if (f.sort !== 'urgent' && !f.due) {
      const created = f.created ?? {};
      const range = created.from && created.to ? { between: [created.from, created.to] as const } : created.from ? { after: created.from } : created.to ? { before: created.to } : {};
      return f.status
        ? this.page('byCentreStatus', keys.villageStatusQueue(villageId, f.status), page, equals, { ...range, ...bounded }, entry)
        : this.page('byCentre', keys.villageQueue(villageId), page, equals, { ...range, ...bounded }, entry);
    }
    const filters = {
      ...(f.due && 'overdue' in f.due ? { before: keys.dueSort(f.due.overdue, '') } : {}),
      ...bounded,
      ascending: true,
      rowRange: f.created ? { field: 'createdAt', from: f.created.from, to: f.created.to } : undefined,
    };
    return this.page('byCentreDue', keys.villageDue(villageId), page, { ...equals, status: f.status }, filters, entry);
  }

  /** 揭榜领案: the county's board, or a township centre's part of it, newest posting first. */
  listBoard(scope: Extract<QueueScope, { kind: 'county' | 'centre' }>, page: { limit: number; cursor?: string }) {
    return scope.kind === 'county'
      ? this.page('byCounty', keys.board(scope.countyId), page, {}, {}, keys.boardEntry)
      : this.page('byCentre', keys.centreBoard(scope.centreId), page, {}, {}, keys.boardEntry);
  }

  listRegistered(scope: FigureScope, from: string, to: string, page: { limit: number; cursor?: string }) {
    // The queue's own index, read by registration time: the cost follows the rows of the period, not the table.
    const between = [keys.queueSort(from, ''), keys.queueSort(to, '~')] as const;
    if (scope.kind === 'village') return this.page('byCentre', keys.villageQueue(scope.villageId), page, {}, { between, ascending: true }, keys.villageEntry);
    return scope.kind === 'centre'
      ? this.page('byCentre', keys.centreQueue(scope.centreId), page, {}, { between, ascending: true })
      : this.page('byCounty', keys.countyQueue(scope.countyId), page, {}, { between, ascending: true });
  }

  listOverdue(scope: FigureScope, now: Date, page: { limit: number; cursor?: string }) {
    // Oldest deadline first, from the scope's own open cases: no filter, so a page is never short.
    const before = { before: keys.dueSort(now.toISOString(), ''), ascending: true };
    if (scope.kind === 'village') return this.page('byCentreDue', keys.villageDue(scope.villageId), page, {}, before, keys.villageEntry);
    return scope.kind === 'centre'
      ? this.page('byCentreDue', keys.centreDue(scope.centreId), page, {}, before)
      : this.page('byDue', keys.due(scope.countyId), page, {}, before);
  }

  /**
   * The counter items of a centre or county: the given months and now, all shards, and the warnings of one month if
   * asked, in as few reads as DynamoDB allows (one BatchGetItem up to 100 keys).
   */
  async figures(scope: string, months: string[], warningsMonth?: string) {
    const warningsKey = warningsMonth ? keys.warnings(scope, warningsMonth) : undefined;
    const items = await this.batchGet([
      ...[...months, NOW_KEY].flatMap((key) => Array.from({ length: FIGURE_SHARDS }, (_, shard) => keys.figures(scope, key, shard))),
      ...(warningsKey ? [warningsKey] : []),
    ]);
    const counters = items.filter((x) => String(x.pk).startsWith('FIG#'));
    const now: Record<string, number> = {};
    for (const i of counters.filter((x) => x.sk === NOW_KEY)) for (const [k, v] of Object.entries(countsOf(i))) now[k] = (now[k] ?? 0) + v;
    const warnings = items.find((x) => warningsKey && x.pk === warningsKey.pk);
    return {
      months: counters.filter((x) => x.sk !== NOW_KEY).map((i) => ({ key: String(i.sk), counts: countsOf(i) })),
      now,
      warnings: warnings ? warningsOf(warnings) : [],
    };
  }

  /** The warnings of a township or the county for a month (`YYYY-MM`): one read. */
  async warnings(scope: string, month: string) {
    return (await this.warningsSeen(scope, month)).warnings;
  }

  /**
   * The same item, with when each staff user last marked its warnings seen (`seen_<user>`: an ISO time), the 工作台's
   * 新预警 mark: a warning raised after the user's mark is new to them. One read.
   */
  async warningsSeen(scope: string, month: string) {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.warnings(scope, month) }));
    if (!out.Item) return { warnings: [], seen: {} };
    const seen = Object.fromEntries(Object.entries(out.Item).filter(([k, v]) => k.startsWith(SEEN) && typeof v === 'string').map(([k, v]) => [k.slice(SEEN.length), v as string]));
    return { warnings: warningsOf(out.Item), seen };
  }

  /** Sets the user's mark on the month's warnings item, only when warnings were raised (never an item for nothing). */
  async markWarningsSeen(scope: string, month: string, userId: string, at: string) {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.warnings(scope, month),
          UpdateExpression: 'SET #seen = :at',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#seen': `${SEEN}${userId}` },
          ExpressionAttributeValues: { ':at': at },
        }),
      );
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
    }
  }

  /**
   * Raises a township's warning for its month once: its township's item and its county's in one transaction, each
   * under `attribute_not_exists` of the warning's key. False when it had been raised already.
   */
  async raiseWarning(countyId: string, w: StoredWarning) {
    const put = (scope: string, field: string) => ({
      Update: {
        TableName: this.table,
        Key: keys.warnings(scope, w.month),
        UpdateExpression: 'SET #w = :w',
        ConditionExpression: 'attribute_not_exists(#w)',
        ExpressionAttributeNames: { '#w': field },
        ExpressionAttributeValues: { ':w': w },
      },
    });
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: [put(w.townshipId, `w_${w.key}`), put(countyId, `w_${w.townshipId}__${w.key}`)] }));
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  }

  /**
   * The month items of several centres (a county's townships), all shards, and each centre's warnings of one month
   * if asked: months × shards (+ 1) keys a centre, 100 to a read. What the county's ranking of its townships reads,
   * and the warning sweep.
   */
  async monthFigures(scopes: string[], months: string[], warningsMonth?: string) {
    const wanted = scopes.flatMap((scope) => [
      ...months.flatMap((key) => Array.from({ length: FIGURE_SHARDS }, (_, shard) => keys.figures(scope, key, shard))),
      ...(warningsMonth ? [keys.warnings(scope, warningsMonth)] : []),
    ]);
    const out = new Map<string, Array<{ key: string; counts: Record<string, number> }>>(scopes.map((s) => [s, []]));
    const warnings = new Map<string, StoredWarning[]>(scopes.map((s) => [s, []]));
    for (const i of await this.batchGet(wanted)) {
      const pk = String(i.pk);
      if (pk.startsWith('WARN#')) warnings.set(pk.slice('WARN#'.length), warningsOf(i));
      else out.get(pk.slice('FIG#'.length, pk.lastIndexOf('#')))?.push({ key: String(i.sk), counts: countsOf(i) });
    }
    return Object.assign(out, { warnings });
  }

  private async batchGet(wanted: Array<{ pk: string; sk: string }>): Promise<Item[]> {
    const items: Item[] = [];
    for (let i = 0; i < wanted.length; i += 100) {
      let request: BatchGetCommandInput['RequestItems'] = { [this.table]: { Keys: wanted.slice(i, i + 100) } };
      while (request && Object.keys(request).length) {
        const out: BatchGetCommandOutput = await this.db.send(new BatchGetCommand({ RequestItems: request }));
        items.push(...(out.Responses?.[this.table] ?? []));
        request = out.UnprocessedKeys;
      }
    }
    return items;
  }

  /** A centre's review and follow-up tasks that are due by `until`, oldest first. */
  listTasks(centreId: string, until: Date, page: { limit: number; cursor?: string }) {
    return this.page('byTask', keys.tasks(centreId), page, {}, { before: keys.alertSort(until.toISOString(), '~'), ascending: true });
  }

  /** What falls due in a county by `until`, oldest first: the sweeper's read, bounded by the number due. */
  listAlerts(countyId: string, until: Date, page: { limit: number; cursor?: string }) {
    return this.page('byAlert', keys.alerts(countyId), page, {}, { before: keys.alertSort(until.toISOString(), '~'), ascending: true });
  }

  async findRepeatCandidates(q: { openid?: string; postId?: string; phoneKey?: string; categoryId: string; since: Date }) {
    const since = q.since.toISOString();
    const reads: Promise<Page<PetitionSummary>>[] = [];
    if (q.openid) reads.push(this.page('byReporter', keys.reporter(q.openid), { limit: 10 }, {}, { after: since }));
    if (q.postId) reads.push(this.page('byPostCategory', keys.postCategory(q.postId, q.categoryId), { limit: 10 }, {}, { after: since }));
    // the phone entries keep the row as reported (its status then): any case of the window counts, open or not
    const byPhone = q.phoneKey ? this.page('byPostCategory', keys.phoneCategory(q.phoneKey, q.categoryId), { limit: 10 }, {}, { after: since }, keys.phoneEntry) : undefined;
    const [pages, phone] = await Promise.all([Promise.all(reads), byPhone]);
    const seen = new Map<string, PetitionSummary>();
    for (const p of pages.flatMap((x) => x.items)) if (isOpen(p.status)) seen.set(p.id, p);
    for (const p of phone?.items ?? []) seen.set(p.id, p);
    return [...seen.values()];
  }

  private async page(
    index: IndexName,
    partition: string,
    page: { limit: number; cursor?: string },
    equals: Record<string, string | undefined> = {},
    range: Omit<IndexQuery, 'index' | 'partition' | 'page' | 'equals' | 'tableKey'> = {},
    tableKey: (id: string) => { pk: string; sk: string } = keys.petition,
  ): Promise<Page<PetitionSummary>> {
    const out = await indexPage(this.db, this.table, { index, partition, page, equals, ...range, tableKey });
    return { items: out.rows.map((r) => PetitionSummary.parse(r)), cursor: out.cursor };
  }

}
