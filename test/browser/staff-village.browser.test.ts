/**
 * 小事不出村 (H5): 白杨沟村调解委员会 (a village's staff) finds the village-level matters of its village in its 待办 (no
 * 临期 or 督办 tab, no 登记), accepts one and handles it in the village, and hands another up to the township's centre
 * with a reason, after which the case is no longer theirs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenToken, report } from '../support/api';
import { openStaffApp, poll, type StaffApp } from '../support/staffApp';

/** A citizen's 邻里纠纷 at a post of 白杨沟村: its village holds it. */
async function villageCase(description: string): Promise<string> {
  const sent = await report(await citizenToken(), { postId: 'babao-baiyanggou-p1', categoryId: 'neighbour', description });
  if (sent.status !== 201) throw new Error(`fixture report: ${sent.status}`);
  return sent.body.id as string;
}

describe('村级办理 (H5)', () => {
  let app: StaffApp;

  beforeAll(async () => {
    app = await openStaffApp({ prefix: 'staff-village' });
  }, 1_200_000);
  afterAll(async () => {
    await app?.close();
  });

  it('accepts a matter of its village and handles it there', async () => {
    const id = await villageCase('邻居家的狗夜里总叫，说了几次不改。');
    await app.startAs('village-baiyanggou');
    expect(await app.page.locator('#nav-queue:visible').count()).toBe(1);
    expect(await app.page.locator('#nav-register:visible').count()).toBe(0);
    await app.el('#nav-queue').click();
    await app.page.waitForURL(/staff\/pages\/queue\/index/);
    await poll(() => app.page.locator(`#row-${id}:visible`).count()).toBe(1);
    expect(await app.page.locator('#tab-near:visible').count()).toBe(0);
    expect(await app.page.locator('#tab-supervised:visible').count()).toBe(0);
    // only the statuses a village holds: none waiting on the centre's dispatch or at a department
    expect(await app.page.locator('#tab-in_progress:visible').count()).toBe(1);
    expect(await app.page.locator('#tab-accepted:visible, #tab-dispatched:visible').count()).toBe(0);
    await app.shot('1-queue');
    await app.el(`#row-${id}`).click();
    await app.page.waitForURL(/staff\/pages\/petition\/index\?id=/);
    await app.el('#action-accept').click();
    await app.el('#submit-accept').click();
    await poll(() => app.el('#status').textContent()).toBe('办理中');
    expect(await app.page.locator('#action-resolve:visible').count()).toBe(1);
    expect(await app.page.locator('#action-hand_up:visible').count()).toBe(1);
    expect(await app.page.locator('#action-dispatch:visible').count()).toBe(0);
    await app.shot('2-accepted');
  });

  it('hands a matter up to the township centre with a reason, and no longer holds it', async () => {
    const id = await villageCase('邻居把院墙往我家宅基地里砌了半米，村里调解不成。');
    await app.startAs('village-baiyanggou');
    await app.open(`pages/petition/index?id=${id}`);
    await app.el('#action-hand_up').click();
    await app.el('#f-hand_up-reason textarea').fill('涉及宅基地确权，村里无法调解，请镇综治中心处理。');
    await app.shot('3-hand-up');
    await app.el('#submit-hand_up').click();
    await poll(() => app.page.locator('.staff-error:visible').first().textContent()).toContain('该诉求已移交');
    await app.shot('4-handed-up');
  });
});
