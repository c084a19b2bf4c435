/**
 * 小事不出村: a village-level matter (邻里纠纷, 婚姻家庭纠纷: the category's level) reported in a village is held by the
 * village. Its staff (白杨沟村调解委员会, role village_staff) see what their village holds and nothing else, accept it,
 * handle it and resolve it within the category's limits, or hand it up to the township's centre with a reason. The
 * township centre owns it all along: it is in its queue and figures, and it can take it to the township itself.
 */
import { describe, expect, it } from 'vitest';
import { call, citizenToken, register, report, staffToken } from '../support/api';

const step = (token: string, id: string, action: string, body: unknown = {}) => call('POST', `/staff/petitions/${id}/${action}`, { token, body });
const idsOf = (res: { body: { items: Array<{ id: string }> } }) => res.body.items.map((p) => p.id);
const chinaDay = (t: number) => new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);
const period = () => `from=${chinaDay(Date.now() - 86_400_000)}&to=${chinaDay(Date.now())}`;

/** A citizen's report at a post of 白杨沟村 (a village of 八宝镇), of a village-level matter unless it says otherwise. */
async function reported(body: Record<string, unknown> = {}) {
  const herder = await citizenToken();
  const sent = await report(herder, { postId: 'babao-baiyanggou-p1', categoryId: 'neighbour', description: '邻居家的羊群天天进我家草场吃草，说了不听。', phone: '13812345678', ...body });
  expect(sent.status).toBe(201);
  return { herder, id: sent.body.id as string };
}

describe('a village-level matter (小事不出村)', () => {
  it('is handled and resolved in the village, in the township centre’s sight all along, and counted in the village’s figures', async () => {
    const [village, babao] = await Promise.all([staffToken('village-baiyanggou'), staffToken('babao')]);
    const before = (await call('GET', `/staff/dashboard?${period()}`, { token: village })).body;
    expect(before.scope).toMatchObject({ kind: 'village', id: 'babao-baiyanggou', name: '白杨沟村' });
    const { herder, id } = await reported();

    // the village's queue and its 待受理 tab hold it; the township's queue too, and the case is the township centre's
    expect(idsOf(await call('GET', '/staff/petitions', { token: village }))).toContain(id);
    expect(idsOf(await call('GET', '/staff/petitions?status=submitted', { token: village }))).toContain(id);
    expect(idsOf(await call('GET', '/staff/petitions', { token: babao }))).toContain(id);
    const file = await call('GET', `/staff/petitions/${id}`, { token: village });
    expect(file.status).toBe(200);
    expect(file.body).toMatchObject({ level: 'village', villageId: 'babao-baiyanggou', centreId: 'babao', status: 'submitted' });
    expect(file.body.actions).toEqual(['accept', 'hand_up', 'reveal_phone']);

    // accepted in the village: handled there at once, within the category's resolve limit, no department holding it
    const accepted = await step(village, id, 'accept', { note: '村调解委员会受理，明天上门调解。' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'in_progress', level: 'village', acceptedAt: expect.any(String) });
    expect(accepted.body.departmentId).toBeUndefined();
    expect(accepted.body.dueAt).toBe(accepted.body.resolveDueAt);
    expect((await call('GET', `/staff/petitions/${id}`, { token: await staffToken('babao-justice') })).status).toBe(404);
    expect((await step(village, id, 'progress', { note: '已上门，双方同意各自看管羊群。' })).status).toBe(200);
    const resolved = await step(village, id, 'resolve', { summary: '经村调解委员会调解，双方签订协议，羊群由主人圈养。' });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', level: 'village', centreId: 'babao' });

    // the citizen reads it like any other case, and rates it
    const mine = await call('GET', `/petitions/${id}`, { token: herder });
    expect(mine.body.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'accept', 'progress', 'resolve']);
    expect((await call('POST', `/petitions/${id}/rating`, { token: herder, body: { rating: 'satisfied' } })).status).toBe(200);

    // the village's own figures (its counters, not a scan), and the township's still count it
    const after = (await call('GET', `/staff/dashboard?${period()}`, { token: village })).body;
    expect(after.registered - before.registered).toBe(1);
    expect(after.participation.numerator - before.participation.numerator).toBe(1);
    expect(after.satisfaction.numerator - before.satisfaction.numerator).toBe(1);
    // its township by name, as the county's tree has it
    expect(after.byTownship).toEqual([{ id: 'babao', name: '八宝镇', count: after.registered, yearAgo: 0 }]);
    const township = (await call('GET', `/staff/dashboard?${period()}`, { token: babao })).body;
    expect(township.byVillage.find((v: { id: string }) => v.id === 'babao-baiyanggou').count).toBeGreaterThanOrEqual(1);
    // a village reads no township's figures
    // and no list of townships to choose from
    expect((await call('GET', `/staff/dashboard?${period()}`, { token: village })).body.townships).toEqual([]);
    const asked = await call('GET', `/staff/dashboard?${period()}&townshipId=babao`, { token: village });
    expect(asked.status).toBe(404);
    expect(asked.body.error.message).toBe('未找到该乡镇（苏木）');
  });

  it('is handed up to the township centre with a reason: it leaves the village, goes to the centre’s department, and the centre dispatches it', async () => {
    const [village, babao] = await Promise.all([staffToken('village-baiyanggou'), staffToken('babao')]);
    const before = (await call('GET', `/staff/dashboard?${period()}`, { token: village })).body;
    const { herder, id } = await reported({ description: '邻居占了我家宅基地一角，村里调解两次不成。' });
    expect((await step(village, id, 'accept')).status).toBe(200);

    const up = await step(village, id, 'hand-up', { reason: '涉及宅基地确权，村里无法调解，请镇里处理。' });
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ handedOver: true, status: 'accepted', level: 'township', centreId: 'babao' });
    // the village no longer knows of it; the township centre has it, routed to its 司法所, waiting on its dispatch
    const gone = await call('GET', `/staff/petitions/${id}`, { token: village });
    expect(gone.status).toBe(404);
    expect(gone.body.error.message).toBe('未找到该诉求');
    // routed to the 司法所 is not dispatched to it: its handlers know of the case once the centre dispatches it
    const justice = await staffToken('babao-justice');
    expect((await call('GET', `/staff/petitions/${id}`, { token: justice })).status).toBe(404);
    expect(idsOf(await call('GET', '/staff/petitions', { token: village }))).not.toContain(id);
    const late = await step(village, id, 'progress', { note: '还想再调解一次' });
    expect(late.status).toBe(404);
    expect(late.body.error.message).toBe('未找到该诉求');
    const file = await call('GET', `/staff/petitions/${id}`, { token: babao });
    expect(file.body).toMatchObject({ status: 'accepted', level: 'township', departmentId: 'babao-justice' });
    expect(file.body.timeline.at(-1)).toMatchObject({ action: 'hand_up', from: 'in_progress', to: 'accepted', note: '涉及宅基地确权，村里无法调解，请镇里处理。' });
    expect(file.body.actions).toContain('dispatch');
    expect((await step(babao, id, 'dispatch', { departmentId: 'babao-justice' })).status).toBe(200);
    expect((await call('GET', `/staff/petitions/${id}`, { token: justice })).status).toBe(200);
    // the citizen reads why it went to the township
    const mine = await call('GET', `/petitions/${id}`, { token: herder });
    expect(mine.body.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'accept', 'hand_up', 'dispatch']);
    // its counts left the village's figures
    const after = (await call('GET', `/staff/dashboard?${period()}`, { token: village })).body;
    expect(after.registered).toBe(before.registered);
  });

  it('a case the township centre accepts itself goes to the township, out of the village’s sight', async () => {
    const [village, babao] = await Promise.all([staffToken('village-baiyanggou'), staffToken('babao')]);
    const { id } = await reported();
    const accepted = await step(babao, id, 'accept');
    expect(accepted.body).toMatchObject({ status: 'accepted', level: 'township' });
    expect((await call('GET', `/staff/petitions/${id}`, { token: village })).status).toBe(404);
  });

  it('a case the township centre escalated to itself and then takes over is the township’s, out of the village’s sight', async () => {
    const [village, babao] = await Promise.all([staffToken('village-baiyanggou'), staffToken('babao')]);
    const { id } = await reported();
    // the village's next level is the township: its centre supervises what the village holds, then takes it
    const up = await step(babao, id, 'escalate', { reason: '村里调解两次不成，镇综治中心督办。' });
    expect(up.body.supervisedBy).toMatchObject({ level: 'township', centreId: 'babao' });
    const taken = await step(babao, id, 'take-over', { reason: '由镇综治中心直接办理。' });
    expect(taken.status).toBe(200);
    expect(taken.body).toMatchObject({ level: 'township', centreId: 'babao', status: 'submitted' });
    expect(taken.body.supervisedBy).toBeUndefined();
    expect(taken.body.timeline.at(-1)).toMatchObject({ action: 'take_over', data: { fromLevel: 'village', toLevel: 'township', toCentreId: 'babao' } });
    expect((await call('GET', `/staff/petitions/${id}`, { token: village })).status).toBe(404);
  });

  it('a case the township transfers to another township leaves the village: a township case of the township it went to', async () => {
    const [village, babao] = await Promise.all([staffToken('village-baiyanggou'), staffToken('babao')]);
    const { id } = await reported();
    expect(idsOf(await call('GET', '/staff/petitions', { token: village }))).toContain(id);
    const moved = await step(babao, id, 'transfer', { centreId: 'ebao', reason: '事发地在峨堡镇' });
    expect(moved.body).toMatchObject({ handedOver: true, centreId: 'ebao', level: 'township' });
    expect((await call('GET', `/staff/petitions/${id}`, { token: village })).status).toBe(404);
    expect(idsOf(await call('GET', '/staff/petitions', { token: village }))).not.toContain(id);
    expect((await call('GET', `/staff/petitions/${id}`, { token: await staffToken('ebao') })).body).toMatchObject({ centreId: 'ebao', level: 'township' });
  });

  it('shows the village nothing of another village, of another category, or of the centre’s work (404)', async () => {
    const village = await staffToken('village-baiyanggou');
    const ofTownship = (await reported({ categoryId: 'land_dispute', description: '草场边界的网围栏被人挪动了。' })).id;
    const elsewhere = (await reported({ postId: 'babao-yingpantai-p1' })).id;
    const otherTownship = (await reported({ postId: 'ebao-ebao-p1' })).id;
    const queue = idsOf(await call('GET', '/staff/petitions', { token: village }));
    for (const id of [ofTownship, elsewhere, otherTownship]) {
      expect(queue).not.toContain(id);
      expect((await call('GET', `/staff/petitions/${id}`, { token: village })).status).toBe(404);
      expect((await step(village, id, 'accept')).status).toBe(404);
      expect((await step(village, id, 'hand-up', { reason: '不是本村的事' })).status).toBe(404);
    }
    // the centre's reads are not a village's: tasks, users, receptions 404; it registers nothing (403); no 督办, near-due or township tab
    for (const path of ['/staff/tasks', '/staff/users', '/staff/bookings', '/staff/township-ranking']) {
      expect({ path, status: (await call('GET', path, { token: village })).status }).toEqual({ path, status: 404 });
    }
    expect((await call('GET', '/staff/tasks', { token: village })).body.error.message).toBe('未找到');
    expect((await register(village, { townshipId: undefined, villageId: 'babao-baiyanggou', categoryId: 'neighbour' })).status).toBe(403);
    for (const [query, path] of [['due=near', 'query.due'], ['supervised=true', 'query.supervised'], ['townshipId=babao', 'query.townshipId']] as const) {
      const refused = await call('GET', `/staff/petitions?${query}`, { token: village });
      expect({ query, status: refused.status, error: refused.body.error }).toEqual({
        query,
        status: 400,
        error: { code: 'validation', message: '村级待办只按状态、期限和类型查看', issues: [{ path, message: '村级待办没有督办、临期和乡镇筛选' }] },
      });
    }
    // the township centre may not hand up: the step is the village's
    const { id } = await reported();
    expect((await step(await staffToken('babao'), id, 'hand-up', { reason: '镇里代交' })).status).toBe(403);
  });
});
