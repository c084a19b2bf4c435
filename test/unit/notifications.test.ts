/** What the citizen is told of each step (shared/notifications.ts): which events send a message, and what it says. */
import { describe, expect, it } from 'vitest';
import { messageFor, MAX_ATTEMPTS, RETRY_MINUTES } from '../../shared/notifications';
import type { TimelineEvent } from '../../shared/schemas/petition';
import { aPetition } from '../support/builders';

const event = (over: Partial<TimelineEvent>): TimelineEvent => ({
  seq: 3,
  at: '2026-11-22T04:00:00.000Z',
  actor: { role: 'centre_staff', id: 'u1' },
  action: 'accept',
  from: 'submitted',
  to: 'accepted',
  visibility: 'public',
  ...over,
});

describe('the message of a step', () => {
  it('tells the WeChat reporter of a public step, with the step and the status, and opens the case', () => {
    const p = aPetition().accepted().build();
    expect(messageFor(p, event({}))).toEqual({
      id: 'P1-3',
      kind: 'petition_update',
      template: 'progress',
      dueAt: '2026-11-22T04:00:00.000Z',
      openid: 'wx_a',
      countyId: 'qilian',
      title: '接哨受理：已受理',
      body: '您反映的问题（ABCDEFGHJK）已受理',
      page: 'pages/detail/index?id=P1',
    });
  });

  it("says the step's own note when it has one", () => {
    expect(messageFor(aPetition().build(), event({ note: '已安排司法所调解' }))?.body).toBe('已安排司法所调解');
  });

  it('sends a result for a closing step, and for a rating that reopened the case', () => {
    expect(messageFor(aPetition().build(), event({ action: 'resolve', from: 'in_progress', to: 'resolved' }))?.template).toBe('result');
    const reopened = messageFor(aPetition().build(), event({ action: 'rate', from: 'resolved', to: 'reopened' }));
    expect([reopened?.template, reopened?.title]).toEqual(['result', '已重新办理']);
  });

  it('sends nothing for a rating that closed the case, a step not on the list, an internal note, or a reporter without WeChat', () => {
    expect(messageFor(aPetition().build(), event({ action: 'rate', from: 'resolved', to: 'closed' }))).toBeUndefined();
    expect(messageFor(aPetition().build(), event({ action: 'inform', to: 'accepted' }))).toBeUndefined();
    expect(messageFor(aPetition().build(), event({ visibility: 'internal' }))).toBeUndefined();
    expect(messageFor(aPetition({ reporter: { kind: 'agent', id: 'a1' } as never }).build(), event({}))).toBeUndefined();
    // a reopening not by rating is a result of its own, titled by its step
    expect(messageFor(aPetition().build(), event({ action: 'reopen', from: 'resolved', to: 'reopened' }))?.title).toBe('重新办理：重新办理');
  });

  it('retries a failed send four times, at 1, 5, 15 and 60 minutes', () => {
    expect([RETRY_MINUTES, MAX_ATTEMPTS]).toEqual([[1, 5, 15, 60], 5]);
  });
});
