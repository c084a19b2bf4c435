/**
 * 首接首办、一办到底: the centre that first receives a case keeps it to the end. An escalation (上报上级 by staff, or a
 * deadline run over in the sweep) brings the next level in as supervisor: it sees the case, urges (督办), may set a
 * nearer deadline and take the case over (接管) explicitly. Only a transfer or a takeover changes the owner; after a
 * takeover the township no longer sees the case (its scope is its own subtree), as after a transfer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sweep } from '../../functions/usecases/supervision';
import { DEFAULT_SUPERVISION } from '../../shared/supervision';
import { call, citizenToken, report, staffToken } from '../support/api';
import { resetApiTime, setApiTime } from '../support/clock';
import { PREFIXED_COUNTY } from '../support/builders';
import { movableClock, stackDeps, writeBehindApi } from '../support/deps';

afterEach(async () => {
  await resetApiTime();
});

const step = (token: string, id: string, action: string, body: unknown = {}) => call('POST', `/staff/petitions/${id}/${action}`, { token, body });
const idsOf = (res: { body: { items: Array<{ id: string }> } }) => res.body.items.map((p) => p.id);
const DAY = 86_400_000;

/** The supervision sweep (the sweeper Lambda's use case) on this file's table, as if it were `at`; the API moves to `at` too. */
async function sweepAt(at: Date) {
  await setApiTime(at);
  return sweep(stackDeps(movableClock(at.toISOString())), DEFAULT_SUPERVISION, at);
}

/** A citizen's report at a post of 八宝镇: 八宝镇综治中心 receives it and owns it. */
async function reported() {
  const herder = await citizenToken();
  const sent = await report(herder);
  expect(sent.body).toMatchObject({ status: 'submitted', centreId: 'babao' });
  return { herder, id: sent.body.id as string };
}

describe('an overdue case (首接首办)', () => {
  it('stays with the township that received it: visible and actionable after the sweep escalates it, the county supervising', async () => {
    const { herder, id } = await reported();

    // acceptance was due in 24 hours; three days on the sweep finds it overdue
    const swept = await sweepAt(new Date(Date.now() + 3 * DAY));
    expect(swept.acted.find((a) => a.id === id)).toMatchObject({ alerts: ['remind', 'urge', 'overdue'], supervisedBy: 'county' });
    // staff sign in on that day (a staff session lasts hours; the citizen's, 30 days)
    const [babao, county, handler] = await Promise.all([staffToken('babao'), staffToken('county'), staffToken('babao-justice')]);

    // the township still owns it: its case file, its queue, its overdue tab, its steps
    const file = await call('GET', `/staff/petitions/${id}`, { token: babao });
    expect(file.status).toBe(200);
    expect(file.body).toMatchObject({ centreId: 'babao', centreName: '八宝镇综治中心', level: 'township', overdue: true, supervisedBy: { level: 'county', centreId: 'qilian' } });
    expect(file.body.actions).toEqual(expect.arrayContaining(['accept', 'decline', 'transfer']));
    expect(file.body.actions).not.toContain('escalate');
    expect(file.body.actions).not.toContain('take_over');
    expect(file.body.timeline.at(-1)).toMatchObject({ action: 'overdue', visibility: 'public', data: { centreId: 'babao', fromLevel: 'township', toLevel: 'county' } });
    expect(idsOf(await call('GET', '/staff/petitions', { token: babao }))).toContain(id);
    expect(idsOf(await call('GET', '/staff/petitions?due=overdue', { token: babao }))).toContain(id);
    const row = (await call('GET', '/staff/petitions', { token: babao })).body.items.find((p: { id: string }) => p.id === id);
    expect(row).toMatchObject({ centreId: 'babao', supervisedBy: { level: 'county', centreId: 'qilian' } });

    // the county sees it as its supervisor: in its 督办 list, with 督办 and 接管 offered
    const seen = await call('GET', `/staff/petitions/${id}`, { token: county });
    expect(seen.status).toBe(200);
    expect(seen.body.actions).toEqual(expect.arrayContaining(['supervise', 'take_over']));
    expect(seen.body.actions).not.toContain('escalate');
    const supervised = await call('GET', '/staff/petitions?supervised=true', { token: county });
    expect(idsOf(supervised)).toContain(id);
    expect(supervised.body.items.find((p: { id: string }) => p.id === id)).toMatchObject({ status: 'submitted', centreId: 'babao', townshipName: '八宝镇' });
    expect(idsOf(await call('GET', '/staff/petitions?supervised=true', { token: babao }))).not.toContain(id);

    // the township works it to the end; the overdue mark stays on the record
    expect((await step(babao, id, 'accept', { note: '已登记' })).body).toMatchObject({ status: 'accepted', centreId: 'babao' });
    expect((await step(babao, id, 'dispatch', { departmentId: 'babao-justice', handlerId: 'u-babao-justice' })).status).toBe(200);
    expect((await step(handler, id, 'progress', { note: '已约双方到司法所' })).status).toBe(200);
    const resolved = await step(babao, id, 'resolve', { summary: '双方达成调解协议' });
    expect(resolved.body).toMatchObject({ status: 'resolved', centreId: 'babao', overdue: true, supervisedBy: { level: 'county' } });
    // the county's list follows the case as it moves
    const later = await call('GET', '/staff/petitions?supervised=true&status=resolved', { token: county });
    expect(idsOf(later)).toContain(id);

    // the citizen sees the case run over and go up for supervision, and who handles it still
    const mine = await call('GET', `/petitions/${id}`, { token: herder });
    expect(mine.body).toMatchObject({ status: 'resolved', centreName: '八宝镇综治中心' });
    expect(mine.body.timeline.find((e: { action: string }) => e.action === 'overdue')).toMatchObject({ note: '「受理」已逾期，已上报上级督办，记入问效问责' });
  });
});

describe('a manual escalation (上报上级)', () => {
  it('keeps the owner, brings the county in as supervisor, and shows the citizen a public step', async () => {
    const { herder, id } = await reported();
    const [babao, county] = await Promise.all([staffToken('babao'), staffToken('county')]);
    await step(babao, id, 'accept');
    const up = await step(babao, id, 'escalate', { reason: '涉及两镇草场边界' });
    expect(up.status).toBe(200);
    expect(up.body).not.toHaveProperty('handedOver');
    expect(up.body).toMatchObject({ status: 'accepted', centreId: 'babao', level: 'township', supervisedBy: { level: 'county', centreId: 'qilian' } });
    expect(up.body.actions).not.toContain('escalate');
    expect(up.body.timeline.at(-1)).toMatchObject({ action: 'escalate', visibility: 'public', note: '涉及两镇草场边界', data: { fromLevel: 'township', toLevel: 'county' } });

    // the township goes on handling it; the county may not escalate it further
    expect((await step(babao, id, 'dispatch', { departmentId: 'babao-natural-resources' })).body).toMatchObject({ status: 'dispatched', centreId: 'babao' });
    expect((await step(county, id, 'escalate', { reason: '再上报' })).status).toBe(409);
    expect(idsOf(await call('GET', '/staff/petitions?supervised=true', { token: county }))).toContain(id);

    const mine = await call('GET', `/petitions/${id}`, { token: herder });
    expect(mine.body.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'accept', 'escalate', 'dispatch']);
    expect(mine.body.centreName).toBe('八宝镇综治中心');
  });
});

describe('the supervising county', () => {
  it('urges and sets a deadline (督办), and only an explicit takeover (接管) changes the owner', async () => {
    const { herder, id } = await reported();
    const [babao, ebao, county] = await Promise.all([staffToken('babao'), staffToken('ebao'), staffToken('county')]);
    await step(babao, id, 'accept');
    await step(babao, id, 'dispatch', { departmentId: 'babao-natural-resources' });
    await step(babao, id, 'escalate', { reason: '久拖未决' });

    // 督办 and 接管 are the supervisor's: the owner sees the case but may not take them; another township does not see it
    expect((await step(babao, id, 'supervise', { note: '自己督办自己' })).status).toBe(403);
    expect((await step(babao, id, 'take-over', { reason: '不该由本中心接管' })).status).toBe(403);
    expect((await step(ebao, id, 'supervise', { note: '越界' })).status).toBe(404);

    const urged = await step(county, id, 'supervise', { note: '请三日内办结并报县中心', days: 3 });
    expect(urged.status).toBe(200);
    expect(urged.body).toMatchObject({ centreId: 'babao', status: 'dispatched' });
    expect(Date.parse(urged.body.dueAt)).toBeLessThanOrEqual(Date.now() + 3 * DAY + 60_000);
    expect(urged.body.timeline.at(-1)).toMatchObject({ action: 'supervise', visibility: 'internal', note: '请三日内办结并报县中心', data: { days: 3 } });
    const later = await step(county, id, 'supervise', { note: '再延三十天', days: 30 });
    expect(later.status).toBe(409);
    expect(later.body.error.message).toContain('督办限期不能晚于本步现有期限');

    const taken = await step(county, id, 'take-over', { reason: '涉及县级部门，由县综治中心接管' });
    expect(taken.status).toBe(200);
    expect(taken.body).toMatchObject({ centreId: 'qilian', centreName: '祁连县综治中心', level: 'county', status: 'dispatched', departmentId: 'babao-natural-resources' });
    expect(taken.body).not.toHaveProperty('supervisedBy');
    expect(taken.body.timeline.at(-1)).toMatchObject({ action: 'take_over', visibility: 'public', data: { fromCentreId: 'babao', toCentreId: 'qilian' } });

    // the township no longer owns it, and its scope (its own subtree) no longer holds it: 404, out of its queue
    expect((await call('GET', `/staff/petitions/${id}`, { token: babao })).status).toBe(404);
    expect(idsOf(await call('GET', '/staff/petitions', { token: babao }))).not.toContain(id);
    // the county owns it now: in its own queue, out of its 督办 list
    expect(idsOf(await call('GET', '/staff/petitions', { token: county }))).toContain(id);
    expect(idsOf(await call('GET', '/staff/petitions?supervised=true', { token: county }))).not.toContain(id);

    // the citizen reads the takeover and its reason, never the internal urge
    const mine = await call('GET', `/petitions/${id}`, { token: herder });
    expect(mine.body.centreName).toBe('祁连县综治中心');
    expect(mine.body.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'accept', 'dispatch', 'escalate', 'take_over']);
    expect(JSON.stringify(mine.body)).not.toContain('请三日内办结');
  });

  it('leaves a case nobody escalated to its owner: no 督办, no 接管', async () => {
    const { id } = await reported();
    const county = await staffToken('county');
    const file = await call('GET', `/staff/petitions/${id}`, { token: county });
    expect(file.body.actions).not.toContain('supervise');
    expect(file.body.actions).not.toContain('take_over');
    expect((await step(county, id, 'take-over', { reason: '未上报也想接管' })).status).toBe(409);
    expect((await call('GET', `/staff/petitions/${id}`, { token: await staffToken('babao') })).body.centreId).toBe('babao');
  });
});

describe('a transfer', () => {
  it('still changes the owner, and the county keeps supervising a case it supervised', async () => {
    const { id } = await reported();
    const [babao, ebao, county] = await Promise.all([staffToken('babao'), staffToken('ebao'), staffToken('county')]);
    await step(babao, id, 'escalate', { reason: '属地不清' });
    const moved = await step(babao, id, 'transfer', { centreId: 'ebao', reason: '事发地在峨堡镇' });
    expect(moved.body).toMatchObject({ handedOver: true, centreId: 'ebao' });
    expect((await call('GET', `/staff/petitions/${id}`, { token: babao })).status).toBe(404);
    expect((await call('GET', `/staff/petitions/${id}`, { token: ebao })).body).toMatchObject({ centreId: 'ebao', supervisedBy: { level: 'county' } });
    expect(idsOf(await call('GET', '/staff/petitions?supervised=true', { token: county }))).toContain(id);
  });

  it('goes to a township or the county centre of its county: a village, a department or another county’s township is none, and the case stays where it was', async () => {
    // a second county of the deployment whose id begins with this one's
    await writeBehindApi(async ({ org }) => {
      await org.putNode(PREFIXED_COUNTY.county);
      await org.putNode(PREFIXED_COUNTY.township);
    });
    const { id } = await reported();
    const babao = await staffToken('babao');
    const before = (await call('GET', `/staff/petitions/${id}`, { token: babao })).body;
    for (const centreId of ['babao-baiyanggou', 'babao-justice', 'no-such-centre', PREFIXED_COUNTY.township.id]) {
      const refused = await step(babao, id, 'transfer', { centreId, reason: '事发地在白杨沟村' });
      expect(refused.status, centreId).toBe(400);
      expect(refused.body.error).toEqual({ code: 'validation', message: '接收中心不存在', issues: [{ path: 'centreId', message: '请选择本县的乡镇（苏木）或县综治中心' }] });
    }
    const after = (await call('GET', `/staff/petitions/${id}`, { token: babao })).body;
    expect(after).toMatchObject({ centreId: 'babao', status: 'submitted', version: before.version });
    expect(after.timeline).toEqual(before.timeline);

    const toCounty = await step(babao, id, 'transfer', { centreId: 'qilian', reason: '涉及多个乡镇，请县综治中心办理' });
    expect(toCounty.status).toBe(200);
    expect(toCounty.body).toMatchObject({ handedOver: true, centreId: 'qilian', level: 'county' });
    // the county centre owns it at its own level: it is a county case now, and the record says from which level
    const file = (await call('GET', `/staff/petitions/${id}`, { token: await staffToken('county') })).body;
    expect(file).toMatchObject({ centreId: 'qilian', status: 'submitted', level: 'county' });
    expect(file.timeline.at(-1)).toMatchObject({ action: 'transfer', data: { fromCentreId: 'babao', toCentreId: 'qilian', fromLevel: 'township', toLevel: 'county' } });
  });
});

describe('a dispatch', () => {
  it('goes to a department of the owning centre or of the county: another township’s is refused, and the case waits undispatched', async () => {
    const { id } = await reported();
    const babao = await staffToken('babao');
    expect((await step(babao, id, 'accept')).status).toBe(200);
    const before = (await call('GET', `/staff/petitions/${id}`, { token: babao })).body;
    for (const departmentId of ['ebao-natural-resources', 'no-such-department']) {
      const refused = await step(babao, id, 'dispatch', { departmentId });
      expect(refused.status, departmentId).toBe(400);
      expect(refused.body.error).toEqual({ code: 'validation', message: '责任部门不存在', issues: [{ path: 'departmentId', message: '请选择本中心或县级的责任部门' }] });
    }
    const after = (await call('GET', `/staff/petitions/${id}`, { token: babao })).body;
    expect(after).toMatchObject({ status: 'accepted', departmentId: before.departmentId, version: before.version });

    const toCounty = await step(babao, id, 'dispatch', { departmentId: 'qilian-natural-resources' });
    expect(toCounty.status).toBe(200);
    expect(toCounty.body).toMatchObject({ status: 'dispatched', departmentId: 'qilian-natural-resources', centreId: 'babao' });
  });
});

describe('the 督办 list', () => {
  it('is a centre’s: a handler asking for it, or for it by deadline, gets 400 naming the field', async () => {
    const handler = await staffToken('babao-justice');
    const res = await call('GET', '/staff/petitions?supervised=true', { token: handler });
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toEqual([expect.objectContaining({ path: 'query.supervised' })]);
    const mixed = await call('GET', '/staff/petitions?supervised=true&due=overdue', { token: await staffToken('county') });
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.issues).toEqual([expect.objectContaining({ path: 'query.supervised' })]);
  });
});
