/**
 * The staff queue on its own table: tabs, overdue and near-due views, filters, a tracking code, newest or most
 * urgent first, pages; and what each page costs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newMeter } from '../../functions/adapters/dynamo/client';
import { QUEUE_FILTER_READS } from '../../functions/adapters/dynamo/petitions';
import type { Caller, Deps, StaffCaller } from '../../functions/usecases/context';
import { staffQueue, submitPetition, transition } from '../../functions/usecases/petitions';
import type { SubmitPetitionBody } from '../../shared/schemas/api';
import { movableClock, seededDeps } from '../support/deps';

let deps: Deps;
let drop: () => Promise<void>;
const meter = newMeter();
const H = 3_600_000;
const T0 = Date.parse('2026-12-01T01:00:00Z'); // 09:00 on 1 December in China
const clock = movableClock(new Date(T0).toISOString());
const at = (hours: number) => {
  clock.t = new Date(T0 + hours * H);
};
const babao: StaffCaller = { kind: 'staff', id: 'u-babao', name: '值班员', role: 'centre_staff', scopeNodeId: 'babao' };
const county: StaffCaller = { kind: 'staff', id: 'u-county', name: '督办', role: 'county_supervisor', scopeNodeId: 'qilian' };
const justice: StaffCaller = { kind: 'staff', id: 'u-babao-justice', name: '司法所', role: 'handler', scopeNodeId: 'babao', departmentId: 'babao-justice' };

const ids: Record<string, string> = {};
const codes: Record<string, string> = {};

async function file(name: string, hours: number, caller: Caller, body: Partial<SubmitPetitionBody>) {
  at(hours);
  const out = await submitPetition(deps, caller, `key-${name}`, {
    channel: 'scan', postId: 'babao-baiyanggou-p1', categoryId: 'land_dispute', description: `${name}：草场围栏纠纷，请帮忙调解。`, photos: [], anonymous: false,
    ...body,
  } as SubmitPetitionBody);
  ids[name] = out.response.id;
  codes[name] = out.response.trackingCode;
}
const citizen = (name: string): Caller => ({ kind: 'citizen', openid: `wx_${name}` });
const queue = async (caller: StaffCaller, q: Parameters<typeof staffQueue>[2]) => staffQueue(deps, caller, q);
const names = (out: { items: Array<{ id: string }> }) => out.items.map((r) => Object.entries(ids).find(([, id]) => id === r.id)?.[0] ?? r.id);

beforeAll(async () => {
  ({ deps, drop } = await seededDeps({ clock, meter }));
  // F two days earlier; A land (accept in 24 h); B heating (4 h); C filed by phone with a number, accepted later;
  // D land again at A's post, a possible repeat of A; E at 峨堡镇.
  await file('F', -48, citizen('f'), { categoryId: 'other' });
  await file('A', 0, citizen('a'), {});
  await file('B', 1, citizen('b'), { categoryId: 'heating' });
  await file('C', 2, babao, { channel: 'phone', postId: 'babao-yingpantai-p1', categoryId: 'neighbour', phone: '13812341234' });
  await file('D', 4, citizen('d'), {});
  await file('E', 3, citizen('e'), { postId: 'ebao-ebao-p1' });
  at(20);
  await transition(deps, babao, ids.C!, { action: 'accept' }); // next deadline: dispatch within 24 h
}, 120_000);
afterAll(() => drop());

describe('the staff queue', () => {
  it('shows a centre its own petitions, newest first, with what a row needs', async () => {
    at(20);
    const out = await queue(babao, { limit: 20 });
    expect(names(out)).toEqual(['D', 'C', 'B', 'A', 'F']);
    const row = (n: string) => out.items.find((r) => r.id === ids[n])!;
    expect(row('C')).toMatchObject({ trackingCode: codes.C, channel: 'phone', status: 'accepted', phoneMasked: '138****1234', categoryName: '邻里纠纷', townshipName: '八宝镇' });
    expect(JSON.stringify(out)).not.toContain('13812341234');
    expect(row('B')).toMatchObject({ overdue: true, near: false });
    expect(row('A')).toMatchObject({ overdue: false, near: true });
    expect(row('D')).toMatchObject({ repeatOf: ids.A, near: true });
    expect(row('D').summary).toContain('草场围栏纠纷');
  });

  it('orders by deadline when asked for the most urgent first, and splits overdue from near due', async () => {
    at(20);
    // B was due at hour 5, F a day before T0; A at 24, D at 28; C (accepted at 20) at 44
    expect(names(await queue(babao, { limit: 20, sort: 'urgent' }))).toEqual(['F', 'B', 'A', 'D', 'C']);
    expect(names(await queue(babao, { limit: 20, due: 'overdue' }))).toEqual(['F', 'B']);
    expect(names(await queue(babao, { limit: 20, overdue: 'true' }))).toEqual(['F', 'B']);
    expect(names(await queue(babao, { limit: 20, due: 'near' }))).toEqual(['A', 'D']);
    expect(names(await queue(babao, { limit: 20, due: 'near', status: 'accepted' }))).toEqual([]);
    expect(names(await queue(babao, { limit: 20, sort: 'urgent', status: 'accepted' }))).toEqual(['C']);
  });

  it('filters by status, category, channel and period (China days)', async () => {
    at(20);
    expect(names(await queue(babao, { limit: 20, status: 'submitted' }))).toEqual(['D', 'B', 'A', 'F']);
    expect(names(await queue(babao, { limit: 20, categoryId: 'heating' }))).toEqual(['B']);
    expect(names(await queue(babao, { limit: 20, channel: 'phone' }))).toEqual(['C']);
    expect(names(await queue(babao, { limit: 20, from: '2026-12-01' }))).toEqual(['D', 'C', 'B', 'A']);
    expect(names(await queue(babao, { limit: 20, to: '2026-11-29' }))).toEqual(['F']);
    expect(names(await queue(babao, { limit: 20, from: '2026-11-29', to: '2026-11-29' }))).toEqual(['F']);
    expect(names(await queue(babao, { limit: 20, sort: 'urgent', from: '2026-12-01', categoryId: 'land_dispute' }))).toEqual(['A', 'D']);
  });

  it('lets the county narrow to a township, and a handler see only what was sent to the department', async () => {
    at(20);
    expect(names(await queue(county, { limit: 20, townshipId: 'ebao' }))).toEqual(['E']);
    expect(names(await queue(county, { limit: 20, townshipId: 'babao' }))).toEqual(['D', 'C', 'B', 'A', 'F']);
    // a centre's township filter cannot reach past its own centre
    expect(names(await queue(babao, { limit: 20, townshipId: 'ebao' }))).toEqual([]);
    await transition(deps, babao, ids.C!, { action: 'dispatch', departmentId: 'babao-justice' });
    expect(names(await queue(justice, { limit: 20 }))).toEqual(['C']);
    expect(names(await queue(justice, { limit: 20, sort: 'urgent' }))).toEqual(['C']);
  });

  it('finds one tracking code, in scope only', async () => {
    expect(names(await queue(babao, { limit: 20, code: codes.A }))).toEqual(['A']);
    expect(names(await queue(county, { limit: 20, code: codes.E }))).toEqual(['E']);
    expect(names(await queue(babao, { limit: 20, code: codes.E }))).toEqual([]);
    expect(names(await queue(babao, { limit: 20, code: 'ZZZZZZZZZZ' }))).toEqual([]);
  });

  it('pages with a cursor, and a filtered page reads a bounded number of times', async () => {
    at(20);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const out = await queue(babao, { limit: 2, cursor });
      seen.push(...names(out));
      cursor = out.cursor;
    } while (cursor);
    expect(seen).toEqual(['D', 'C', 'B', 'A', 'F']);

    const filtered: string[] = [];
    cursor = undefined;
    let pages = 0;
    do {
      const before = meter.reads;
      const out = await queue(babao, { limit: 1, categoryId: 'land_dispute', cursor });
      expect(meter.reads - before).toBeLessThanOrEqual(QUEUE_FILTER_READS);
      filtered.push(...names(out));
      cursor = out.cursor;
      pages++;
    } while (cursor && pages < 10);
    expect(filtered).toEqual(['D', 'A']);
  });
});
