/**
 * The notification outbox and the citizens' subscribe-message consents.
 *
 *   OUTBOX#<id> / OUTBOX   a message to send (shape: OutboxMessage, plus attempts, state, lastError); while it
 *                          waits it sits on byDue under `OB#<county>` sorted by when to try next
 *   SUB#<openid> / SUB     how many messages of each template the citizen has agreed to receive
 *
 * Sending is claimed with a condition on `attempts`, so two senders never send one message twice.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { OutboxMessage, Template } from '../../../shared/notifications';
import type { OutboxRepository, Page } from '../../ports';
import { indexPage } from './pages';
import { ROW, keys } from './keys';

type Item = Record<string, unknown>;
const WEEK_SECONDS = 7 * 24 * 3600;

/** The item for a new message; petitions and bookings put it in the transaction of the step that made it. */
export function outboxItem(m: OutboxMessage): Item {
  return {
    ...m,
    ...keys.outbox(m.id),
    state: 'pending',
    attempts: 0,
    [ROW]: m,
    due_pk: keys.outboxDue(m.countyId),
    due_sk: keys.dueSort(m.dueAt, m.id),
    ttl: Math.floor(Date.parse(m.dueAt) / 1000) + 4 * WEEK_SECONDS,
  };
}

const failedCondition = (err: unknown) => err instanceof ConditionalCheckFailedException;

export class DynamoOutboxRepository implements OutboxRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async due(countyId: string, until: Date, page: { limit: number; cursor?: string }): Promise<Page<OutboxMessage>> {
    const out = await indexPage(this.db, this.table, {
      index: 'byDue',
      partition: keys.outboxDue(countyId),
      page,
      tableKey: keys.outbox,
      before: keys.dueSort(until.toISOString(), '~'),
      ascending: true,
    });
    return { items: out.rows as OutboxMessage[], cursor: out.cursor };
  }


  /** Takes the message for one send attempt: false when another sender has it or it is gone. */
  async claim(id: string, leaseUntil: Date): Promise<{ attempts: number; message: OutboxMessage } | undefined> {
    const current = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.outbox(id), ConsistentRead: true }));
    const item = current.Item;
    if (!item || item.state !== 'pending') return undefined;
    const attempts = Number(item.attempts ?? 0);
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.outbox(id),
          UpdateExpression: 'SET attempts = :next, due_sk = :lease',
          ConditionExpression: 'attempts = :seen AND #state = :pending',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':next': attempts + 1, ':seen': attempts, ':pending': 'pending', ':lease': keys.dueSort(leaseUntil.toISOString(), id) },
        }),
      );
    } catch (err) {
      if (failedCondition(err)) return undefined;
      throw err;
    }
    return { attempts: attempts + 1, message: item[ROW] as OutboxMessage };
  }

  async sent(id: string) {
    await this.db.send(new DeleteCommand({ TableName: this.table, Key: keys.outbox(id) }));
  }

  async retryAt(id: string, at: Date, error: string) {
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: keys.outbox(id),
        UpdateExpression: 'SET due_sk = :at, lastError = :e',
        ExpressionAttributeValues: { ':at': keys.dueSort(at.toISOString(), id), ':e': error },
      }),
    );
  }

  /** Off the index for good, kept with its reason for whoever looks into it. */
  async park(id: string, state: 'failed' | 'skipped', reason: string) {
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: keys.outbox(id),
        UpdateExpression: 'SET #state = :s, lastError = :r REMOVE due_pk, due_sk',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':s': state, ':r': reason },
      }),
    );
  }

  async get(id: string) {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.outbox(id), ConsistentRead: true }));
    if (!out.Item) return undefined;
    return { state: String(out.Item.state), attempts: Number(out.Item.attempts ?? 0), lastError: out.Item.lastError as string | undefined };
  }

  async addConsent(openid: string, templates: Template[]) {
    if (templates.length === 0) return;
    const names = Object.fromEntries(templates.map((t, i) => [`#t${i}`, t]));
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: keys.subscription(openid),
        UpdateExpression: `ADD ${templates.map((_, i) => `#t${i} :one`).join(', ')}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
  }

  /** Spends one consent; false when the citizen has none left for that template. */
  async takeConsent(openid: string, template: Template): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.subscription(openid),
          UpdateExpression: 'ADD #t :minus',
          ConditionExpression: '#t > :zero',
          ExpressionAttributeNames: { '#t': template },
          ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
        }),
      );
      return true;
    } catch (err) {
      if (failedCondition(err)) return false;
      throw err;
    }
  }

  async refundConsent(openid: string, template: Template) {
    await this.addConsent(openid, [template]);
  }
}
