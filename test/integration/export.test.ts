/**
 * The CSV export's limit on DynamoDB Local: a month of 八宝镇 with 10,000 registered petitions (written straight to the
 * table, as a busy county would hold them) is one file of them all; with one more it is refused with a 400 that names
 * the period's end, and asks for a shorter period; no file is made. And a case reported this morning, before its
 * first deadline: 是否逾期 says 否 until the deadline has passed, and a case reported without a phone has none.
 */
import { BatchWriteCommand, type BatchWriteCommandInput, type BatchWriteCommandOutput } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../functions/adapters/dynamo/client';
import { petitionItem } from '../../functions/adapters/dynamo/petitions';
import { systemIds } from '../../functions/deps';
import type { Deps, StaffCaller } from '../../functions/usecases/context';
import { EXPORT_MAX_ROWS, exportPetitions } from '../../functions/usecases/export';
import { submitPetition } from '../../functions/usecases/petitions';
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

/** `n` petitions of 八宝镇 registered on 10 November 2026, one a second from `first` seconds after 10:00 China time. */
async function writeRegistered(n: number, first = 0) {
  const ids = systemIds();
  const at = (i: number) => new Date(Date.parse('2026-11-10T02:00:00Z') + (first + i) * 1000).toISOString();
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
  it('holds 10,000 petitions in one file; one more is refused with the limit in words and the field to change', async () => {
    await writeRegistered(EXPORT_MAX_ROWS);
    const full = await exportPetitions(deps, babao, { from: '2026-11-01', to: '2026-11-30' });
    expect(full.rows).toBe(10_000);
    expect(full.csv.split('\r\n').filter((l) => l !== '')).toHaveLength(1 + 10_000);
    await writeRegistered(1, EXPORT_MAX_ROWS);
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

/** The cells of an export's rows under its header, each row split at its commas (no cell here holds one). */
const cellsOf = (csv: string) => csv.replace(/^\uFEFF/, '').split('\r\n').filter((l) => l !== '').slice(1).map((l) => l.split(','));
const OVERDUE = 9;
const PHONE = 12;

describe('the CSV export of a case within its deadline', () => {
  it('says 否 under 是否逾期 until the deadline has passed, and leaves the phone of a case reported without one empty', async () => {
    clock.t = new Date('2026-12-01T01:00:00Z');
    const reported = async (key: string, phone?: string) =>
      (await submitPetition(deps, { kind: 'citizen', openid: `wx_${key}` }, `key-${key}`, {
        channel: 'scan', postId: 'babao-baiyanggou-p1', categoryId: 'land_dispute', description: '草场边界纠纷需要调解处理。', photos: [], anonymous: false, ...(phone ? { phone } : {}),
      })).response.trackingCode;
    const withPhone = await reported('with-phone', '13812341234');
    clock.t = new Date('2026-12-01T01:01:00Z');
    const without = await reported('without-phone');
    const day = { from: '2026-12-01', to: '2026-12-01' };

    // an hour later, both waiting to be accepted within their day
    clock.t = new Date('2026-12-01T02:00:00Z');
    const now = cellsOf((await exportPetitions(deps, babao, day)).csv);
    expect(now.map((r) => r[0])).toEqual([withPhone, without]);
    expect(now.map((r) => [r[OVERDUE], r[PHONE]])).toEqual([['否', '138****1234'], ['否', '']]);

    // three days later, neither accepted: both overdue
    clock.t = new Date('2026-12-04T02:00:00Z');
    const later = cellsOf((await exportPetitions(deps, babao, day)).csv);
    expect(later.map((r) => r[OVERDUE])).toEqual(['是', '是']);
  });
});
