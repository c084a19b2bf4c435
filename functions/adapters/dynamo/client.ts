/** One DynamoDB document client per container, with a meter of requests and consumed capacity. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';

export interface Meter {
  requests: number;
  reads: number;
  writes: number;
  readCapacity: number;
  writeCapacity: number;
}

export const newMeter = (): Meter => ({ requests: 0, reads: 0, writes: 0, readCapacity: 0, writeCapacity: 0 });

const WRITES = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'TransactWriteItemsCommand', 'BatchWriteItemCommand']);
const READS = new Set(['GetItemCommand', 'QueryCommand', 'ScanCommand', 'BatchGetItemCommand', 'TransactGetItemsCommand']);

interface CapacityLike {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

/**
 * Adds ReturnConsumedCapacity to every data command and counts what DynamoDB reports into `meter`. A request is
 * counted when it is sent, refused ones too (a failed condition or a cancelled transaction is billed like a write
 * that happened); capacity only as an answer reports it.
 */
export function metered(client: DynamoDBClient, meter: Meter): DynamoDBClient {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = context.commandName ?? '';
      const isRead = READS.has(name);
      const isWrite = WRITES.has(name);
      const input = args.input as Record<string, unknown>;
      if (isRead || isWrite) {
        input.ReturnConsumedCapacity = 'TOTAL';
        meter.requests += 1;
        if (isRead) meter.reads += 1;
        else meter.writes += 1;
      }
      const result = await next(args);
      if (isRead || isWrite) {
        const out = result.output as { ConsumedCapacity?: CapacityLike | CapacityLike[] };
        const list = Array.isArray(out.ConsumedCapacity) ? out.ConsumedCapacity : out.ConsumedCapacity ? [out.ConsumedCapacity] : [];
        for (const c of list) {
          const units = c.CapacityUnits ?? 0;
          if (isRead) meter.readCapacity += c.ReadCapacityUnits ?? units;
          else meter.writeCapacity += c.WriteCapacityUnits ?? units;
        }
      }
      return result;
    },
    { step: 'initialize', name: 'shaogangMeter' },
  );
  return client;
}

export interface DynamoOptions {
  region: string;
  endpoint?: string;
  meter?: Meter;
  /** the Lambda entries trace the client and count its failed conditions (functions/telemetry.ts) */
  instrument?: (client: DynamoDBClient) => DynamoDBClient;
}

export function documentClient(opts: DynamoOptions): DynamoDBDocumentClient {
  const base = new DynamoDBClient({
    region: opts.region,
    ...(opts.endpoint
      ? { endpoint: opts.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    maxAttempts: 3,
  });
  if (opts.meter) metered(base, opts.meter);
  return DynamoDBDocumentClient.from(opts.instrument ? opts.instrument(base) : base, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

/** Every item a query matches, page after page: for partitions known to be small (a case file, the org). */
export async function queryAll(db: DynamoDBDocumentClient, input: Omit<QueryCommandInput, 'ExclusiveStartKey'>): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/**
 * The Put of a versioned record inside a transaction: over the version read (`before`), or as a new record when there
 * was none. A writer that lost the race fails its condition, so no update is lost.
 */
export function versionedPut(table: string, item: Record<string, unknown>, before?: { version: number }) {
  return {
    Put: {
      TableName: table,
      Item: item,
      ...(before ? { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': before.version } } : { ConditionExpression: 'attribute_not_exists(pk)' }),
    },
  };
}
