/**
 * The CSV export's limit on DynamoDB Local: a month of 八宝镇 with more than 10,000 registered petitions (written
 * straight to the table, as a busy county would hold them) is refused with a 400 that names the period's end, and
 * asks for a shorter period; no file is made.
 */
import { BatchWriteCommand, type BatchWriteCommandInput, type BatchWriteCommandOutput } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../functions/adapters/dynamo/client';
import { petitionItem } from '../../functions/adapters/dynamo/petitions';
import { systemIds } from '../../functions/deps';
import type { Deps, StaffCaller } from '../../functions/usecases/context';
import { EXPORT_MAX_ROWS, exportPetitions } from '../../functions/usecases/export';
import { ValidationError } from '../../shared/errors';
import type { Petition } from '../../shared/schemas/petition';
import { movableClock, seededDeps } from '../support/deps';
import { stack } from '../support/worker';

let deps: Deps;
let table = '';
let drop: () => Promise<void>;
const clock = movableClock('2026-12-01T01:00:00Z');
const babao: StaffCaller = { kind: 'staff', id: 'u-babao', name: '值班员', role: 'centre_staff', scopeNodeId: 'babao' };

beforeAll(async () => {
  ({ deps, table, drop } = await seededDeps({ clock }));
}, 120_000);
afterAll(() => drop());

/** `n` petitions of 八宝镇 registered on 10 November 2026, one a second from 10:00 China time. */
async function writeRegistered(n: number) {
  const ids = systemIds();
  const at = (i: number) => new Date(Date.parse('2026-11-10T02:00:00Z') + i * 1000).toISOString();
  const items: Petition[] = Array.from({ length: n }, (_, i) => ({
    id: ids.id(), trackingCode: ids.trackingCode(), channel: 'scan', reporter: { kind: 'wechat', openid: 'wx_bulk' }, anonymous: false,
    categoryId: 'land_dispute', description: '批量数据', photos: [], status: 'submitted', level: 'township', countyId: 'qilian',
    townshipId: 'babao', centreId: 'babao', centrePath: 'qilian/babao', createdAt: at(i), updatedAt: at(i),
    dueAt: '2026-11-11T02:00:00.000Z', dueFrom: at(i), extended: false, overdue: false, version: 1,
  }));
  const db = documentClient({ region: 'local', endpoint: stack().dynamoEndpoint });
  const write = async (batch: Petition[]) => {
    let req: BatchWriteCommandInput['RequestItems'] = { [table]: batch.map((p) => ({ PutRequest: { Item: petitionItem(p) } })) };
    while (req && Object.keys(req).length) {
      const out: BatchWriteCommandOutput = await db.send(new BatchWriteCommand({ RequestItems: req }));
      req = out.UnprocessedItems;
    }
  };
  const batches: Petition[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  for (let i = 0; i < batches.length; i += 16) await Promise.all(batches.slice(i, i + 16).map(write));
}

describe('the CSV export of a period with too many petitions', () => {
  it('is refused with the limit in words and the field to change, instead of a file', async () => {
    await writeRegistered(EXPORT_MAX_ROWS + 1);
    const message = '该区间的诉求超过 10000 条，请缩短区间分次导出';
    const refused = await exportPetitions(deps, babao, { from: '2026-11-01', to: '2026-11-30' }).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(refused).toBeInstanceOf(ValidationError);
    expect(refused).toMatchObject({ message, issues: [{ path: 'query.to', message }] });
    // a day before them is a file of none
    expect(await exportPetitions(deps, babao, { from: '2026-11-09', to: '2026-11-09' })).toMatchObject({ rows: 0 });
  }, 600_000);
});
