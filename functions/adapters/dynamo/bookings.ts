/**
 * The booking repository: hosts, slot state, bookings and their reminders.
 *
 * A slot is an item `H#host / SLOT#start` holding `booked` and the set `bookingIds`. Taking it is a conditional
 * update (`booked < capacity`) in the same transaction as the booking, so two requests can never both take the last
 * place: DynamoDB runs a transaction whole or not at all, and a failed condition cancels it.
 *
 * Reminders are outbox messages (functions/adapters/dynamo/outbox.ts has the item's shape; the notification sender
 * sends them): `OUTBOX#<bookingId>-1d` and `OUTBOX#<bookingId>-15m`, template `reminder`, due a day and fifteen
 * minutes before the start, waiting on byDue under `OB#<county>`. They are written with the booking, rewritten on a
 * reschedule and deleted on a cancel, each in the same transaction as the booking's own write. A reminder whose time
 * has already passed is not written.
 *
 * Every change that the reception figures count (a booking, a reschedule to another day, a cancel, attendance, a
 * rating) adds to the counters of its host and centre in that same transaction (`counters`); a reception held
 * (attendance recorded) also adds, by its way, to the month items of the petition figures of its centre and county
 * (`FIG#<scope>#<shard>`, the items the dashboard already reads: its 视频接访占比 and receptions by way cost no read).
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { ConflictError, ValidationError } from '../../../shared/errors';
import { bookingFigureDeltas, receptionDeltas } from '../../../shared/bookingFigures';
import { Booking, Host } from '../../../shared/schemas/booking';
import { weekOf } from '../../../shared/slots';
import type { BookingFigureItems, BookingRepository, HostRecord, Page, Reminder, SlotState } from '../../ports';
import { queryAll, versionedPut } from './client';
import { INDEXES, ROW, decodeCursor, encodeCursor, figureShard, idOfSortKey, keys } from './keys';
import { DynamoHostReader } from './hosts';
import { outboxItem } from './outbox';

type Item = Record<string, unknown>;
type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const IDEMPOTENCY_TTL_SECONDS = 7 * 24 * 3600;
const REMINDER_LEADS = ['1d', '15m'] as const;
/** Concurrent transactions on one slot may be cancelled as conflicts; they are retried and then see the slot. */
const CONFLICT_RETRIES = 8;

const FULL = '该时段已约满，请选择其他时间';
const weekFull = (max: number) => `同一位接访人每周最多预约 ${max} 次，请选择下一周的时间`;
const CHANGED = '该预约已有变化，请刷新后重试';

export function bookingItem(b: Booking): Item {
  const sort = keys.bookingSort(b.start, b.id);
  return {
    ...b,
    ...keys.booking(b.id),
    [ROW]: b,
    q_sk: sort,
    r_pk: keys.bookingsOfCitizen(b.citizen.openid),
    cq_pk: keys.bookingsOfCentre(b.centreId),
  };
}

/** A week's count is kept until a week after that week's reception: long enough for any change to it. */
const weekTtl = (b: Booking) => Math.floor(Date.parse(b.start) / 1000) + 14 * 24 * 3600;

const reminderId = (bookingId: string, lead: (typeof REMINDER_LEADS)[number]) => `${bookingId}-${lead}`;

/** Which of the transaction's items failed its condition, by position. */
function failedAt(err: unknown): number[] | undefined {
  if (!(err instanceof TransactionCanceledException)) return undefined;
  return (err.CancellationReasons ?? []).flatMap((r, i) => (r.Code === 'ConditionalCheckFailed' ? [i] : []));
}

function isConflictOnly(err: unknown): boolean {
  if (!(err instanceof TransactionCanceledException)) return false;
  const codes = (err.CancellationReasons ?? []).map((r) => r.Code);
  return codes.includes('TransactionConflict') && !codes.includes('ConditionalCheckFailed');
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class DynamoBookingRepository extends DynamoHostReader implements BookingRepository {

  private async transact(items: TransactItem[]) {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.db.send(new TransactWriteCommand({ TransactItems: items }));
        return;
      } catch (err) {
        if (attempt < CONFLICT_RETRIES && isConflictOnly(err)) {
          await pause(10 + Math.random() * 40 * (attempt + 1));
          continue;
        }
        throw err;
      }
    }
  }

  /**
   * Whether the slot is full now: asked when a booking's transaction still met conflicts after its retries (a crowd on
   * one slot). A full slot is the answer the citizen can act on, as the next attempt would find it; else it stays busy.
   */
  private async slotFull(b: Booking, capacity: number): Promise<boolean> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.slot(b.hostId, b.start), ConsistentRead: true }));
    return Number(out.Item?.booked ?? 0) >= capacity;
  }

  private takeSlot(b: Booking, capacity: number): TransactItem {
    return {
      Update: {
        TableName: this.table,
        Key: keys.slot(b.hostId, b.start),
        // Names throughout: `capacity` and `end` are DynamoDB reserved words.
        UpdateExpression: 'SET #booked = if_not_exists(#booked, :zero) + :one, #cap = :cap, #host = :host, #start = :start, #end = :end ADD #ids :ids',
        ConditionExpression: 'attribute_not_exists(#booked) OR #booked < :cap',
        ExpressionAttributeNames: { '#booked': 'booked', '#cap': 'capacity', '#host': 'hostId', '#start': 'start', '#end': 'end', '#ids': 'bookingIds' },
        ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':cap': capacity, ':host': b.hostId, ':start': b.start, ':end': b.end, ':ids': new Set([b.id]) },
      },
    };
  }

  private freeSlot(b: Booking): TransactItem {
    return {
      Update: {
        TableName: this.table,
        Key: keys.slot(b.hostId, b.start),
        UpdateExpression: 'SET #booked = #booked - :one DELETE #ids :ids',
        ConditionExpression: 'contains(#ids, :id)',
        ExpressionAttributeNames: { '#booked': 'booked', '#ids': 'bookingIds' },
        ExpressionAttributeValues: { ':one': 1, ':ids': new Set([b.id]), ':id': b.id },
      },
    };
  }

  /** Counts the booking into its citizen's week with its host, under the weekly cap. */
  private holdWeek(b: Booking, max: number): TransactItem {
    return {
      Update: {
        TableName: this.table,
        Key: keys.citizenHostWeek(b.citizen.openid, b.hostId, weekOf(b.start)),
        UpdateExpression: 'ADD #ids :ids SET #ttl = :ttl',
        ConditionExpression: 'attribute_not_exists(#ids) OR size(#ids) < :max',
        ExpressionAttributeNames: { '#ids': 'bookingIds', '#ttl': 'ttl' },
        ExpressionAttributeValues: { ':ids': new Set([b.id]), ':max': max, ':ttl': weekTtl(b) },
      },
    };
  }

  private releaseWeek(b: Booking): TransactItem {
    return {
      Update: {
        TableName: this.table,
        Key: keys.citizenHostWeek(b.citizen.openid, b.hostId, weekOf(b.start)),
        UpdateExpression: 'DELETE #ids :ids SET #ttl = :ttl',
        ExpressionAttributeNames: { '#ids': 'bookingIds', '#ttl': 'ttl' },
        ExpressionAttributeValues: { ':ids': new Set([b.id]), ':ttl': weekTtl(b) },
      },
    };
  }

  private putBooking(after: Booking, before?: Booking): TransactItem {
    return versionedPut(this.table, bookingItem(after), before);
  }

  /**
   * The counter updates of a change: the centre's shard item and the host's item of each month touched; and for a
   * reception held, the petition figures' month item of the centre and of the county (one when the county's own
   * centre received).
   */
  private counters(before: Booking | undefined, after: Booking): TransactItem[] {
    const items = new Map<string, { Key: Record<string, string>; add: Map<string, number> }>();
    const add = (Key: { pk: string; sk: string }, field: string, n: number) => {
      const id = `${Key.pk}|${Key.sk}`;
      const item = items.get(id) ?? { Key, add: new Map<string, number>() };
      item.add.set(field, (item.add.get(field) ?? 0) + n);
      items.set(id, item);
    };
    const shard = figureShard(after.id);
    for (const d of bookingFigureDeltas(before, after)) {
      for (const of of [{ shard }, { hostId: after.hostId }]) add(keys.bookingFigures(after.centreId, d.month, of), d.field, d.add);
    }
    for (const d of receptionDeltas(before, after)) {
      for (const scope of new Set([after.centreId, after.countyId])) add(keys.figures(scope, d.month, shard), d.field, d.add);
    }
    return [...items.values()].flatMap(({ Key, add }) => {
      const fields = [...add.entries()].filter(([, n]) => n !== 0);
      if (!fields.length) return [];
      return [
        {
          Update: {
            TableName: this.table,
            Key,
            UpdateExpression: `ADD ${fields.map((_f, i) => `#f${i} :n${i}`).join(', ')}`,
            ExpressionAttributeNames: Object.fromEntries(fields.map(([f], i) => [`#f${i}`, f])),
            ExpressionAttributeValues: Object.fromEntries(fields.map(([, n], i) => [`:n${i}`, n])),
          },
        },
      ];
    });
  }

  /** Each lead's reminder is written when given, deleted otherwise: one item per lead, never two writes to one. */
  private reminders(bookingId: string, reminders: Reminder[]): TransactItem[] {
    return REMINDER_LEADS.map((lead) => {
      const r = reminders.find((x) => x.id === reminderId(bookingId, lead));
      return r
        ? { Put: { TableName: this.table, Item: outboxItem(r) } }
        : { Delete: { TableName: this.table, Key: keys.outbox(reminderId(bookingId, lead)) } };
    });
  }

  async putHost({ host, centrePath, countyId }: HostRecord) {
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          ...host,
          centrePath,
          countyId,
          ...keys.host(host.id),
          [ROW]: { host, centrePath, countyId },
          q_sk: host.id,
          cq_pk: keys.hostsOfCentre(host.centreId),
          kq_pk: keys.hostsOfCounty(countyId),
        },
      }),
    );
  }

  async getHost(id: string): Promise<HostRecord | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.host(id) }));
    if (!out.Item) return undefined;
    return { host: Host.parse(out.Item), centrePath: String(out.Item.centrePath), countyId: String(out.Item.countyId) };
  }

  async bookingFigures(centreId: string, months: string[]): Promise<BookingFigureItems> {
    const out: BookingFigureItems = { centre: [], hosts: new Map() };
    const [first, last] = [months[0], months[months.length - 1]];
    if (!first || !last) return out;
    const range = keys.bookingFiguresRange(first, last);
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': keys.bookingFigures(centreId, first, { shard: 0 }).pk, ':from': range.from, ':to': range.to },
    });
    for (const i of items) {
      const sk = String(i.sk);
      const key = sk.slice(0, sk.indexOf('#', 2));
      const counts = Object.fromEntries(Object.entries(i).filter((e): e is [string, number] => typeof e[1] === 'number'));
      const rest = sk.slice(key.length + 1);
      if (rest.startsWith('H#')) {
        const hostId = rest.slice(2);
        out.hosts.set(hostId, [...(out.hosts.get(hostId) ?? []), { key, counts }]);
      } else out.centre.push({ key, counts });
    }
    return out;
  }

  async book(input: Parameters<BookingRepository['book']>[0]) {
    const { booking, capacity, reminders, idempotency, perCitizenWeek } = input;
    const idemKey = keys.idempotency(idempotency.scope, idempotency.key);
    try {
      await this.transact([
        {
          Put: {
            TableName: this.table,
            Item: { ...idemKey, bookingId: booking.id, requestHash: idempotency.requestHash, ttl: Math.floor(Date.parse(booking.createdAt) / 1000) + IDEMPOTENCY_TTL_SECONDS },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        this.takeSlot(booking, capacity),
        this.holdWeek(booking, perCitizenWeek),
        this.putBooking(booking),
        ...this.counters(undefined, booking),
        ...reminders.map((r): TransactItem => ({ Put: { TableName: this.table, Item: outboxItem(r) } })),
      ]);
      return { created: true as const };
    } catch (err) {
      if (isConflictOnly(err) && (await this.slotFull(booking, capacity))) throw new ConflictError(FULL);
      const failed = failedAt(err);
      if (!failed?.length) throw err;
      if (failed.includes(0)) {
        const existing = await this.db.send(new GetCommand({ TableName: this.table, Key: idemKey, ConsistentRead: true }));
        if (existing.Item) return { created: false as const, existingId: String(existing.Item.bookingId), requestHash: String(existing.Item.requestHash) };
      }
      if (failed.includes(1)) throw new ConflictError(FULL);
      if (failed.includes(2)) throw new ConflictError(weekFull(perCitizenWeek));
      throw err;
    }
  }

  async get(id: string) {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.booking(id), ConsistentRead: true }));
    return out.Item ? Booking.parse(out.Item) : undefined;
  }

  async reschedule(before: Booking, after: Booking, capacity: number, reminders: Reminder[], perCitizenWeek: number) {
    // Another week: the booking moves from the old week's count into the new one's, under its cap.
    const weeks = weekOf(before.start) === weekOf(after.start) ? [] : [this.holdWeek(after, perCitizenWeek), this.releaseWeek(before)];
    const items = [this.takeSlot(after, capacity), ...weeks, this.freeSlot(before), this.putBooking(after, before), ...this.reminders(after.id, reminders), ...this.counters(before, after)];
    try {
      await this.transact(items);
    } catch (err) {
      if (isConflictOnly(err) && (await this.slotFull(after, capacity))) throw new ConflictError(FULL);
      const failed = failedAt(err);
      if (!failed?.length) throw err;
      // The new slot is checked first: a full slot is what the citizen can act on; then the week.
      if (failed.includes(0)) throw new ConflictError(FULL);
      if (weeks.length && failed.includes(1)) throw new ConflictError(weekFull(perCitizenWeek));
      throw new ConflictError(CHANGED);
    }
  }

  async cancel(before: Booking, after: Booking) {
    try {
      await this.transact([this.freeSlot(before), this.putBooking(after, before), this.releaseWeek(before), ...this.reminders(after.id, []), ...this.counters(before, after)]);
    } catch (err) {
      if (!failedAt(err)?.length) throw err;
      throw new ConflictError(CHANGED);
    }
  }

  async record(before: Booking, after: Booking) {
    try {
      await this.transact([this.putBooking(after, before), ...this.counters(before, after)]);
    } catch (err) {
      if (!failedAt(err)?.length) throw err;
      throw new ConflictError(CHANGED);
    }
  }

  async listByCitizen(openid: string, page: { limit: number; cursor?: string }): Promise<Page<Booking>> {
    const partition = keys.bookingsOfCitizen(openid);
    let startKey: Item | undefined;
    if (page.cursor) {
      const sortKey = decodeCursor(page.cursor);
      if (!sortKey) throw new ValidationError('翻页参数不正确', [{ path: 'cursor', message: '翻页参数不正确，请从第一页重新查看' }]);
      startKey = { r_pk: partition, q_sk: sortKey, ...keys.booking(idOfSortKey(sortKey)) };
    }
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'byReporter',
        KeyConditionExpression: 'r_pk = :pk',
        ExpressionAttributeValues: { ':pk': partition },
        ScanIndexForward: false,
        Limit: page.limit,
        ExclusiveStartKey: startKey,
      }),
    );
    const last = out.LastEvaluatedKey?.q_sk;
    return { items: (out.Items ?? []).map((i) => Booking.parse(i[ROW])), cursor: typeof last === 'string' ? encodeCursor(last) : undefined };
  }

  async listByCentre(centreId: string, from: string, to: string): Promise<Booking[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      IndexName: 'byCentre',
      KeyConditionExpression: 'cq_pk = :pk AND q_sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': keys.bookingsOfCentre(centreId), ':from': from, ':to': to },
    });
    return items.map((i) => Booking.parse(i[ROW]));
  }
}
