/**
 * 督哨 in the pure sweep: a step's deadline is reminded near due (staff only), urged at the deadline (public), and
 * escalated past the grace period to the next level, which supervises while the owner keeps the case (首接首办). Each
 * alert is raised once per deadline, in that order; a sweep that comes late raises what fell due in one write.
 */
import { describe, expect, it } from 'vitest';
import type { Petition } from '../../shared/schemas/petition';
import { DEFAULT_SUPERVISION, SYSTEM_ACTOR, nextAlert, supervise } from '../../shared/supervision';
import { aPetition } from '../support/builders';

const H = 3_600_000;
const centres = { township: { centreId: 'babao', centrePath: 'qilian/babao' }, county: { centreId: 'qilian', centrePath: 'qilian' } };
const sweep = (p: Petition, at: string) => supervise(p, new Date(at), DEFAULT_SUPERVISION, centres);
const after = (p: Petition, at: string) => sweep(p, at).reduce((cur, d) => ({ ...cur, ...d.patch }), p);

// accepted at 04:00Z, to be dispatched within 24 hours: near due from 22:00Z, due at 04:00Z (12:00 China time)
const DUE = '2026-11-23T04:00:00.000Z';
const accepted = aPetition().accepted().with({ dueFrom: '2026-11-22T04:00:00.000Z', dueAt: DUE }).build();
const NEAR = '2026-11-22T22:00:00.000Z';
const GRACE_END = '2026-11-24T04:00:00.000Z';

describe("a step's deadline", () => {
  it('is reminded on the staff record once near due, naming the step and the deadline in China time', () => {
    expect(sweep(accepted, '2026-11-22T21:59:59.999Z')).toEqual([]);
    expect(sweep(accepted, NEAR)).toEqual([
      {
        patch: { remindedFor: DUE, updatedAt: NEAR },
        event: { at: NEAR, actor: SYSTEM_ACTOR, from: 'accepted', to: 'accepted', action: 'remind', note: '「分派」将于 2026年11月23日 12:00 到期，请抓紧办理', visibility: 'internal', data: { dueAt: DUE } },
      },
    ]);
  });

  it('is urged publicly at the deadline, once reminded', () => {
    const reminded = after(accepted, NEAR);
    expect(nextAlert(reminded, DEFAULT_SUPERVISION)).toEqual({ alert: 'urge', at: DUE });
    expect(sweep(reminded, '2026-11-23T03:59:59.999Z')).toEqual([]);
    expect(sweep(reminded, DUE)).toEqual([
      {
        patch: { urgedFor: DUE, updatedAt: DUE },
        event: { at: DUE, actor: SYSTEM_ACTOR, from: 'accepted', to: 'accepted', action: 'urge', note: '「分派」已到期，督办催办', visibility: 'public', data: { dueAt: DUE } },
      },
    ]);
  });

  it('is escalated 24 hours past it: the township case is marked overdue and the county supervises, the owner keeping it', () => {
    const urged = after(after(accepted, NEAR), DUE);
    expect(nextAlert(urged, DEFAULT_SUPERVISION)).toEqual({ alert: 'overdue', at: GRACE_END });
    expect(sweep(urged, '2026-11-24T03:59:59.999Z')).toEqual([]);
    const handled = { ...urged, departmentId: 'babao-justice', handlerId: 'u-justice' };
    expect(sweep(handled, GRACE_END)).toEqual([
      {
        patch: { overdueFor: DUE, overdue: true, supervisedBy: { level: 'county', centreId: 'qilian', centrePath: 'qilian', since: GRACE_END }, updatedAt: GRACE_END },
        event: {
          at: GRACE_END, actor: SYSTEM_ACTOR, from: 'accepted', to: 'accepted', action: 'overdue',
          note: '「分派」已逾期，已上报上级督办，记入问效问责',
          visibility: 'public',
          data: { dueAt: DUE, step: 'accepted', centreId: 'babao', departmentId: 'babao-justice', handlerId: 'u-justice', fromLevel: 'township', toLevel: 'county', supervisorId: 'qilian' },
        },
      },
    ]);
    const escalated = after(handled, GRACE_END);
    expect(escalated).toMatchObject({ centreId: 'babao', status: 'accepted' });
    expect(nextAlert(escalated, DEFAULT_SUPERVISION)).toBeUndefined();
    expect(sweep(escalated, '2027-01-01T00:00:00Z')).toEqual([]);
  });

  it('is marked overdue without escalation where no level is above: a county case, or one the county already supervises', () => {
    const county = aPetition().accepted().at('county').with({ centreId: 'qilian', centrePath: 'qilian', dueFrom: '2026-11-22T04:00:00.000Z', dueAt: DUE }).build();
    const [, , overdue] = sweep(county, GRACE_END);
    expect(overdue!.patch).toStrictEqual({ overdueFor: DUE, overdue: true, updatedAt: GRACE_END });
    expect(overdue!.event.note).toBe('「分派」已逾期，记入问效问责');
    expect(overdue!.event.data).toStrictEqual({ dueAt: DUE, step: 'accepted', centreId: 'qilian', departmentId: undefined, handlerId: undefined, fromLevel: 'county', toLevel: 'county' });

    const supervisedBy = { level: 'county' as const, centreId: 'qilian', centrePath: 'qilian', since: '2026-11-22T06:00:00.000Z' };
    const [, , again] = sweep({ ...accepted, supervisedBy }, GRACE_END);
    expect(again!.patch).toStrictEqual({ overdueFor: DUE, overdue: true, updatedAt: GRACE_END });
    expect(again!.event.data).toMatchObject({ fromLevel: 'county', toLevel: 'county' });
    expect(again!.event.data).not.toHaveProperty('supervisorId');
  });

  it('names the step the case waits on', () => {
    const stepOf = (p: Petition) => sweep(p, NEAR)[0]!.event.note;
    expect(stepOf(aPetition().in('submitted').with({ dueFrom: accepted.dueFrom, dueAt: DUE }).build())).toBe('「受理」将于 2026年11月23日 12:00 到期，请抓紧办理');
    expect(stepOf(aPetition().dispatched().with({ dueFrom: accepted.dueFrom, dueAt: DUE }).build())).toBe('「办理」将于 2026年11月23日 12:00 到期，请抓紧办理');
    expect(stepOf(aPetition().inProgress().with({ dueFrom: accepted.dueFrom, dueAt: DUE }).build())).toBe('「办理」将于 2026年11月23日 12:00 到期，请抓紧办理');
    expect(stepOf(aPetition().in('reopened').with({ dueFrom: accepted.dueFrom, dueAt: DUE }).build())).toBe('「复查」将于 2026年11月23日 12:00 到期，请抓紧办理');
  });

  it('raises what fell due in one write, oldest first, when the sweep comes late', () => {
    const late = sweep(accepted, '2026-11-30T00:00:00Z');
    expect(late.map((d) => d.event.action)).toEqual(['remind', 'urge', 'overdue']);
    expect(late.reduce((cur, d) => ({ ...cur, ...d.patch }), accepted)).toMatchObject({ remindedFor: DUE, urgedFor: DUE, overdueFor: DUE, overdue: true });
  });

  it('never raises an alert that comes before one already raised for it', () => {
    expect(nextAlert({ ...accepted, urgedFor: DUE }, DEFAULT_SUPERVISION)).toEqual({ alert: 'overdue', at: GRACE_END });
    expect(nextAlert({ ...accepted, overdueFor: DUE }, DEFAULT_SUPERVISION)).toBeUndefined();
    expect(nextAlert({ ...accepted, remindedFor: DUE, overdueFor: DUE }, DEFAULT_SUPERVISION)).toBeUndefined();
  });

  it('is watched anew when the deadline moves', () => {
    const moved = { ...after(accepted, '2026-11-30T00:00:00Z'), dueFrom: '2026-11-30T00:00:00.000Z', dueAt: '2026-12-01T00:00:00.000Z' };
    expect(nextAlert(moved, DEFAULT_SUPERVISION)).toEqual({ alert: 'remind', at: '2026-11-30T18:00:00.000Z' });
  });

  it('is not watched once the case waits on no one on staff, nor when the step has no deadline', () => {
    expect(nextAlert({ ...accepted, dueAt: undefined }, DEFAULT_SUPERVISION)).toBeUndefined();
    for (const status of ['declined', 'rated', 'closed'] as const) {
      expect(nextAlert({ ...accepted, status }, DEFAULT_SUPERVISION)).toBeUndefined();
      expect(sweep({ ...accepted, status }, '2026-12-30T00:00:00Z')).toEqual([]);
    }
  });
});

describe("a consultation's report-in deadline beside the step's", () => {
  const consultation = (dueAt: string): Petition['consultation'] => ({
    startedAt: '2026-11-22T04:00:00.000Z',
    startedBy: 'u-babao',
    leadDepartmentId: 'babao-natural-resources',
    leadName: '八宝镇自然资源所',
    question: '草场边界怎么认定',
    dueAt,
    participants: [
      { departmentId: 'babao-justice', name: '八宝镇司法所' },
      { departmentId: 'babao-police', name: '八宝镇派出所' },
    ],
  });

  it('is watched when it comes first, and the step is when it does', () => {
    expect(nextAlert({ ...accepted, consultation: consultation('2026-11-22T20:00:00.000Z') }, DEFAULT_SUPERVISION)).toEqual({ alert: 'consult_remind', at: '2026-11-22T20:00:00.000Z' });
    expect(nextAlert({ ...accepted, consultation: consultation('2026-11-25T04:00:00.000Z') }, DEFAULT_SUPERVISION)).toEqual({ alert: 'remind', at: NEAR });
  });

  it('reminds every co-department late to report in, by name, on the staff record', () => {
    const [d] = sweep({ ...accepted, consultation: consultation('2026-11-22T20:00:00.000Z') }, '2026-11-22T20:00:00.000Z');
    expect(d!.event).toMatchObject({ action: 'consult_remind', visibility: 'internal', data: { departmentIds: ['babao-justice', 'babao-police'] } });
    expect(d!.event.note).toBe('联合会诊报到已于 2026年11月23日 04:00 到期，请尽快报到：八宝镇司法所、八宝镇派出所');
  });
});
