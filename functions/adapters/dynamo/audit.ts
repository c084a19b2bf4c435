/** The audit record: written by the repositories beside the change, in its transaction; read a county's page at a time. */
import { PutCommand, type DynamoDBDocumentClient, type PutCommandInput } from '@aws-sdk/lib-dynamodb';
import { AuditEntry } from '../../../shared/schemas/security';
import type { Audited, AuditRepository, Page } from '../../ports';
import { keys } from './keys';
import { partitionPage } from './pages';

/** The Put of one audit entry, for a transaction beside the change it records. */
export function auditPut(table: string, entry: Audited): { Put: PutCommandInput } {
  const row = AuditEntry.parse(entry);
  return { Put: { TableName: table, Item: { ...row, ...keys.auditEntry(entry.countyId, entry.at, entry.id) }, ConditionExpression: 'attribute_not_exists(pk)' } };
}

export class DynamoAuditRepository implements AuditRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async put(entry: Audited): Promise<void> {
    await this.db.send(new PutCommand(auditPut(this.table, entry).Put));
  }

  async list(countyId: string, page: { limit: number; cursor?: string }): Promise<Page<AuditEntry>> {
    const out = await partitionPage(this.db, this.table, keys.audit(countyId), page);
    return { items: out.items.map((i) => AuditEntry.parse(i)), cursor: out.cursor };
  }
}
