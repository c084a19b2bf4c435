/**
 * The case documents, attachments and the 揭榜领案 board in the H5 staff pages. 八宝镇's centre issues a 交办单 from the
 * case file once the case is dispatched and a 办结反馈表 once it is resolved, opens each as its A4 page and reads its
 * text back (printed: the sheet alone); the 自然资源所's handler attaches a scanned PDF; and on the board the centre
 * claims a backlog case the county posted and sees itself as its lead. Each test makes its own case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, citizenToken, report, staffToken } from '../support/api';
import { openStaffApp, poll, type StaffApp } from '../support/staffApp';
import { stack } from '../support/worker';

const step = async (token: string, id: string, action: string, body: unknown = {}) => {
  const res = await call('POST', `/staff/petitions/${id}/${action}`, { token, body });
  expect(res.status).toBe(200);
  return res.body;
};

/** A citizen's land report to 八宝镇, accepted and dispatched to its 自然资源所. */
async function dispatchedCase(description: string) {
  const sent = await report(await citizenToken(), { description });
  expect(sent.status).toBe(201);
  const babao = await staffToken('babao');
  await step(babao, sent.body.id, 'accept');
  await step(babao, sent.body.id, 'dispatch', { departmentId: 'babao-natural-resources' });
  return { id: sent.body.id as string, trackingCode: sent.body.trackingCode as string };
}

/** The visible lines of the document sheet. */
const linesOf = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

describe('case documents and the board (H5)', () => {
  let app: StaffApp;

  beforeAll(async () => {
    app = await openStaffApp({ prefix: 'staff-documents' });
  }, 1_200_000);
  afterAll(async () => {
    await app?.close();
  });

  it('prints a 交办单 and a 办结反馈表 from the case file, their text read back from the page', async () => {
    const { id, trackingCode } = await dispatchedCase('我家草场的网围栏被邻居挪了二十米，多次协商不成。');
    await app.loginAs('babao');
    await app.open(`pages/petition/index?id=${id}`);
    // dispatched, not resolved: a 交办单 may be issued, a 办结反馈表 not yet
    await poll(() => app.el('#issue-dispatch_slip').isVisible()).toBe(true);
    expect(await app.page.locator('#issue-feedback:visible').count()).toBe(0);
    await app.el('#issue-dispatch_slip').click();
    await app.el('#doc-requirements textarea').fill('请五日内入户核实边界，并书面反馈。');
    await app.el('#issue-document').click();
    await poll(() => app.el('#documents [id^="document-dispatch_slip-"]').isVisible()).toBe(true);
    await app.shot('1-case-documents');

    await app.el('#documents [id^="open-document-"]').click();
    await app.page.waitForURL(/staff\/pages\/document\/index/);
    await poll(() => app.el('#document-sheet').getAttribute('data-kind')).toBe('dispatch_slip');
    const slip = linesOf(await app.el('#document-sheet').innerText());
    expect(slip[0]).toBe('八宝镇综治中心交办单');
    expect(slip[1]).toMatch(/^八宝镇综治中心交〔20\d\d〕\d+号$/);
    expect(slip).toContain('八宝镇自然资源所：');
    for (const [label, value] of [['跟踪码', trackingCode], ['诉求类型', '土地纠纷'], ['责任部门', '八宝镇自然资源所'], ['反映内容', '我家草场的网围栏被邻居挪了二十米，多次协商不成。']]) {
      expect(slip.slice(slip.indexOf(label!), slip.indexOf(label!) + 2)).toEqual([label, value]);
    }
    expect(slip).toContain('交办要求：请五日内入户核实边界，并书面反馈。');
    expect(slip).toContain('交办单位：八宝镇综治中心（盖章）');
    // Chinese only, but for the tracking code
    expect(slip.join('').replace(trackingCode, '')).not.toMatch(/[A-Za-z]{2}/);
    // one A4 sheet: 210 mm wide (96 px an inch); printed, the sheet alone
    expect(Math.round((await app.el('#document-sheet').boundingBox())!.width)).toBe(794);
    // no horizontal overflow at desktop width, once the router's slide-in of the page has ended
    await poll(() => app.page.evaluate(() => document.documentElement.scrollWidth)).toBe(1280);
    await app.shot('2-dispatch-slip');
    await app.page.emulateMedia({ media: 'print' });
    expect(await app.page.locator('.staff-bar:visible').count()).toBe(0);
    expect(await app.page.locator('#document-print:visible').count()).toBe(0);
    expect(await app.el('#document-sheet').isVisible()).toBe(true);
    await app.page.emulateMedia({ media: 'screen' });

    // resolved by the department: now the 办结反馈表
    await step(await staffToken('babao-resources'), id, 'resolve', { summary: '经现场核实，按 2019 年确权图恢复边界，双方签订调解协议。' });
    // the case file read afresh (the router would show the copy opened before the resolution)
    await app.open(`pages/petition/index?id=${id}`);
    await app.page.reload();
    await poll(() => app.el('#issue-feedback').isVisible()).toBe(true);
    await app.el('#issue-feedback').click();
    // the legal basis is required: the form says so and sends nothing
    await app.el('#issue-document').click();
    await poll(() => app.el('#err-doc-basis').textContent()).toBe('请填写法律政策依据');
    await app.el('#doc-basis textarea').fill('《中华人民共和国人民调解法》第三十一条');
    await app.el('#issue-document').click();
    await poll(() => app.el('#documents [id^="document-feedback-"]').isVisible()).toBe(true);
    await app.el('#documents [id^="document-feedback-"] [id^="open-document-"]').click();
    await app.page.waitForURL(/staff\/pages\/document\/index/);
    await poll(() => app.el('#document-sheet').getAttribute('data-kind')).toBe('feedback');
    const feedback = linesOf(await app.el('#document-sheet').innerText());
    expect(feedback[0]).toBe('八宝镇综治中心办结反馈表');
    expect(feedback[1]).toMatch(/^八宝镇综治中心复〔20\d\d〕\d+号$/);
    expect(feedback).toContain('反映人：');
    expect(feedback.slice(feedback.indexOf('办理结果'), feedback.indexOf('办理结果') + 2)).toEqual(['办理结果', '经现场核实，按 2019 年确权图恢复边界，双方签订调解协议。']);
    expect(feedback.slice(feedback.indexOf('法律政策依据'), feedback.indexOf('法律政策依据') + 2)).toEqual(['法律政策依据', '《中华人民共和国人民调解法》第三十一条']);
    expect(feedback.join('')).toContain('可自收到本反馈之日起 30 日内，向原办理机关、单位的上一级机关、单位请求复查');
    expect(feedback).toContain('反映人签收：');
    await poll(() => app.page.evaluate(() => document.documentElement.scrollWidth)).toBe(1280);
    await app.shot('3-feedback');
  });

  it('sends a lost issue again with the same key: one document, one number', async () => {
    const { id } = await dispatchedCase('邻居把水渠改道，我家草场浇不上水。');
    await app.loginAs('babao');
    await app.open(`pages/petition/index?id=${id}`);
    await poll(() => app.el('#issue-dispatch_slip').isVisible()).toBe(true);
    // the first send reaches the server, which issues the document; its answer is lost on the way back
    const keys: string[] = [];
    await app.page.route('**/staff/petitions/*/documents', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      // the test build's API host is mapped in the browser only: from here the stack is asked at its own address
      const answer = await route.fetch({ url: route.request().url().replace(/^https?:\/\/[^/]+/, stack().apiUrl.replace(/\/$/, '')) });
      if (keys.length === 1) await route.abort('connectionreset');
      else await route.fulfill({ response: answer });
    });
    try {
      await app.el('#issue-dispatch_slip').click();
      await app.el('#doc-requirements textarea').fill('请三日内到现场查看水渠。');
      await app.el('#issue-document').click();
      await poll(() => app.page.locator('#document-form .staff-error').count()).toBe(1);
      expect(await app.page.locator('#documents [id^="document-dispatch_slip-"]').count()).toBe(0);
      // the same form sent again
      await app.el('#issue-document').click();
      await poll(() => app.el('#documents [id^="document-dispatch_slip-"]').isVisible()).toBe(true);
    } finally {
      await app.page.unroute('**/staff/petitions/*/documents');
    }
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(await app.page.locator('#documents [id^="document-"]').count()).toBe(1);
    const file = await call('GET', `/staff/petitions/${id}`, { token: await staffToken('babao') });
    expect(file.body.documents).toHaveLength(1);
    expect(file.body.timeline.filter((e: { action: string }) => e.action === 'issue_document')).toHaveLength(1);
  });

  it('takes a scanned PDF from the department\'s handler onto the case file', async () => {
    const { id } = await dispatchedCase('邻居在我家草场上修了羊圈，要求拆除。');
    await app.loginAs('babao-resources');
    await app.open(`pages/petition/index?id=${id}`);
    await poll(() => app.el('#attachments').isVisible()).toBe(true);
    // a handler sees documents issued on the case but does not issue them
    expect(await app.page.locator('[id^="issue-"]:visible').count()).toBe(0);
    await app.page.locator('#attach-pick-input').setInputFiles({ name: '调解协议.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') });
    await poll(() => app.el('#attach-pick').textContent()).toContain('已选：调解协议.pdf');
    await app.el('#attach-send').click();
    await poll(() => app.el('#attach-error').textContent()).toBe('请填写附件名称，如：签字的调解协议书');
    await app.el('#attach-name input').fill('签字的调解协议书');
    await app.el('#attach-send').click();
    await poll(() => app.el('#attachments [id^="attachment-"]').textContent()).toContain('签字的调解协议书');
    expect(await app.el('#attachments [id^="attachment-"]').textContent()).toContain('PDF');
    await app.shot('4-attachment');
    const file = await call('GET', `/staff/petitions/${id}`, { token: await staffToken('babao') });
    expect(file.body.attachments.map((a: { name: string }) => a.name)).toEqual(['签字的调解协议书']);
  });

  it('lets the centre claim a posted backlog case on the board (揭榜领案), which then shows who claimed it', async () => {
    const { id, trackingCode } = await dispatchedCase('草场承包合同纠纷，十年未解决。');
    const county = await staffToken('county');
    await step(county, id, 'classify', { backlogClass: 'B' });
    await step(county, id, 'post-board', {});
    await app.loginAs('babao');
    await app.el('#nav-board').click();
    await app.page.waitForURL(/staff\/pages\/board\/index/);
    const card = `#board-${trackingCode}`;
    await poll(() => app.el(card).getAttribute('data-claimed')).toBe('no');
    const text = await app.el(card).innerText();
    expect(text).toContain('B 类积案（60 天）');
    expect(text).toContain('土地纠纷');
    expect(text).toContain('八宝镇');
    // no personal data on the board: not the description
    expect(text).not.toContain('草场承包合同纠纷');
    await app.shot('5-board');
    await app.el(`#claim-${trackingCode}`).click();
    await poll(() => app.el('#board-notice').textContent()).toBe(`已揭榜 ${trackingCode}：您是该积案的包案领导`);
    await poll(() => app.el(card).getAttribute('data-claimed')).toBe('yes');
    expect(await app.el(`#board-lead-${trackingCode}`).textContent()).toMatch(/^揭榜人：.+（\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d）；正在化解$/);
    expect(await app.page.locator(`#claim-${trackingCode}:visible`).count()).toBe(0);
    await app.shot('6-board-claimed');
    const file = await call('GET', `/staff/petitions/${id}`, { token: county });
    expect(file.body.backlog.leadOfficial.claimedAt).toEqual(expect.any(String));
  });
});
