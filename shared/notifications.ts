/**
 * What the citizen is told, and when: every step they should know about becomes one outbox message, written in the
 * same transaction as the step. WeChat subscribe messages need the citizen's consent per template, given after a
 * tap (submit, booking); the sender spends one consent per message and sends nothing without one.
 */
import { ACTION_LABELS, STATUS_LABELS } from './labels';
import type { Petition, TimelineEvent } from './schemas/petition';

export const TEMPLATES = ['progress', 'result', 'reminder'] as const;
export type Template = (typeof TEMPLATES)[number];

export interface OutboxMessage {
  /** one per event (`<petitionId>-<seq>`) or per reminder (`<bookingId>-1d`): writing it twice is harmless */
  id: string;
  kind: 'petition_update' | 'booking_reminder';
  template: Template;
  dueAt: string;
  openid: string;
  countyId: string;
  /** what the citizen reads, in Chinese; WeChat shows at most 20 characters of each */
  title: string;
  body: string;
  /** the mini-program page the message opens */
  page: string;
}

const NOTIFY: Partial<Record<TimelineEvent['action'], Template>> = {
  accept: 'progress',
  dispatch: 'progress',
  progress: 'progress',
  extend: 'progress',
  urge: 'progress',
  transfer: 'progress',
  escalate: 'progress',
  take_over: 'progress',
  consult: 'progress',
  overdue: 'progress',
  decline: 'result',
  resolve: 'result',
  reopen: 'result',
  // 评哨: one reminder to rate before the limit passes
  rate_remind: 'result',
};

/** The message an event sends to its reporter, or nothing (internal notes, staff-only steps, anonymous-only reports). */
export function messageFor(p: Petition, e: TimelineEvent): OutboxMessage | undefined {
  const reopenedByRating = e.action === 'rate' && e.to === 'reopened';
  const template = reopenedByRating ? 'result' : NOTIFY[e.action];
  if (!template || e.visibility !== 'public' || p.reporter.kind !== 'wechat') return undefined;
  const title = reopenedByRating ? '已重新办理' : `${ACTION_LABELS[e.action]}：${STATUS_LABELS[e.to]}`;
  return {
    id: `${p.id}-${e.seq}`,
    kind: 'petition_update',
    template,
    dueAt: e.at,
    openid: p.reporter.openid,
    countyId: p.countyId,
    title,
    body: e.note ?? `您反映的问题（${p.trackingCode}）${STATUS_LABELS[e.to]}`,
    page: `pages/detail/index?id=${p.id}`,
  };
}

/** Minutes to wait after each failed send; after the last the message is parked as failed with its reason. */
export const RETRY_MINUTES = [1, 5, 15, 60] as const;
export const MAX_ATTEMPTS = RETRY_MINUTES.length + 1;
