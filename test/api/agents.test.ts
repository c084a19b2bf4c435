/**
 * 凡诉代办: a staff member who registers a case for a citizen follows it in 我代办的 (GET /staff/filed): the cases they
 * filed, newest first, their status and deadline, and what moved since they last looked (阶段反馈); they record that
 * they told the citizen (已告知群众, an internal line on the record). An agent sees only what they filed.
 */
import { describe, expect, it } from 'vitest';
import { call, citizenToken, register, staffToken } from '../support/api';

const step = (token: string, id: string, action: string, body: unknown = {}) => call('POST', `/staff/petitions/${id}/${action}`, { token, body });
const filed = async (token: string, query = '') => (await call('GET', `/staff/filed${query}`, { token })).body;
const inVillage = { townshipId: undefined, villageId: 'babao-baiyanggou', channel: 'visit' };

describe('我代办的 (an agent’s cases)', () => {
  it('lists only what the caller filed, newest first, a page at a time; others’ cases stay out of sight', async () => {
    const [agent, babao] = await Promise.all([staffToken('agent-baiyanggou'), staffToken('babao')]);
    const first = (await register(agent, inVillage)).body;
    const second = (await register(agent, { ...inVillage, categoryId: 'neighbour', description: '来访反映：邻居家的羊群常进我家草场。' })).body;
    const centres = (await register(babao)).body;

    const mine = await filed(agent);
    expect(mine.items.map((r: { id: string }) => r.id)).toEqual([second.id, first.id]);
    expect(mine.items[0]).toMatchObject({ trackingCode: second.trackingCode, status: 'submitted', categoryName: '邻里纠纷', channel: 'visit', news: false, dueAt: second.dueAt });
    expect((await filed(babao)).items.map((r: { id: string }) => r.id)).toEqual([centres.id]);
    // the agent may not open what the centre filed; what they filed, they may
    expect((await call('GET', `/staff/petitions/${centres.id}`, { token: agent })).status).toBe(404);
    expect((await call('GET', `/staff/petitions/${first.id}`, { token: agent })).status).toBe(200);

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

  it('records that the agent told the citizen: internal, on the record, not news to the agent; only the filer may', async () => {
    const [agent, babao] = await Promise.all([staffToken('agent-baiyanggou'), staffToken('babao')]);
    const sent = (await register(agent, inVillage)).body;
    await step(babao, sent.id, 'accept');

    const told = await step(agent, sent.id, 'informed', { note: '已电话告知群众：镇里已受理，正在派单。' });
    expect(told.status).toBe(200);
    expect(told.body.timeline.at(-1)).toMatchObject({ action: 'inform', visibility: 'internal', note: '已电话告知群众：镇里已受理，正在派单。', from: 'accepted', to: 'accepted' });
    expect((await filed(agent)).items.find((r: { id: string }) => r.id === sent.id).news).toBe(false);
    // the centre sees the line but may not write the agent's
    expect((await step(babao, sent.id, 'informed', { note: '代替记录' })).status).toBe(403);

    // the citizen claims it: it stays in the agent's list, and the citizen never sees the internal line
    const herder = await citizenToken();
    expect((await call('POST', '/petitions/claim', { token: herder, body: { trackingCode: sent.trackingCode, secret: sent.secret } })).status).toBe(200);
    expect((await filed(agent)).items.map((r: { id: string }) => r.id)).toContain(sent.id);
    const theirs = await call('GET', `/petitions/${sent.id}`, { token: herder });
    expect(theirs.body.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'accept']);
  });
});
