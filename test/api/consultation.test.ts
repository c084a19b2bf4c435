/**
 * 联合会诊 over HTTP: 八宝镇综治中心 calls its 司法所 and 派出所 into a land case its 自然资源所 leads. The 司法所's
 * handler reads the case and reports in (部门报到), and can do nothing else with it; the 派出所 never reports and the
 * sweep reminds it exactly once; the 自然资源所 resolves citing the 司法所's opinion.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { getForStaff } from '../../functions/usecases/petitions';
import type { StaffCaller } from '../../functions/usecases/context';
import { sweep } from '../../functions/usecases/supervision';
import { DEFAULT_SUPERVISION } from '../../shared/supervision';
import { call, citizenToken, report, staffToken } from '../support/api';
import { resetApiTime, setApiTime } from '../support/clock';
import { movableClock, stackDeps } from '../support/deps';

afterEach(async () => {
  await resetApiTime();
});

const step = (token: string, id: string, action: string, body: unknown = {}) => call('POST', `/staff/petitions/${id}/${action}`, { token, body });
const idsOf = (res: { body: { items: Array<{ id: string }> } }) => res.body.items.map((p) => p.id);
const DAY = 86_400_000;
const CENTRE: StaffCaller = { kind: 'staff', id: 'u-babao', name: '值班员', role: 'centre_staff', scopeNodeId: 'babao' };
const CONSULT = { leadDepartmentId: 'babao-natural-resources', departmentIds: ['babao-justice', 'babao-police'], question: '草场边界如何认定？是否需要治安调处？', days: 2 };

async function sweepAt(at: Date) {
  await setApiTime(at);
  return sweep(stackDeps(movableClock(at.toISOString())), DEFAULT_SUPERVISION, at);
}

/** A citizen's land report to 八宝镇, accepted by its centre. */
async function accepted(babao: string) {
  const herder = await citizenToken();
  const sent = await report(herder);
  expect(sent.status).toBe(201);
  const id = sent.body.id as string;
  expect((await step(babao, id, 'accept')).status).toBe(200);
  return { herder, id };
}

describe('a joint consultation (联合会诊)', () => {
  it('is started by the centre, read and reported in by a co-department that can do nothing else, and cited by the lead department', async () => {
    const [babao, justice, resources] = await Promise.all([staffToken('babao'), staffToken('babao-justice'), staffToken('babao-resources')]);
    const { herder, id } = await accepted(babao);
    // before the consultation the 司法所 does not know of the case
    expect((await call('GET', `/staff/petitions/${id}`, { token: justice })).status).toBe(404);

    const started = await step(babao, id, 'consult', CONSULT);
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({
      status: 'dispatched',
      departmentId: 'babao-natural-resources',
      centreId: 'babao',
      consultation: {
        leadDepartmentId: 'babao-natural-resources',
        leadName: '八宝镇自然资源所',
        question: CONSULT.question,
        participants: [
          { departmentId: 'babao-justice', name: '八宝镇司法所' },
          { departmentId: 'babao-police', name: '八宝镇派出所' },
        ],
      },
      consultationLate: [],
    });
    expect(started.body.consultation.participants[0]).not.toHaveProperty('reportedAt');
    expect(started.body.actions).not.toContain('consult'); // one consultation at a time while departments are waiting
    // the centre that called it may invite an expert and book the consultation's meeting
    expect(started.body.actions).toEqual(expect.arrayContaining(['invite_expert', 'book_meeting']));
    // the lead department is not a co-department: nothing to report in
    expect((await call('GET', `/staff/petitions/${id}`, { token: resources })).body.actions).not.toContain('report_in');

    // the co-department reads the case, is offered only 报到, and finds it in its 会诊 list (not in its own queue)
    const seen = await call('GET', `/staff/petitions/${id}`, { token: justice });
    expect(seen.status).toBe(200);
    expect(seen.body.actions).toEqual(['report_in']);
    expect(idsOf(await call('GET', '/staff/petitions?consulting=true', { token: justice }))).toContain(id);
    expect(idsOf(await call('GET', '/staff/petitions', { token: justice }))).not.toContain(id);
    expect(idsOf(await call('GET', '/staff/petitions?consulting=true', { token: resources }))).not.toContain(id);

    // it cannot act beyond its note: every other step is refused (403: it may see the case) and changes nothing
    const version = seen.body.version;
    for (const [action, body] of [
      ['progress', { note: '司法所越权写进展', visibility: 'internal' }],
      ['resolve', { summary: '司法所越权办结' }],
      ['reveal-phone', {}],
      ['consult', CONSULT],
      ['extend', { days: 5, reason: '越权延期' }],
    ] as const) {
      const res = await step(justice, id, action, body);
      expect({ action, status: res.status }).toEqual({ action, status: 403 });
    }
    expect((await call('GET', `/staff/petitions/${id}`, { token: babao })).body.version).toBe(version);

    // 部门报到: once
    const reported = await step(justice, id, 'report-in', { opinion: '建议先行人民调解，再申请草原确权。' });
    expect(reported.status).toBe(200);
    expect(reported.body.actions).toEqual([]);
    expect(reported.body.consultation.participants[0]).toMatchObject({ departmentId: 'babao-justice', opinion: '建议先行人民调解，再申请草原确权。', reportedBy: '八宝镇司法所承办人' });
    expect(reported.body.timeline.at(-1)).toMatchObject({ action: 'report_in', visibility: 'internal', actor: { role: 'handler', departmentId: 'babao-justice' } });
    expect((await step(justice, id, 'report-in', { opinion: '再报一次' })).status).toBe(409);
    // the centre does not report in for a department; the lead department is not a co-department
    expect((await step(babao, id, 'report-in', { opinion: '中心代报' })).status).toBe(403);
    expect((await step(resources, id, 'report-in', { opinion: '牵头部门意见' })).status).toBe(403);

    // the lead department handles and resolves, citing the opinion; citing one not reported is a 400 naming cites
    expect((await step(resources, id, 'resolve', { summary: '已办结', cites: ['babao-police'] })).body.error.issues).toEqual([expect.objectContaining({ path: 'cites' })]);
    const resolved = await step(resources, id, 'resolve', { summary: '经联合会诊，双方达成调解协议，边界按确权结果划定。', cites: ['babao-justice'] });
    expect(resolved.status).toBe(200);
    expect(resolved.body.timeline.at(-1)).toMatchObject({
      action: 'resolve',
      data: { cites: [{ departmentId: 'babao-justice', name: '八宝镇司法所', opinion: '建议先行人民调解，再申请草原确权。' }] },
    });

    // the citizen reads that a consultation was called and the result, never the question or the opinions
    const mine = await call('GET', `/petitions/${id}`, { token: herder });
    expect(mine.body.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'accept', 'consult', 'resolve']);
    expect(JSON.stringify(mine.body)).not.toContain('治安调处');
    expect(JSON.stringify(mine.body)).not.toContain('人民调解，再申请');
  });

  it('shows who is late, and the sweep reminds a late co-department exactly once', async () => {
    const [babao, justice] = await Promise.all([staffToken('babao'), staffToken('babao-justice')]);
    const { id } = await accepted(babao);
    expect((await step(babao, id, 'consult', CONSULT)).status).toBe(200);
    expect((await step(justice, id, 'report-in', { opinion: '同意调解。' })).status).toBe(200);

    // at the deadline itself no one is late yet; a moment after, the 派出所 is (read as the centre would, at those times)
    const { dueAt } = (await call('GET', `/staff/petitions/${id}`, { token: babao })).body.consultation;
    const lateAt = async (at: number) => (await getForStaff(stackDeps(movableClock(new Date(at).toISOString())), CENTRE, id)).consultationLate;
    expect(await lateAt(Date.parse(dueAt))).toEqual([]);
    expect(await lateAt(Date.parse(dueAt) + 1)).toEqual(['babao-police']);

    // before the deadline the sweep has nothing to say
    const early = await sweepAt(new Date(Date.now() + 1 * DAY));
    expect(early.acted.find((a) => a.id === id)).toBeUndefined();

    const late = await sweepAt(new Date(Date.now() + 3 * DAY));
    expect(late.acted.find((a) => a.id === id)).toMatchObject({ alerts: ['consult_remind'] });
    const again = await sweepAt(new Date(Date.now() + 4 * DAY));
    expect(again.acted.find((a) => a.id === id)).toBeUndefined();

    const file = await call('GET', `/staff/petitions/${id}`, { token: await staffToken('babao') });
    expect(file.body.consultationLate).toEqual(['babao-police']);
    const reminders = file.body.timeline.filter((e: { action: string }) => e.action === 'consult_remind');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ visibility: 'internal', data: { departmentIds: ['babao-police'] } });
    expect(reminders[0].note).toContain('八宝镇派出所');
    expect(file.body.consultation.participants).toMatchObject([
      { departmentId: 'babao-justice', opinion: '同意调解。' },
      { departmentId: 'babao-police', remindedAt: expect.any(String) },
    ]);
    expect(file.body.consultation.participants[0]).not.toHaveProperty('remindedAt');
  });

  it('calls in the county’s departments as well as the township’s own, as a dispatch may send a case to either', async () => {
    const babao = await staffToken('babao');
    const { id } = await accepted(babao);
    const started = await step(babao, id, 'consult', { ...CONSULT, leadDepartmentId: 'qilian-natural-resources', departmentIds: ['babao-justice', 'qilian-police'] });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ departmentId: 'qilian-natural-resources', consultation: { leadDepartmentId: 'qilian-natural-resources', leadName: '县自然资源局' } });
    expect(started.body.consultation.participants).toEqual([
      { departmentId: 'babao-justice', name: '八宝镇司法所' },
      { departmentId: 'qilian-police', name: '县公安局' },
    ]);
  });

  it('refuses a consultation that cannot be: not yet accepted, a handler starting it, the lead among the co-departments, another township’s department', async () => {
    const [babao, justice] = await Promise.all([staffToken('babao'), staffToken('babao-justice')]);
    const herder = await citizenToken();
    const submitted = (await report(herder)).body.id as string;
    expect((await step(babao, submitted, 'consult', CONSULT)).status).toBe(409);

    const { id } = await accepted(babao);
    const lead = await step(babao, id, 'consult', { ...CONSULT, departmentIds: ['babao-natural-resources'] });
    expect(lead.status).toBe(400);
    expect(lead.body.error.issues).toEqual([expect.objectContaining({ path: 'departmentIds' })]);
    const other = await step(babao, id, 'consult', { ...CONSULT, departmentIds: ['ebao-justice'] });
    expect(other.status).toBe(400);
    expect(other.body.error).toEqual({ code: 'validation', message: '会诊部门不存在', issues: [{ path: 'departmentIds', message: '请选择本中心或县级的部门' }] });
    const otherLead = await step(babao, id, 'consult', { ...CONSULT, leadDepartmentId: 'ebao-natural-resources' });
    expect(otherLead.status).toBe(400);
    expect(otherLead.body.error.issues).toEqual([{ path: 'leadDepartmentId', message: '请选择本中心或县级的部门' }]);
    expect((await step(babao, id, 'consult', { ...CONSULT, days: 0 })).status).toBe(400);
    // a handler who cannot see the case is told it does not exist
    expect((await step(justice, id, 'consult', CONSULT)).status).toBe(404);
    // the 会诊 list is a department's
    const centreList = await call('GET', '/staff/petitions?consulting=true', { token: babao });
    expect(centreList.status).toBe(400);
    expect(centreList.body.error.issues).toEqual([expect.objectContaining({ path: 'query.consulting' })]);
  });
});
