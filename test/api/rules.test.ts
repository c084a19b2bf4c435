/**
 * The statutory and anti-flood rules, pinned through the product path: HTTP to the API under serverless offline,
 * whose time the test moves through the worker's time server (test/support/clock.ts), as a later day would come.
 * Each test sets the API's time it needs and logs in after (a staff login lasts STAFF_TOKEN_HOURS of API time);
 * the file has its table to itself, and every test uses its own post or category, so no test depends on another.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { call, citizenToken, newKey, report, staffToken } from '../support/api';
import { advanceApiTime, resetApiTime, setApiTime } from '../support/clock';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

afterEach(async () => {
  await resetApiTime();
});

const step = async (id: string, action: string, body: unknown = {}) =>
  call('POST', `/staff/petitions/${id}/${action}`, { token: await staffToken('babao'), body });
const staffFile = async (id: string) => (await call('GET', `/staff/petitions/${id}`, { token: await staffToken('babao') })).body;

/** A township category of 八宝镇's with the resolve limit given: the only thing a test of the cap varies. */
async function categoryResolvingIn(id: string, resolve: { amount: number; unit: 'days' | 'workdays' }) {
  const res = await call('PUT', `/staff/categories/${id}`, {
    token: await staffToken('county'),
    body: {
      name: `限时${id.slice(-4)}`,
      departmentKind: 'natural_resources',
      level: 'township',
      limits: {
        accept: { amount: 24, unit: 'hours' },
        dispatch: { amount: 24, unit: 'hours' },
        resolve,
        rate: { amount: 7, unit: 'days' },
        review: { amount: 30, unit: 'days' },
      },
    },
  });
  expect(res.status).toBe(200);
}

describe('the statutory resolve limit (《信访工作条例》)', () => {
  it('cuts a category’s 90-day resolve limit to 60 days from acceptance, and keeps a 59-day one', async () => {
    await setApiTime('2026-03-02T02:00:00.000Z');
    await categoryResolvingIn('cap-ninety', { amount: 90, unit: 'days' });
    await categoryResolvingIn('cap-fiftynine', { amount: 59, unit: 'days' });
    for (const [categoryId, days] of [['cap-ninety', 60], ['cap-fiftynine', 59]] as const) {
      const made = await report(await citizenToken(), { postId: undefined, townshipId: 'babao', categoryId });
      expect(made.status).toBe(201);
      expect((await step(made.body.id, 'accept')).status).toBe(200);
      const file = await staffFile(made.body.id);
      expect(file.status).toBe('accepted');
      expect(Date.parse(file.resolveDueAt) - Date.parse(file.acceptedAt)).toBe(days * DAY);
    }
  });
});

describe('extension (延期)', () => {
  it('extends the resolve deadline once, by at most 30 days, over HTTP', async () => {
    const made = await report(await citizenToken(), { postId: 'babao-chengxi-p1', categoryId: 'land_dispute' });
    expect((await step(made.body.id, 'accept')).status).toBe(200);
    const before = (await staffFile(made.body.id)).resolveDueAt as string;

    const tooLong = await step(made.body.id, 'extend', { days: 31, reason: '需等待草场确权结果' });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.issues).toEqual([{ path: 'days', message: '延期最多 30 天' }]);

    const extended = await step(made.body.id, 'extend', { days: 30, reason: '需等待草场确权结果' });
    expect(extended.status).toBe(200);
    const file = await staffFile(made.body.id);
    expect(file).toMatchObject({ extended: true, status: 'accepted' });
    expect(Date.parse(file.resolveDueAt) - Date.parse(before)).toBe(30 * DAY);

    const again = await step(made.body.id, 'extend', { days: 1, reason: '还需要一天' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('该诉求已延期过一次，不能再次延期');
    expect((await staffFile(made.body.id)).resolveDueAt).toBe(file.resolveDueAt);
  });
});

describe('possible repeats (重复信访)', () => {
  it('links a report at the same post and category to an open one made 29 days before, not to one made 31 days before', async () => {
    await setApiTime('2026-06-01T02:00:00.000Z');
    const older = await report(await citizenToken(), { postId: 'babao-yingpantai-p1', categoryId: 'grassland' });
    expect(older.status).toBe(201);
    await advanceApiTime(2 * DAY);
    const recent = await report(await citizenToken(), { postId: 'babao-yingpantai-p1', categoryId: 'heating' });
    expect(recent.status).toBe(201);

    // 31 days after the first, 29 after the second: each category's report is checked against its own
    await advanceApiTime(29 * DAY);
    const pastWindow = await report(await citizenToken(), { postId: 'babao-yingpantai-p1', categoryId: 'grassland' });
    const inWindow = await report(await citizenToken(), { postId: 'babao-yingpantai-p1', categoryId: 'heating' });
    expect(pastWindow.status).toBe(201);
    expect(inWindow.status).toBe(201);
    // the citizen learns only that a similar case exists; the centre sees which one
    expect(pastWindow.body.similarExists).toBe(false);
    expect(inWindow.body.similarExists).toBe(true);
    expect((await staffFile(pastWindow.body.id)).repeatOf).toBeUndefined();
    expect((await staffFile(inWindow.body.id)).repeatOf).toBe(recent.body.id);
  });

  it('links only to an open case: a declined or resolved one at the same post is not repeated', async () => {
    const declined = await report(await citizenToken(), { postId: 'babao-baiyanggou-p1', categoryId: 'illegal_construction' });
    expect((await step(declined.body.id, 'decline', { reason: '已进入诉讼程序', redirect: '祁连县人民法院' })).status).toBe(200);
    const afterDeclined = await report(await citizenToken(), { postId: 'babao-baiyanggou-p1', categoryId: 'illegal_construction' });
    expect(afterDeclined.status).toBe(201);
    expect(afterDeclined.body.similarExists).toBe(false);
    expect((await staffFile(afterDeclined.body.id)).repeatOf).toBeUndefined();

    // the second one is open: a third report repeats it
    const third = await report(await citizenToken(), { postId: 'babao-baiyanggou-p1', categoryId: 'illegal_construction' });
    expect(third.body.similarExists).toBe(true);
    expect((await staffFile(third.body.id)).repeatOf).toBe(afterDeclined.body.id);
  });
});

describe('the hourly report limit per citizen', () => {
  it('refuses the eleventh report within an hour and takes reports again once the hour has passed', async () => {
    await setApiTime('2026-07-01T02:00:05.000Z');
    const herder = await citizenToken();
    const send = () => report(herder, { postId: 'babao-chengxi-p1', categoryId: 'other' }, newKey());
    for (let i = 0; i < 10; i++) expect((await send()).status).toBe(201);
    expect((await send()).status).toBe(429);

    await advanceApiTime(HOUR);
    expect((await send()).status).toBe(201);
  });
});
