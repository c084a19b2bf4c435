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
  before?: string;
  after?: string;
  ascending?: boolean;
}

export async function indexPage(db: DynamoDBDocumentClient, table: string, q: IndexQuery): Promise<{ rows: unknown[]; cursor?: string }> {
  const { pk, sk } = INDEXES[q.index];
  const names: Record<string, string> = { '#pk': pk };
  const values: Record<string, unknown> = { ':pk': q.partition };
  let keyCondition = '#pk = :pk';
  if (q.before !== undefined) {
    names['#sk'] = sk;
    values[':before'] = q.before;
    keyCondition += ' AND #sk < :before';
  } else if (q.after !== undefined) {
    names['#sk'] = sk;
    values[':after'] = q.after;
    keyCondition += ' AND #sk > :after';
  }
  // Indexes project only `row`, so filters look inside it.
  const filters = Object.entries(q.equals ?? {}).filter(([, v]) => v !== undefined);
  if (filters.length) names['#row'] = ROW;
  filters.forEach(([k, v], i) => {
    names[`#f${i}`] = k;
    values[`:f${i}`] = v;
  });
  let start: Record<string, unknown> | undefined;
  if (q.page.cursor) {
    const sortKey = decodeCursor(q.page.cursor);
    if (!sortKey) throw new ValidationError('翻页参数不正确', [{ path: 'cursor', message: '翻页参数不正确，请从第一页重新查看' }]);
    start = { [pk]: q.partition, [sk]: sortKey, ...q.tableKey(idOfSortKey(sortKey)) };
  }
  const input: QueryCommandInput = {
    TableName: table,
    IndexName: q.index,
    KeyConditionExpression: keyCondition,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ScanIndexForward: q.ascending ?? false,
    Limit: q.page.limit,
    ExclusiveStartKey: start,
    ...(filters.length ? { FilterExpression: filters.map((_, i) => `#row.#f${i} = :f${i}`).join(' AND ') } : {}),
  };
  const out = await db.send(new QueryCommand(input));
  const last = out.LastEvaluatedKey?.[sk];
  return { rows: (out.Items ?? []).map((i) => i[ROW]), cursor: typeof last === 'string' ? encodeCursor(last) : undefined };
}
