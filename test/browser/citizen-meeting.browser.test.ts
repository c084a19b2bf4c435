/**
 * 会诊会议 on the citizen's case (H5): invited to a consultation's meeting, the citizen sees on 反映详情 when it is,
 * who receives (each with their department) and 进入视频, which opens the shared room.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTime } from '../../shared/format';
import { call, citizenToken, departmentHost, newKey, report, staffToken } from '../support/api';
import { openCitizenApp, type CitizenApp } from '../support/citizenApp';

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000, interval: 100 });
const CONSULT = { leadDepartmentId: 'babao-natural-resources', departmentIds: ['babao-justice'], question: '草场边界如何认定？', days: 3 };

describe('a consultation meeting on the citizen\'s case (H5)', () => {
  let app: CitizenApp;
  let server: CitizenApp['server'];
  let page: Page;

  beforeAll(async () => {
    app = await openCitizenApp({ shots: 'h5-citizen', label: 'citizen' });
    ({ server, page } = app);
  }, 1_200_000);
  afterAll(() => app?.close());

  it('shows the meeting the citizen is invited to, with its hosts and 进入视频', async () => {
    const name = `herder-meeting-${Date.now()}`;
    const herder = await citizenToken(name);
    const sent = await report(herder);
    expect(sent.status).toBe(201);
    const id = sent.body.id as string;
    const babao = await staffToken('babao');
    for (const [action, body] of [['accept', {}], ['consult', CONSULT]] as const) expect((await call('POST', `/staff/petitions/${id}/${action}`, { token: babao, body })).status).toBe(200);
    const host = await departmentHost(babao, 'babao-justice', '司法所王调解员');
    const offer = await call('GET', `/staff/petitions/${id}/meeting-hosts?day=${new Date(Date.now() + 32 * 3_600_000).toISOString().slice(0, 10)}`, { token: babao });
    const start = offer.body.times[3] as string;
    const booked = await call('POST', `/staff/petitions/${id}/meeting`, { token: babao, body: { start, hostIds: [host], withCitizen: true }, headers: { 'idempotency-key': newKey() } });
    expect(booked.status).toBe(200);
    const meeting = booked.body.meetings[0];

    await app.as(name);
    await page.goto(`${server.url}/#/pages/detail/index?id=${id}`);
    const card = page.locator(`#meeting-${meeting.id}:visible`).first();
    await poll(() => card.textContent()).toContain('会诊会议');
    const text = (await card.textContent()) ?? '';
    expect(text).toContain(`${formatTime(meeting.start)} 至 ${formatTime(meeting.end).slice(-5)}`);
    expect(text).toContain('参会：司法所王调解员（八宝镇司法所）');
    await app.shot('meeting');
    // 进入视频 opens the room every party shares (the provider answered here)
    await page.context().route(`${new URL(meeting.roomUrl).origin}/**`, (r) => r.fulfill({ status: 200, contentType: 'text/html', body: '<title>room</title>' }));
    const opened = page.context().waitForEvent('page');
    await page.locator(`#meeting-join-${meeting.id}:visible`).first().click();
    const room = await opened;
    await room.waitForLoadState();
    expect(room.url()).toBe(meeting.roomUrl);
  });
});
