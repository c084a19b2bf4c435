/**
 * Staff login throttle (issue 11, finding 4): per username and per source address, growing delays and then a lock
 * (429 with Retry-After) that an admin can lift; every attempt is recorded where an admin can read it, never the
 * password. Each case logs in from a source address of its own (127.0.0.0/8 is all loopback), so the throttle it
 * trips never reaches other test files, which log in from 127.0.0.1.
 */
import { request } from 'node:http';
import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { apiUrl, call, staffToken } from '../support/api';

const PASSWORD = 'a-long-password';
const suffix = () => `${Date.now().toString(36)}${randomInt(1e6)}`;
/** a loopback address no other test logs in from */
const address = () => `127.${randomInt(1, 250)}.${randomInt(1, 250)}.${randomInt(2, 250)}`;

/** A staff login from `from`, with the status, Retry-After and body. */
function loginFrom(from: string, username: string, password: string): Promise<{ status: number; retryAfter?: number; body: any }> {
  const url = new URL('/staff/login', apiUrl());
  const payload = JSON.stringify({ username, password });
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress: from, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => {
          const ra = res.headers['retry-after'];
          resolve({ status: res.statusCode ?? 0, retryAfter: ra === undefined ? undefined : Number(ra), body: JSON.parse(text) });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function newUser(prefix: string) {
  const username = `${prefix}-${suffix()}`;
  const made = await call('POST', '/staff/users', { token: await staffToken('admin'), body: { username, name: '测试人员', password: PASSWORD, role: 'centre_staff', scopeNodeId: 'babao' } });
  if (made.status !== 201) throw new Error(`admin could not make ${username}: ${made.status}`);
  return username;
}

describe('staff login throttle (finding 4)', () => {
  it('locks a username guessed from many addresses: even the right password is refused until an admin lifts it', async () => {
    const username = await newUser('guessed');
    const answers: Array<Awaited<ReturnType<typeof loginFrom>>> = [];
    for (let i = 0; i < 12; i++) answers.push(await loginFrom(address(), username, `wrong-guess-${i}`));
    const statuses = answers.map((a) => a.status);
    // the first failures are plain refusals; past them every attempt waits (429), and ten make a lock
    expect(statuses.slice(0, 2)).toEqual([401, 401]);
    expect(answers[0]!.body.error.message).toBe('用户名或密码不正确');
    expect(statuses.slice(-2)).toEqual([429, 429]);
    // the first wait is not yet a lock: it says the seconds to wait, as Retry-After does
    const slowed = answers.find((a) => a.status === 429)!;
    expect(slowed.body.error.message).toBe(`登录尝试过于频繁，请 ${slowed.retryAfter} 秒后再试`);
    const right = await loginFrom(address(), username, PASSWORD);
    expect(right.status).toBe(429);
    expect(right.retryAfter).toBeGreaterThan(60);
    // locked: the minutes to wait, rounded up
    expect(right.body.error.message).toBe(`登录失败次数过多，已暂时锁定，请 ${Math.ceil(right.retryAfter! / 60)} 分钟后再试，或请管理员解锁`);

    const admin = await staffToken('admin');
    // a county supervisor may not lift it; the admin may
    expect((await call('POST', '/staff/login-locks/lift', { token: await staffToken('county'), body: { username } })).status).toBe(404);
    // a username that is nobody's is not found
    const nobody = await call('POST', '/staff/login-locks/lift', { token: admin, body: { username: `nobody-${suffix()}` } });
    expect(nobody.status).toBe(404);
    expect(nobody.body.error.message).toBe('未找到该用户');
    const lifted = await call('POST', '/staff/login-locks/lift', { token: admin, body: { username } });
    expect(lifted.status).toBe(200);
    expect(lifted.body).toEqual({ lifted: true });
    expect((await loginFrom(address(), username, PASSWORD)).status).toBe(200);
    // lifting it again lifts nothing, and the audit record holds the one lift
    expect((await call('POST', '/staff/login-locks/lift', { token: admin, body: { username } })).body).toEqual({ lifted: false });
    const audit = await call('GET', '/staff/audit?limit=100', { token: admin });
    const lifts = audit.body.items.filter((e: { subject: string; subjectId: string }) => e.subject === 'login_lock' && e.subjectId === username);
    expect(lifts).toEqual([expect.objectContaining({ action: 'lift_lock', actor: expect.objectContaining({ username: 'admin' }) })]);
  });

  it('slows and then locks one source address that tries many usernames, and leaves other addresses alone', async () => {
    const from = address();
    const username = await newUser('bystander');
    let last: { status: number; retryAfter?: number } = { status: 0 };
    const statuses: number[] = [];
    for (let i = 0; i < 55; i++) {
      last = await loginFrom(from, `nobody-${suffix()}`, 'guess-123456');
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 9).every((s) => s === 401)).toBe(true);
    expect(last.status).toBe(429);
    expect(last.retryAfter).toBeGreaterThan(60);
    // a real user's right password from that address is refused too; from another address it is not
    expect((await loginFrom(from, username, PASSWORD)).status).toBe(429);
    expect((await loginFrom(address(), username, PASSWORD)).status).toBe(200);
    const admin = await staffToken('admin');
    expect((await call('POST', '/staff/login-locks/lift', { token: admin, body: { address: from } })).body).toEqual({ lifted: true });
    expect((await loginFrom(from, username, PASSWORD)).status).toBe(200);
    // the lift is on the audit record
    const audit = await call('GET', '/staff/audit?limit=100', { token: admin });
    expect(audit.body.items.find((e: { subjectId: string }) => e.subjectId === from)).toMatchObject({ subject: 'login_lock', action: 'lift_lock', actor: { username: 'admin' } });
  });

  it('records failed and successful logins for the county’s admins, with no password in them', async () => {
    const username = await newUser('recorded');
    const from = address();
    expect((await loginFrom(from, username, 'secret-wrong-pass')).status).toBe(401);
    expect((await loginFrom(from, username, PASSWORD)).status).toBe(200);
    const typo = `nobody-${suffix()}`;
    expect((await loginFrom(from, typo, 'secret-typed-pass')).status).toBe(401);

    const admin = await staffToken('admin');
    const page = await call('GET', '/staff/logins?limit=100', { token: admin });
    expect(page.status).toBe(200);
    const mine = page.body.items.filter((r: { username?: string }) => r.username === username);
    expect(mine.map((r: { result: string; address: string }) => [r.result, r.address])).toEqual([
      ['ok', from],
      ['wrong_password', from],
    ]);
    const unknown = await call('GET', '/staff/logins?unknown=true&limit=100', { token: admin });
    expect(unknown.body.items.find((r: { address: string }) => r.address === from)).toMatchObject({ result: 'unknown_user' });
    // the name typed is not kept for a user that does not exist (it may be a password), and no password ever is
    const text = JSON.stringify([page.body, unknown.body]);
    for (const secret of ['secret-wrong-pass', 'secret-typed-pass', PASSWORD, typo]) expect(text).not.toContain(secret);
    const refused = await call('GET', '/staff/logins', { token: await staffToken('county') });
    expect(refused.status).toBe(404);
    expect(refused.body.error.message).toBe('未找到');
    // a page at a time: the newest record, and a cursor to the rest
    const first = await call('GET', '/staff/logins?limit=1', { token: admin });
    expect(first.body.items).toHaveLength(1);
    expect(first.body.cursor).toEqual(expect.any(String));
    const next = await call('GET', `/staff/logins?limit=1&cursor=${encodeURIComponent(first.body.cursor)}`, { token: admin });
    expect(next.body.items).toHaveLength(1);
    expect(next.body.items[0]).not.toEqual(first.body.items[0]);
  });

  it('throttles guesses at one’s own old password like logins', async () => {
    const username = await newUser('oldpw');
    const token = (await loginFrom(address(), username, PASSWORD)).body.token as string;
    const answers = [];
    for (let i = 0; i < 12; i++) answers.push(await call('POST', '/staff/me/password', { token, body: { oldPassword: `guess-${i}-xxxx`, newPassword: 'another-password' } }));
    const statuses = answers.map((a) => a.status);
    expect(statuses.slice(0, 2)).toEqual([400, 400]);
    expect(answers[0]!.body.error.issues).toEqual([{ path: 'oldPassword', message: '原密码不正确' }]);
    expect(answers[0]!.body.error.message).toBe('原密码不正确');
    // refused attempts count too: ten make a lock, whatever the timing
    expect(statuses.slice(-2)).toEqual([429, 429]);
    expect(answers.at(-1)!.body.error.message).toMatch(/^尝试过于频繁，请 \d+ 秒后再试$/);
  });
});
