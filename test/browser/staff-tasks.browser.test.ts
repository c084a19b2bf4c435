/**
 * 回访 (H5, desktop width). Two cases of 八宝镇 were resolved days ago: one call fell due five days ago (逾期: three days
 * or more), one yesterday. Centre staff find both on the 回访 page, record a call that reached a satisfied citizen and
 * one that reached nobody; each leaves the list, and the case file holds what was recorded. Each test resolves its own
 * two cases and logs in itself (any one runs alone, in any order).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, register, staffToken } from '../support/api';
import { resetApiTime, setApiTime } from '../support/clock';
import { openStaffApp, poll, type StaffApp } from '../support/staffApp';

const DAY = 86_400_000;

/** A case registered and resolved at 八宝镇 `daysAgo` days ago: its follow-up call fell due 7 days after. */
async function resolvedDaysAgo(daysAgo: number, description: string) {
  await setApiTime(Date.now() - daysAgo * DAY);
  const babao = await staffToken('babao');
  const sent = await register(babao, { channel: 'phone', phone: '13900001111', categoryId: 'heating', description });
  if (sent.status !== 201) throw new Error(`fixture registration: ${sent.status}`);
  for (const [action, body] of [['accept', {}], ['dispatch', { departmentId: 'babao-letters' }], ['resolve', { summary: '已协调供热公司检修。' }]] as const) {
    const res = await call('POST', `/staff/petitions/${sent.body.id}/${action}`, { token: babao, body });
    if (res.status !== 200) throw new Error(`fixture ${action}: ${res.status}`);
  }
  return sent.body as { id: string; trackingCode: string };
}

/** The two calls of a test: one five days late (resolved 12 days ago) and one due since a day (resolved 8 days ago). */
async function twoCalls() {
  try {
    const late = await resolvedDaysAgo(12, '来电反映：单元楼暖气片不热，已经一周。');
    const due = await resolvedDaysAgo(8, '来电反映：供暖管道漏水。');
    return { late, due };
  } finally {
    await resetApiTime();
  }
}

describe('回访 (H5)', () => {
  let app: StaffApp;

  beforeAll(async () => {
    app = await openStaffApp({ prefix: 'staff-tasks' });
  }, 1_200_000);
  afterAll(async () => {
    await resetApiTime();
    await app?.close();
  });

  it('lists the calls due, the one waiting five days marked 逾期', async () => {
    const { late, due } = await twoCalls();
    await app.loginAs('babao');
    await app.el('#nav-tasks').click();
    await app.page.waitForURL(/staff\/pages\/tasks\/index/);
    await poll(() => app.page.locator(`#task-${due.id}:visible`).count()).toBe(1);
    expect(await app.el(`#task-${late.id}`).textContent()).toContain('逾期 5 天');
    expect(await app.el(`#task-${due.id}`).textContent()).not.toContain('逾期');
    expect(await app.el(`#task-${due.id}`).textContent()).toContain(due.trackingCode);
    expect(await app.el('#tasks-summary').textContent()).toContain('其中 1 件回访已逾期');
    await app.shot('1-list');
  });

  it('records a call with the citizen’s rating, and one that reached nobody; each leaves the list', async () => {
    const { late, due } = await twoCalls();
    await app.loginAs('babao');
    await app.el('#nav-tasks').click();
    await app.page.waitForURL(/staff\/pages\/tasks\/index/);
    await app.el(`#visit-${due.id}`).click();
    await app.el(`#visit-save-${due.id}`).click();
    await poll(() => app.el(`#visit-reached-${due.id}-error`).textContent()).toBe('请说明是否联系上群众');
    await app.el(`#reached-${due.id}-yes`).click();
    await app.el(`#rating-${due.id}-satisfied`).click();
    await app.el(`#visit-note-${due.id} textarea`).fill('电话回访，群众表示暖气已经正常。');
    await app.shot('2-form');
    await app.el(`#visit-save-${due.id}`).click();
    await poll(() => app.el('#tasks-notice').textContent()).toContain(due.trackingCode);
    expect(await app.page.locator(`#task-${due.id}:visible`).count()).toBe(0);

    await app.el(`#visit-${late.id}`).click();
    await app.el(`#reached-${late.id}-no`).click();
    await app.el(`#visit-note-${late.id} textarea`).fill('两次电话无人接听。');
    await app.el(`#visit-save-${late.id}`).click();
    await poll(() => app.el('#tasks-notice').textContent()).toContain(late.trackingCode);
    await app.shot('3-done');

    const babao = await staffToken('babao');
    const [a, b] = await Promise.all([due.id, late.id].map((id) => call('GET', `/staff/petitions/${id}`, { token: babao })));
    expect(a!.body.followUp).toMatchObject({ reached: true, rating: 'satisfied', note: '电话回访，群众表示暖气已经正常。' });
    expect(b!.body.followUp).toMatchObject({ reached: false, note: '两次电话无人接听。' });
    expect(b!.body.followUp.rating).toBeUndefined();
    const left = (await call('GET', '/staff/tasks', { token: babao })).body.items.map((t: { id: string }) => t.id);
    expect(left).not.toContain(due.id);
    expect(left).not.toContain(late.id);
  });
});
