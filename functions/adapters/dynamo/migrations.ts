/**
 * One-off changes to items written before the code that reads them, each run once per table: after the seed on the
 * local stack (`npm start`) and after `serverless deploy` (`npm run deploy`). A migration reads the whole table once
 * (a Scan, a page at a time), which no request ever does; when it has run through, its marker item
 * (`MIGRATION`/`<id>`) is written, and every later run reads that one item and stops. Each change is conditional, so a
 * run cut short, or one beside a step writing the same case, is simply run again.
 */
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, ScanCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { departmentDeltasOfRecord } from '../../../shared/evaluation';
import type { Petition } from '../../../shared/schemas/petition';
import { queryAll } from './client';
import { ROW, keys } from './keys';
import { figureUpdates } from './petitions';

/** Each petition item of the table (a Scan, a page at a time), narrowed by `filter`, with the attributes asked for. */
async function* petitionItems(db: DynamoDBDocumentClient, table: string, q: { filter?: string; names?: Record<string, string>; projection: string }) {
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new ScanCommand({
        TableName: table,
        ExclusiveStartKey: start,
        FilterExpression: `begins_with(pk, :p) AND sk = :sk${q.filter ? ` AND ${q.filter}` : ''}`,
        ExpressionAttributeNames: q.names,
        ExpressionAttributeValues: { ':p': keys.petition('').pk, ':sk': keys.petition('').sk },
        ProjectionExpression: q.projection,
      }),
    );
    yield* page.Items ?? [];
    start = page.LastEvaluatedKey;
  } while (start);
}

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
    const items = petitionItems(db, table, {
      filter: 'attribute_exists(villageId) AND attribute_exists(#row) AND attribute_not_exists(#row.villageId)',
      names: { '#row': ROW },
      projection: 'pk, sk, villageId',
    });
    for await (const item of items) {
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
    return changed;
  },
};

/**
 * When the departments' counters (化解成效考评, shared/evaluation.ts) began to be kept: the commit that added them
 * (617c997). Steps after it were counted as they were taken; the backfill counts the events before it.
 */
export const DEPARTMENT_COUNTERS_SINCE = '2026-11-30T08:43:35.000Z';

/**
 * 化解成效考评 counts each department's cases from the counters the steps keep (shared/evaluation.ts), which began on
 * DEPARTMENT_COUNTERS_SINCE: the cases that moved before were not counted. This counts each case's events before
 * `until` (departmentDeltasOfRecord: its record replayed) into the same counters. Cost: one Scan of the table (the
 * petition items kept, a page at a time) and one Query of each case's record: proportional to the cases, once.
 * Each case is counted in one transaction with its marker (keys.departmentBackfill), put only if absent, so a run cut
 * short or run again counts nothing twice; a case with nothing before `until` writes nothing.
 */
export const departmentCounters = (until = DEPARTMENT_COUNTERS_SINCE): Migration => ({
  id: '2026-11-30-department-counters',
  what: 'the departments\' 化解成效考评 counters count the cases that moved before they were kept',
  async run(db, table) {
    let counted = 0;
    const items = petitionItems(db, table, { projection: 'id, centreId, countyId, #level, departmentId, createdAt', names: { '#level': 'level' } });
    for await (const item of items) {
      const p = item as Pick<Petition, 'id' | 'centreId' | 'countyId' | 'level' | 'departmentId' | 'createdAt'>;
      if (p.createdAt >= until) continue;
      const timeline = await queryAll(db, {
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :e)',
        ExpressionAttributeValues: { ':pk': keys.petition(p.id).pk, ':e': keys.eventPrefix },
        ConsistentRead: true,
      });
      const deltas = departmentDeltasOfRecord(p, timeline as unknown as Parameters<typeof departmentDeltasOfRecord>[1], until);
      if (!deltas.length) continue;
      if (await countOnce(db, table, p.id, deltas)) counted += 1;
    }
    return counted;
  },
});

/** The case's counters and its marker, or nothing when the marker is there; a live step's conflict is tried again. */
async function countOnce(db: DynamoDBDocumentClient, table: string, petitionId: string, deltas: Parameters<typeof figureUpdates>[2]): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    try {
      await db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: table, Item: { ...keys.departmentBackfill(petitionId), at: new Date().toISOString() }, ConditionExpression: 'attribute_not_exists(pk)' } },
            ...figureUpdates(table, petitionId, deltas),
          ],
        }),
      );
      return true;
    } catch (err) {
      const codes = err instanceof TransactionCanceledException ? (err.CancellationReasons ?? []).map((r) => r.Code) : [];
      if (codes[0] === 'ConditionalCheckFailed') return false;
      if (codes.includes('TransactionConflict') && attempt < 8) {
        await new Promise((r) => setTimeout(r, 20 * (attempt + 1)));
        continue;
      }
      throw err;
    }
  }
}

export const MIGRATIONS: readonly Migration[] = [ROW_VILLAGE, departmentCounters()];

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
