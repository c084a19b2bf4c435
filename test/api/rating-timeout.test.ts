/**
 * 评哨 has a limit (the category's `rate`, 7 days): a citizen who has not rated a resolved case is reminded once, by a
 * subscribe message, in the last quarter of the limit; when the limit passes the sweep closes the case as not rated,
 * with an event on the record. Two sweeps, or the same sweep twice, remind once and close once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sendDue } from '../../functions/usecases/notifications';
import { sweep } from '../../functions/usecases/supervision';
import { DEFAULT_SUPERVISION } from '../../shared/supervision';
import { call, citizenToken, report, staffToken } from '../support/api';
import { resetApiTime, setApiTime } from '../support/clock';
import { movableClock, stackDeps } from '../support/deps';

afterEach(async () => {
  await resetApiTime();
});

const DAY = 86_400_000;
const step = (token: string, id: string, action: string, body: unknown = {}) => call('POST', `/staff/petitions/${id}/${action}`, { token, body });
const deps = (at: Date) => stackDeps(movableClock(at.toISOString()));
const sweepAt = (at: Date) => sweep(deps(at), DEFAULT_SUPERVISION, at);
const actedOn = (report: Awaited<ReturnType<typeof sweep>>, id: string) => report.acted.filter((a) => a.id === id).flatMap((a) => a.alerts);

/** A citizen's land report at a post of 八宝镇, resolved now by its centre: the rating is due 7 days on. */
async function resolved(opts: { subscribe?: boolean } = {}) {
  const [herder, babao] = await Promise.all([citizenToken(), staffToken('babao')]);
  // one consent a message (WeChat's one-time subscribe messages): the result, then the reminder
  if (opts.subscribe) for (const _ of [1, 2]) expect((await call('POST', '/subscriptions', { token: herder, body: { templates: ['result'] } })).status).toBe(200);
  const sent = await report(herder);
  expect(sent.status).toBe(201);
  const id = sent.body.id as string;
  for (const [action, body] of [['accept', {}], ['dispatch', { departmentId: 'babao-natural-resources' }], ['resolve', { summary: '已现场划界，围栏恢复原位。' }]] as const) {
    expect((await step(babao, id, action, body)).status, action).toBe(200);
  }
  const file = await call('GET', `/petitions/${id}`, { token: herder });
  return { herder, id, dueAt: Date.parse(file.body.dueAt as string) };
}

describe('the rating limit (评哨时限)', () => {
  it('reminds a citizen who has not rated once, then closes the case as not rated when the limit passes', async () => {
    const { herder, id, dueAt } = await resolved({ subscribe: true });
    expect(dueAt - Date.now()).toBeGreaterThan(6.9 * DAY); // 7 days from the resolution

    // before the last quarter of the 7 days nothing is due
    expect(actedOn(await sweepAt(new Date(dueAt - 2 * DAY)), id)).toEqual([]);
    // in it: one reminder, and the same sweep again (or two at once) reminds no more
    const at = new Date(dueAt - 1 * DAY);
    const [a, b] = await Promise.all([sweepAt(at), sweepAt(at)]);
    expect([...actedOn(a, id), ...actedOn(b, id)]).toEqual(['rate_remind']);
    expect(actedOn(await sweepAt(new Date(dueAt - 0.5 * DAY)), id)).toEqual([]);

    // the reminder goes out through the outbox as a subscribe message the citizen opens the case from
    const sends = await sendDue(deps(at), new Date(at.getTime() + 60_000));
    const mine = await call('GET', `/petitions/${id}`, { token: herder });
    expect(mine.body.status).toBe('resolved');
    const reminded = mine.body.timeline.filter((e: { action: string }) => e.action === 'rate_remind');
    expect(reminded).toHaveLength(1);
    expect(sends.sent).toContain(`${id}-${reminded[0].seq}`);
    expect(reminded[0]).toMatchObject({ actor: { role: 'system' } }); // on the citizen's own record: public
    expect(reminded[0].note).toContain('逾期视为未评价');

    // the limit passes: closed as not rated, once
    const late = new Date(dueAt + 60_000);
    const [c, d] = await Promise.all([sweepAt(late), sweepAt(late)]);
    expect([...actedOn(c, id), ...actedOn(d, id)]).toEqual(['rate_close']);
    expect(actedOn(await sweepAt(new Date(dueAt + 3 * DAY)), id)).toEqual([]);

    const closed = await call('GET', `/staff/petitions/${id}`, { token: await staffToken('babao') });
    expect(closed.body.status).toBe('closed');
    expect(closed.body).not.toHaveProperty('rating');
    const actions = closed.body.timeline.map((e: { action: string }) => e.action);
    expect(actions.filter((a: string) => a === 'rate_remind' || a === 'rate_close')).toEqual(['rate_remind', 'rate_close']);
    expect(closed.body.timeline.at(-1)).toMatchObject({ action: 'rate_close', from: 'resolved', to: 'closed', visibility: 'public', data: { rated: false } });

    // too late to rate in the app
    await setApiTime(dueAt + 3 * DAY);
    expect((await call('POST', `/petitions/${id}/rating`, { token: herder, body: { rating: 'satisfied' } })).status).toBe(409);
  });

  it('closes without a reminder when the first sweep after the resolution comes past the limit', async () => {
    const { id, dueAt } = await resolved();
    expect(actedOn(await sweepAt(new Date(dueAt + DAY)), id)).toEqual(['rate_close']);
    const file = await call('GET', `/staff/petitions/${id}`, { token: await staffToken('babao') });
    expect(file.body.timeline.map((e: { action: string }) => e.action)).not.toContain('rate_remind');
    expect(file.body.status).toBe('closed');
  });

  it('leaves a case the citizen rated in time alone', async () => {
    const { herder, id, dueAt } = await resolved();
    expect((await call('POST', `/petitions/${id}/rating`, { token: herder, body: { rating: 'basically_satisfied' } })).status).toBe(200);
    expect(actedOn(await sweepAt(new Date(dueAt - DAY)), id)).toEqual([]);
    expect(actedOn(await sweepAt(new Date(dueAt + DAY)), id)).toEqual([]);
    const mine = await call('GET', `/petitions/${id}`, { token: herder });
    expect(mine.body).toMatchObject({ status: 'rated', rating: { rating: 'basically_satisfied' } });
  });
});
