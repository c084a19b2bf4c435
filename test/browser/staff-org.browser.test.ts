/**
 * People and organisation (H5, desktop width): the admin adds a department and a staff user through the page (a blank
 * form is refused field by field, in Chinese), and the API then holds both, and the new user can log in. Centre staff
 * have no such menu item, the page's address shows them nothing, and the API refuses their writes. Each test starts
 * from a fresh load with its own login (any one runs alone, in any order).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, staffToken } from '../support/api';
import { openStaffApp, poll, type StaffApp } from '../support/staffApp';

describe('people and organisation (H5)', () => {
  let app: StaffApp;
  const suffix = Date.now().toString(36);

  beforeAll(async () => {
    app = await openStaffApp({ prefix: 'staff-org' });
  }, 1_200_000);
  afterAll(async () => {
    await app?.close();
  });

  it('lets the admin add a department, which the API then holds', async () => {
    const name = `八宝镇调解室${suffix}`;
    await app.startAs('admin');
    await app.el('#nav-org').click();
    await app.page.waitForURL(/staff\/pages\/org\/index/);
    await app.el('#node-list').waitFor();
    await app.shot('1-places');

    await app.el('#org-tab-departments').click();
    await app.el('#dep-new').click();
    await app.el('#dep-save').click();
    await poll(() => app.el('#dep-name-error').textContent()).toBe('请填写部门名称');
    expect(await app.el('#dep-centre-error').textContent()).toBe('请选择所属中心');
    expect(await app.el('#dep-kind-error').textContent()).toBe('请选择部门类别');
    await app.shot('2-department-refused');

    await app.el('#dep-name input').fill(name);
    await app.el('#dep-centre-babao').click();
    await app.el('#dep-kind-justice').click();
    await app.el('#dep-save').click();
    await poll(() => app.el('#dep-list').textContent()).toContain(name);
    await app.shot('3-department-saved');

    const org = await call('GET', '/staff/org', { token: await staffToken('admin') });
    expect(org.body.departments.find((d: { name: string }) => d.name === name)).toMatchObject({ centreId: 'babao', kind: 'justice' });
  });

  it('lets the admin add a staff user with a role and scope, who can then log in', async () => {
    const username = `t-${suffix}`;
    await app.startAs('admin');
    await app.el('#nav-org').click();
    await app.page.waitForURL(/staff\/pages\/org\/index/);
    await app.el('#org-tab-users').click();
    await app.el('#user-list').waitFor();
    await app.el('#user-new').click();
    await app.el('#user-username input').fill('X');
    await app.el('#user-password input').fill('short');
    await app.el('#user-save').click();
    await poll(() => app.el('#user-username-error').textContent()).toBe('用户名为 3 到 32 位小写字母、数字或 _ . -');
    expect(await app.el('#user-name-error').textContent()).toBe('请填写姓名');
    expect(await app.el('#user-role-error').textContent()).toBe('角色不正确');
    expect(await app.el('#user-password-error').textContent()).toBe('密码至少 8 位');

    await app.el('#user-username input').fill(username);
    await app.el('#user-name input').fill('八宝镇新值班员');
    await app.el('#user-role-centre_staff').click();
    await app.el('#user-scope-babao').click();
    await app.el('#user-password input').fill('a-long-password');
    await app.el('#user-save').click();
    await poll(() => app.el('#user-saved').textContent()).toContain(username);
    await poll(() => app.el(`#user-${username}`).textContent()).toContain('综治中心');
    await app.shot('4-user-saved');

    const users = await call('GET', '/staff/users?limit=100', { token: await staffToken('admin') });
    expect(users.body.items.find((u: { username: string }) => u.username === username)).toMatchObject({ name: '八宝镇新值班员', role: 'centre_staff', scopeNodeId: 'babao' });
    const login = await call('POST', '/staff/login', { body: { username, password: 'a-long-password' } });
    expect(login.status).toBe(200);
  });

  it('shows centre staff no org menu and nothing at its address, and the API refuses them', async () => {
    await app.startAs('babao');
    await app.el('#nav-posts').waitFor();
    expect(await app.page.locator('#nav-org:visible').count()).toBe(0);
    expect(await app.page.locator('#desk-org:visible').count()).toBe(0);
    await app.open('pages/org/index');
    await app.el('#staff-not-found').waitFor();
    expect(await app.page.locator('#dep-list, #user-list, #node-list').count()).toBe(0);
    await app.shot('5-centre-staff');

    const babao = await staffToken('babao');
    const refused = [
      await call('PUT', `/staff/departments/dep-${suffix}`, { token: babao, body: { centreId: 'babao', kind: 'justice', name: '越权部门' } }),
      await call('POST', '/staff/users', { token: babao, body: { username: `x-${suffix}`, name: '越权', role: 'centre_staff', scopeNodeId: 'babao', password: 'a-long-password' } }),
      await call('PUT', `/staff/nodes/v-${suffix}`, { token: babao, body: { kind: 'village', name: '越权村', parentId: 'babao' } }),
    ];
    expect(refused.map((r) => r.status)).toEqual([404, 404, 404]);
  });
});
