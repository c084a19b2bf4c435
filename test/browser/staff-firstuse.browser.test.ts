/**
 * What first-time staff tripped over (issue 12), in the H5 build at desktop width against the local stack: a case
 * just reported is not 临期, a system note reads its time in China time, and every form whose text the citizen will
 * read says 群众可见, the dispatch form with the department the case was routed to already chosen.
 * Screenshots go to test-results/staff-firstuse-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitPetition } from '../../functions/usecases/petitions';
import { sweep } from '../../functions/usecases/supervision';
import { nearDueAt } from '../../shared/supervision';
import { call, citizenToken, report, staffToken } from '../support/api';
import { movableClock, stackDeps } from '../support/deps';
import { openStaffApp, poll, type StaffApp } from '../support/staffApp';

/** What the county calls its levels, set over the API (its other settings kept): the names a test starts from. */
async function countyCallsItsLevels(levelNames: { township: string; village: string }) {
  const county = await staffToken('county');
  const { settings } = (await call('GET', '/staff/org', { token: county })).body.scope;
  expect((await call('PUT', '/staff/counties/qilian/settings', { token: county, body: { ...settings, levelNames } })).status).toBe(200);
  await poll(async () => (await call('GET', '/townships')).body.levelNames).toEqual(levelNames);
}

describe('staff pages for a first-time user', () => {
  let app: StaffApp;

  beforeAll(async () => {
    app = await openStaffApp({ prefix: 'staff-firstuse' });
  }, 1_200_000);
  afterAll(() => app?.close());

  it('does not mark a case 临期 the moment it arrives', async () => {
    const sent = await report(await citizenToken(), { categoryId: 'land_dispute', description: '刚刚反映的草场纠纷，还有一天受理时间' });
    expect(sent.status).toBe(201);
    const id = sent.body.id as string;
    await app.loginAs('babao');
    await app.open('pages/queue/index');
    await poll(() => app.el(`#row-${id}`).innerText()).toContain('已上报');
    expect(await app.el(`#row-${id}`).innerText()).not.toContain('临期');
    await app.shot('1-fresh-case');
    await app.el('#tab-near').click();
    await poll(() => app.el('#queue-loading').count()).toBe(0);
    expect(await app.page.locator(`#row-${id}:visible`).count()).toBe(0);
    await app.open(`pages/petition/index?id=${id}`);
    await poll(() => app.el('#status').textContent()).toBe('已上报');
    expect(await app.el('.staff-badges').innerText()).not.toContain('临期');
  });

  it('writes the time in a reminder on the record in China time', async () => {
    // a case reported in March 2024 at 峨堡镇, swept when its 24-hour acceptance step turns near due
    const clock = movableClock('2024-03-05T01:00:00Z');
    const deps = stackDeps(clock);
    const out = await submitPetition(deps, { kind: 'citizen', openid: `wx_firstuse_${Date.now()}` }, `firstuse-${Date.now()}`, {
      channel: 'scan', postId: 'ebao-ebao-p1', categoryId: 'neighbour', description: '邻居在院墙边堆柴草，怕着火', photos: [], anonymous: false,
    });
    const p = (await deps.petitions.get(out.response.id))!;
    await sweep(deps, deps.supervision, new Date(nearDueAt(p, deps.supervision)!));

    await app.loginAs('ebao');
    await app.open(`pages/petition/index?id=${p.id}`);
    await poll(() => app.el('#timeline [data-action="remind"]').innerText()).toContain('「受理」将于 2024年3月6日 09:00 到期，请抓紧办理');
    expect(await app.el('#timeline').innerText()).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);
    await app.shot('2-reminder-china-time');
  });

  it('names the levels as the county does', async () => {
    await countyCallsItsLevels({ township: '乡镇', village: '村（社区）' });
    await app.loginAs('county');
    await app.open('pages/org/index');
    await poll(() => app.el('#org-tab-nodes').textContent()).toBe('乡镇与村（社区）');
    await app.open('pages/queue/index');
    await app.el('#toggle-filters').click();
    await poll(() => app.el('#filters').innerText()).toContain('乡镇');
    expect(await app.el('#filters').innerText()).not.toMatch(/苏木|嘎查/);
  });

  it('says 群众可见 on every form a citizen will read, and preselects the department the case was routed to', async () => {
    const sent = await report(await citizenToken(), { categoryId: 'land_dispute', description: '草场边界的桩子被拔了，请派人来量' });
    const id = sent.body.id as string;
    await app.loginAs('babao');
    await app.open(`pages/petition/index?id=${id}`);
    await app.el('#action-accept').click();
    await poll(() => app.el('#form-accept').innerText()).toContain('受理备注（可不填）（群众可见）');
    await app.el('#action-decline').click();
    await poll(() => app.el('#form-decline').innerText()).toContain('不予受理的理由（群众可见）');
    expect(await app.el('#form-decline').innerText()).toContain('建议的办理途径（群众可见）');
    await app.el('#action-accept').click();
    await app.el('#submit-accept').click();
    await poll(() => app.el('#status').textContent()).toBe('已受理');

    await app.el('#action-dispatch').click();
    await poll(() => app.el('#form-dispatch').innerText()).toContain('分派说明（可不填）（群众可见）');
    await app.shot('3-dispatch-form');
    // sent as it comes: to the department the case was routed to when it was reported
    await app.el('#submit-dispatch').click();
    await poll(() => app.el('#status').textContent()).toBe('已分派');
    const file = await call('GET', `/staff/petitions/${id}`, { token: await staffToken('babao') });
    expect(file.body.departmentId).toBe('babao-natural-resources');
  });

  it('lets the county set what it calls its levels, and the pages and the citizen form then say so', async () => {
    await countyCallsItsLevels({ township: '乡镇', village: '村（社区）' });
    await app.loginAs('county');
    await app.open('pages/org/index?tab=settings');
    await poll(() => app.el('#settings-township input').inputValue()).toBe('乡镇');
    expect(await app.el('#settings-village input').inputValue()).toBe('村（社区）');
    await app.el('#settings-township input').fill('');
    await app.el('#settings-save').click();
    await poll(() => app.el('#settings-township-error').textContent()).toBe('请填写乡镇一级的名称');

    await app.el('#settings-township input').fill('苏木');
    await app.el('#settings-village input').fill('嘎查');
    await app.el('#settings-save').click();
    await poll(() => app.el('#settings-saved').textContent()).toContain('苏木');
    await poll(() => app.el('#org-tab-nodes').textContent()).toBe('苏木与嘎查');
    await app.shot('4-county-settings');
    // the citizen's form asks the API what to call them
    await poll(async () => (await call('GET', '/townships')).body.levelNames).toEqual({ township: '苏木', village: '嘎查' });
    await app.open('pages/queue/index');
    await app.el('#toggle-filters').click();
    await poll(() => app.el('#filters').innerText()).toContain('苏木');
  });
});
