/**
 * Staff login when other attempts at the same counters land first (functions/usecases/auth.ts), on DynamoDB Local:
 * an attempt re-reads and tries again a few times, then gives up with words a person can act on, and no attempt goes
 * uncounted. The races are made, not waited for: the logins port lets a rival write the counter just before each of
 * the attempt's own writes (at most a few times), as another login would. And the dev login exists on the local stage only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config } from '../../functions/config';
import { makeDeps } from '../../functions/deps';
import { errorResponse } from '../../functions/http/errors';
import type { LoginRepository } from '../../functions/ports';
import { devLogin, staffLogin } from '../../functions/usecases/auth';
import type { Deps } from '../../functions/usecases/context';
import { afterFailure, current } from '../../shared/loginThrottle';
import { movableClock, seededDeps } from '../support/deps';
import { stack } from '../support/worker';

const clock = movableClock('2026-12-01T02:00:00Z');
let deps: Deps;
let drop: () => Promise<void>;

beforeAll(async () => {
  // a username's failures never make it wait here: the rivals' failures would otherwise turn the answer into a wait
  const made = await seededDeps({ clock, env: { LOGIN_USER_DELAY_AFTER: '100', LOGIN_USER_LOCK_AFTER: '200' } });
  deps = made.deps;
  drop = made.drop;
}, 120_000);
afterAll(() => drop());

/** What the API answers for the use case's outcome, through the one map to HTTP: its status, Retry-After and words. */
async function answerOf(run: Promise<unknown>): Promise<{ status: number; message?: string; retryAfter?: string }> {
  try {
    await run;
    return { status: 200 };
  } catch (err) {
    const { response } = errorResponse(err);
    const body = JSON.parse(String(response.body)) as { error: { message: string } };
    const retryAfter = response.headers?.['retry-after'];
    return { status: response.statusCode ?? 0, message: body.error.message, ...(retryAfter === undefined ? {} : { retryAfter: String(retryAfter) }) };
  }
}

/**
 * The logins port on the table, where before each of the attempt's conditional writes of a counter `named` (at most
 * `times` of them) the `rival` writes that counter first; `raced` names the counters it did so on.
 */
function racedBy(named: (name: string) => boolean, rival: (name: string) => Promise<unknown>, times: number): { deps: Deps; raced: Set<string> } {
  const real = deps.logins;
  const raced = new Set<string>();
  let left = times;
  const logins: LoginRepository = {
    counters: (names) => real.counters(names),
    async write(name, state, version, record) {
      if (named(name) && version !== null && left > 0) {
        left--;
        raced.add(name);
        await rival(name);
      }
      return real.write(name, state, version, record);
    },
    record: (record) => real.record(record),
    clear: (name) => real.clear(name),
    records: (countyId, page) => real.records(countyId, page),
  };
  return { deps: { ...deps, logins }, raced };
}

/** Another login attempt's write of the counter: one more failure, over the version it read. */
async function anotherAttempt(name: string): Promise<void> {
  const t = clock.now().getTime();
  const read = (await deps.logins.counters([name])).get(name);
  const policy = name.startsWith('u#') ? deps.loginThrottle.user : deps.loginThrottle.address;
  expect(await deps.logins.write(name, afterFailure(current(read?.state, t), t, policy), read?.version ?? 0)).toBe(true);
}

/** The failures counted on each of these counters; none when it is not there. */
const failuresOn = async (names: Iterable<string>) => {
  const found = await deps.logins.counters([...names]);
  return Object.fromEntries([...names].map((n) => [n, found.get(n)?.state.failures ?? 'none']));
};
const usernameCounter = (name: string) => name.startsWith('u#');
const addressCounter = (address: string) => (name: string) => name === `a#${address}`;

describe('a staff login that other attempts at the same username overtake', () => {
  it('gives up after five tries, telling the person the account is being logged in to, and lets no try go uncounted', async () => {
    const race = racedBy(usernameCounter, anotherAttempt, 8);
    expect(await answerOf(staffLogin(race.deps, 'ebao', 'ebao-local-2026', '10.1.0.1'))).toEqual({ status: 429, message: '该账号正在登录，请稍后再试', retryAfter: '1' });
    // one username counter, on which each of the five tries lost to another attempt, each counted once
    expect(race.raced.size).toBe(1);
    expect(await failuresOn(race.raced)).toEqual({ [[...race.raced][0]!]: 5 });
  });

  it('tries again when one other attempt got there first, and logs in', async () => {
    const race = racedBy(usernameCounter, anotherAttempt, 1);
    const session = await staffLogin(race.deps, 'moler', 'moler-local-2026', '10.1.0.2');
    expect(session.user).toMatchObject({ username: 'moler', scopeNodeId: 'moler' });
    // the success clears the username's counter, the other attempt's failure with it
    expect(race.raced.size).toBe(1);
    expect(await failuresOn(race.raced)).toEqual({ [[...race.raced][0]!]: 'none' });
  });
});

describe('a wrong password whose source address another attempt counts first', () => {
  it('counts the failure on the address over the other attempt’s, once', async () => {
    const race = racedBy(addressCounter('10.2.0.1'), anotherAttempt, 1);
    expect(await answerOf(staffLogin(race.deps, 'babao', 'not-the-password', '10.2.0.1'))).toEqual({ status: 401, message: '用户名或密码不正确' });
    expect(await failuresOn(['a#10.2.0.1'])).toEqual({ 'a#10.2.0.1': 2 });
  });

  it('counts the failure afresh when an admin lifted the address’s lock in between', async () => {
    expect((await answerOf(staffLogin(deps, 'babao', 'not-the-password', '10.2.0.2'))).status).toBe(401);
    expect(await failuresOn(['a#10.2.0.2'])).toEqual({ 'a#10.2.0.2': 1 });
    const race = racedBy(addressCounter('10.2.0.2'), (name) => deps.logins.clear(name), 1);
    expect(await answerOf(staffLogin(race.deps, 'babao', 'not-the-password', '10.2.0.2'))).toEqual({ status: 401, message: '用户名或密码不正确' });
    expect(await failuresOn(['a#10.2.0.2'])).toEqual({ 'a#10.2.0.2': 1 });
  });

  it('stops after three tries when others keep getting there first, and still keeps the record of the attempt for the admins', async () => {
    const race = racedBy(addressCounter('10.2.0.3'), anotherAttempt, 10);
    expect(await answerOf(staffLogin(race.deps, 'babao', 'not-the-password', '10.2.0.3'))).toEqual({ status: 401, message: '用户名或密码不正确' });
    // three others counted; this attempt's failure lost to each of them
    expect(await failuresOn(['a#10.2.0.3'])).toEqual({ 'a#10.2.0.3': 3 });
    const records = await deps.logins.records('qilian', { limit: 100 });
    expect(records.items.filter((r) => r.address === '10.2.0.3').map((r) => [r.username, r.result])).toEqual([['babao', 'wrong_password']]);
  });
});

describe('the dev login (a citizen by name, for the H5 demo and tests)', () => {
  it('signs a citizen in on the local stage only: any other stage answers 404', async () => {
    const { dynamoEndpoint, table } = stack();
    const prod = makeDeps(config({ STAGE: 'prod', TABLE_NAME: table, DYNAMODB_ENDPOINT: dynamoEndpoint, JWT_SECRET: 'x'.repeat(32), WECHAT_APPID: 'wx-test', WECHAT_SECRET: 'secret' }), { clock });
    expect(await answerOf(devLogin(prod, '牧民甲'))).toEqual({ status: 404, message: '未找到' });
    expect(await answerOf(devLogin(deps, '牧民甲'))).toEqual({ status: 200 });
  });
});
