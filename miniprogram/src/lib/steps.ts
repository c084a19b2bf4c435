/**
 * The six steps (吹哨 接哨 分哨 办哨 督哨 评哨) of a petition, worked out from its status and timeline so that
 * the detail page only draws them. Pure: tested without Taro.
 */
import { STEP_OF_ACTION, STEPS, type StepKey } from '../../../shared/labels';
import { STATUS_GROUPS, type Status } from '../../../shared/schemas/common';
import type { Action } from '../../../shared/schemas/petition';

export type StepState = 'done' | 'current' | 'pending' | 'problem';

export interface StepView {
  key: StepKey;
  label: string;
  state: StepState;
  /** when the step last moved */
  at?: string;
  /** the deadline of the step the case is waiting on */
  dueAt?: string;
  notes: Array<{ at: string; action: Action; note?: string; by?: string }>;
}

interface Event {
  at: string;
  action: Action;
  note?: string;
  actor?: { role: string; name?: string };
}

export function stepsOf(p: { status: Status; dueAt?: string; overdue: boolean; timeline: readonly Event[] }): StepView[] {
  const order = STEPS.map((s) => s.key);
  // which step the case waits on (supervise runs beside the others and is never "next")
  const { waitsOn, group } = STATUS_GROUPS[p.status];
  const waitingIdx = waitsOn === null ? order.length : order.indexOf(waitsOn);
  const finished = group === 'finished';

  return STEPS.map((step, idx) => {
    const events = p.timeline.filter((e) => STEP_OF_ACTION[e.action] === step.key);
    const last = events[events.length - 1];
    const notes = events
      .filter((e) => e.note || step.key === 'supervise' || e.action === 'reopen')
      .map((e) => ({ at: e.at, action: e.action, note: e.note, by: e.actor?.name }));
    let state: StepState;
    if (step.key === 'supervise') {
      // supervision runs alongside: a problem once overdue, current while the case is open, done after it
      state = p.overdue ? 'problem' : finished || p.status === 'resolved' ? 'done' : events.length || waitingIdx > 1 ? 'current' : 'pending';
    } else if (p.status === 'reopened' && step.key === 'rate' && events.length) {
      // rated dissatisfied: the rating stands, and the case went back to handling
      state = 'problem';
    } else if (p.status === 'declined') {
      state = idx === 0 ? 'done' : step.key === 'accept' ? 'problem' : 'pending';
    } else if (idx < waitingIdx) {
      state = 'done';
    } else if (idx === waitingIdx) {
      state = p.overdue ? 'problem' : 'current';
    } else {
      state = 'pending';
    }
    const showDue = !finished && (idx === waitingIdx || (step.key === 'supervise' && p.overdue));
    return {
      key: step.key,
      label: step.label,
      state,
      at: last?.at,
      dueAt: showDue ? p.dueAt : undefined,
      notes,
    };
  });
}
