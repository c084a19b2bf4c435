/**
 * 会诊会议 in the H5 staff pages: on a case with a consultation, 八宝镇's centre picks a day and a time from the case
 * file, sees the hosts of the lead and co-departments free then, chooses two and the citizen, and books; the case
 * file then shows the meeting (time, hosts, the shared room). The host page shows a host's 会诊单位.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/slots';
import { chinaDate } from '../../shared/timeLimits';
import { call, consultedCase, departmentHost, staffToken } from '../support/api';
import { openStaffApp, poll, type StaffApp } from '../support/staffApp';

const CONSULT = { leadDepartmentId: 'babao-natural-resources', departmentIds: ['babao-justice'], question: '草场边界如何认定？', days: 3 };

describe('a consultation meeting in the staff pages (H5)', () => {
  let app: StaffApp;

  beforeAll(async () => {
    app = await openStaffApp({ prefix: 'staff-meeting' });
  }, 600_000);
  afterAll(async () => {
    await app?.close();
  });

  it('is booked from the case file with two departments\' hosts and the citizen, and read back on it', async () => {
    const babao = await staffToken('babao');
    const { id } = await consultedCase(babao, CONSULT);
    const [resources, justice] = await Promise.all([departmentHost(babao, 'babao-natural-resources', '自然资源所马主任', 7), departmentHost(babao, 'babao-justice', '司法所王调解员', 7)]);

    await app.loginAs('babao');
    await app.open(`pages/petition/index?id=${id}`);
    await app.el('#meeting').waitFor();
    expect(await app.el('#meeting').textContent()).toContain('尚未预约会诊会议');
    const tomorrow = addDays(chinaDate(new Date()), 1);
    await app.el(`#meeting-day-${tomorrow}`).click();
    // 10:00 tomorrow, China time: both hosts are free then
    await app.el('#meeting-time-1000').click();
    await app.el(`#meeting-host-${resources}`).click();
    await app.el(`#meeting-host-${justice}`).click();
    await app.el('#meeting-citizen').click();
    await app.shot('1-choosing');
    await app.el('#meeting-book').click();

    await poll(() => app.el('#notice').textContent()).toContain('已预约会诊会议');
    const row = app.el('#meeting .staff-list-row');
    await poll(() => row.count()).toBe(1);
    const text = (await row.textContent()) ?? '';
    const [y, m, d] = tomorrow.split('-').map(Number);
    expect(text).toContain(`${y}年${m}月${d}日 10:00 至 10:30`);
    expect(text).toContain('参会：自然资源所马主任（八宝镇自然资源所）、司法所王调解员（八宝镇司法所） · 群众参加');
    const file = await call('GET', `/staff/petitions/${id}`, { token: babao });
    expect(text).toContain(file.body.meetings[0].roomUrl);
    // the record says it, for the citizen too
    expect(await app.el('#timeline').textContent()).toContain('会诊会议：');
    await app.shot('2-booked');
  });

  it("shows a host's 会诊单位 on the host page", async () => {
    const babao = await staffToken('babao');
    const hostId = await departmentHost(babao, 'babao-justice', '司法所李调解员', 7);
    await app.loginAs('babao');
    await app.open(`pages/host/index?hostId=${hostId}`);
    await poll(() => app.el('#host-department-babao-justice').getAttribute('aria-pressed')).toBe('true');
    expect(await app.el('#host-department-none').getAttribute('aria-pressed')).toBe('false');
    await app.shot('3-host-department');
  });
});
