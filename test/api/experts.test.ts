/**
 * 专家库 over HTTP: the county keeps its experts; on a land case of 八宝镇 (fields 土地, 法律) 推荐专家 ranks those who
 * serve 八宝镇 and are available by fields matched, then load, then past ratings; inviting one puts them on the
 * consultation and adds to their load; the resolution takes it off; the citizen's rating counts for them.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { call, citizenToken, consultedCase, report, staffToken } from '../support/api';

const step = (token: string, id: string, action: string, body: unknown = {}) => call('POST', `/staff/petitions/${id}/${action}`, { token, body });
const CONSULT = { leadDepartmentId: 'babao-natural-resources', departmentIds: ['babao-justice'], question: '草场边界如何认定？', days: 3 };
const newId = () => `e-${randomUUID().slice(0, 8)}`;

async function saveExpert(token: string, body: Record<string, unknown>) {
  const id = newId();
  const res = await call('PUT', `/staff/experts/${id}`, { token, body: { title: '祁连县律师事务所 律师', townshipIds: [], available: true, ...body } });
  expect(res.status).toBe(200);
  return id;
}

/** A citizen's land report to 八宝镇, accepted, with a consultation started: experts may be invited. */
const consulting = (babao: string) => consultedCase(babao, CONSULT);

describe('the expert pool (专家库)', () => {
  it('is kept by the county: saved with fields, townships and availability, read by centres, not by handlers', async () => {
    const [county, babao, handler] = await Promise.all([staffToken('county'), staffToken('babao'), staffToken('babao-justice')]);
    const id = newId();
    const body = { name: '马律师', title: '青海祁连律师事务所 律师', fields: ['law', 'land'], townshipIds: ['babao'], available: true };
    const saved = await call('PUT', `/staff/experts/${id}`, { token: county, body });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ ...body, id, countyId: 'qilian', load: 0, ratingSum: 0, ratingCount: 0, version: 1 });
    const edited = await call('PUT', `/staff/experts/${id}`, { token: county, body: { ...body, fields: ['law'], available: false } });
    expect(edited.body).toMatchObject({ fields: ['law'], available: false, version: 2 });

    const listed = await call('GET', '/staff/experts?limit=100', { token: babao });
    expect(listed.status).toBe(200);
    expect(listed.body.items.find((e: { id: string }) => e.id === id)).toMatchObject({ name: '马律师', fields: ['law'], available: false });
    const handlers = await call('GET', '/staff/experts', { token: handler });
    expect([handlers.status, handlers.body.error.message]).toEqual([404, '未找到']);
    const township = await call('PUT', `/staff/experts/${newId()}`, { token: babao, body });
    expect([township.status, township.body.error.message]).toEqual([404, '未找到']);

    const badField = await call('PUT', `/staff/experts/${newId()}`, { token: county, body: { ...body, fields: ['astrology'] } });
    expect(badField.status).toBe(400);
    expect(badField.body.error.issues[0].path).toBe('fields.0');
    const badTownship = await call('PUT', `/staff/experts/${newId()}`, { token: county, body: { ...body, townshipIds: ['babao-baiyanggou'] } });
    expect(badTownship.status).toBe(400);
    expect(badTownship.body.error).toEqual({ code: 'validation', message: '服务乡镇不存在', issues: [{ path: 'townshipIds.0', message: '请选择本县的乡镇（苏木）' }] });
  });

  it('recommends experts for a case ranked by fields matched, then load, then past ratings; inviting one adds to their load', async () => {
    const [county, babao, resources] = await Promise.all([staffToken('county'), staffToken('babao'), staffToken('babao-resources')]);
    const both = await saveExpert(county, { name: '甲 土地法律', fields: ['land', 'law'] });
    const busy = await saveExpert(county, { name: '乙 忙碌', fields: ['law', 'land', 'finance'] });
    const rated = await saveExpert(county, { name: '丙 好评', fields: ['land', 'law'] });
    const landOnly = await saveExpert(county, { name: '丁 只懂土地', fields: ['land'] });
    const elsewhere = await saveExpert(county, { name: '戊 峨堡镇', fields: ['land', 'law'], townshipIds: ['ebao'] });
    const away = await saveExpert(county, { name: '己 外出', fields: ['land', 'law'], available: false });
    const psychologist = await saveExpert(county, { name: '庚 心理', fields: ['psychology'] });
    const mine = new Set([both, busy, rated, landOnly, elsewhere, away, psychologist]);

    // 乙 is busy with an open consultation; 丙 was invited to one that was resolved and rated 满意
    const other = await consulting(babao);
    expect((await step(babao, other.id, 'invite-expert', { expertId: busy })).status).toBe(200);
    const earlier = await consulting(babao);
    const invited = await step(babao, earlier.id, 'invite-expert', { expertId: rated });
    expect(invited.body.consultation.experts).toEqual([{ expertId: rated, name: '丙 好评', invitedAt: expect.any(String) }]);
    expect(invited.body.timeline.at(-1)).toMatchObject({ action: 'invite_expert', visibility: 'internal', data: { expertId: rated } });
    expect((await call('GET', '/staff/experts?limit=100', { token: county })).body.items.find((e: { id: string }) => e.id === rated)).toMatchObject({ load: 1 });
    expect((await step(resources, earlier.id, 'resolve', { summary: '经专家释法，双方同意按确权结果划界。' })).status).toBe(200);
    expect((await call('POST', `/petitions/${earlier.id}/rating`, { token: earlier.herder, body: { rating: 'satisfied' } })).status).toBe(200);
    const pool = (await call('GET', '/staff/experts?limit=100', { token: county })).body.items as Array<{ id: string }>;
    expect(pool.find((e) => e.id === rated)).toMatchObject({ load: 0, ratingSum: 2, ratingCount: 1 });
    expect(pool.find((e) => e.id === busy)).toMatchObject({ load: 1, ratingCount: 0 });

    const { id } = await consulting(babao);
    const rec = await call('GET', `/staff/petitions/${id}/experts`, { token: babao });
    expect(rec.status).toBe(200);
    expect(rec.body.fields).toEqual(['land', 'law']);
    const ranked = (rec.body.items as Array<{ id: string }>).filter((e) => mine.has(e.id));
    expect(ranked.map((e) => e.id)).toEqual([rated, both, busy, landOnly]);
    expect(ranked[0]).toMatchObject({ matched: ['land', 'law'], average: 2, invited: false });
    expect(ranked[3]).toMatchObject({ matched: ['land'] });

    // adding one invites them to the consultation; the recommendation says so; twice is a conflict
    expect((await step(babao, id, 'invite-expert', { expertId: both })).status).toBe(200);
    const after = await call('GET', `/staff/petitions/${id}/experts`, { token: babao });
    expect(after.body.items.find((e: { id: string }) => e.id === both)).toMatchObject({ invited: true, load: 1 });
    expect((await step(babao, id, 'invite-expert', { expertId: both })).status).toBe(409);
    const unavailable = await step(babao, id, 'invite-expert', { expertId: away });
    expect(unavailable.status).toBe(400);
    expect(unavailable.body.error.issues[0].path).toBe('expertId');
    expect((await step(babao, id, 'invite-expert', { expertId: 'e-nobody' })).status).toBe(400);
  });

  it('invites only to a consultation, and recommends only to the centres that see the case', async () => {
    const [county, babao, ebao, handler] = await Promise.all([staffToken('county'), staffToken('babao'), staffToken('ebao'), staffToken('babao-justice')]);
    const expert = await saveExpert(county, { name: '辛 调解员', fields: ['mediation', 'law'] });
    const herder = await citizenToken();
    const id = (await report(herder)).body.id as string;
    await step(babao, id, 'accept');
    await step(babao, id, 'dispatch', { departmentId: 'babao-natural-resources' });
    expect((await step(babao, id, 'invite-expert', { expertId: expert })).status).toBe(409);
    // whoever does not see the case is told so before anything of the expert they name
    const hidden = await step(ebao, id, 'invite-expert', { expertId: newId() });
    expect([hidden.status, hidden.body.error.message]).toEqual([404, '未找到该诉求']);
    const elsewhere = await call('GET', `/staff/petitions/${id}/experts`, { token: ebao });
    expect([elsewhere.status, elsewhere.body.error.message]).toEqual([404, '未找到该诉求']);
    expect((await call('GET', `/staff/petitions/${id}/experts`, { token: handler })).status).toBe(404);
    expect((await call('GET', `/staff/petitions/${id}/experts`, { token: county })).status).toBe(200);
  });

  it('invites only an expert of the pool who takes invitations, in words naming the field, and leaves the case as it was', async () => {
    const [county, babao] = await Promise.all([staffToken('county'), staffToken('babao')]);
    const away = await saveExpert(county, { name: '休假的专家', fields: ['land'], available: false });
    const { id } = await consulting(babao);
    const before = (await call('GET', `/staff/petitions/${id}`, { token: babao })).body;
    const unknown = await step(babao, id, 'invite-expert', { expertId: newId() });
    expect([unknown.status, unknown.body.error]).toEqual([400, { code: 'validation', message: '专家不存在', issues: [{ path: 'expertId', message: '请从本县专家库中选择专家' }] }]);
    const unavailable = await step(babao, id, 'invite-expert', { expertId: away });
    expect([unavailable.status, unavailable.body.error]).toEqual([400, { code: 'validation', message: '该专家暂不接受邀请', issues: [{ path: 'expertId', message: '该专家暂不接受邀请，请另选' }] }]);
    const after = (await call('GET', `/staff/petitions/${id}`, { token: babao })).body;
    expect(after.version).toBe(before.version);
    expect(after.consultation.experts ?? []).toEqual([]);
  });
});
