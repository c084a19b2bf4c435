/**
 * Staff log in on the staff pages (H5, desktop width): a wrong password is refused in Chinese and nothing is stored; the
 * right one opens the desk with the user's name and role; a page opened without a session goes to the login page and
 * returns after it; logging out clears the session, so the desk asks for a login again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStaffApp, poll, type StaffApp } from '../support/staffApp';

describe('staff login (H5)', () => {
  let app: StaffApp;

  beforeAll(async () => {
    app = await openStaffApp({ prefix: 'staff-login' });
  }, 600_000);
  afterAll(async () => {
    await app?.close();
  });

  it('is reached from the small staff entry on the citizen home page, and refuses a wrong password', async () => {
    await app.fresh();
    await app.page.goto(`${app.server.url}/#/pages/index/index`);
    await app.el('#staff-entry').click();
    await app.page.waitForURL(/staff\/pages\/login\/index/);
    await app.el('#username input').fill('babao');
    await app.el('#password input').fill('not-the-password');
    await app.el('#login').click();
    await poll(() => app.el('#login-error').textContent()).toContain('用户名或密码不正确');
    expect(await app.page.evaluate(() => localStorage.getItem('sg.staff'))).toBeNull();
    await app.shot('1-refused');
  });

  it('logs in, comes back to the page that asked, and logs out', async () => {
    await app.startAs('babao');
    await poll(() => app.el('#staff-user').textContent()).toContain('综治中心');
    await app.shot('2-desk');

    await app.logout();
    expect(await app.page.evaluate(() => localStorage.getItem('sg.staff'))).toBeNull();

    // without a session, the desk sends to the login page, which returns to the desk after it
    await app.open('pages/home/index');
    await app.page.waitForURL(/staff\/pages\/login\/index\?next=/);
    await app.el('#username input').fill('county');
    await app.el('#password input').fill('county-local-2026');
    await app.el('#login').click();
    await app.page.waitForURL(/staff\/pages\/home\/index/);
    await poll(() => app.el('#staff-user').textContent()).toContain('县级督办');
  });
});
