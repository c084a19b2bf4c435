import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError } from '../../shared/errors';
import { STATUSES, type Role, type Status } from '../../shared/schemas/common';
import type { CategoryLimits } from '../../shared/schemas/org';
import type { Petition } from '../../shared/schemas/petition';
import { RULES, allowedActions, decide, type Command } from '../../shared/workflow';

const limits: CategoryLimits = {
  accept: { amount: 24, unit: 'hours' },
  dispatch: { amount: 24, unit: 'hours' },
  resolve: { amount: 15, unit: 'workdays' },
  rate: { amount: 7, unit: 'days' },
  review: { amount: 30, unit: 'days' },
  followUp: { amount: 7, unit: 'days' },
};
const now = new Date('2026-11-23T02:00:00Z');

function petition(over: Partial<Petition> = {}): Petition {
  return {
    id: 'P1',
    trackingCode: 'ABCDEFGHJK',
    channel: 'scan',
    reporter: { kind: 'wechat', openid: 'wx_a' },
    anonymous: false,
    categoryId: 'land_dispute',
    description: '草场边界纠纷',
    photos: [],
    status: 'submitted',
    level: 'township',
    countyId: 'qilian',
    townshipId: 'babao',
    centreId: 'babao',
    centrePath: 'qilian/babao',
    createdAt: '2026-11-22T02:00:00.000Z',
    updatedAt: '2026-11-22T02:00:00.000Z',
    dueAt: '2026-11-23T02:00:00.000Z',
    resolveDueAt: '2027-01-20T02:00:00.000Z',
    followUpAt: '2026-11-30T02:00:00.000Z',
    extended: false,
    overdue: false,
    version: 1,
    ...over,
  };
}

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
          const p = petition({ status, level: 'township', phone: '13812341234', repeatOf: 'P0' });
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
    const d = decide(petition(), commands.accept, staff('centre_staff'), { now, limits });
    expect(d.patch).toMatchObject({ status: 'accepted', acceptedAt: now.toISOString(), dueAt: '2026-11-24T02:00:00.000Z' });
    expect(d.event.data).toEqual({ onTime: true });
    const late = decide(petition({ dueAt: '2026-11-22T03:00:00.000Z' }), commands.accept, staff('centre_staff'), { now, limits });
    expect(late.event.data).toEqual({ onTime: false });
    // 15 workdays from Monday 23 Nov 2026 is Monday 14 Dec.
    expect(d.patch.resolveDueAt).toBe('2026-12-14T02:00:00.000Z');
  });

  it('dispatch takes the resolve deadline as the due date of the step', () => {
    const d = decide(petition({ status: 'accepted', resolveDueAt: '2026-12-14T02:00:00.000Z' }), commands.dispatch, staff('centre_staff'), { now, limits });
    expect(d.patch).toMatchObject({ status: 'dispatched', departmentId: 'babao-justice', dueAt: '2026-12-14T02:00:00.000Z' });
  });

  it('the first progress note moves a dispatched case into handling; internal notes stay internal', () => {
    const d = decide(petition({ status: 'dispatched' }), { action: 'progress', note: '内部', visibility: 'internal' }, staff('handler'), { now, limits });
    expect(d.patch.status).toBe('in_progress');
    expect(d.event.visibility).toBe('internal');
  });

  it('a dissatisfied rating reopens the case with a review deadline; a satisfied one closes the loop', () => {
    const sad = decide(petition({ status: 'resolved' }), { action: 'rate', rating: 'dissatisfied' }, { role: 'citizen', id: 'wx_a' }, { now, limits });
    expect(sad.patch).toMatchObject({ status: 'reopened', dueAt: '2026-12-23T02:00:00.000Z' });
    const happy = decide(petition({ status: 'resolved' }), { action: 'rate', rating: 'basically_satisfied' }, { role: 'citizen', id: 'wx_a' }, { now, limits });
    expect(happy.patch).toMatchObject({ status: 'rated', dueAt: undefined });
  });

  it('escalation climbs one level at a time and hands a township case to the county centre', () => {
    const village = decide(petition({ level: 'village' }), commands.escalate, staff('centre_staff'), { now, limits });
    expect(village.patch).toMatchObject({ level: 'township' });
    expect(village.patch.centreId).toBeUndefined();
    const township = decide(petition(), commands.escalate, staff('centre_staff'), { now, limits });
    expect(township.patch).toMatchObject({ level: 'county', centreId: 'qilian', centrePath: 'qilian' });
    expect(() => decide(petition({ level: 'county' }), commands.escalate, staff('county_supervisor'), { now, limits })).toThrow(ConflictError);
  });

  it('transfer restarts the acceptance clock at the receiving centre and clears the department', () => {
    const d = decide(petition({ departmentId: 'babao-justice' }), commands.transfer, staff('centre_staff'), { now, limits });
    expect(d.patch).toMatchObject({ status: 'submitted', centreId: 'ebao', departmentId: undefined, dueAt: '2026-11-24T02:00:00.000Z' });
    expect(() => decide(petition(), { ...commands.transfer, centreId: 'babao' } as Command, staff('centre_staff'), { now, limits })).toThrow(ConflictError);
  });

  it('extends the resolve deadline once, by at most 30 days, telling the citizen why', () => {
    const p = petition({ status: 'in_progress' });
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
    const d = decide(petition({ phone: '13812341234', status: 'dispatched' }), { action: 'reveal_phone' }, staff('handler'), { now, limits });
    expect(d.patch).toEqual({});
    expect(d.event).toMatchObject({ action: 'reveal_phone', from: 'dispatched', to: 'dispatched', visibility: 'internal' });
    expect(() => decide(petition(), { action: 'reveal_phone' }, staff('centre_staff'), { now, limits })).toThrow('该诉求没有留电话');
  });

  it('links a repeat and undoes it, on the staff record, never to itself', () => {
    const linked = decide(petition(), { action: 'link_repeat', repeatOf: 'P0' }, staff('centre_staff'), { now, limits });
    expect(linked.patch).toMatchObject({ repeatOf: 'P0', repeatConfirmed: true });
    expect(linked.event).toMatchObject({ action: 'link_repeat', visibility: 'internal', data: { repeatOf: 'P0' } });
    const unlinked = decide(petition({ ...linked.patch }), { action: 'unlink_repeat' }, staff('centre_staff'), { now, limits });
    expect(unlinked.patch).toMatchObject({ repeatOf: undefined, repeatConfirmed: false });
    expect(() => decide(petition(), { action: 'link_repeat', repeatOf: 'P1' }, staff('centre_staff'), { now, limits })).toThrow(ConflictError);
    expect(() => decide(petition(), { action: 'unlink_repeat' }, staff('centre_staff'), { now, limits })).toThrow(ConflictError);
  });
});
