/**
 * An anonymous report stays anonymous: it is never linked to another report by who sent it (either way), it leaves
 * no phone for staff to reveal, no booking carries it, and its tracking secret is stored only as a hash. A repeat
 * at a post tells the second citizen that a similar report exists, never which.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { documentClient } from '../../functions/adapters/dynamo/client';
import { keys } from '../../functions/adapters/dynamo/keys';
import { submitPetition } from '../../functions/usecases/petitions';
import { call, citizenToken, newKey, report, staffToken } from '../support/api';
import { movableClock, stackDeps } from '../support/deps';
import { stack } from '../support/worker';

/** The openid a token was issued to: its `sub`. */
const openidOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')).sub as string;

const noPost = (townshipId: string, categoryId: string) => ({ postId: undefined, townshipId, categoryId, description: '村里有人长期拖欠我们的放牧工钱。' });

describe('repeats without a post', () => {
  it('never links an anonymous report to the same citizen’s named one, nor a named one to their anonymous one', async () => {
    const moler = await staffToken('moler');
    const caseOf = async (id: string) => {
      const res = await call('GET', `/staff/petitions/${id}`, { token: moler });
      expect(res.status).toBe(200);
      return res.body;
    };

    const first = await citizenToken();
    const named = await report(first, noPost('moler', 'family'));
    const anonymous = await report(first, { ...noPost('moler', 'family'), anonymous: true });
    expect([named.status, anonymous.status]).toEqual([201, 201]);
    expect(anonymous.body.similarExists).toBeFalsy();
    expect((await caseOf(anonymous.body.id)).repeatOf).toBeUndefined();

    const second = await citizenToken();
    const anonymousFirst = await report(second, { ...noPost('moler', 'other'), anonymous: true });
    const namedAfter = await report(second, noPost('moler', 'other'));
    expect([anonymousFirst.status, namedAfter.status]).toEqual([201, 201]);
    expect(namedAfter.body.similarExists).toBeFalsy();
    expect((await caseOf(namedAfter.body.id)).repeatOf).toBeUndefined();

    // nothing of the anonymous case file names its sender
    const file = await caseOf(anonymous.body.id);
    expect(file.reporter).toEqual({ kind: 'anonymous' });
    expect(JSON.stringify(file)).not.toContain(openidOf(first));
  });

  it('still links a citizen’s second named report on the same matter, for staff', async () => {
    const herder = await citizenToken();
    const one = await report(herder, noPost('moler', 'heating'));
    const two = await report(herder, noPost('moler', 'heating'));
    expect(two.body.similarExists).toBe(true);
    expect((await call('GET', `/staff/petitions/${two.body.id}`, { token: await staffToken('moler') })).body.repeatOf).toBe(one.body.id);
  });
});

describe('a repeat at a post', () => {
  it('tells the second citizen only that a similar report exists, never the first one’s id', async () => {
    const body = { postId: 'moler-moler-p1', categoryId: 'illegal_construction', description: '河边有人私自盖房，占了草场。' };
    const first = await report(await citizenToken(), body);
    const second = await report(await citizenToken(), { ...body, description: '河边违建又加盖了一层。' });
    expect(second.status).toBe(201);
    expect(second.body.similarExists).toBe(true);
    expect(JSON.stringify(second.body)).not.toContain(first.body.id);
  });
});

describe('an anonymous report', () => {
  it('leaves no phone for staff to reveal', async () => {
    const res = await report(await citizenToken(), { anonymous: true, phone: '13912345678' });
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0].path).toBe('phone');
  });

  it('made with a phone before that was refused, shows staff no number and lets none be revealed', async () => {
    // one such report, written through the use case as the API once let it be sent
    const herder = await citizenToken();
    const { response } = await submitPetition(stackDeps(movableClock(new Date().toISOString())), { kind: 'citizen', openid: openidOf(herder) }, newKey(), {
      channel: 'online', townshipId: 'moler', categoryId: 'heating', description: '小区暖气不热，想匿名反映。', photos: [], anonymous: true, phone: '13912345678',
    });
    const moler = await staffToken('moler');
    const file = await call('GET', `/staff/petitions/${response.id}`, { token: moler });
    expect(file.status).toBe(200);
    expect(file.body.phone).toBeUndefined();
    expect(file.body.actions).not.toContain('reveal_phone');
    const row = await call('GET', `/staff/petitions?code=${response.trackingCode}`, { token: moler });
    expect(row.body.items[0].phoneMasked).toBeUndefined();
    expect((await call('POST', `/staff/petitions/${response.id}/reveal-phone`, { token: moler, body: {} })).status).toBe(409);
  });

  it('keeps its tracking secret only as a hash: a resend still shows it, the stored records never hold it', async () => {
    const herder = await citizenToken();
    const key = newKey();
    const sent = await report(herder, { anonymous: true }, key);
    expect(sent.status).toBe(201);
    const secret = sent.body.secret as string;
    // read off a phone and typed again: no O/0 or I/1 to mistake for each other
    expect(secret).toMatch(/^[A-HJ-NP-Z2-9]{12}$/);

    const again = await report(herder, { anonymous: true }, key);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: sent.body.id, secret });
    expect((await call('GET', `/track/${sent.body.trackingCode}?secret=${secret}`)).status).toBe(200);

    const { dynamoEndpoint, table } = stack();
    const db = documentClient({ region: 'local', endpoint: dynamoEndpoint });
    const record = await db.send(new GetCommand({ TableName: table, Key: keys.idempotency(`c:${openidOf(herder)}`, key) }));
    expect(record.Item?.petitionId).toBe(sent.body.id);
    const tracking = await db.send(new GetCommand({ TableName: table, Key: keys.tracking(sent.body.trackingCode) }));
    expect(tracking.Item?.secretHash).toEqual(expect.any(String));
    for (const item of [record.Item, tracking.Item]) expect(JSON.stringify(item)).not.toContain(secret);
  });
});
