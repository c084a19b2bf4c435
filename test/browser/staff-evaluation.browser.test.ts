/**
 * 化解成效考评 in the H5 staff pages: 八宝镇's centre opens the page from its menu and reads its departments' figures of
 * the year (a case resolved on time and rated 满意, another still open), with the definitions; printed, the sheet
 * alone. The test makes its own cases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, citizenToken, report, staffToken } from '../support/api';
import { openStaffApp, poll, type StaffApp } from '../support/staffApp';

const step = async (token: string, id: string, action: string, body: unknown = {}) => {
  const res = await call('POST', `/staff/petitions/${id}/${action}`, { token, body });
  expect(res.status).toBe(200);
  return res.body;
};

describe('化解成效考评 (H5)', () => {
  let app: StaffApp;

  beforeAll(async () => {
    app = await openStaffApp({ prefix: 'staff-evaluation' });
  }, 1_200_000);
  afterAll(async () => {
    await app?.close();
  });

  it('shows each department\'s figures of the year with their definitions, and prints the sheet alone', async () => {
    const babao = await staffToken('babao');
    const resources = await staffToken('babao-resources');
    const cases: Array<{ id: string; herder: string }> = [];
    for (const description of ['草场边界争议，邻居挪了网围栏。', '水渠被改道，草场浇不上水。']) {
      const herder = await citizenToken();
      const sent = await report(herder, { description });
      expect(sent.status).toBe(201);
      await step(babao, sent.body.id, 'accept');
      await step(babao, sent.body.id, 'dispatch', { departmentId: 'babao-natural-resources' });
      cases.push({ id: sent.body.id as string, herder });
    }
    await step(resources, cases[0]!.id, 'resolve', { summary: '已按确权图恢复边界' });
    expect((await call('POST', `/petitions/${cases[0]!.id}/rating`, { token: cases[0]!.herder, body: { rating: 'satisfied' } })).status).toBe(200);

    await app.loginAs('babao');
    await app.el('#nav-evaluation').click();
    await app.page.waitForURL(/staff\/pages\/evaluation\/index/);
    const row = '#evaluation-babao-natural-resources';
    await poll(() => app.el(`${row} [data-col="handled"]`).textContent()).toBe('2');
    expect(await app.el(`${row} [data-col="resolved"]`).textContent()).toBe('1');
    expect(await app.el(`${row} [data-col="onTime"]`).textContent()).toBe('1/1（100.0%）');
    expect(await app.el(`${row} [data-col="satisfaction"]`).textContent()).toBe('1/1（100.0%）');
    expect(await app.el(`${row} [data-col="backlogSettled"]`).textContent()).toBe('0');
    expect(await app.el(row).innerText()).toContain('自然资源所');
    // another department of the centre, with nothing this year, is listed with zeros
    expect(await app.el('#evaluation-babao-justice [data-col="handled"]').textContent()).toBe('0');
    expect(await app.el('#evaluation-total [data-col="handled"]').textContent()).toBe('2');
    expect(await app.el('#evaluation-period').textContent()).toMatch(/^考评期间：\d{4}-01-01 至 \d{4}-\d\d-\d\d$/);
    const definitions = await app.el('#evaluation-definitions').innerText();
    for (const word of ['承办件数 = ', '办结件数 = ', '按期办结率 = ', '满意率 = ', '积案化解 = ']) expect(definitions).toContain(word);
    expect(definitions).not.toMatch(/[A-Za-z]{3}/);
    // no horizontal overflow of the page (the table scrolls inside its sheet on a narrow screen)
    await poll(() => app.page.evaluate(() => document.documentElement.scrollWidth)).toBe(1280);
    await app.shot('1-evaluation');
    await app.page.emulateMedia({ media: 'print' });
    expect(await app.page.locator('.staff-bar:visible').count()).toBe(0);
    expect(await app.page.locator('#evaluation-print:visible').count()).toBe(0);
    expect(await app.el('#evaluation-sheet').isVisible()).toBe(true);
    await app.page.emulateMedia({ media: 'screen' });
  });
});
