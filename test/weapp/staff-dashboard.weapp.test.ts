// @vitest-environment jsdom
/**
 * The staff dashboard page in the weapp build, run headlessly against the local stack (wx.request is real HTTP to
 * this worker's API): it asks for the month it was opened with, shows the four rates with numerator and denominator,
 * draws the trend as plain views (a pair of bars per day), lets a county supervisor choose a township, and, inside
 * WeChat, says to export the CSV from a computer's browser. The month's cases are reported and accepted over HTTP
 * with the API's clock moved to July 2024; the file has its table to itself, so they are the county's only cases.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_PASSWORDS, call, citizenToken, report, staffToken } from '../support/api';
import { buildApp } from '../support/appBuild';
import { WeappRuntime, stackNetwork } from '../support/appWeapp';
import { advanceApiTime, resetApiTime, setApiTime } from '../support/clock';
import { stack } from '../support/worker';

/** Two neighbour disputes at 默勒镇 on 2 July 2024: one accepted two hours later, one never. */
async function julyAtMoler() {
  await setApiTime('2024-07-02T01:00:00.000Z');
  const body = { postId: 'moler-moler-p1', categoryId: 'neighbour', description: '邻居在我家草场边堆放杂物。' };
  const accepted = await report(await citizenToken(), body);
  const waiting = await report(await citizenToken(), { ...body, postId: 'moler-zhadalong-p1' });
  expect([accepted.status, waiting.status]).toEqual([201, 201]);
  await advanceApiTime(2 * 3_600_000);
  expect((await call('POST', `/staff/petitions/${accepted.body.id}/accept`, { token: await staffToken('moler'), body: {} })).status).toBe(200);
  await resetApiTime();
  return { waiting: waiting.body.trackingCode as string };
}

describe('the weapp staff dashboard', () => {
  let root: string;
  let waiting: string;
  beforeAll(async () => {
    ({ waiting } = await julyAtMoler());
    root = await buildApp('weapp');
  }, 600_000);
  afterEach(async () => {
    await resetApiTime();
  });

  it('shows the rates of the month it was opened with, the trend as bars, a chosen township, and how to export', async () => {
    const rt = new WeappRuntime(root, stackNetwork(stack().apiUrl));
    const login = await call('POST', '/staff/login', { body: { username: 'county', password: STAFF_PASSWORDS.county } });
    expect(login.status).toBe(200);
    rt.storage.set('sg.staff', login.body);
    rt.launch({});
    const page = await rt.open('staff/pages/dashboard/index', { month: '2024-07' });
    await page.settle(100);

    const asked = rt.requests.filter((r) => r.url.includes('/staff/dashboard'));
    expect(asked.map((r) => new URL(r.url).search)).toEqual(['?from=2024-07-01&to=2024-07-31']);
    expect(asked[0]?.header['Authorization']).toBe(`Bearer ${login.body.token}`);
    // accepted or declined in time ÷ registered: one of two
    expect(page.byId('num-timelyAcceptance').dom.textContent).toBe('1');
    expect(page.byId('den-timelyAcceptance').dom.textContent).toBe('2');
    const text = page.text();
    for (const shown of ['50.0%', '及时受理率', '邻里纠纷', waiting]) expect(text).toContain(shown);
    // a bar pair for each of the 31 days of July
    const days = Array.from(page.byId('trend').dom.children);
    expect(days).toHaveLength(31);
    // 2 July registered both, the most of any day: its first bar is full height; the others are empty
    const heights = days.map((d) => Array.from(d.children).map((bar) => (bar as HTMLElement).style.height));
    expect(heights[1]).toEqual(['100%', '0%']);
    expect(heights.filter((h, i) => i !== 1 && h.some((x) => x !== '0%'))).toEqual([]);

    await page.tap('scope-moler');
    await page.settle(100);
    expect(new URL(rt.requests.filter((r) => r.url.includes('/staff/dashboard')).at(-1)!.url).search).toBe('?from=2024-07-01&to=2024-07-31&townshipId=moler');
    expect(page.text()).toContain('默勒镇综治中心');
    expect(page.byId('den-timelyAcceptance').dom.textContent).toBe('2');

    await page.tap('export');
    expect(page.byId('export-error').dom.textContent).toContain('请在电脑浏览器中登录工作台后导出');
    expect(rt.requests.some((r) => r.url.includes('/staff/export'))).toBe(false);
  });
});
