import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError } from '../../shared/errors';
import { STATUSES, type Role, type Status } from '../../shared/schemas/common';
import type { CategoryLimits } from '../../shared/schemas/org';
import { RULES, allowedActions, decide, type Command } from '../../shared/workflow';
import { aPetition } from '../support/builders';

const limits: CategoryLimits = {
  accept: { amount: 24, unit: 'hours' },
  dispatch: { amount: 24, unit: 'hours' },
  resolve: { amount: 15, unit: 'workdays' },
  rate: { amount: 7, unit: 'days' },
  review: { amount: 30, unit: 'days' },
  followUp: { amount: 7, unit: 'days' },
};
const now = new Date('2026-11-23T02:00:00Z');


const staff = (role: Role) => ({ role, id: `u-${role}`, name: role });
const commands: Record<Command['action'], Command> = {
  accept: { action: 'accept' },
  decline: { action: 'decline', reason: '已诉讼', redirect: '人民法院' },
  dispatch: { action: 'dispatch', departmentId: 'babao-justice' },
  progress: { action: 'progress', note: '在办', visibility: 'public' },
  resolve: { action: 'resolve', summary: '已调解' },
  rate: { action: 'rate', rating: 'satisfied' },
  transfer: { action: 'transfer', centreId: 'ebao', centrePath: 'qilian/ebao', reason: '属地' },
  escalate: { action: 'escalate', reason: '复杂', county: { centreId: 'qilian', centrePath: 'qilian' } },
  reopen: { action: 'reopen', reason: '复查' },
  close: { action: 'close' },
  extend: { action: 'extend', days: 30, reason: '需等待草场确权结果' },
  follow_up: { action: 'follow_up', reached: true, rating: 'satisfied', note: '电话回访，群众表示问题已解决' },
  reveal_phone: { action: 'reveal_phone' },
  link_repeat: { action: 'link_repeat', repeatOf: 'P0' },
  unlink_repeat: { action: 'unlink_repeat' },
};

describe('the transition table', () => {
  const roles: Role[] = ['citizen', 'centre_staff', 'handler', 'agent', 'county_supervisor', 'admin'];
  for (const action of Object.keys(commands) as Command['action'][]) {
    for (const status of STATUSES) {
      for (const role of roles) {
        const allowedByRole = RULES[action].roles.includes(role);
        const allowedByStatus = RULES[action].from.includes(status);
        const expected = !allowedByRole ? 'forbidden' : !allowedByStatus ? 'conflict' : 'ok';
        it(`${action} from ${status} by ${role}: ${expected}`, () => {
          const p = aPetition().in(status).at('township').withPhone().repeating('P0').build();
          const run = () => decide(p, commands[action], staff(role), { now, limits });
          if (expected === 'forbidden') expect(run).toThrow(ForbiddenError);
          else if (expected === 'conflict') expect(run).toThrow(ConflictError);
          else expect(run().event).toMatchObject({ action, from: status, actor: { role } });
        });
      }
    }
  }
});

describe('what each step records', () => {
  it('accept starts the dispatch clock and the statutory resolve clock, and says whether it was on time', () => {
    const d = decide(aPetition().build(), commands.accept, staff('centre_staff'), { now, limits });
    expect(d.patch).toMatchObject({ status: 'accepted', acceptedAt: now.toISOString(), dueAt: '2026-11-24T02:00:00.000Z' });
    expect(d.event.data).toEqual({ onTime: true });
    const late = decide(aPetition({ dueAt: '2026-11-22T03:00:00.000Z' }).build(), commands.accept, staff('centre_staff'), { now, limits });
    expect(late.event.data).toEqual({ onTime: false });
    // 15 workdays from Monday 23 Nov 2026 is Monday 14 Dec.
    expect(d.patch.resolveDueAt).toBe('2026-12-14T02:00:00.000Z');
  });

  it('dispatch takes the resolve deadline as the due date of the step', () => {
    const d = decide(aPetition({ resolveDueAt: '2026-12-14T02:00:00.000Z' }).accepted().build(), commands.dispatch, staff('centre_staff'), { now, limits });
    expect(d.patch).toMatchObject({ status: 'dispatched', departmentId: 'babao-justice', dueAt: '2026-12-14T02:00:00.000Z' });
  });

  it('the first progress note moves a dispatched case into handling; internal notes stay internal', () => {
    const d = decide(aPetition().dispatched().build(), { action: 'progress', note: '内部', visibility: 'internal' }, staff('handler'), { now, limits });
    expect(d.patch.status).toBe('in_progress');
    expect(d.event.visibility).toBe('internal');
  });

  it('a dissatisfied rating reopens the case with a review deadline; a satisfied one closes the loop', () => {
    const sad = decide(aPetition().resolved().build(), { action: 'rate', rating: 'dissatisfied' }, { role: 'citizen', id: 'wx_a' }, { now, limits });
    expect(sad.patch).toMatchObject({ status: 'reopened', dueAt: '2026-12-23T02:00:00.000Z' });
    const happy = decide(aPetition().resolved().build(), { action: 'rate', rating: 'basically_satisfied' }, { role: 'citizen', id: 'wx_a' }, { now, limits });
    expect(happy.patch).toMatchObject({ status: 'rated', dueAt: undefined });
  });

  it('escalation climbs one level at a time and hands a township case to the county centre', () => {
    const village = decide(aPetition().at('village').build(), commands.escalate, staff('centre_staff'), { now, limits });
    expect(village.patch).toMatchObject({ level: 'township' });
    expect(village.patch.centreId).toBeUndefined();
    const township = decide(aPetition().build(), commands.escalate, staff('centre_staff'), { now, limits });
    expect(township.patch).toMatchObject({ level: 'county', centreId: 'qilian', centrePath: 'qilian' });
    expect(() => decide(aPetition().at('county').build(), commands.escalate, staff('county_supervisor'), { now, limits })).toThrow(ConflictError);
  });

  it('transfer restarts the acceptance clock at the receiving centre and clears the department', () => {
    const d = decide(aPetition({ departmentId: 'babao-justice' }).build(), commands.transfer, staff('centre_staff'), { now, limits });
    expect(d.patch).toMatchObject({ status: 'submitted', centreId: 'ebao', departmentId: undefined, dueAt: '2026-11-24T02:00:00.000Z' });
    expect(() => decide(aPetition().build(), { ...commands.transfer, centreId: 'babao' } as Command, staff('centre_staff'), { now, limits })).toThrow(ConflictError);
  });

  it('extends the resolve deadline once, by at most 30 days, telling the citizen why', () => {
    const p = aPetition().inProgress().build();
    const d = decide(p, commands.extend, staff('centre_staff'), { now, limits });
    expect(d.patch).toMatchObject({ extended: true, resolveDueAt: '2027-02-19T02:00:00.000Z', dueAt: '2027-02-19T02:00:00.000Z' });
    expect(d.event).toMatchObject({ visibility: 'public', note: '需等待草场确权结果' });
    expect(() => decide({ ...p, ...d.patch }, commands.extend, staff('centre_staff'), { now, limits })).toThrow(/只能延期一次|不能再次延期/);
    expect(() => decide(p, { action: 'extend', days: 31, reason: 'x' }, staff('centre_staff'), { now, limits })).toThrow(ConflictError);
  });

  it('offers each role only the steps it may take now', () => {
    const looks = ['reveal_phone', 'link_repeat', 'unlink_repeat'];
    expect(allowedActions('submitted' as Status, 'centre_staff')).toEqual(['accept', 'decline', 'transfer', 'escalate', ...looks]);
    expect(allowedActions('in_progress', 'handler')).toEqual(['progress', 'resolve', 'reveal_phone']);
    expect(allowedActions('in_progress', 'centre_staff')).toEqual(['progress', 'resolve', 'escalate', 'extend', ...looks]);
    expect(allowedActions('resolved', 'citizen')).toEqual(['rate']);
    expect(allowedActions('submitted', 'agent')).toEqual([]);
  });

  it('a look at the phone is recorded for staff only and changes nothing of the case', () => {
    const d = decide(aPetition().dispatched().withPhone().build(), { action: 'reveal_phone' }, staff('handler'), { now, limits });
    expect(d.patch).toEqual({});
    expect(d.event).toMatchObject({ action: 'reveal_phone', from: 'dispatched', to: 'dispatched', visibility: 'internal' });
    expect(() => decide(aPetition().build(), { action: 'reveal_phone' }, staff('centre_staff'), { now, limits })).toThrow('该诉求没有留电话');
  });

  it('links a repeat and undoes it, on the staff record, never to itself', () => {
    const linked = decide(aPetition().build(), { action: 'link_repeat', repeatOf: 'P0' }, staff('centre_staff'), { now, limits });
    expect(linked.patch).toMatchObject({ repeatOf: 'P0', repeatConfirmed: true });
    expect(linked.event).toMatchObject({ action: 'link_repeat', visibility: 'internal', data: { repeatOf: 'P0' } });
    const unlinked = decide(aPetition(linked.patch).build(), { action: 'unlink_repeat' }, staff('centre_staff'), { now, limits });
    expect(unlinked.patch).toMatchObject({ repeatOf: undefined, repeatConfirmed: false });
    expect(() => decide(aPetition().build(), { action: 'link_repeat', repeatOf: 'P1' }, staff('centre_staff'), { now, limits })).toThrow(ConflictError);
    expect(() => decide(aPetition().build(), { action: 'unlink_repeat' }, staff('centre_staff'), { now, limits })).toThrow(ConflictError);
  });
});
