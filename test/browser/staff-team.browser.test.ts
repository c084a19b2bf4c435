/**
 * 一个案件、一名领导、一个专班 in the H5 staff pages: on a backlog case's file the county supervisor names the lead
 * official (包案领导) and the team (专班) from the county's staff list and sees them on the case; the lead, a township
 * centre's staff user who could not see the case before, and a member find it under 专班积案 (a tile on 工作台, a
 * tab of 待办) and open it. Each test makes its own case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, citizenToken, report, staffToken } from '../support/api';
import { openStaffApp, poll, type StaffApp } from '../support/staffApp';

const step = async (token: string, id: string, action: string, body: unknown = {}) => {
  const res = await call('POST', `/staff/petitions/${id}/${action}`, { token, body });
  expect(res.status).toBe(200);
  return res.body;
};

/** A land case of 八宝镇 at its 自然资源所, classed by the county as a B backlog case. */
async function backlogCase(description: string) {
  const sent = await report(await citizenToken(), { description });
  expect(sent.status).toBe(201);
  const id = sent.body.id as string;
  const babao = await staffToken('babao');
  await step(babao, id, 'accept');
  await step(babao, id, 'dispatch', { departmentId: 'babao-natural-resources' });
  await step(await staffToken('county'), id, 'classify', { backlogClass: 'B' });
  return { id, trackingCode: sent.body.trackingCode as string };
}

const nameOf = async (username: 'ebao' | 'babao-justice') => (await call('GET', '/staff/me', { token: await staffToken(username) })).body.name as string;

describe('包案领导 and 专班 (H5)', () => {
  let app: StaffApp;

  beforeAll(async () => {
    app = await openStaffApp({ prefix: 'staff-team' });
  }, 1_200_000);
  afterAll(async () => {
    await app?.close();
  });

  it('the county names the lead and the team from its staff list; the case file shows them', async () => {
    const { id } = await backlogCase('草场承包边界纠纷，调解三次未成。');
    const [lead, member] = await Promise.all([nameOf('ebao'), nameOf('babao-justice')]);
    await app.loginAs('county');
    await app.open(`pages/petition/index?id=${id}`);
    await poll(() => app.el('#backlog-class').textContent()).toBe('B 类积案（60 天）');
    expect(await app.el('#backlog-team').textContent()).toBe('尚未组建');
    await app.el('#assign-team').click();
    // nothing chosen: the form says so and sends nothing
    await poll(() => app.el('#member-babao-justice').isVisible()).toBe(true);
    await app.el('#save-team').click();
    await poll(() => app.el('#team-error').textContent()).toBe('请至少选择一名专班成员');
    // only staff who work cases are offered: not an agent or a village's staff
    expect(await app.page.locator('#member-agent-baiyanggou:visible, #member-village-baiyanggou:visible').count()).toBe(0);
    await app.el('#lead-ebao').click();
    await app.el('#member-babao-justice').click();
    await app.el('#member-babao-resources').click();
    expect(await app.el('#member-babao-justice').getAttribute('class')).toContain('on');
    await app.shot('1-team-form');
    await app.el('#save-team').click();
    await poll(() => app.el('#backlog-lead').textContent()).toBe(lead);
    expect(await app.el('#backlog-team').textContent()).toContain(member);
    expect(await app.page.locator('#team-form:visible').count()).toBe(0);
    await app.shot('2-team-named');
    const file = await call('GET', `/staff/petitions/${id}`, { token: await staffToken('county') });
    expect(file.body.backlog.leadOfficial.name).toBe(lead);
    expect(file.body.backlog.team.map((m: { name: string }) => m.name)).toContain(member);
  });

  it('the lead and a member find the case under 专班积案 and open it', async () => {
    const { id, trackingCode } = await backlogCase('宅基地权属争议十年未决。');
    await step(await staffToken('county'), id, 'team', { usernames: ['babao-justice'], lead: 'ebao' });
    // the lead: another township's centre, on its desk a tile, and the case in the tab
    await app.loginAs('ebao');
    await poll(() => app.el('#now-team').isVisible()).toBe(true);
    expect(await app.el('#now-team').innerText()).toContain('专班积案');
    await app.el('#now-team').click();
    await app.page.waitForURL(/staff\/pages\/queue\/index/);
    await poll(() => app.el('#tab-team').getAttribute('class')).toContain('on');
    // this case among any other the lead is on, and only cases they are on: none of 八宝镇's others
    await poll(() => app.el(`#row-${id}`).isVisible()).toBe(true);
    expect(await app.el(`#row-${id}`).innerText()).toContain(trackingCode);
    const listed = await app.page.locator('.staff-qrow[id^="row-"]:visible').evaluateAll((els) => els.map((e) => e.id.slice('row-'.length)));
    const mine = (await call('GET', '/staff/petitions?team=true', { token: await staffToken('ebao') })).body.items.map((r: { id: string }) => r.id);
    expect(listed.sort()).toEqual([...mine].sort());
    await app.shot('3-team-list');
    await app.el(`#row-${id}`).click();
    await app.page.waitForURL(/staff\/pages\/petition\/index/);
    await poll(() => app.el('#backlog-lead').textContent()).toBe(await nameOf('ebao'));
    // the lead acts on it: the step buttons are there
    await poll(() => app.el('#action-progress').isVisible()).toBe(true);

    // a member: the 司法所's handler, whose department the case is not at
    await app.loginAs('babao-justice');
    await app.open('pages/queue/index?team=true');
    await app.page.reload();
    await poll(() => app.el(`#row-${id}`).isVisible()).toBe(true);
  });
});
