/** One page of an index: the rows its items project, and an opaque cursor to the next page. */
import type { DynamoDBDocumentClient, QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ValidationError } from '../../../shared/errors';
import { INDEXES, ROW, decodeCursor, encodeCursor, idOfSortKey, type IndexName } from './keys';

export interface IndexQuery {
  index: IndexName;
  partition: string;
  page: { limit: number; cursor?: string };
  /** the table key of the item a sort key belongs to, to resume from a cursor */
  tableKey: (id: string) => { pk: string; sk: string };
  /** exact matches on fields of the projected row */
  equals?: Record<string, string | undefined>;
  /** a field of the row that must be one of these values */
  oneOf?: { field: string; values: readonly string[] };
  /** a field of the row from `from` (inclusive) to `to` (exclusive), compared as strings (ISO times) */
  rowRange?: { field: string; from?: string; to?: string };
  before?: string;
  after?: string;
  /**
   * sort keys from the first to the second, both inclusive. With a cursor the range is widened to hold it: bounds
   * that follow the clock (near due: from now) move on between pages, and DynamoDB refuses a start key outside the
   * key condition.
   */
  between?: readonly [string, string];
  ascending?: boolean;
  /**
   * A filter is applied after DynamoDB has read the items, and its Limit counts items read, not rows kept. So a
   * filtered page is read in at most this many queries (default 1), each of at most the rows still wanted: the cost
   * stays bounded by maxReads × limit whatever the partition holds, and a page may come back short with a cursor.
   */
  maxReads?: number;
}

export async function indexPage(db: DynamoDBDocumentClient, table: string, q: IndexQuery): Promise<{ rows: unknown[]; cursor?: string }> {
  const { pk, sk } = INDEXES[q.index];
  const names: Record<string, string> = { '#pk': pk };
  const values: Record<string, unknown> = { ':pk': q.partition };
  let keyCondition = '#pk = :pk';
  const cursorKey = q.page.cursor ? decodeCursor(q.page.cursor) : undefined;
  // A cursor is the sort key a page ended on: one outside this query's range was not made by it (DynamoDB would refuse it).
  const outside = cursorKey !== undefined && q.between === undefined && ((q.before !== undefined && cursorKey >= q.before) || (q.after !== undefined && cursorKey <= q.after));
  if ((q.page.cursor && !cursorKey) || outside) throw new ValidationError('翻页参数不正确', [{ path: 'cursor', message: '翻页参数不正确，请从第一页重新查看' }]);
  if (q.between !== undefined) {
    names['#sk'] = sk;
    values[':from'] = cursorKey !== undefined && cursorKey < q.between[0] ? cursorKey : q.between[0];
    values[':to'] = cursorKey !== undefined && cursorKey > q.between[1] ? cursorKey : q.between[1];
    keyCondition += ' AND #sk BETWEEN :from AND :to';
  } else if (q.before !== undefined) {
    names['#sk'] = sk;
    values[':before'] = q.before;
    keyCondition += ' AND #sk < :before';
  } else if (q.after !== undefined) {
    names['#sk'] = sk;
    values[':after'] = q.after;
    keyCondition += ' AND #sk > :after';
  }
  // Indexes project only `row`, so filters look inside it.
  const filters: string[] = [];
  const rowField = (name: string) => {
    names['#row'] = ROW;
    names[`#f${filters.length}`] = name;
    return `#row.#f${filters.length}`;
  };
  for (const [k, v] of Object.entries(q.equals ?? {})) {
    if (v === undefined) continue;
    values[`:f${filters.length}`] = v;
    filters.push(`${rowField(k)} = :f${filters.length}`);
  }
  if (q.oneOf) {
    const field = rowField(q.oneOf.field);
    const n = filters.length;
    q.oneOf.values.forEach((v, i) => (values[`:f${n}_${i}`] = v));
    filters.push(`${field} IN (${q.oneOf.values.map((_, i) => `:f${n}_${i}`).join(', ')})`);
  }
  if (q.rowRange?.from !== undefined) {
    values[`:f${filters.length}`] = q.rowRange.from;
    filters.push(`${rowField(q.rowRange.field)} >= :f${filters.length}`);
  }
  if (q.rowRange?.to !== undefined) {
    values[`:f${filters.length}`] = q.rowRange.to;
    filters.push(`${rowField(q.rowRange.field)} < :f${filters.length}`);
  }
  let start: Record<string, unknown> | undefined;
  if (cursorKey !== undefined) start = { [pk]: q.partition, [sk]: cursorKey, ...q.tableKey(idOfSortKey(cursorKey)) };
  const rows: unknown[] = [];
  const reads = filters.length ? Math.max(1, q.maxReads ?? 1) : 1;
  for (let read = 0; read < reads; read++) {
    const input: QueryCommandInput = {
      TableName: table,
      IndexName: q.index,
      KeyConditionExpression: keyCondition,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ScanIndexForward: q.ascending ?? false,
      Limit: q.page.limit - rows.length,
      ExclusiveStartKey: start,
      ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
    };
    const out = await db.send(new QueryCommand(input));
    rows.push(...(out.Items ?? []).map((i) => i[ROW]));
    start = out.LastEvaluatedKey;
    if (!start || rows.length >= q.page.limit) break;
  }
  const last = start?.[sk];
  return { rows, cursor: typeof last === 'string' ? encodeCursor(last) : undefined };
}

/**
 * One page of a partition of the table itself (no index), newest first by sort key: a county's login records and
 * audit entries, whose items are the rows.
 */
export async function partitionPage(db: DynamoDBDocumentClient, table: string, partition: string, page: { limit: number; cursor?: string }): Promise<{ items: Record<string, unknown>[]; cursor?: string }> {
  const cursorKey = page.cursor ? decodeCursor(page.cursor) : undefined;
  if (page.cursor && !cursorKey) throw new ValidationError('翻页参数不正确', [{ path: 'cursor', message: '翻页参数不正确，请从第一页重新查看' }]);
  const out = await db.send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': partition },
      ScanIndexForward: false,
      Limit: page.limit,
      ExclusiveStartKey: cursorKey ? { pk: partition, sk: cursorKey } : undefined,
    }),
  );
  const last = out.LastEvaluatedKey?.sk;
  return { items: out.Items ?? [], cursor: typeof last === 'string' ? encodeCursor(last) : undefined };
}
