/**
 * 我代办的 (H5, phone width: agents work in the field). The village's agent sees in the menu what they may do (登记,
 * 我代办的; no centre queue), finds the cases they registered, the one the centre has moved since marked 有新进展,
 * opens it, records that they told the citizen (已告知群众, internal), and back on the list it is news no more.
 * Every test gets a freshly seeded table and registers its two cases: the agent's list is then those two, whatever ran
 * before it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, register, staffToken } from '../support/api';
import { reseedWorkerTable } from '../support/reseed';
import { openStaffApp, poll, type StaffApp } from '../support/staffApp';

/** The agent's two registrations of a test, the first accepted by the centre since (news for the agent). */
async function twoCases(): Promise<string[]> {
  const ids: string[] = [];
  const [agent, babao] = await Promise.all([staffToken('agent-baiyanggou'), staffToken('babao')]);
  for (const description of ['来访反映：邻居家的羊群常进我家草场，协商不成。', '来访反映：村道旁的路灯坏了两个月。']) {
    const sent = await register(agent, { townshipId: undefined, villageId: 'babao-baiyanggou', channel: 'visit', categoryId: 'neighbour', description });
    expect(sent.status).toBe(201);
    ids.push(sent.body.id);
  }
  const accepted = await call('POST', `/staff/petitions/${ids[0]}/accept`, { token: babao, body: { note: '已受理，明天派人核实' } });
  expect(accepted.status).toBe(200);
  return ids;
}

describe('我代办的 (H5)', () => {
  let app: StaffApp;

  beforeAll(async () => {
    app = await openStaffApp({ prefix: 'staff-filed', width: 390, height: 844 });
  }, 1_200_000);
  afterAll(async () => {
    await app?.close();
  });
  beforeEach(reseedWorkerTable, 120_000);

  it('shows the agent their cases, the one that moved marked as news', async () => {
    const ids = await twoCases();
    await app.loginAs('agent-baiyanggou');
    expect(await app.page.locator('#nav-register:visible').count()).toBe(1);
    expect(await app.page.locator('#nav-queue:visible').count()).toBe(0);
    await app.el('#nav-filed').click();
    await app.page.waitForURL(/staff\/pages\/filed\/index/);
    await poll(() => app.page.locator('#filed-list:visible .staff-filed').count()).toBe(2);
    const [moved, still] = [app.el(`#filed-${ids[0]}`), app.el(`#filed-${ids[1]}`)];
    expect(await moved.textContent()).toContain('有新进展');
    expect(await moved.textContent()).toContain('已受理');
    expect(await still.textContent()).not.toContain('有新进展');
    expect(await still.textContent()).toContain('已上报');
    expect(await app.el('#filed-summary').textContent()).toContain('1 件有新进展');
    await app.shot('1-list');
  });

  it('opens the case, records 已告知群众, and the case is news no more', async () => {
    const ids = await twoCases();
    await app.loginAs('agent-baiyanggou');
    await app.el('#nav-filed').click();
    await app.page.waitForURL(/staff\/pages\/filed\/index/);
    await app.el(`#filed-${ids[0]}`).click();
    await app.page.waitForURL(/staff\/pages\/petition\/index\?id=/);
    await app.el('#action-inform').click();
    await app.el('#f-inform-note textarea').fill('已当面告知群众：镇里已受理，明天派人核实。');
    await app.shot('2-inform');
    await app.el('#submit-inform').click();
    await poll(() => app.page.locator('.staff-timeline-item[data-action="inform"]:visible').count()).toBe(1);
    expect(await app.page.locator('.staff-timeline-item[data-action="inform"]:visible').textContent()).toContain('已当面告知群众');

    const seen = await call('GET', '/staff/filed', { token: await staffToken('agent-baiyanggou') });
    expect(seen.body.items.map((r: { id: string; news: boolean }) => [r.id, r.news])).toEqual([[ids[1], false], [ids[0], false]]);
    // the list reloads when shown again: what was news is news no more
    await app.open('pages/filed/index');
    await poll(() => app.el('#filed-summary').textContent()).toContain('0 件有新进展');
    expect(await app.el(`#filed-${ids[0]}`).textContent()).not.toContain('有新进展');
    await app.shot('3-seen');
  });
});
