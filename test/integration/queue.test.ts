/**
 * The staff queue on its own table: tabs, overdue and near-due views, filters, a tracking code, newest or most
 * urgent first, pages; and what each page costs. Every test gets a fresh table with the same cases A–F and files what
 * else it needs itself: no test depends on another having run first.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, newMeter, queryAll } from '../../functions/adapters/dynamo/client';
import { INDEXES, ROW, keys, type IndexName } from '../../functions/adapters/dynamo/keys';
import { QUEUE_FILTER_READS, petitionItem } from '../../functions/adapters/dynamo/petitions';
import type { Caller, Deps, StaffCaller } from '../../functions/usecases/context';
import { dashboard } from '../../functions/usecases/dashboard';
import { getForStaff, staffQueue, submitPetition, transition } from '../../functions/usecases/petitions';
import { sweep } from '../../functions/usecases/supervision';
import type { SubmitPetitionBody } from '../../shared/schemas/api';
import { movableClock, seededDeps } from '../support/deps';
import { stack } from '../support/worker';

let deps: Deps;
let drop: () => Promise<void>;
let table: string;
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

beforeEach(async () => {
  for (const k of Object.keys(ids)) delete ids[k];
  for (const k of Object.keys(codes)) delete codes[k];
  ({ deps, drop, table } = await seededDeps({ clock, meter }));
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
afterEach(() => drop());

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
    // near due is the last quarter of the step's own 24 hours: A (due at 24) from 18, D (due at 28) only from 22
    expect(row('D')).toMatchObject({ repeatOf: ids.A, near: false });
    expect(row('D').summary).toContain('草场围栏纠纷');
  });

  it('orders by deadline when asked for the most urgent first, and splits overdue from near due', async () => {
    at(20);
    // B was due at hour 5, F a day before T0; A at 24, D at 28; C (accepted at 20) at 44
    expect(names(await queue(babao, { limit: 20, sort: 'urgent' }))).toEqual(['F', 'B', 'A', 'D', 'C']);
    expect(names(await queue(babao, { limit: 20, due: 'overdue' }))).toEqual(['F', 'B']);
    expect(names(await queue(babao, { limit: 20, overdue: 'true' }))).toEqual(['F', 'B']);
    expect(names(await queue(babao, { limit: 20, due: 'near' }))).toEqual(['A']);
    expect(names(await queue(babao, { limit: 20, due: 'near', status: 'accepted' }))).toEqual([]);
    expect(names(await queue(babao, { limit: 20, sort: 'urgent', status: 'accepted' }))).toEqual(['C']);
    // a tab of closed cases has no deadlines to order by: asked most urgent first, it is read newest first
    await transition(deps, babao, ids.B!, { action: 'decline', reason: '不属于本中心受理范围', redirect: '请向县住建局反映' });
    expect(names(await queue(babao, { limit: 20, sort: 'urgent', status: 'declined' }))).toEqual(['B']);
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
    // centre staff whose record kept the department of when they were its handler read the centre's queue, not the department's
    expect(names(await queue({ ...babao, departmentId: 'babao-justice' }, { limit: 20 }))).toEqual(['D', 'C', 'B', 'A', 'F']);
  });

  it('refuses a list the caller’s place has none of, in the words its staff see', async () => {
    const village: StaffCaller = { kind: 'staff', id: 'u-village-baiyanggou', name: '白杨沟村调解委员会', role: 'village_staff', scopeNodeId: 'babao-baiyanggou' };
    await expect(queue(justice, { limit: 20, supervised: 'true' })).rejects.toMatchObject({ message: '承办人的待办没有督办列表', issues: [{ path: 'query.supervised', message: '督办列表只供综治中心查看' }] });
    await expect(queue(village, { limit: 20, team: 'true' })).rejects.toMatchObject({ message: '专班列表只供专班成员查看', issues: [{ path: 'query.team', message: '专班列表只供综治中心、承办部门和县级工作人员查看' }] });
    await expect(queue(babao, { limit: 20, consulting: 'true' })).rejects.toMatchObject({ message: '会诊列表只供部门承办人查看', issues: [{ path: 'query.consulting', message: '会诊列表只供部门承办人查看' }] });
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

describe('deadlines count while a case waits on staff, and only for whom may see it', () => {
  const resources: StaffCaller = { kind: 'staff', id: 'u-babao-resources', name: '自然资源所', role: 'handler', scopeNodeId: 'babao', departmentId: 'babao-natural-resources' };
  const moler: StaffCaller = { kind: 'staff', id: 'u-moler', name: '值班员', role: 'centre_staff', scopeNodeId: 'moler' };
  const atMoler = { postId: 'moler-moler-p1' };
  const hoursOf = (iso: string) => (Date.parse(iso) - T0) / H;
  const dueOf = async (n: string) => (await deps.petitions.get(ids[n]!))!.dueAt!;
  /** the petitions an index partition holds, read straight from the index */
  async function inPartition(index: IndexName, partition: string) {
    const db = documentClient({ region: 'local', endpoint: stack().dynamoEndpoint });
    const items = await queryAll(db, {
      TableName: table, IndexName: index, KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': INDEXES[index].pk }, ExpressionAttributeValues: { ':pk': partition },
    });
    return items.map((i) => (i[ROW] as { id: string }).id);
  }
  /** G, sent to the natural resources office at hour 30; H, routed there too, due 4 h after G, never sent. G's due time. */
  async function fileGH() {
    await file('G', 30, citizen('g'), {});
    await transition(deps, babao, ids.G!, { action: 'accept' });
    await transition(deps, babao, ids.G!, { action: 'dispatch', departmentId: 'babao-natural-resources' });
    const dueG = await dueOf('G');
    await file('H', hoursOf(dueG) - 20, citizen('h'), {});
    return dueG;
  }
  /** three cases at 默勒镇 resolved at once (hours 100–102), then M4 filed at 250 and left waiting */
  async function fileM() {
    for (const [i, n] of ['M1', 'M2', 'M3'].entries()) {
      await file(n, 100 + i, citizen(n), atMoler);
      await transition(deps, moler, ids[n]!, { action: 'accept' });
      await transition(deps, moler, ids[n]!, { action: 'dispatch', departmentId: 'moler-natural-resources' });
      await transition(deps, moler, ids[n]!, { action: 'resolve', summary: '已办结。' });
    }
    await file('M4', 250, citizen('m4'), atMoler);
  }
  /** N1 (land, due at 324, near from 318), N2 (heating, due at 305, near from 304), N3 (land, due at 325, near from 319) */
  async function fileN() {
    await file('N1', 300, citizen('n1'), atMoler);
    await file('N2', 301, citizen('n2'), { ...atMoler, categoryId: 'heating' });
    await file('N3', 301, citizen('n3'), atMoler);
  }

  it('shows a handler the most urgent, near-due and overdue cases of its department only once they are dispatched', async () => {
    // A and D (land at 八宝镇) were routed to the natural resources office when filed, but the centre never sent them
    expect((await deps.petitions.get(ids.A!))?.departmentId).toBe('babao-natural-resources');
    at(20);
    await transition(deps, babao, ids.C!, { action: 'dispatch', departmentId: 'babao-justice' });
    const dueG = await fileGH();
    at(hoursOf(dueG) - 2);
    expect(names(await queue(babao, { limit: 20, due: 'near' }))).toEqual(['G', 'H']);
    expect(names(await queue(resources, { limit: 20, due: 'near' }))).toEqual(['G']);
    expect(names(await queue(resources, { limit: 20, sort: 'urgent' }))).toEqual(['G']);
    at(hoursOf(dueG) + 1);
    expect(names(await queue(resources, { limit: 20, due: 'overdue' }))).toEqual(['G']);
    expect(names(await queue(justice, { limit: 20, due: 'overdue' }))).toEqual(['C']);
  });

  it('takes a resolved case out of the deadline indexes: it waits on the citizen, not on staff', async () => {
    const dueG = await fileGH();
    at(hoursOf(dueG) + 2);
    await transition(deps, resources, ids.G!, { action: 'resolve', summary: '已现场调解，双方签字确认。' });
    expect(await deps.petitions.get(ids.G!)).toMatchObject({ status: 'resolved', dueAt: expect.any(String) });
    for (const [index, partition] of [
      ['byDue', keys.due('qilian')],
      ['byCentreDue', keys.centreDue('babao')],
      ['byDepartmentDue', keys.departmentDue('babao-natural-resources')],
    ] as const) {
      expect(await inPartition(index, partition)).not.toContain(ids.G);
    }
    expect(await inPartition('byCentreDue', keys.centreDue('babao'))).toContain(ids.H);
    expect(await inPartition('byDepartmentDue', keys.departmentDue('babao-natural-resources'))).toEqual([]);
  });

  it('fills a page of overdue cases with open ones, however many resolved cases fell due before', async () => {
    // three cases at 默勒镇 resolved at once: their rating deadlines (7 days) pass before M4's acceptance deadline
    await fileM();
    expect(hoursOf(await dueOf('M3'))).toBeLessThan(hoursOf(await dueOf('M4')));
    at(280);
    expect(names(await queue(moler, { limit: 1, due: 'overdue' }))).toEqual(['M4']);
    expect(names(await queue(moler, { limit: 1, sort: 'urgent' }))).toEqual(['M4']);
  });

  it('lists a township’s overdue cases on the dashboard however many other townships have', async () => {
    await fileM();
    // 60 long-overdue cases at 峨堡镇, written straight to the table
    const e = (await deps.petitions.get(ids.E!))!;
    const db = documentClient({ region: 'local', endpoint: stack().dynamoEndpoint });
    await Promise.all(
      Array.from({ length: 60 }, (_, i) => {
        const id = `${e.id.slice(0, -4)}X${String(i).padStart(3, '0')}`;
        return db.send(new PutCommand({ TableName: table, Item: petitionItem({ ...e, id, trackingCode: `ZZZZZZZZ${'ABCDEFGH'[i % 8]}${'ABCDEFGH'[Math.floor(i / 8)]}`, dueAt: '2026-11-01T00:00:00.000Z' }) }));
      }),
    );
    at(280);
    const chosen = await dashboard(deps, county, { townshipId: 'moler' });
    expect(chosen.overdue.map((r) => r.id)).toEqual([ids.M4]);
    const own = await dashboard(deps, moler, {});
    expect(own.overdue.map((r) => r.id)).toEqual([ids.M4]);
  });

  it('counts a case near due in the last quarter of its own step, in the tab, on the rows and in the sweeper alike', async () => {
    await fileM();
    // N1 land: accept within 24 h, due at 324, near due from 318; N2 heating: 4 h, due at 305, near from 304 (at least
    // an hour); N3 due at 325, near due from 319
    await fileN();
    at(304.5);
    // a fresh 24-hour case is not near due, although its deadline is less than a day away
    expect(names(await queue(moler, { limit: 20, due: 'near' }))).toEqual(['N2']);
    const rows = (await queue(moler, { limit: 20, sort: 'urgent' })).items;
    expect(rows.map((r) => [names({ items: [r] })[0], r.near])).toEqual([['M4', false], ['N2', true], ['N1', false], ['N3', false]]);
    expect((await getForStaff(deps, moler, ids.N1!)).near).toBe(false);

    // the sweeper reminds at the same instant: N1 not a minute before 318, and at 318
    const reminded = async (hours: number) => {
      at(hours);
      return (await sweep(deps, deps.supervision, clock.now())).acted.filter((a) => a.id === ids.N1).flatMap((a) => a.alerts);
    };
    expect(await reminded(317.98)).toEqual([]);
    expect(await reminded(318)).toEqual(['remind']);
    expect((await getForStaff(deps, moler, ids.N1!)).near).toBe(true);
    // N2 fell due at 305 and was urged by those sweeps: its near-due entry is gone
    expect(await inPartition('byCentreDue', keys.centreNearDue('moler'))).toEqual([ids.N1, ids.N3]);
    at(319);
    expect(names(await queue(moler, { limit: 20, due: 'near' }))).toEqual(['N1', 'N3']);
  });

  it('pages near-due cases while the clock moves on past the last row read', async () => {
    await fileN();
    at(319);
    const first = await queue(moler, { limit: 1, due: 'near' });
    expect(names(first)).toEqual(['N1']);
    at(324.5); // N1, the cursor's row, is now overdue
    const second = await queue(moler, { limit: 1, due: 'near', cursor: first.cursor });
    expect(names(second)).toEqual(['N3']);
  });
});
