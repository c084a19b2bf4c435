/**
 * 凡诉代办: a staff member who registers a case for a citizen follows it in 我代办的 (GET /staff/filed): the cases they
 * filed, newest first, their status and deadline, and what moved since they last looked (阶段反馈); they record that
 * they told the citizen (已告知群众, an internal line on the record). An agent sees only what they filed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sweep } from '../../functions/usecases/supervision';
import { DEFAULT_SUPERVISION } from '../../shared/supervision';
import { call, citizenToken, register, staffToken } from '../support/api';
import { resetApiTime, setApiTime } from '../support/clock';
import { movableClock, stackDeps } from '../support/deps';

afterEach(async () => {
  await resetApiTime();
});

const step = (token: string, id: string, action: string, body: unknown = {}) => call('POST', `/staff/petitions/${id}/${action}`, { token, body });
const filed = async (token: string, query = '') => (await call('GET', `/staff/filed${query}`, { token })).body;
const inVillage = { townshipId: undefined, villageId: 'babao-baiyanggou', channel: 'visit' };

describe('我代办的 (an agent’s cases)', () => {
  it('lists only what the caller filed, newest first, a page at a time; others’ cases stay out of sight', async () => {
    const [agent, babao] = await Promise.all([staffToken('agent-baiyanggou'), staffToken('babao')]);
    const first = (await register(agent, inVillage)).body;
    const second = (await register(agent, { ...inVillage, categoryId: 'neighbour', description: '来访反映：邻居家的羊群常进我家草场。' })).body;
    const centres = (await register(babao)).body;

    // newest first (the file's other tests file cases too, before or after these)
    const mine = await filed(agent);
    const mineIds = mine.items.map((r: { id: string }) => r.id);
    expect(mineIds.slice(0, 2)).toEqual([second.id, first.id]);
    expect(mineIds).not.toContain(centres.id);
    expect(mine.items[0]).toMatchObject({ trackingCode: second.trackingCode, status: 'submitted', categoryName: '邻里纠纷', channel: 'visit', news: false, dueAt: second.dueAt });
    const theirs = (await filed(babao)).items.map((r: { id: string }) => r.id);
    expect(theirs[0]).toBe(centres.id);
    expect(theirs).not.toContain(first.id);
    expect(theirs).not.toContain(second.id);
    // the agent may not open what the centre filed; what they filed, they may
    expect((await call('GET', `/staff/petitions/${centres.id}`, { token: agent })).status).toBe(404);
    expect((await call('GET', `/staff/petitions/${first.id}`, { token: agent })).status).toBe(200);
    // the centre's queue is not theirs: what they filed is their list
    const queue = await call('GET', '/staff/petitions', { token: agent });
    expect([queue.status, queue.body.error.message]).toEqual([404, '未找到']);

    const page1 = await filed(agent, '?limit=1');
    expect(page1.items.map((r: { id: string }) => r.id)).toEqual([second.id]);
    const page2 = await filed(agent, `?limit=1&cursor=${page1.cursor}`);
    expect(page2.items.map((r: { id: string }) => r.id)).toEqual([first.id]);
  });

  it('shows what moved since the agent last looked, until they open the case', async () => {
    const [agent, babao] = await Promise.all([staffToken('agent-baiyanggou'), staffToken('babao')]);
    const { id } = (await register(agent, inVillage)).body;
    const row = async () => (await filed(agent)).items.find((r: { id: string }) => r.id === id);
    expect((await row()).news).toBe(false);

    expect((await step(babao, id, 'accept', { note: '已受理' })).status).toBe(200);
    expect(await row()).toMatchObject({ news: true, status: 'accepted' });
    // the centre opening it changes nothing for the agent
    await call('GET', `/staff/petitions/${id}`, { token: babao });
    expect((await row()).news).toBe(true);

    const file = await call('GET', `/staff/petitions/${id}`, { token: agent });
    expect(file.body.actions).toEqual(['inform']);
    expect((await row()).news).toBe(false);

    expect((await step(babao, id, 'dispatch', { departmentId: 'babao-justice' })).status).toBe(200);
    expect(await row()).toMatchObject({ news: true, status: 'dispatched', departmentName: '八宝镇司法所' });
  });

  it('writes nothing when the agent opens a case with nothing new to them: their last look stays when they filed it', async () => {
    const agent = await staffToken('agent-baiyanggou');
    const { id } = (await register(agent, inVillage)).body;
    const lastLook = async () => (await stackDeps(movableClock(new Date().toISOString())).petitions.get(id))?.agentSeenAt;
    const filedAt = await lastLook();
    expect(filedAt).toEqual(expect.any(String));
    await setApiTime(Date.now() + 3_600_000);
    const later = await staffToken('agent-baiyanggou');
    expect((await call('GET', `/staff/petitions/${id}`, { token: later })).status).toBe(200);
    expect(await lastLook()).toBe(filedAt);
  });

  it('records that the agent told the citizen: internal, on the record, not news to the agent; only the filer may', async () => {
    const [agent, babao] = await Promise.all([staffToken('agent-baiyanggou'), staffToken('babao')]);
    const sent = (await register(agent, inVillage)).body;
    await step(babao, sent.id, 'accept');

    const told = await step(agent, sent.id, 'informed', { note: '已电话告知群众：镇里已受理，正在派单。' });
    expect(told.status).toBe(200);
    expect(told.body.timeline.at(-1)).toMatchObject({ action: 'inform', visibility: 'internal', note: '已电话告知群众：镇里已受理，正在派单。', from: 'accepted', to: 'accepted' });
    expect((await filed(agent)).items.find((r: { id: string }) => r.id === sent.id).news).toBe(false);
    // the centre sees the line but may not write the agent's
    const forThem = await step(babao, sent.id, 'informed', { note: '代替记录' });
    expect(forThem.status).toBe(403);
    expect(forThem.body.error.message).toBe('只有登记这件诉求的工作人员可以记录已告知群众');

    // the citizen claims it: it stays in the agent's list, and the citizen never sees the internal line
    const herder = await citizenToken();
    expect((await call('POST', '/petitions/claim', { token: herder, body: { trackingCode: sent.trackingCode, secret: sent.secret } })).status).toBe(200);
    expect((await filed(agent)).items.map((r: { id: string }) => r.id)).toContain(sent.id);
    const theirs = await call('GET', `/petitions/${sent.id}`, { token: herder });
    expect(theirs.body.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'accept']);
  });

  it('shows the agent their own figures: filed, resolved, rated, satisfied, from their counters', async () => {
    const [agent, babao] = await Promise.all([staffToken('agent-baiyanggou'), staffToken('babao')]);
    const chinaDay = (t: number) => new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);
    // to tomorrow: what the test does after China's midnight still falls in the period
    const period = `from=${chinaDay(Date.now() - 86_400_000)}&to=${chinaDay(Date.now() + 86_400_000)}`;
    const figures = async () => (await call('GET', `/staff/dashboard?${period}`, { token: agent })).body;
    const before = await figures();
    expect(before.scope).toMatchObject({ kind: 'agent', name: '白杨沟村代办员' });
    const done = (await register(agent, inVillage)).body;
    const open = (await register(agent, inVillage)).body;
    (await register(babao)).body; // the centre's own registration is not the agent's
    for (const [action, body] of [['accept', {}], ['dispatch', { departmentId: 'babao-letters' }], ['resolve', { summary: '已协调供热公司检修。' }]] as const) {
      expect((await step(babao, done.id, action, body)).status, action).toBe(200);
    }
    const herder = await citizenToken();
    expect((await call('POST', '/petitions/claim', { token: herder, body: { trackingCode: done.trackingCode, secret: done.secret } })).status).toBe(200);
    expect((await call('POST', `/petitions/${done.id}/rating`, { token: herder, body: { rating: 'satisfied' } })).status).toBe(200);

    const after = await figures();
    expect(after.registered - before.registered).toBe(2); // filed
    expect(after.participation.denominator - before.participation.denominator).toBe(1); // resolved
    expect(after.participation.numerator - before.participation.numerator).toBe(1); // rated
    expect(after.satisfaction.numerator - before.satisfaction.numerator).toBe(1); // satisfied
    expect(after.overdue).toEqual([]);
    expect(open.id).not.toBe(done.id);
    // the agent reads no township's figures, and exports nothing
    expect(after.townships).toEqual([]);
    const township = await call('GET', `/staff/dashboard?${period}&townshipId=babao`, { token: agent });
    expect(township.status).toBe(404);
    expect(township.body.error.message).toBe('未找到该乡镇（苏木）');
    const exported = await call('GET', `/staff/export?${period}`, { token: agent });
    expect(exported.status).toBe(404);
    expect(exported.body.error.message).toBe('未找到');
  });

  it('gives the agent the centre’s reminders on what they filed: 临期 and the urge on the record, news on their list', async () => {
    const agent = await staffToken('agent-baiyanggou');
    // a heating case: accepted within 4 hours, near due in its last hour
    const sent = (await register(agent, inVillage)).body;
    const due = Date.parse(sent.dueAt);
    const sweepAt = (t: number) => sweep(stackDeps(movableClock(new Date(t).toISOString())), DEFAULT_SUPERVISION, new Date(t));

    const near = await sweepAt(due - 30 * 60_000);
    expect(near.acted.find((a) => a.id === sent.id)?.alerts).toEqual(['remind']);
    await setApiTime(due - 20 * 60_000);
    const later = await staffToken('agent-baiyanggou');
    const row = (await filed(later)).items.find((r: { id: string }) => r.id === sent.id);
    expect(row).toMatchObject({ news: true, near: true, overdue: false });
    const file = await call('GET', `/staff/petitions/${sent.id}`, { token: later });
    expect(file.body.timeline.at(-1)).toMatchObject({ action: 'remind', visibility: 'internal' });

    const urged = await sweepAt(due + 60_000);
    expect(urged.acted.find((a) => a.id === sent.id)?.alerts).toEqual(['urge']);
    await setApiTime(due + 2 * 60_000);
    const late = await staffToken('agent-baiyanggou');
    expect((await filed(late)).items.find((r: { id: string }) => r.id === sent.id)).toMatchObject({ news: true, overdue: true });
  });
});
