// @vitest-environment jsdom
/**
 * The staff dashboard page in the weapp build, run headlessly: it asks for the month it was opened with, shows the
 * four rates with numerator and denominator, draws the trend as plain views (a pair of bars per day), lets a county
 * supervisor choose a township, and, inside WeChat, says to export the CSV from a computer's browser.
 * Only wx.request is answered here (the API is not running); everything above it is the real build.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../support/appBuild';
import { WeappRuntime, type FakeResponse, type RecordedRequest } from '../support/appWeapp';

const ratio = (numerator: number, denominator: number) => ({ numerator, denominator, rate: Math.round((numerator / denominator) * 10_000) / 10_000 });
const four = (s: string) => ({ timelyAcceptance: `及时受理率${s}`, onTimeCompletion: `按期办结率${s}`, satisfaction: `满意率${s}`, participation: `参评率${s}` });
function answer(township?: string) {
  return {
    scope: township ? { kind: 'centre', id: township, name: '默勒镇综治中心' } : { kind: 'county', id: 'qilian', name: '祁连县综治中心' },
    townships: [
      { id: 'babao', name: '八宝镇' },
      { id: 'moler', name: '默勒镇' },
    ],
    period: { from: '2024-07-01', to: '2024-07-31' },
    timelyAcceptance: ratio(5, 7),
    onTimeCompletion: ratio(3, 5),
    satisfaction: ratio(2, 3),
    participation: ratio(3, 4),
    byStatus: { submitted: 1, rated: 2 },
    byCategory: [{ id: 'neighbour', name: '邻里纠纷', count: 7 }],
    byTownship: [{ id: 'moler', name: '默勒镇', count: 7 }],
    daily: [{ day: '2024-07-02', registered: 4, resolved: 0 }],
    overdue: [{ id: 'P1', trackingCode: 'QL7K2M9X4B', status: 'submitted', townshipName: '默勒镇', categoryName: '邻里纠纷', summary: '邻居堆放杂物', dueAt: '2024-07-03T01:00:00.000Z' }],
    definitions: four('的中文定义'),
    workingDefinitions: four(' working definition'),
  };
}

function api(req: RecordedRequest): FakeResponse {
  const url = new URL(req.url);
  if (req.method === 'GET' && url.pathname === '/staff/dashboard') return { statusCode: 200, data: answer(url.searchParams.get('townshipId') ?? undefined) };
  return { statusCode: 404, data: { error: { code: 'not_found', message: '未找到', issues: [] } } };
}

describe('the weapp staff dashboard', () => {
  let root: string;
  beforeAll(async () => {
    root = await buildApp('weapp');
  }, 600_000);

  it('shows the rates of the month it was opened with, the trend as bars, a chosen township, and how to export', async () => {
    const rt = new WeappRuntime(root, api);
    rt.storage.set('sg.staff', {
      token: 'staff-token',
      expiresAt: '2099-01-01T00:00:00.000Z',
      user: { id: 'u-county', username: 'county', name: '县综治中心督办员', role: 'county_supervisor', scopeNodeId: 'qilian' },
    });
    rt.launch({});
    const page = await rt.open('staff/pages/dashboard/index', { month: '2024-07' });

    const asked = rt.requests.filter((r) => r.url.includes('/staff/dashboard'));
    expect(asked.map((r) => new URL(r.url).search)).toEqual(['?from=2024-07-01&to=2024-07-31']);
    expect(asked[0]?.header['Authorization']).toBe('Bearer staff-token');
    const text = page.text();
    for (const shown of ['71.4%', '60.0%', '66.7%', '75.0%', '及时受理率的中文定义', '参评率 working definition', '邻里纠纷', 'QL7K2M9X4B']) expect(text).toContain(shown);
    expect(page.byId('num-timelyAcceptance').dom.textContent).toBe('5');
    expect(page.byId('den-timelyAcceptance').dom.textContent).toBe('7');
    // a bar pair for each of the 31 days of July
    const days = Array.from(page.byId('trend').dom.children);
    expect(days).toHaveLength(31);
    // 2 July registered 4, the most of any day: its first bar is full height; the others are empty
    const heights = days.map((d) => Array.from(d.children).map((bar) => (bar as HTMLElement).style.height));
    expect(heights[1]).toEqual(['100%', '0%']);
    expect(heights.filter((h, i) => i !== 1 && h.some((x) => x !== '0%'))).toEqual([]);

    await page.tap('scope-moler');
    expect(new URL(rt.requests.filter((r) => r.url.includes('/staff/dashboard')).at(-1)!.url).search).toBe('?from=2024-07-01&to=2024-07-31&townshipId=moler');
    expect(page.text()).toContain('默勒镇综治中心');

    await page.tap('export');
    expect(page.byId('export-error').dom.textContent).toContain('请在电脑浏览器中登录工作台后导出');
    expect(rt.requests.some((r) => r.url.includes('/staff/export'))).toBe(false);
  });
});
