/** Open311 partner systems and their hashed keys (keys.partners, keys.partnerKey), and their request counters. */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Partner } from '../../../shared/schemas/open311';
import type { PartnerRepository } from '../../ports';
import { keys } from './keys';
import { quotaUpdate } from './quota';

export class DynamoPartnerRepository implements PartnerRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async create(partner: Partner, keyHash: string): Promise<void> {
    const row = Partner.parse(partner);
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          // the listing item keeps the key's hash (never answered: Partner drops it) so that a revoke reaches the key item
          { Put: { TableName: this.table, Item: { ...row, keyHash, ...keys.partner(row.countyId, row.id) }, ConditionExpression: 'attribute_not_exists(pk)' } },
          { Put: { TableName: this.table, Item: { ...row, ...keys.partnerKey(keyHash) }, ConditionExpression: 'attribute_not_exists(pk)' } },
        ],
      }),
    );
  }

  async byKeyHash(keyHash: string): Promise<Partner | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.partnerKey(keyHash) }));
    return out.Item ? Partner.parse(out.Item) : undefined;
  }

  async list(countyId: string): Promise<Partner[]> {
    const out = await this.db.send(
      new QueryCommand({ TableName: this.table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.partners(countyId) }, Limit: 100 }),
    );
    return (out.Items ?? []).map((i) => Partner.parse(i));
  }

  async get(countyId: string, id: string): Promise<(Partner & { keyHash: string }) | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.partner(countyId, id) }));
    return out.Item ? { ...Partner.parse(out.Item), keyHash: String(out.Item.keyHash) } : undefined;
  }

  /** Both items at once: a revoked key stops on its next request. */
  async revoke(partner: Partner & { keyHash: string }): Promise<void> {
    const off = { UpdateExpression: 'SET active = :f', ExpressionAttributeValues: { ':f': false } };
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Update: { TableName: this.table, Key: keys.partner(partner.countyId, partner.id), ...off } },
          { Update: { TableName: this.table, Key: keys.partnerKey(partner.keyHash), ...off, ConditionExpression: 'attribute_exists(pk)' } },
        ],
      }),
    );
  }

  async take(counter: string, max: number, expiresAt: number): Promise<boolean> {
    try {
      await this.db.send(new UpdateCommand(quotaUpdate(this.table, { key: counter, max, expiresAt })));
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw err;
    }
  }
}
