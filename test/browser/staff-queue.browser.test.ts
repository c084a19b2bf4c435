/**
 * A morning at 八宝镇's centre in the H5 staff pages: a citizen's report (made through the API) is in 八宝镇's queue
 * and not in 峨堡镇's; staff open it, see its text as text, reveal the phone (the record shows it), accept, dispatch
 * to the justice office, add a note and resolve, and after each step the citizen's own API shows it. 峨堡镇 staff
 * who open the case's address are told it does not exist. On a phone the queue is a list of cards.
 * Each test reports its own case and starts from a fresh load of the app with its own login (any one runs alone with
 * `-t`, and in any order).
 */
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, citizenToken, report, staffToken as staffTokenOf } from '../support/api';
import { openStaffApp, poll, type StaffApp } from '../support/staffApp';

const DESCRIPTION = '冬季牧道被挖断，羊群无法转场 <img src=x onerror=alert(1)> 请尽快处理';
const PHONE = { width: 390, height: 844 };

/** A real photo in the S3 stand-in, uploaded the citizen's way: a presigned PUT from the API. */
async function uploadPhoto(token: string): Promise<string> {
  const png = new PNG({ width: 16, height: 12 });
  png.data.fill(180);
  const bytes = PNG.sync.write(png);
  const ticket = await call('POST', '/uploads', { token, body: { contentType: 'image/png', size: bytes.length } });
  const put = await fetch(ticket.body.url, { method: 'PUT', body: new Uint8Array(bytes), headers: ticket.body.headers });
  expect(put.status).toBe(200);
  return ticket.body.key;
}

/** A herder's report of a cut stock route at 白杨沟村's post, with a phone, a place and a photo: the case of one test. */
async function reported() {
  const herder = await citizenToken();
  const photo = await uploadPhoto(herder);
  const sent = await report(herder, { categoryId: 'grassland', description: DESCRIPTION, phone: '13812341234', location: { lat: 38.1801, lng: 100.2452 }, photos: [photo] });
  expect(sent.status).toBe(201);
  const id = sent.body.id as string;
  return { id, code: sent.body.trackingCode as string, citizenSees: async () => (await call('GET', `/petitions/${id}`, { token: herder })).body };
}

describe('the staff queue and case file (H5)', () => {
  let app: StaffApp;
  const dialogs: string[] = [];

  beforeAll(async () => {
    app = await openStaffApp({ prefix: 'staff-queue' });
    app.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  }, 600_000);
  afterAll(async () => {
    await app?.close();
  });

  /** A test's own start (app.startAs), with no dialog seen yet. */
  const startAs = async (user: Parameters<StaffApp['startAs']>[0], size?: { width: number; height: number }) => {
    dialogs.length = 0;
    await app.startAs(user, size);
  };

  const search = async (trackingCode: string) => {
    await app.el('#code input').fill(trackingCode);
    await app.el('#search').click();
  };

  it('shows the report in 八宝镇 staff\'s queue, as a table row with its badges', async () => {
    const { id, code } = await reported();
    await startAs('babao');
    await app.el('#desk-queue').click();
    await app.page.waitForURL(/staff\/pages\/queue\/index/);
    await app.el('#queue-table').waitFor();
    await search(code);
    const row = app.el(`#row-${id}`);
    await poll(() => row.textContent()).toContain(code);
    const text = await row.textContent();
    expect(text).toContain('草原生态');
    expect(text).toContain('138****1234');
    expect(text).not.toContain('临期'); // just reported: near due only in the last quarter of its 24 hours
    expect(text).not.toContain('13812341234');
    await app.el('#clear-search').click();
    await app.shot('1-queue-desktop');
  });

  it('shows the report text as text, the phone masked until revealed, and the reveal on the record', async () => {
    const { id, code, citizenSees } = await reported();
    await startAs('babao');
    await app.open('pages/queue/index');
    await app.el('#code input').waitFor();
    await search(code);
    await app.el(`#row-${id}`).click();
    await app.page.waitForURL(new RegExp(`staff/pages/petition/index\\?id=${id}`));
    await poll(() => app.el('#description').textContent()).toBe(DESCRIPTION);
    expect(await app.page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(await app.el('#phone').textContent()).toBe('138****1234');
    expect(await app.el('#location').textContent()).toContain('38.18010');
    expect(await app.el('#channel').textContent()).toBe('扫码');
    // the photo loads from its short-lived link
    await poll(() => app.el('#photo-0 img').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(16);

    await app.el('#reveal-phone').click();
    await poll(() => app.el('#phone').textContent()).toBe('13812341234');
    await poll(() => app.el('#timeline').textContent()).toContain('查看电话');
    expect((await citizenSees()).timeline.map((e: { action: string }) => e.action)).toEqual(['submit']);
  });

  it('accepts, dispatches to the justice office, notes and resolves, and the citizen sees each step', async () => {
    const { id, citizenSees } = await reported();
    await startAs('babao');
    await app.open(`pages/petition/index?id=${id}`);
    await poll(() => app.el('#status').textContent()).toBe('已上报');
    await app.el('#action-accept').click();
    await app.el('#submit-accept').click();
    await poll(() => app.el('#status').textContent()).toBe('已受理');
    await poll(async () => (await citizenSees()).status).toBe('accepted');

    await app.el('#action-dispatch').click();
    // the department the case was routed to comes chosen; tapped again it clears, and then the field says what is
    // missing, in Chinese, and nothing is sent
    await app.el('#form-dispatch .staff-tab.on').click();
    await app.el('#submit-dispatch').click();
    await poll(() => app.el('#err-dispatch-departmentId').textContent()).toContain('请选择责任部门');
    await app.el('#f-dispatch-departmentId-babao-justice').click();
    await app.el('#f-dispatch-handlerId-u-babao-justice').click();
    await app.el('#submit-dispatch').click();
    await poll(() => app.el('#status').textContent()).toBe('已分派');
    await poll(async () => (await citizenSees()).departmentName).toBe('八宝镇司法所');

    await app.el('#action-progress').click();
    await app.el('#f-progress-note textarea').fill('司法所已约双方周三到村委会调解');
    await app.el('#submit-progress').click();
    await poll(() => app.el('#status').textContent()).toBe('办理中');
    await poll(async () => (await citizenSees()).timeline.map((e: { note?: string }) => e.note)).toContain('司法所已约双方周三到村委会调解');

    await app.el('#action-resolve').click();
    await app.el('#f-resolve-summary textarea').fill('牧道已由施工方恢复，双方签字确认');
    await app.el('#submit-resolve').click();
    await poll(() => app.el('#status').textContent()).toBe('已办结');
    const resolved = await citizenSees();
    expect(resolved).toMatchObject({ status: 'resolved', resolution: '牧道已由施工方恢复，双方签字确认' });
    expect(resolved.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'accept', 'dispatch', 'progress', 'resolve']);
    expect(dialogs).toEqual([]);
    await app.shot('2-petition');
  });

  it('declines with a reason and a redirect from a template, edited before sending', async () => {
    const other = (await report(await citizenToken(), { categoryId: 'other', townshipId: 'babao', postId: undefined, description: '工地拖欠三个月工资，老板联系不上' })).body;
    await startAs('babao');
    await app.open(`pages/petition/index?id=${other.id}`);
    await app.el('#action-decline').click();
    await app.el('#f-decline-template-1').click();
    await poll(() => app.el('#f-decline-reason textarea').inputValue()).toContain('劳动人事争议仲裁');
    await app.el('#f-decline-redirect textarea').fill('祁连县劳动人事争议仲裁委员会（县政务服务中心二楼）');
    await app.el('#submit-decline').click();
    await poll(() => app.el('#status').textContent()).toBe('不予受理');
    const seen = (await call('GET', `/staff/petitions/${other.id}`, { token: await staffTokenOf('babao') })).body;
    expect(seen.decline).toEqual({ reason: expect.stringContaining('劳动人事争议仲裁'), redirect: '祁连县劳动人事争议仲裁委员会（县政务服务中心二楼）' });
  });

  it('tells 峨堡镇 staff the case does not exist, and keeps it out of their queue', async () => {
    const { id, code } = await reported();
    await startAs('ebao');
    await app.open(`pages/petition/index?id=${id}`);
    await poll(() => app.el('#not-found').textContent()).toContain('该反映不存在或您无权查看');
    await app.open('pages/queue/index');
    await app.el('#code input').waitFor();
    await search(code);
    await poll(() => app.el('#queue-empty').textContent()).toContain('没有找到');
    expect(await app.page.locator(`#row-${id}, #card-${id}`).count()).toBe(0);
  });

  it('escalates a case (上报上级): 八宝镇 keeps it, marked 上级督办; the county finds it under 督办 and takes it over (接管)', async () => {
    const other = (await report(await citizenToken(), { categoryId: 'grassland', description: '邻村牛群越界啃食我家冬季草场，多次协调无果' })).body;
    await startAs('babao');
    await app.open(`pages/petition/index?id=${other.id}`);
    await app.el('#action-escalate').click();
    await app.el('#f-escalate-reason textarea').fill('涉及两个苏木镇的草场，请县里督办');
    await app.el('#submit-escalate').click();
    await poll(() => app.el('#supervised-mark').textContent()).toBe('上级督办');
    expect(await app.el('#supervised-by').textContent()).toContain('仍由八宝镇综治中心办理');
    // still 八宝镇's to accept; 督办 and 接管 are not its own
    expect(await app.page.locator('#action-accept').count()).toBe(1);
    expect(await app.page.locator('#action-take_over, #action-supervise, #action-escalate').count()).toBe(0);

    await app.logout();
    await app.loginAs('county');
    await app.open('pages/queue/index');
    await app.el('#tab-supervised').click();
    await poll(() => app.el(`#row-${other.id}`).textContent()).toContain('上级督办');
    expect(await app.page.locator('#sort').count()).toBe(0);
    await app.shot('4-queue-supervised');
    await app.el(`#row-${other.id}`).click();
    await app.page.waitForURL(new RegExp(`staff/pages/petition/index\\?id=${other.id}`));
    await app.el('#action-take_over').click();
    await app.el('#f-take_over-reason textarea').fill('跨镇草场纠纷，由县综治中心接管');
    await app.el('#submit-take_over').click();
    await poll(() => app.page.locator('#supervised-mark').count()).toBe(0);
    expect(await app.el('#report').textContent()).toContain('祁连县综治中心');
    const seen = (await call('GET', `/staff/petitions/${other.id}`, { token: await staffTokenOf('babao') })).status;
    expect(seen).toBe(404);
  });

  it('lists the queue as cards on a phone', async () => {
    // a case 八宝镇 has resolved: accepted, dispatched to the justice office, resolved (over the API)
    const { id, code } = await reported();
    const babao = await staffTokenOf('babao');
    expect((await call('POST', `/staff/petitions/${id}/accept`, { token: babao, body: {} })).status).toBe(200);
    expect((await call('POST', `/staff/petitions/${id}/dispatch`, { token: babao, body: { departmentId: 'babao-justice', handlerId: 'u-babao-justice' } })).status).toBe(200);
    expect((await call('POST', `/staff/petitions/${id}/resolve`, { token: babao, body: { summary: '牧道已由施工方恢复，双方签字确认' } })).status).toBe(200);
    await startAs('babao', PHONE);
    await app.open('pages/queue/index');
    await app.el('#code input').waitFor();
    await search(code);
    await poll(() => app.el(`#card-${id}`).textContent()).toContain('已办结');
    expect(await app.page.locator('#queue-table:visible').count()).toBe(0);
    await app.el('#clear-search').click();
    await app.el('#queue-cards').waitFor();
    await app.shot('3-queue-phone');
  });
});
