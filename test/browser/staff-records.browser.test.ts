/**
 * 人员与组织 → 操作记录 and 登录记录 (H5, desktop width): the admin reads who changed a category's time limits and
 * the county's logins; a county supervisor reads the audit record but has no login records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, staffToken } from '../support/api';
import { openStaffApp, poll, type StaffApp } from '../support/staffApp';

describe('audit and login records on the org page (H5)', () => {
  let app: StaffApp;
  const category = `rec-${Date.now().toString(36)}`;

  beforeAll(async () => {
    app = await openStaffApp({ prefix: 'staff-records' });
    const limits = {
      accept: { amount: 3, unit: 'hours' },
      dispatch: { amount: 4, unit: 'hours' },
      resolve: { amount: 3, unit: 'days' },
      rate: { amount: 7, unit: 'days' },
      review: { amount: 30, unit: 'days' },
    };
    const body = { name: '记录测试', departmentKind: 'housing', level: 'township', limits };
    const county = await staffToken('county');
    await call('PUT', `/staff/categories/${category}`, { token: county, body });
    const changed = await call('PUT', `/staff/categories/${category}`, { token: county, body: { ...body, limits: { ...limits, resolve: { amount: 5, unit: 'days' } } } });
    if (changed.status !== 200) throw new Error(`category change: ${changed.status}`);
  }, 1_200_000);
  afterAll(async () => {
    await app?.close();
  });

  it('shows the admin who changed a category’s time limits, and the county’s logins', async () => {
    await app.loginAs('admin');
    await app.open('pages/org/index');
    await app.el('#org-tab-audit').click();
    await poll(() => app.el(`#audit-${category}`).textContent()).toContain('修改诉求类型');
    expect(await app.el(`#audit-${category}`).textContent()).toContain('改动：时限');
    expect(await app.el(`#audit-${category}`).textContent()).toContain('县级督办');
    await app.shot('1-audit');

    await app.el('#org-tab-logins').click();
    await poll(() => app.el('#logins-list').textContent()).toContain('admin');
    expect(await app.el('#logins-list').textContent()).toContain('登录成功');
    await app.shot('2-logins');
  });

  it('shows a county supervisor the audit record but no login records', async () => {
    await app.startAs('county');
    await app.open('pages/org/index');
    await app.el('#org-tab-audit').waitFor();
    expect(await app.page.locator('#org-tab-logins:visible').count()).toBe(0);
    await app.el('#org-tab-audit').click();
    await poll(() => app.el('#audit-list').textContent()).toContain(category);
  });
});
