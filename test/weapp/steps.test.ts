import { describe, expect, it } from 'vitest';
import { stepsOf } from '../../miniprogram/src/lib/steps';

const at = (h: number) => new Date(Date.UTC(2026, 10, 23, h)).toISOString();

describe('the six steps of a petition', () => {
  it('shows a new report waiting to be accepted, with its deadline', () => {
    const steps = stepsOf({ status: 'submitted', dueAt: at(10), overdue: false, timeline: [{ at: at(1), action: 'submit' }] });
    expect(steps.map((s) => `${s.label}:${s.state}`)).toEqual([
      '吹哨:done',
      '接哨:current',
      '分哨:pending',
      '办哨:pending',
      '督哨:pending',
      '评哨:pending',
    ]);
    expect(steps[1]?.dueAt).toBe(at(10));
    expect(steps[0]?.at).toBe(at(1));
  });

  it('shows an overdue case plainly on the step it is stuck at and under supervision', () => {
    const steps = stepsOf({
      status: 'in_progress',
      dueAt: at(5),
      overdue: true,
      timeline: [
        { at: at(1), action: 'submit' },
        { at: at(2), action: 'accept' },
        { at: at(3), action: 'dispatch' },
        { at: at(4), action: 'progress', note: '已联系施工队', actor: { role: 'handler', name: '王干事' } },
        { at: at(6), action: 'overdue' },
      ],
    });
    expect(steps.find((s) => s.key === 'handle')).toMatchObject({ state: 'problem', dueAt: at(5) });
    expect(steps.find((s) => s.key === 'handle')?.notes).toEqual([{ at: at(4), action: 'progress', note: '已联系施工队', by: '王干事' }]);
    expect(steps.find((s) => s.key === 'supervise')?.state).toBe('problem');
  });

  it('asks for a rating once resolved and is all done once rated', () => {
    const resolved = stepsOf({ status: 'resolved', overdue: false, timeline: [] });
    expect(resolved.find((s) => s.key === 'rate')?.state).toBe('current');
    expect(resolved.find((s) => s.key === 'supervise')?.state).toBe('done');
    expect(stepsOf({ status: 'rated', overdue: false, timeline: [] }).every((s) => s.state === 'done')).toBe(true);
  });

  it('puts a reopened case back at handling', () => {
    const steps = stepsOf({ status: 'reopened', overdue: false, timeline: [{ at: at(8), action: 'reopen', note: '群众不满意' }] });
    expect(steps.find((s) => s.key === 'handle')?.state).toBe('current');
    expect(steps.find((s) => s.key === 'rate')?.state).toBe('pending');
    const rated = stepsOf({ status: 'reopened', overdue: false, timeline: [{ at: at(7), action: 'rate', note: '没修好' }] });
    expect(rated.find((s) => s.key === 'rate')?.state).toBe('problem');
  });

  it('marks a declined report at the accept step', () => {
    const steps = stepsOf({ status: 'declined', overdue: false, timeline: [] });
    expect(steps.find((s) => s.key === 'accept')?.state).toBe('problem');
  });
});
