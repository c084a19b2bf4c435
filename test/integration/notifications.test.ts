/** Notifications through the real WeChat client and the local stand-in: consent, sending, retries and parking. */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../functions/adapters/dynamo/client';
import { outboxItem } from '../../functions/adapters/dynamo/outbox';
import type { Deps } from '../../functions/usecases/context';
import type { OutboxMessage } from '../../shared/notifications';
import { sendDue, subscribe } from '../../functions/usecases/notifications';
import { submitPetition, transition } from '../../functions/usecases/petitions';
import { movableClock, seededDeps } from '../support/deps';
import { stack } from '../support/worker';

let deps: Deps;
let table: string;
let drop: () => Promise<void>;
const clock = movableClock('2026-12-01T01:00:00Z');
const standin = () => stack().wechatUrl;
const centre = { kind: 'staff' as const, id: 'u-babao', name: '值班员', role: 'centre_staff' as const, scopeNodeId: 'babao' };

beforeAll(async () => {
  ({ deps, table, drop } = await seededDeps({ clock, env: { WECHAT_TEMPLATE_PROGRESS: 'TPL-PROGRESS', WECHAT_TEMPLATE_REMINDER: 'TPL-REMINDER' } }));
}, 120_000);
afterAll(() => drop());

async function reportAndAccept(openid: string) {
  const out = await submitPetition(deps, { kind: 'citizen', openid }, `k-${openid}`, {
    channel: 'scan', postId: 'babao-baiyanggou-p1', categoryId: 'land_dispute', description: '草场围栏被挪动，请调解。', photos: [], anonymous: false,
  });
  await transition(deps, centre, out.response.id, { action: 'accept', note: '已受理，将派司法所调解' });
  return out.response.id;
}
const sentTo = async (openid: string) => {
  const res = await fetch(`${standin()}/__standin/messages`);
  const { messages } = (await res.json()) as { messages: Array<{ touser: string; template_id: string; page: string; data: Record<string, { value: string }> }> };
  return messages.filter((m) => m.touser === openid);
};
const failNext = (count: number, errcode = -1) =>
  fetch(`${standin()}/__standin/fail`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ count, errcode }) });

describe('notifications', () => {
  it('tells a subscribed citizen their petition was accepted, once', async () => {
    await subscribe(deps, 'wx_subscribed', ['progress', 'result']);
    const id = await reportAndAccept('wx_subscribed');
    const first = await sendDue(deps, clock.t);
    expect(first.sent).toEqual([`${id}-2`]);
    const got = await sentTo('wx_subscribed');
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ template_id: 'TPL-PROGRESS', page: `pages/detail/index?id=${id}` });
    expect(got[0]!.data.thing2!.value).toBe('已受理，将派司法所调解');
    expect((await sendDue(deps, new Date(clock.t.getTime() + 3_600_000))).sent).toEqual([]);
    expect(await sentTo('wx_subscribed')).toHaveLength(1);
  });

  it('sends nothing to a citizen who did not subscribe, and parks the message with that reason', async () => {
    const id = await reportAndAccept('wx_silent');
    const report = await sendDue(deps, clock.t);
    expect(report.skipped).toContain(`${id}-2`);
    expect(await sentTo('wx_silent')).toEqual([]);
    expect(await deps.outbox.get(`${id}-2`)).toMatchObject({ state: 'skipped', lastError: 'not_subscribed' });
  });

  it('sends a booking reminder written before messages named their template and page as a reminder, opening the home page', async () => {
    await subscribe(deps, 'wx_old_booking', ['reminder']);
    const { template: _template, page: _page, ...written } = {
      id: 'B-old-1d', kind: 'booking_reminder', template: 'reminder', dueAt: '2026-12-01T00:30:00.000Z', openid: 'wx_old_booking', countyId: 'qilian',
      title: '预约接访提醒', body: '您预约的调解员马调解员（视频接访）将于 12月2日 08:30 开始。', page: '',
    } satisfies OutboxMessage;
    const db = documentClient({ region: 'local', endpoint: stack().dynamoEndpoint });
    await db.send(new PutCommand({ TableName: table, Item: outboxItem(written as OutboxMessage) }));
    const report = await sendDue(deps, clock.t);
    expect(report.sent).toContain('B-old-1d');
    const got = await sentTo('wx_old_booking');
    expect(got.map((m) => [m.template_id, m.page])).toEqual([['TPL-REMINDER', 'pages/index/index']]);
    expect(got[0]!.data.thing1!.value).toBe('预约接访提醒');
  });

  it('retries a failed send with backoff, then parks it as failed with WeChat’s reason', async () => {
    await subscribe(deps, 'wx_unlucky', ['progress']);
    const id = await reportAndAccept('wx_unlucky');
    const mid = `${id}-2`;
    await failNext(100);
    try {
      const t0 = clock.t.getTime();
      const at = (minutes: number) => new Date(t0 + minutes * 60_000);
      expect((await sendDue(deps, at(0))).retrying).toContain(mid);
      expect((await sendDue(deps, at(0.5))).retrying).not.toContain(mid); // waits its minute
      expect((await sendDue(deps, at(1.01))).retrying).toContain(mid);
      expect((await sendDue(deps, at(6.02))).retrying).toContain(mid);
      expect((await sendDue(deps, at(21.03))).retrying).toContain(mid);
      expect((await sendDue(deps, at(81.04))).failed).toContain(mid);
      expect(await deps.outbox.get(mid)).toMatchObject({ state: 'failed', attempts: 5, lastError: 'errcode -1 system error' });
      expect((await sendDue(deps, at(1000))).failed).not.toContain(mid);
    } finally {
      await failNext(0);
    }
    expect(await sentTo('wx_unlucky')).toEqual([]);
    // The consent was never spent: the next message still goes out.
    await transition(deps, centre, id, { action: 'dispatch', departmentId: 'babao-justice' });
    expect((await sendDue(deps, new Date(clock.t.getTime() + 2000 * 60_000))).sent).toContain(`${id}-3`);
  });
});
