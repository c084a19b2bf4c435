/** Staff login throttle counters and login records (see keys.ts). */
import { BatchGetCommand, DeleteCommand, PutCommand, TransactWriteCommand, type DeleteCommandInput, type DynamoDBDocumentClient, type PutCommandInput } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { ThrottleState } from '../../../shared/loginThrottle';
import { LoginRecord } from '../../../shared/schemas/security';
import type { LoginRepository, Page, ThrottleCounter } from '../../ports';
import { keys } from './keys';
import { partitionPage } from './pages';

type Item = Record<string, unknown>;

export class DynamoLoginRepository implements LoginRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly recordDays: number,
  ) {}

  async counters(names: string[]): Promise<Map<string, ThrottleCounter>> {
    const out = await this.db.send(
      new BatchGetCommand({ RequestItems: { [this.table]: { Keys: names.map((n) => keys.loginThrottle(n)), ConsistentRead: true } } }),
    );
    const found = new Map<string, ThrottleCounter>();
    for (const item of out.Responses?.[this.table] ?? []) {
      const name = String(item.pk).slice('LT#'.length);
      found.set(name, {
        state: { failures: Number(item.failures ?? 0), blockedUntil: Number(item.blockedUntil ?? 0), expiresAt: Number(item.expiresAt ?? 0) },
        version: Number(item.v ?? 0),
      });
    }
    return found;
  }

  private counterWrite(name: string, state: ThrottleState | null, version: number | null): { Put?: PutCommandInput; Delete?: DeleteCommandInput } {
    const key = keys.loginThrottle(name);
    // version 0: the counter must not exist yet; null: write whatever is there (a success clearing it)
    const condition =
      version === null ? {} : version === 0 ? { ConditionExpression: 'attribute_not_exists(pk)' } : { ConditionExpression: 'v = :v', ExpressionAttributeValues: { ':v': version } };
    if (state === null) return { Delete: { TableName: this.table, Key: key, ...condition } };
    const item: Item = { ...key, ...state, v: (version ?? 0) + 1, ttl: Math.ceil(state.expiresAt / 1000) };
    return { Put: { TableName: this.table, Item: item, ...condition } };
  }

  private recordPut(record: LoginRecord & { countyId: string }): { Put: PutCommandInput } {
    const row = LoginRecord.parse(record);
    const item: Item = { ...row, ...keys.loginRecord(record.countyId, record.at, record.id), ttl: Math.floor(Date.parse(record.at) / 1000) + this.recordDays * 86_400 };
    return { Put: { TableName: this.table, Item: item } };
  }

  async write(name: string, state: ThrottleState | null, version: number | null, record?: LoginRecord & { countyId: string }): Promise<boolean> {
    try {
      if (record) {
        await this.db.send(new TransactWriteCommand({ TransactItems: [this.counterWrite(name, state, version), this.recordPut(record)] }));
      } else {
        const w = this.counterWrite(name, state, version);
        if (w.Put) await this.db.send(new PutCommand(w.Put));
        else if (w.Delete) await this.db.send(new DeleteCommand(w.Delete));
      }
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException || err instanceof TransactionCanceledException) return false;
      throw err;
    }
  }

  async record(record: LoginRecord & { countyId: string }): Promise<void> {
    await this.db.send(new PutCommand(this.recordPut(record).Put));
  }

  async clear(name: string): Promise<boolean> {
    const out = await this.db.send(new DeleteCommand({ TableName: this.table, Key: keys.loginThrottle(name), ReturnValues: 'ALL_OLD' }));
    return Boolean(out.Attributes);
  }

  async records(countyId: string, page: { limit: number; cursor?: string }): Promise<Page<LoginRecord>> {
    const out = await partitionPage(this.db, this.table, keys.loginRecords(countyId), page);
    return { items: out.items.map((i) => LoginRecord.parse(i)), cursor: out.cursor };
  }
}
