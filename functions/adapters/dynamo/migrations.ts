/**
 * One-off changes to items written before the code that reads them, each run once per table: after the seed on the
 * local stack (`npm start`) and after `serverless deploy` (`npm run deploy`). A migration reads the whole table once
 * (a Scan, a page at a time), which no request ever does; when it has run through, its marker item
 * (`MIGRATION`/`<id>`) is written, and every later run reads that one item and stops. Each change is conditional, so a
 * run cut short, or one beside a step writing the same case, is simply run again.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, ScanCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ROW, keys } from './keys';

interface Migration {
  id: string;
  /** what it changes and why, for the log */
  what: string;
  run(db: DynamoDBDocumentClient, table: string): Promise<number>;
}

/**
 * A cluster warning (聚集) at a village lists its cases through the centre's queue filtered on the row's `villageId`
 * (functions/usecases/warnings.ts warningCases); list rows carry it only since 2026-11-29, so a village's older cases
 * were not listed. This copies each petition's own `villageId` into its row: the petition items whose row lacks it.
 */
export const ROW_VILLAGE: Migration = {
  id: '2026-11-30-row-village',
  what: 'list rows of petitions registered in a village carry the village (聚集 lists)',
  async run(db, table) {
    let changed = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const page = await db.send(
        new ScanCommand({
          TableName: table,
          ExclusiveStartKey: start,
          FilterExpression: 'begins_with(pk, :p) AND sk = :sk AND attribute_exists(villageId) AND attribute_exists(#row) AND attribute_not_exists(#row.villageId)',
          ExpressionAttributeNames: { '#row': ROW },
          ExpressionAttributeValues: { ':p': keys.petition('').pk, ':sk': keys.petition('').sk },
          ProjectionExpression: 'pk, sk, villageId',
        }),
      );
      for (const item of page.Items ?? []) {
        try {
          await db.send(
            new UpdateCommand({
              TableName: table,
              Key: { pk: item.pk, sk: item.sk },
              UpdateExpression: 'SET #row.#v = :v',
              // the village it had when read: a step meanwhile wrote a whole new row, which carries it already
              ConditionExpression: 'villageId = :v AND attribute_not_exists(#row.#v)',
              ExpressionAttributeNames: { '#row': ROW, '#v': 'villageId' },
              ExpressionAttributeValues: { ':v': item.villageId },
            }),
          );
          changed += 1;
        } catch (err) {
          if (!(err instanceof ConditionalCheckFailedException)) throw err;
        }
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return changed;
  },
};

export const MIGRATIONS: readonly Migration[] = [ROW_VILLAGE];

/** Runs each migration not yet marked done, in order; answers what each changed (those already done: none). */
export async function runMigrations(db: DynamoDBDocumentClient, table: string, migrations: readonly Migration[] = MIGRATIONS): Promise<Array<{ id: string; what: string; changed: number }>> {
  const out: Array<{ id: string; what: string; changed: number }> = [];
  for (const m of migrations) {
    const done = await db.send(new GetCommand({ TableName: table, Key: keys.migration(m.id), ConsistentRead: true }));
    if (done.Item) continue;
    const changed = await m.run(db, table);
    await db.send(new PutCommand({ TableName: table, Item: { ...keys.migration(m.id), doneAt: new Date().toISOString(), changed } }));
    out.push({ id: m.id, what: m.what, changed });
  }
  return out;
}
