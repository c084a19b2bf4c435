/**
 * 联合会诊 in the H5 staff pages: 八宝镇's centre starts a consultation from the case file (the lead department, two
 * co-departments, a question and a report-in deadline) and sees each participant waiting; the 司法所's handler finds
 * the case under 会诊, reads it, is offered only 报到, and enters its opinion, which the centre then sees. 推荐专家
 * lists the county's matching experts and 邀请 puts one on the consultation; the county adds an expert in 专家库.
 * Each test makes its own case and starts from a fresh load with its own login (any one runs alone, in any order).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, citizenToken, consultedCase, report, staffToken } from '../support/api';
import { openStaffApp, poll, type StaffApp } from '../support/staffApp';

const QUESTION = '草场边界如何认定？是否需要派出所协助治安调处？';
const OPINION = '建议先行人民调解，调解不成再申请草原确权。';

describe('a joint consultation in the staff pages (H5)', () => {
  let app: StaffApp;
  let expertId: string;
  const dialogs: string[] = [];

  beforeAll(async () => {
    app = await openStaffApp({ prefix: 'staff-consultation' });
    app.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    expertId = `e-browser-${Date.now()}`;
    const expert = { name: '马占林', title: '青海祁连律师事务所 律师', fields: ['land', 'law'], townshipIds: ['babao'], available: true };
    expect((await call('PUT', `/staff/experts/${expertId}`, { token: await staffToken('county'), body: expert })).status).toBe(200);
  }, 600_000);
  afterAll(async () => {
    await app?.close();
  });

  /** A test's own start (app.startAs), with no dialog seen yet. */
  const startAs = async (user: Parameters<StaffApp['startAs']>[0]) => {
    dialogs.length = 0;
    await app.startAs(user);
  };

  it('is started from the case file by the centre, which sees who has reported in', async () => {
    // a land case 八宝镇's centre has accepted
    const sent = await report(await citizenToken(), { description: '我家草场和邻村的边界一直说不清，网围栏被拆了两次，还吵过架。' });
    expect(sent.status).toBe(201);
    const id = sent.body.id as string;
    expect((await call('POST', `/staff/petitions/${id}/accept`, { token: await staffToken('babao'), body: {} })).status).toBe(200);
    await startAs('babao');
    // the organisation's read answers only after the form is open (a slow network, or a cold function)
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    await app.page.route('**/staff/org', async (route) => {
      await held;
      await route.continue();
    });
    await app.open(`pages/petition/index?id=${id}`);
    await app.el('#action-consult').click();
    release();
    // the department the case was routed to comes chosen as the lead, once the departments have arrived
    await poll(() => app.el('#f-consult-leadDepartmentId-babao-natural-resources').getAttribute('aria-pressed')).toBe('true');
    await app.page.unroute('**/staff/org');
    await app.el('#f-consult-question textarea').fill(QUESTION);
    // no co-department chosen: the form says so, in Chinese, and sends nothing
    await app.el('#submit-consult').click();
    await poll(() => app.el('#err-consult-departmentIds').textContent()).toContain('请选择会诊部门');
    await app.el('#f-consult-departmentIds-babao-justice').click();
    await app.el('#f-consult-departmentIds-babao-police').click();
    await app.el('#f-consult-days input').fill('2');
    await app.el('#submit-consult').click();

    await poll(() => app.el('#status').textContent()).toBe('已分派');
    await poll(() => app.el('#consultation-question').textContent()).toBe(QUESTION);
    expect(await app.el('#consultation-lead').textContent()).toBe('八宝镇自然资源所');
    expect(await app.el('#consultation-count').textContent()).toBe('已报到 0 / 2');
    expect(await app.el('#participant-babao-justice').getAttribute('data-state')).toBe('waiting');
    expect(await app.el('#participant-babao-police').textContent()).toContain('待报到');
    await poll(() => app.el('#timeline').textContent()).toContain('联合会诊：牵头部门八宝镇自然资源所，会同八宝镇司法所、八宝镇派出所');
    await app.shot('1-started');

    // 推荐专家: the matching expert, invited to the consultation
    await app.el('#recommend-experts').click();
    await poll(() => app.el(`#expert-${expertId}`).textContent()).toContain('马占林');
    expect(await app.el(`#expert-${expertId}`).textContent()).toContain('相符：土地、法律');
    await app.el(`#invite-${expertId}`).click();
    await poll(() => app.el('#consultation-experts').textContent()).toContain('马占林');
    await poll(() => app.el(`#expert-${expertId}`).textContent()).toContain('已邀请');
    await app.shot('1b-expert-invited');

    const file = (await call('GET', `/staff/petitions/${id}`, { token: await staffToken('babao') })).body;
    expect(file.consultation).toMatchObject({ leadDepartmentId: 'babao-natural-resources', question: QUESTION, participants: [{ departmentId: 'babao-justice' }, { departmentId: 'babao-police' }] });
    expect(Date.parse(file.consultation.dueAt) - Date.parse(file.consultation.startedAt)).toBe(2 * 86_400_000);
  });

  it('is found by the co-department under 会诊, which enters its opinion and can do nothing else', async () => {
    // the consultation the first test starts through the page, started over the API
    const { id } = await consultedCase(await staffToken('babao'), { leadDepartmentId: 'babao-natural-resources', departmentIds: ['babao-justice', 'babao-police'], question: QUESTION, days: 2 });
    await startAs('babao-justice');
    await app.open('pages/queue/index');
    await app.el('#tab-consulting').click();
    await app.el(`#row-${id}`).waitFor();
    await app.open(`pages/petition/index?id=${id}`);
    await app.el('#action-report_in').waitFor();
    // 报到 is the only step offered
    expect(await app.page.locator('#actions:visible .staff-actions button').count()).toBe(1);
    await app.el('#action-report_in').click();
    await app.el('#f-report_in-opinion textarea').fill(OPINION);
    await app.el('#submit-report_in').click();
    await poll(() => app.el('#participant-babao-justice').getAttribute('data-state')).toBe('reported');
    expect(await app.el('#participant-babao-justice').textContent()).toContain(OPINION);
    expect(await app.el('#consultation-count').textContent()).toBe('已报到 1 / 2');
    await poll(() => app.el('#actions').textContent()).toContain('该诉求当前没有您可以办理的步骤');
    await app.shot('2-reported');
    expect(dialogs).toEqual([]);
  });

  it('lets the county add an expert to its pool (专家库)', async () => {
    await startAs('county');
    await app.open('pages/org/index?tab=experts');
    await app.el(`#exp-${expertId}`).waitFor();
    await app.el('#exp-new').click();
    await app.el('#exp-name input').fill('卓玛');
    await app.el('#exp-title input').fill('县心理健康服务中心 心理咨询师');
    // no field chosen: the form says what is missing and sends nothing
    await app.el('#exp-save').click();
    await poll(() => app.el('#exp-save-message').textContent()).toContain('请至少选择一个专家领域');
    await app.el('#exp-field-psychology').click();
    await app.el('#exp-field-family').click();
    await app.el('#exp-save').click();
    await poll(() => app.el('#exp-list').textContent()).toContain('卓玛');
    expect(await app.el('#exp-list').textContent()).toContain('心理、婚姻家庭');
    await app.shot('3-experts');
    const pool = (await call('GET', '/staff/experts?limit=100', { token: await staffToken('county') })).body.items;
    expect(pool.find((x: { name: string }) => x.name === '卓玛')).toMatchObject({ fields: ['psychology', 'family'], townshipIds: [], available: true });
  });
});
