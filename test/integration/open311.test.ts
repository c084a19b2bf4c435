/**
 * A partner system's api_key with the real ports and a clock the test moves: a key that is not of a key's form is
 * refused before the table is read (a caller cannot make us look up whatever it sends), and a partner's requests are
 * counted per minute of the clock on a counter the table's TTL removes two minutes after the minute's first request.
 * What a partner filed is listed by the times it was filed at, start_date and end_date both included.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient, newMeter } from '../../functions/adapters/dynamo/client';
import { keys } from '../../functions/adapters/dynamo/keys';
import type { Deps, StaffCaller } from '../../functions/usecases/context';
import { createPartner, partnerCaller, requests, submit } from '../../functions/usecases/open311';
import { TooManyRequestsError, UnauthorizedError } from '../../shared/errors';
import { Open311ListQuery, Open311RequestBody } from '../../shared/schemas/open311';
import { movableClock, seededDeps } from '../support/deps';
import { stack } from '../support/worker';

let deps: Deps;
let table: string;
let drop: () => Promise<void>;
const meter = newMeter();
const clock = movableClock('2026-12-01T08:00:30Z');
const admin: StaffCaller = { kind: 'staff', id: 'u-admin', name: '管理员', role: 'admin', scopeNodeId: 'qilian' };

beforeAll(async () => {
  ({ deps, table, drop } = await seededDeps({ clock, meter, env: { OPEN311_PER_MINUTE: '2' } }));
}, 120_000);
afterAll(() => drop());

/** The table reads and writes a call makes, and what it threw. */
async function cost(call: () => Promise<unknown>) {
  const before = meter.requests;
  const thrown = await call().then(() => undefined, (e: unknown) => e);
  return { requests: meter.requests - before, thrown };
}

describe('a partner’s api_key', () => {
  it('refuses a key with a character a key never has, before or after a key’s run of characters, without reading the table', async () => {
    const { apiKey } = await createPartner(deps, admin, { name: '县12345热线', countyId: 'qilian' });
    // a key of a key's form that no partner holds is looked up once, and refused
    const unknown = await cost(() => partnerCaller(deps, `sg_${'A'.repeat(32)}`));
    expect(unknown).toEqual({ requests: 1, thrown: new UnauthorizedError('api_key 无效或已停用') });

    for (const key of [`x!${apiKey}`, `${apiKey}!`]) {
      expect(await cost(() => partnerCaller(deps, key)), key).toEqual({ requests: 0, thrown: new UnauthorizedError('api_key 无效或已停用') });
    }
  });

  it('takes a partner’s requests up to its limit in a minute of the clock, on a counter kept two minutes, and again the next minute', async () => {
    const { id, apiKey } = await createPartner(deps, admin, { name: '县12345热线（计数）', countyId: 'qilian' });
    clock.t = new Date('2026-12-01T08:00:30Z');
    for (let i = 0; i < 2; i++) expect((await partnerCaller(deps, apiKey)).id).toBe(id);
    clock.t = new Date('2026-12-01T08:00:59Z');
    await expect(partnerCaller(deps, apiKey)).rejects.toEqual(new TooManyRequestsError('每分钟至多 2 次请求，请稍后再试', 60));

    // the minute's counter expires (the table's TTL, in seconds) two minutes after the minute's first request
    const db = documentClient({ region: 'local', endpoint: stack().dynamoEndpoint });
    const counter = await db.send(new GetCommand({ TableName: table, Key: keys.quota(`o311:${id}#2026-12-01T08:00`) }));
    expect(counter.Item).toMatchObject({ n: 2, ttl: Date.parse('2026-12-01T08:02:30Z') / 1000 });

    clock.t = new Date('2026-12-01T08:01:00Z');
    expect((await partnerCaller(deps, apiKey)).id).toBe(id);
  });
});

describe('a partner’s requests by date', () => {
  it('are those filed from start_date to end_date, both included, a start equal to the end holding what was filed at that time', async () => {
    const { apiKey } = await createPartner(deps, admin, { name: '县12345热线（按日期）', countyId: 'qilian' });
    clock.t = new Date('2026-12-02T07:00:00.000Z');
    const partner = await partnerCaller(deps, apiKey);
    const body = Open311RequestBody.parse({ service_code: 'land_dispute', 'attribute[township]': 'babao', description: '来电反映：草场边界的网围栏被邻居挪了二十米。' });
    const filedAt = async (at: string) => {
      clock.t = new Date(at);
      return (await submit(deps, partner, body)).answer[0]!.service_request_id;
    };
    const morning = await filedAt('2026-12-02T08:00:00.000Z');
    const noon = await filedAt('2026-12-02T12:00:00.000Z');
    clock.t = new Date('2026-12-02T16:00:00.000Z');
    const listed = async (q: Record<string, string>) => (await requests(deps, partner, Open311ListQuery.parse(q))).items.map((r) => r.service_request_id);

    expect(await listed({ start_date: '2026-12-02T07:00:00.000Z' })).toEqual([noon, morning]);
    expect(await listed({ start_date: '2026-12-02T07:00:00.000Z', end_date: '2026-12-02T11:59:59.999Z' })).toEqual([morning]);
    expect(await listed({ start_date: '2026-12-02T08:00:00.000Z', end_date: '2026-12-02T08:00:00.000Z' })).toEqual([morning]);
  });

  it('reads start_date and end_date as times, not as text: China time, and whole seconds', async () => {
    const { apiKey } = await createPartner(deps, admin, { name: '县12345热线（时区）', countyId: 'qilian' });
    clock.t = new Date('2026-12-03T07:00:00.000Z');
    const partner = await partnerCaller(deps, apiKey);
    const body = Open311RequestBody.parse({ service_code: 'land_dispute', 'attribute[township]': 'babao', description: '来电反映：草场边界的网围栏被邻居挪了二十米。' });
    clock.t = new Date('2026-12-03T08:00:00.000Z');
    const morning = (await submit(deps, partner, body)).answer[0]!.service_request_id;
    clock.t = new Date('2026-12-03T16:00:00.000Z');
    const listed = async (q: Record<string, string>) => (await requests(deps, partner, Open311ListQuery.parse(q))).items.map((r) => r.service_request_id);
    // 15:00 to 17:00 China time is 07:00 to 09:00 UTC
    expect(await listed({ start_date: '2026-12-03T15:00:00+08:00', end_date: '2026-12-03T17:00:00+08:00' })).toEqual([morning]);
    // a start at the whole second of the filing, without milliseconds, holds it
    expect(await listed({ start_date: '2026-12-03T08:00:00Z', end_date: '2026-12-03T09:00:00Z' })).toEqual([morning]);
  });
});

describe('two partners’ external_ids', () => {
  it('are each partner’s own: the same external_id from two hotlines files two cases, neither answered with the other’s', async () => {
    clock.t = new Date('2026-12-04T02:00:00.000Z');
    const first = await partnerCaller(deps, (await createPartner(deps, admin, { name: '县12345热线（甲）', countyId: 'qilian' })).apiKey);
    const second = await partnerCaller(deps, (await createPartner(deps, admin, { name: '县12345热线（乙）', countyId: 'qilian' })).apiKey);
    const body = Open311RequestBody.parse({
      service_code: 'land_dispute', 'attribute[township]': 'babao', external_id: 'HL-2026-000777', description: '来电反映：草场边界的网围栏被邻居挪了二十米。',
    });
    const a = await submit(deps, first, body);
    const b = await submit(deps, second, body);
    expect([a.created, b.created]).toEqual([true, true]);
    expect(b.answer[0]!.service_request_id).not.toBe(a.answer[0]!.service_request_id);
    // each partner reads its own case, and is sent again its own on a retry
    expect((await submit(deps, second, body)).answer[0]!.service_request_id).toBe(b.answer[0]!.service_request_id);
  });
});
