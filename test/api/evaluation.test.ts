/**
 * 化解成效考评 over HTTP, against a set of cases whose figures are counted here by hand: each department of 八宝镇 (and
 * of the county) over a period — 承办, 办结, 按期办结, 满意 and 积案化解 — from the counters kept as the cases moved;
 * a 化解成效考评表 issued on a case cites its department's figures of the year.
 */
import { DeleteCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../functions/adapters/dynamo/client';
import { MIGRATIONS, departmentCounters } from '../../functions/adapters/dynamo/migrations';
import { call, citizenToken, report, staffToken, newKey } from '../support/api';
import { resetApiTime, setApiTime } from '../support/clock';
import { stack } from '../support/worker';

/** 2027-03-10 10:00 China time: every step of the set is on this day but the late resolution. */
const T0 = '2027-03-10T02:00:00.000Z';
const DAY0 = '2027-03-10';

const step = async (token: string, id: string, action: string, body: unknown = {}) => {
  const res = await call('POST', `/staff/petitions/${id}/${action}`, { token, body });
  expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body;
};
const evaluation = (token: string, query: string) => call('GET', `/staff/evaluation?${query}`, { token });
const rowOf = (body: { rows: Array<{ departmentId: string }> }, id: string) => body.rows.find((r) => r.departmentId === id);
const ratio = (numerator: number, denominator: number) => ({ numerator, denominator, rate: denominator ? Math.round((numerator / denominator) * 10_000) / 10_000 : null });

interface Tokens {
  babao: string;
  county: string;
  resources: string;
  justice: string;
}
let lateDay = '';
/** the API's time the file's tests read at (the late day's evening), put back after a test moves it */
let lateAt: Date;
let rated: string;
let settled: string;
let followedUp: string;

/** A citizen's report accepted by its centre and dispatched to a department. */
async function dispatched(t: Tokens, departmentId: string, body: Record<string, unknown> = {}, centre = t.babao) {
  const herder = await citizenToken();
  const sent = await report(herder, body);
  expect(sent.status).toBe(201);
  const id = sent.body.id as string;
  await step(centre, id, 'accept');
  await step(centre, id, 'dispatch', { departmentId });
  return { id, herder };
}

const rate = async (herder: string, id: string, rating: string) => expect((await call('POST', `/petitions/${id}/rating`, { token: herder, body: { rating } })).status).toBe(200);

beforeAll(async () => {
  await setApiTime(T0);
  const [babao, county, resources, justice, ebao] = await Promise.all(['babao', 'county', 'babao-resources', 'babao-justice', 'ebao'].map((u) => staffToken(u)));
  const t = { babao: babao!, county: county!, resources: resources!, justice: justice! };
  const R = 'babao-natural-resources';
  // 自然资源所: c1 resolved and rated 满意, c2 resolved and rated 不满意, c3 resolved and rated 满意 on the follow-up call
  const c1 = await dispatched(t, R);
  await step(t.resources, c1.id, 'resolve', { summary: '已恢复边界' });
  await rate(c1.herder, c1.id, 'satisfied');
  rated = c1.id;
  const c2 = await dispatched(t, R);
  await step(t.resources, c2.id, 'resolve', { summary: '已调解' });
  await rate(c2.herder, c2.id, 'dissatisfied');
  const c3 = await dispatched(t, R);
  await step(t.resources, c3.id, 'resolve', { summary: '已答复' });
  await step(t.babao, c3.id, 'follow-up', { reached: true, rating: 'satisfied', note: '电话回访' });
  followedUp = c3.id;
  // 司法所: c4 a backlog case it settles on time; c5 dispatched, still open
  const c4 = await dispatched(t, 'babao-justice');
  await step(t.county, c4.id, 'classify', { backlogClass: 'B' });
  await step(t.justice, c4.id, 'resolve', { summary: '积案已化解' });
  settled = c4.id;
  await dispatched(t, 'babao-justice');
  // 峨堡镇: one case at its 自然资源所, the county's figures only
  await dispatched(t, 'ebao-natural-resources', { postId: undefined, channel: 'online', townshipId: 'ebao', categoryId: 'land_dispute' }, ebao!);
  // 自然资源所: c6 dispatched today, resolved a minute after its deadline
  const c6 = await dispatched(t, R);
  const due = (await call('GET', `/staff/petitions/${c6.id}`, { token: t.babao })).body.resolveDueAt as string;
  const late = new Date(Date.parse(due) + 60_000);
  await setApiTime(late);
  lateAt = late;
  lateDay = new Date(late.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  await step(await staffToken('babao-resources'), c6.id, 'resolve', { summary: '逾期办结' });
}, 120_000);

afterAll(async () => {
  await resetApiTime();
});

describe('化解成效考评', () => {
  it('counts each department of 八宝镇 over the period as counted by hand', async () => {
    const babao = await staffToken('babao');
    const res = await evaluation(babao, `from=${DAY0}&to=${lateDay}`);
    expect(res.status).toBe(200);
    expect(res.body.scope).toMatchObject({ kind: 'centre', id: 'babao' });
    expect(res.body.period).toEqual({ from: DAY0, to: lateDay });
    expect(rowOf(res.body, 'babao-natural-resources')).toMatchObject({
      name: expect.stringContaining('自然资源'),
      handled: 4,
      resolved: 4,
      onTime: ratio(3, 4),
      satisfaction: ratio(2, 3),
      backlogSettled: 0,
    });
    expect(rowOf(res.body, 'babao-justice')).toMatchObject({ handled: 2, resolved: 1, onTime: ratio(1, 1), satisfaction: ratio(0, 0), backlogSettled: 1 });
    // a department with nothing in the period is listed with zeros; another township's is not listed
    expect(rowOf(res.body, 'babao-police')).toMatchObject({ handled: 0, resolved: 0, onTime: ratio(0, 0) });
    expect(rowOf(res.body, 'ebao-natural-resources')).toBeUndefined();
    expect(res.body.totals).toEqual({ handled: 6, resolved: 5, onTime: ratio(4, 5), satisfaction: ratio(2, 3), backlogSettled: 1 });
    expect(res.body.definitions.onTime).toMatch(/^按期办结率 = /);
    expect(Object.values(res.body.definitions).join('')).not.toMatch(/[A-Za-z]{3}/);
  });

  it('keeps to the period: the first day alone leaves out the late resolution', async () => {
    const res = await evaluation(await staffToken('babao'), `from=${DAY0}&to=${DAY0}`);
    expect(rowOf(res.body, 'babao-natural-resources')).toMatchObject({ handled: 4, resolved: 3, onTime: ratio(3, 3), satisfaction: ratio(2, 3) });
    const before = await evaluation(await staffToken('babao'), `from=2027-03-01&to=2027-03-09`);
    expect(before.body.totals).toMatchObject({ handled: 0, resolved: 0, backlogSettled: 0 });
  });

  it('gives the county every township\'s departments, and one township when asked; others see nothing of it', async () => {
    const county = await staffToken('county');
    const all = await evaluation(county, `from=${DAY0}&to=${lateDay}`);
    expect(all.status).toBe(200);
    expect(all.body.scope).toMatchObject({ kind: 'county' });
    expect(rowOf(all.body, 'babao-natural-resources')).toMatchObject({ handled: 4, resolved: 4 });
    expect(rowOf(all.body, 'ebao-natural-resources')).toMatchObject({ handled: 1, resolved: 0, centreName: '峨堡镇综治中心' });
    expect(all.body.totals.handled).toBe(7);
    expect(all.body.townships.map((t: { id: string }) => t.id)).toContain('babao');
    const one = await evaluation(county, `from=${DAY0}&to=${lateDay}&townshipId=ebao`);
    expect(one.body.totals.handled).toBe(1);
    // 峨堡镇's centre: its own departments; a handler, an agent and a village have no such page
    const ebao = await evaluation(await staffToken('ebao'), `from=${DAY0}&to=${lateDay}`);
    expect(rowOf(ebao.body, 'babao-natural-resources')).toBeUndefined();
    expect((await evaluation(await staffToken('ebao'), `townshipId=babao`)).status).toBe(404);
    for (const u of ['babao-justice', 'agent-baiyanggou', 'village-baiyanggou'] as const) expect((await evaluation(await staffToken(u), '')).status).toBe(404);
    const bad = await evaluation(county, 'from=2027-03-10&to=2027-03-01');
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].message).toBe('开始日期不能晚于结束日期');
  });

  it('cites the department\'s figures of the year on a 化解成效考评表', async () => {
    const babao = await staffToken('babao');
    const res = await call('POST', `/staff/petitions/${rated}/documents`, { token: babao, body: { kind: 'evaluation' }, headers: { 'idempotency-key': newKey() } });
    expect(res.status).toBe(200);
    const doc = res.body.documents.at(-1);
    expect(doc.kind).toBe('evaluation');
    expect(doc.paragraphs[0]).toEqual({
      heading: '责任部门本年度化解成效',
      text: `八宝镇自然资源所自 2027-01-01 至 ${lateDay}：承办 4 件，办结 4 件，其中按期办结 3 件（按期办结率 75.0%）；参评 3 件，满意和基本满意 2 件（满意率 66.7%）；化解积案 0 件。统计口径见“化解成效考评”页。`,
    });
  });

  it('cites the backlog cases the department settled, on a 化解成效考评表 of its settled backlog case', async () => {
    const babao = await staffToken('babao');
    const res = await call('POST', `/staff/petitions/${settled}/documents`, { token: babao, body: { kind: 'evaluation' }, headers: { 'idempotency-key': newKey() } });
    expect(res.status).toBe(200);
    expect(res.body.documents.at(-1).paragraphs[0]).toEqual({
      heading: '责任部门本年度化解成效',
      text: `八宝镇司法所自 2027-01-01 至 ${lateDay}：承办 2 件，办结 1 件，其中按期办结 1 件（按期办结率 100.0%）；参评 0 件，满意和基本满意 0 件（满意率 无）；化解积案 1 件。统计口径见“化解成效考评”页。`,
    });
  });
});

describe('the backfill of the counters (migration 2026-11-30-department-counters)', () => {
  it('counts the cases again from their records alone: the counters gone, migrated, the hand count; migrated again, unchanged', async () => {
    const { dynamoEndpoint, table } = stack();
    const db = documentClient({ region: 'local', endpoint: dynamoEndpoint });
    const [babao, county] = await Promise.all([staffToken('babao'), staffToken('county')]);
    const period = `from=${DAY0}&to=${lateDay}`;
    const figures = async () => [(await evaluation(babao, period)).body, (await evaluation(county, period)).body];
    const counted = await figures();

    // the cases as they were before the counters were kept: every department counter item deleted
    const items = (await db.send(new ScanCommand({ TableName: table, FilterExpression: 'begins_with(pk, :f) AND begins_with(sk, :d)', ExpressionAttributeValues: { ':f': 'FIG#', ':d': 'DEP#' } }))).Items ?? [];
    expect(items.length).toBeGreaterThan(0);
    for (const i of items) await db.send(new DeleteCommand({ TableName: table, Key: { pk: i.pk, sk: i.sk } }));
    expect((await evaluation(babao, period)).body.totals).toMatchObject({ handled: 0, resolved: 0, backlogSettled: 0 });

    // this set moved after the counters began (the API's clock is in 2027): the backfill is told to count up to 2100
    const backfill = departmentCounters('2100-01-01T00:00:00.000Z');
    expect(await backfill.run(db, table)).toBe(7);
    const [mine, all] = await figures();
    expect(rowOf(mine, 'babao-natural-resources')).toMatchObject({ handled: 4, resolved: 4, onTime: ratio(3, 4), satisfaction: ratio(2, 3), backlogSettled: 0 });
    expect(rowOf(mine, 'babao-justice')).toMatchObject({ handled: 2, resolved: 1, onTime: ratio(1, 1), satisfaction: ratio(0, 0), backlogSettled: 1 });
    expect(mine.totals).toEqual({ handled: 6, resolved: 5, onTime: ratio(4, 5), satisfaction: ratio(2, 3), backlogSettled: 1 });
    expect(rowOf(all, 'ebao-natural-resources')).toMatchObject({ handled: 1, resolved: 0 });
    expect([mine, all]).toEqual(counted);

    // again: every case is marked counted, nothing is counted twice
    expect(await backfill.run(db, table)).toBe(0);
    expect(await figures()).toEqual(counted);
    // as deployed, it counts only what moved before the counters began: nothing of this set
    expect(MIGRATIONS.map((m) => m.id)).toContain(backfill.id);
    expect(await departmentCounters().run(db, table)).toBe(0);
    expect(await figures()).toEqual(counted);
  });
});

describe('a 化解成效考评表 issued in a new year', () => {
  afterAll(() => setApiTime(lateAt));

  it('cites none of last year’s work: the department has handled nothing yet this year, its rates 无', async () => {
    await setApiTime('2028-01-05T02:00:00.000Z');
    const babao = await staffToken('babao');
    const res = await call('POST', `/staff/petitions/${followedUp}/documents`, { token: babao, body: { kind: 'evaluation' }, headers: { 'idempotency-key': newKey() } });
    expect(res.status).toBe(200);
    expect(res.body.documents.at(-1).paragraphs[0]).toEqual({
      heading: '责任部门本年度化解成效',
      text: '八宝镇自然资源所自 2028-01-01 至 2028-01-05：承办 0 件，办结 0 件，其中按期办结 0 件（按期办结率 无）；参评 0 件，满意和基本满意 0 件（满意率 无）；化解积案 0 件。统计口径见“化解成效考评”页。',
    });
  });
});
