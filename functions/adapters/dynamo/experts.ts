/**
 * The expert pool (专家库): an expert item (listed through byCounty `KE#<county>`) and one item per field of the
 * expert (byCentre `EF#<county>#<field>`), written together; load and ratings change in the transactions of the
 * case steps that change them (expertUpdates), under the expert's version like an edit.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ExpertDelta } from '../../../shared/experts';
import { Expert } from '../../../shared/schemas/expert';
import type { ExpertRepository } from '../../ports';
import { KEY_ATTRIBUTES, ROW, keys } from './keys';
import { versionedPut } from './client';
import { indexPage } from './pages';

type Item = Record<string, unknown>;
/** How many experts of one field 推荐专家 reads at most: a county's pool is dozens. */
export const FIELD_READ_LIMIT = 200;

const strip = (item: Item) => Object.fromEntries(Object.entries(item).filter(([k]) => !KEY_ATTRIBUTES.has(k)));

function expertItem(e: Expert): Item {
  return { ...e, ...keys.expert(e.id), [ROW]: e, kq_pk: keys.expertsOfCounty(e.countyId), q_sk: e.id };
}

/** The counters a step adds to an expert, as one Update of a case step's transaction. */
export function expertUpdates(table: string, deltas: readonly ExpertDelta[]) {
  return deltas.map((d) => ({
    Update: {
      TableName: table,
      Key: keys.expert(d.expertId),
      // the row the list reads holds the counters too
      UpdateExpression:
        'SET #load = #load + :load, #sum = #sum + :sum, #count = #count + :count, #version = #version + :one, ' +
        '#row.#load = #row.#load + :load, #row.#sum = #row.#sum + :sum, #row.#count = #row.#count + :count, #row.#version = #row.#version + :one',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#load': 'load', '#sum': 'ratingSum', '#count': 'ratingCount', '#version': 'version', '#row': ROW },
      ExpressionAttributeValues: { ':load': d.load, ':sum': d.ratingSum, ':count': d.ratingCount, ':one': 1 },
    },
  }));
}

export class DynamoExpertRepository implements ExpertRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async get(id: string): Promise<Expert | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.expert(id), ConsistentRead: true }));
    return out.Item ? Expert.parse(strip(out.Item)) : undefined;
  }

  /** Saves the expert under the version read (none: new), with an item per field; false when someone changed it first. */
  async put(before: Expert | undefined, after: Expert): Promise<boolean> {
    const gone = (before?.fields ?? []).filter((f) => !after.fields.includes(f));
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            versionedPut(this.table, expertItem(after), before),
            ...after.fields.map((f) => ({
              Put: { TableName: this.table, Item: { ...keys.expertField(after.id, f), [ROW]: { id: after.id }, cq_pk: keys.expertsOfField(after.countyId, f), q_sk: after.id } },
            })),
            ...gone.map((f) => ({ Delete: { TableName: this.table, Key: keys.expertField(after.id, f) } })),
          ],
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof TransactionCanceledException) return false;
      throw err;
    }
  }

  async list(countyId: string, page: { limit: number; cursor?: string }) {
    const out = await indexPage(this.db, this.table, { index: 'byCounty', partition: keys.expertsOfCounty(countyId), page, ascending: true, tableKey: keys.expert });
    return { items: out.rows.map((r) => Expert.parse(r)), cursor: out.cursor };
  }

  /** The experts of any of these fields in the county: the field partitions, then the experts themselves in one batch. */
  async ofFields(countyId: string, fields: readonly string[]): Promise<Expert[]> {
    const ids = new Set<string>();
    for (const f of fields) {
      // one page of each field's partition: a county's pool of one field is dozens
      const out = await indexPage(this.db, this.table, { index: 'byCentre', partition: keys.expertsOfField(countyId, f), page: { limit: FIELD_READ_LIMIT }, ascending: true, tableKey: (id) => keys.expertField(id, f) });
      for (const r of out.rows) ids.add((r as { id: string }).id);
    }
    const wanted = [...ids];
    const out: Expert[] = [];
    for (let i = 0; i < wanted.length; i += 100) {
      let request: Record<string, { Keys: Item[] }> | undefined = { [this.table]: { Keys: wanted.slice(i, i + 100).map(keys.expert) } };
      while (request && Object.keys(request).length) {
        const got = await this.db.send(new BatchGetCommand({ RequestItems: request }));
        out.push(...(got.Responses?.[this.table] ?? []).map((x) => Expert.parse(strip(x))));
        request = got.UnprocessedKeys as typeof request;
      }
    }
    return out;
  }
}
