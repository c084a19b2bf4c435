/**
 * 回访 counts in the figures: a rating the citizen gave on the follow-up call counts toward 满意率 and 参评率 when they
 * did not rate in the app (DOMAIN.md), so a case filed for someone without WeChat is not counted against the centre.
 * A rating in the app is the citizen's own: it is never counted twice, and it takes the place of one taken on a call.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { call, citizenToken, register, staffToken } from '../support/api';
import { resetApiTime, setApiTime } from '../support/clock';

afterEach(async () => {
  await resetApiTime();
});

const DAY = 86_400_000;
const step = (token: string, id: string, action: string, body: unknown = {}) => call('POST', `/staff/petitions/${id}/${action}`, { token, body });
const chinaDay = (t: number) => new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);

/** A case registered at 八宝镇 and resolved there; the follow-up call falls due 7 days later. */
async function resolvedCase(babao: string) {
  const sent = (await register(babao, { channel: 'phone' })).body;
  for (const [action, body] of [['accept', {}], ['dispatch', { departmentId: 'babao-letters' }], ['resolve', { summary: '已协调供热公司检修管道。' }]] as const) {
    expect((await step(babao, sent.id, action, body)).status, action).toBe(200);
  }
  return sent as { id: string; trackingCode: string; secret: string };
}

describe('a rating on the follow-up call (回访)', () => {
  it('counts toward 满意率 and 参评率 when the citizen did not rate, and the definitions say so', async () => {
    const babao = await staffToken('babao');
    const period = `from=${chinaDay(Date.now() - DAY)}&to=${chinaDay(Date.now() + 10 * DAY)}`;
    const before = (await call('GET', `/staff/dashboard?${period}`, { token: babao })).body;
    const [a, b] = [await resolvedCase(babao), await resolvedCase(babao)];

    // eight days on, both calls are due: one reaches a satisfied citizen, one a dissatisfied one, neither rated in the app
    await setApiTime(Date.now() + 8 * DAY);
    const staffLater = await staffToken('babao');
    const tasks = (await call('GET', '/staff/tasks', { token: staffLater })).body.items;
    expect(tasks.filter((t: { id: string }) => [a.id, b.id].includes(t.id)).map((t: { task: string }) => t.task)).toEqual(['follow_up', 'follow_up']);
    expect((await step(staffLater, a.id, 'follow-up', { reached: true, rating: 'satisfied', note: '电话回访，群众满意' })).status).toBe(200);
    expect((await step(staffLater, b.id, 'follow-up', { reached: true, rating: 'dissatisfied', note: '电话回访，群众仍不满意' })).status).toBe(200);

    const after = (await call('GET', `/staff/dashboard?${period}`, { token: staffLater })).body;
    expect(after.participation.numerator - before.participation.numerator).toBe(2);
    expect(after.satisfaction.denominator - before.satisfaction.denominator).toBe(2);
    expect(after.satisfaction.numerator - before.satisfaction.numerator).toBe(1);
    expect(after.definitions.satisfaction).toContain('回访');
    expect(after.definitions.participation).toContain('回访');
  });

  it('is not counted when the citizen rated in the app, and gives way when they rate after the call', async () => {
    const babao = await staffToken('babao');
    const period = `from=${chinaDay(Date.now() - DAY)}&to=${chinaDay(Date.now() + 10 * DAY)}`;
    const before = (await call('GET', `/staff/dashboard?${period}`, { token: babao })).body;
    const [rated, later] = [await resolvedCase(babao), await resolvedCase(babao)];
    const herder = await citizenToken();
    for (const c of [rated, later]) expect((await call('POST', '/petitions/claim', { token: herder, body: { trackingCode: c.trackingCode, secret: c.secret } })).status).toBe(200);
    // rated in the app at once: 满意
    expect((await call('POST', `/petitions/${rated.id}/rating`, { token: herder, body: { rating: 'satisfied' } })).status).toBe(200);

    await setApiTime(Date.now() + 8 * DAY);
    const staffLater = await staffToken('babao');
    // the call to the one who rated: its rating is a note, not a second rating
    expect((await step(staffLater, rated.id, 'follow-up', { reached: true, rating: 'dissatisfied', note: '回访时又说不太满意' })).status).toBe(200);
    // the call to the other: not satisfied on the phone; then they rate 满意 in the app after all
    expect((await step(staffLater, later.id, 'follow-up', { reached: true, rating: 'dissatisfied', note: '回访，群众不满意' })).status).toBe(200);
    const mid = (await call('GET', `/staff/dashboard?${period}`, { token: staffLater })).body;
    expect([mid.satisfaction.numerator - before.satisfaction.numerator, mid.satisfaction.denominator - before.satisfaction.denominator]).toEqual([1, 2]);
    expect((await call('POST', `/petitions/${later.id}/rating`, { token: herder, body: { rating: 'satisfied' } })).status).toBe(200);

    const after = (await call('GET', `/staff/dashboard?${period}`, { token: staffLater })).body;
    expect([after.satisfaction.numerator - before.satisfaction.numerator, after.satisfaction.denominator - before.satisfaction.denominator]).toEqual([2, 2]);
    expect(after.participation.numerator - before.participation.numerator).toBe(2);
  });
});
