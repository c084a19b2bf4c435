/**
 * 联合会诊 in the pure workflow: the centre calls co-departments into a case its lead department handles; each
 * co-department reports in (部门报到) and may do nothing else; the sweep reminds the late ones once; the resolution
 * cites the opinions.
 */
import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, ValidationError } from '../../shared/errors';
import type { Petition } from '../../shared/schemas/petition';
import { DEFAULT_SUPERVISION, nextAlert, supervise } from '../../shared/supervision';
import { decide, type Command } from '../../shared/workflow';
import { LIMITS, aPetition } from '../support/builders';

const limits = LIMITS;
const now = new Date('2026-11-23T02:00:00Z');
const ctx = { now, limits };
const centre = { role: 'centre_staff' as const, id: 'u-babao', name: '值班员' };
const handlerOf = (departmentId: string) => ({ role: 'handler' as const, id: `u-${departmentId}`, name: `${departmentId} 承办人`, departmentId });
const centres = { township: { centreId: 'babao', centrePath: 'qilian/babao' }, county: { centreId: 'qilian', centrePath: 'qilian' } };

const consult: Command = {
  action: 'consult',
  leadDepartmentId: 'babao-natural-resources',
  departmentIds: ['babao-justice', 'babao-police'],
  question: '草场边界怎么认定，是否涉及治安',
  days: 3,
  lead: { id: 'babao-natural-resources', name: '八宝镇自然资源所' },
  departments: [
    { id: 'babao-justice', name: '八宝镇司法所' },
    { id: 'babao-police', name: '八宝镇派出所' },
  ],
};

/** The fields a refusal names. */
function issuesOf(run: () => unknown) {
  try {
    run();
  } catch (e) {
    if (e instanceof ValidationError) return e.issues;
    throw e;
  }
  throw new Error('not refused');
}

/** An accepted case with a consultation started on it now. */
function consulted(): Petition {
  const p = aPetition().accepted().build();
  return { ...p, ...decide(p, consult, centre, ctx).patch, version: p.version + 1 };
}

describe('starting a consultation (联合会诊)', () => {
  it('dispatches an accepted case to the lead department, with each co-department waiting to report in by the deadline', () => {
    const p = aPetition().accepted().build();
    const d = decide(p, consult, centre, ctx);
    expect(d.patch).toMatchObject({ status: 'dispatched', departmentId: 'babao-natural-resources', handlerId: undefined, dueAt: p.resolveDueAt });
    expect(d.patch.consultation).toStrictEqual({
      startedAt: now.toISOString(),
      startedBy: '值班员',
      leadDepartmentId: 'babao-natural-resources',
      leadName: '八宝镇自然资源所',
      question: '草场边界怎么认定，是否涉及治安',
      dueAt: '2026-11-26T02:00:00.000Z',
      participants: [
        { departmentId: 'babao-justice', name: '八宝镇司法所' },
        { departmentId: 'babao-police', name: '八宝镇派出所' },
      ],
    });
    // the citizen reads who consults, never the question
    expect(d.event).toMatchObject({ action: 'consult', visibility: 'public', note: '联合会诊：牵头部门八宝镇自然资源所，会同八宝镇司法所、八宝镇派出所' });
    expect(d.event.note).not.toContain('草场边界怎么认定');
  });

  it('keeps an in-progress case with its lead department, and cannot start a second while one is waiting', () => {
    const p = aPetition({ departmentId: 'babao-natural-resources', handlerId: 'u-x' }).inProgress().build();
    expect(decide(p, consult, centre, ctx).patch).not.toHaveProperty('departmentId');
    expect(() => decide(consulted(), consult, centre, ctx)).toThrow(ConflictError);
  });

  it('moves a case at another department to the lead department, for its handlers to assign', () => {
    const p = aPetition({ departmentId: 'babao-justice', handlerId: 'u-x' }).inProgress().build();
    const d = decide(p, consult, centre, ctx);
    expect(d.patch).toMatchObject({ status: 'in_progress', departmentId: 'babao-natural-resources', handlerId: undefined });
    expect(d.patch).toHaveProperty('handlerId', undefined);
    expect(d.event.data).toStrictEqual({ leadDepartmentId: 'babao-natural-resources', departmentIds: ['babao-justice', 'babao-police'], question: '草场边界怎么认定，是否涉及治安', dueAt: '2026-11-26T02:00:00.000Z' });
  });

  it('starts another only once every co-department of the last one has reported in', () => {
    const p = consulted();
    const oneIn = { ...p, ...decide(p, { action: 'report_in', opinion: '建议先行调解' }, handlerOf('babao-justice'), ctx).patch };
    expect(() => decide(oneIn, consult, centre, ctx)).toThrow('本案的联合会诊还有部门未报到，不能再发起');
    const allIn = { ...oneIn, ...decide(oneIn, { action: 'report_in', opinion: '不涉及治安' }, handlerOf('babao-police'), ctx).patch };
    expect(decide(allIn, consult, centre, ctx).patch.consultation?.participants.every((x) => !x.reportedAt)).toBe(true);
  });
});

describe('a co-department', () => {
  it('reports in once, and may take no other step on the case', () => {
    const p = consulted();
    const justice = handlerOf('babao-justice');
    const d = decide(p, { action: 'report_in', opinion: '建议先行调解' }, justice, ctx);
    expect(d.patch.status).toBe('dispatched');
    expect(d.patch.consultation?.participants[0]).toMatchObject({ departmentId: 'babao-justice', reportedAt: now.toISOString(), opinion: '建议先行调解', reportedBy: 'babao-justice 承办人' });
    expect(d.event).toMatchObject({ action: 'report_in', visibility: 'internal', data: { departmentId: 'babao-justice', late: false } });
    const after = { ...p, ...d.patch };
    expect(() => decide(after, { action: 'report_in', opinion: '再报一次' }, justice, ctx)).toThrow(ConflictError);

    for (const cmd of [
      { action: 'progress', note: '越权办理', visibility: 'internal' },
      { action: 'resolve', summary: '越权办结' },
      { action: 'reveal_phone' },
    ] as Command[]) {
      expect(() => decide(after, cmd, justice, ctx)).toThrow(ForbiddenError);
    }
    // the lead department handles it; it is no co-department and does not report in
    const lead = handlerOf('babao-natural-resources');
    expect(decide(after, { action: 'progress', note: '已实地查看', visibility: 'public' }, lead, ctx).patch.status).toBe('in_progress');
    expect(() => decide(after, { action: 'report_in', opinion: '牵头部门意见' }, lead, ctx)).toThrow(ForbiddenError);
  });

  it('is told why it may not report in: no consultation, or reported already', () => {
    const justice = handlerOf('babao-justice');
    const none = aPetition({ departmentId: 'babao-natural-resources' }).inProgress().build();
    expect(() => decide(none, { action: 'report_in', opinion: '意见' }, justice, ctx)).toThrow('只有本案联合会诊的会诊部门可以报到');
    const p = consulted();
    const after = { ...p, ...decide(p, { action: 'report_in', opinion: '建议先行调解' }, justice, ctx).patch };
    expect(() => decide(after, { action: 'report_in', opinion: '再报一次' }, justice, ctx)).toThrow('本部门已报到过会诊意见');
  });

  it('reports in on time up to and at the deadline, late after it', () => {
    const p = consulted();
    const report = (when: string) => decide(p, { action: 'report_in', opinion: '意见' }, handlerOf('babao-justice'), { ...ctx, now: new Date(when) }).event.data;
    expect(report('2026-11-26T02:00:00.000Z')).toEqual({ departmentId: 'babao-justice', late: false });
    expect(report('2026-11-26T02:00:00.001Z')).toEqual({ departmentId: 'babao-justice', late: true });
  });
});

describe('an expert invited to the consultation (专家库)', () => {
  const invite = (id: string, name: string): Command => ({ action: 'invite_expert', expertId: id, expert: { id, name } });

  it('joins it, on the staff record', () => {
    const p = consulted();
    const d = decide(p, invite('e-law', '李律师'), centre, ctx);
    expect(d.patch).toStrictEqual({ status: 'dispatched', updatedAt: now.toISOString(), consultation: { ...p.consultation, experts: [{ expertId: 'e-law', name: '李律师', invitedAt: now.toISOString() }] } });
    expect(d.event).toMatchObject({ action: 'invite_expert', visibility: 'internal', note: '邀请专家李律师参加联合会诊', data: { expertId: 'e-law' } });
    const two = { ...p, ...d.patch };
    expect(decide(two, invite('e-land', '张工程师'), centre, ctx).patch.consultation?.experts).toEqual([
      { expertId: 'e-law', name: '李律师', invitedAt: now.toISOString() },
      { expertId: 'e-land', name: '张工程师', invitedAt: now.toISOString() },
    ]);
  });

  it('is invited once, and only to a consultation started', () => {
    const p = consulted();
    const one = { ...p, ...decide(p, invite('e-law', '李律师'), centre, ctx).patch };
    const two = { ...one, ...decide(one, invite('e-land', '张工程师'), centre, ctx).patch };
    expect(() => decide(two, invite('e-law', '李律师'), centre, ctx)).toThrow('已邀请过该专家');
    expect(() => decide(aPetition().inProgress().build(), invite('e-law', '李律师'), centre, ctx)).toThrow('请先发起联合会诊，再邀请专家');
  });
});

describe('the sweep', () => {
  it('reminds the co-departments late to report in exactly once, at the consultation deadline', () => {
    const p = consulted();
    const reported = { ...p, ...decide(p, { action: 'report_in', opinion: '建议先行调解' }, handlerOf('babao-justice'), ctx).patch };
    expect(nextAlert(reported, DEFAULT_SUPERVISION)).toEqual({ alert: 'consult_remind', at: '2026-11-26T02:00:00.000Z' });
    expect(supervise(reported, new Date('2026-11-26T01:59:59Z'), DEFAULT_SUPERVISION, centres)).toEqual([]);

    const [d, ...more] = supervise(reported, new Date('2026-11-26T03:00:00Z'), DEFAULT_SUPERVISION, centres);
    expect(more).toEqual([]);
    expect(d!.event).toMatchObject({ action: 'consult_remind', visibility: 'internal', data: { departmentIds: ['babao-police'] } });
    expect(d!.event.note).toContain('八宝镇派出所');
    expect(d!.event.note).not.toContain('八宝镇司法所');
    const reminded = { ...reported, ...d!.patch };
    expect(supervise(reminded, new Date('2026-11-30T03:00:00Z'), DEFAULT_SUPERVISION, centres).map((x) => x.event.action)).not.toContain('consult_remind');
    // the step's own deadline is watched again
    expect(nextAlert(reminded, DEFAULT_SUPERVISION)?.alert).toBe('remind');
  });
});

describe('the resolution', () => {
  it('cites the opinions reported, and only those', () => {
    const p = consulted();
    const reported = { ...p, ...decide(p, { action: 'report_in', opinion: '建议先行调解' }, handlerOf('babao-justice'), ctx).patch };
    const lead = handlerOf('babao-natural-resources');
    const d = decide(reported, { action: 'resolve', summary: '经会诊后调解成功', cites: ['babao-justice'] }, lead, ctx);
    expect(d.event.data).toMatchObject({ cites: [{ departmentId: 'babao-justice', name: '八宝镇司法所', opinion: '建议先行调解' }] });
    expect(() => decide(reported, { action: 'resolve', summary: '引用未报到的', cites: ['babao-police'] }, lead, ctx)).toThrow(ValidationError);
    expect(decide(reported, { action: 'resolve', summary: '不引用' }, lead, ctx).event.data).not.toHaveProperty('cites');
  });

  it('names the field when it cites an opinion the case does not have, a case without a consultation too', () => {
    const lead = handlerOf('babao-natural-resources');
    const none = aPetition({ departmentId: 'babao-natural-resources' }).inProgress().build();
    const cite = () => decide(none, { action: 'resolve', summary: '办结', cites: ['babao-justice'] }, lead, ctx);
    expect(cite).toThrow('只能引用已报到的会诊意见');
    expect(issuesOf(cite)).toEqual([{ path: 'cites', message: '只能引用本案已报到的会诊意见' }]);
  });
});
