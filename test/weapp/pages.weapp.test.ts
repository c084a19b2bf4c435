// @vitest-environment jsdom
/**
 * Every page of the weapp build opens and shows itself. The weapp renders with Preact over Taro's mini-program DOM
 * (`runtime` in miniprogram/config/index.ts), which no browser test runs: a page that throws while it renders goes
 * blank (the report form did, before Taro's DOM had `Node.contains`). Each citizen page is opened as a citizen who has
 * reported, each staff page as the county's supervisor, with a real case where a page shows one; a page passes when,
 * once its reads have answered, it still shows its own text and the API refused nothing it asked.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES, type RouteName } from '../../miniprogram/src/routes';
import { BOOKING_ROOT, BOOKING_ROUTES } from '../../miniprogram/src/booking/routes';
import { STAFF_ROOT, STAFF_ROUTES, type StaffRouteName } from '../../miniprogram/src/staff/routes';
import { STAFF_PASSWORDS, call, report } from '../support/api';
import { buildApp } from '../support/appBuild';
import { WeappRuntime, stackNetwork } from '../support/appWeapp';
import { stack } from '../support/worker';

const POST = 'babao-baiyanggou-p1';
let root: string;
beforeAll(async () => {
  root = await buildApp('weapp');
}, 600_000);

/** The page's text once its reads have answered, and every read it made that the API refused or failed. */
async function opened(rt: WeappRuntime, route: string, query: Record<string, string> = {}) {
  const before = rt.requests.length;
  const page = await rt.open(route, query);
  await page.settle(60);
  const refused = rt.requests
    .slice(before)
    .filter((r) => r.answer === 'fail' || (r.answer && r.answer.statusCode >= 400))
    .map((r) => `${r.method} ${r.url} ${r.answer === 'fail' ? 'fail' : r.answer?.statusCode}`);
  return { text: page.text(), refused };
}

describe('every page of the weapp shows itself', () => {
  it('the citizen pages and the booking pages, as a citizen who has reported', async () => {
    const rt = new WeappRuntime(root, stackNetwork(stack().apiUrl));
    rt.launch({});
    const token = (await call('POST', '/auth/wechat', { body: { code: rt.loginCode } })).body.token as string;
    const sent = await report(token, { postId: POST, categoryId: 'land_dispute', description: '草场网围栏被邻居挪了二十米' });
    expect(sent.status).toBe(201);
    const queries: Partial<Record<RouteName, Record<string, string>>> = { report: { postId: POST }, detail: { id: sent.body.id }, result: { id: sent.body.id } };
    // each page's own words: what it shows when it has opened (the report was sent over HTTP, not from this phone,
    // so the result page says it has no result of a send to show)
    const shows: Record<RouteName, string> = {
      home: '扫码吹哨',
      report: '白杨沟村党群服务中心岗',
      result: '没有找到提交结果',
      mine: '草场网围栏被邻居挪了二十米',
      detail: '草场网围栏被邻居挪了二十米',
      track: '跟踪码',
      claim: '认领到我的名下',
      video: '预约接访',
    };
    for (const name of Object.keys(ROUTES) as RouteName[]) {
      const { text, refused } = await opened(rt, ROUTES[name].path, queries[name]);
      expect(text, name).not.toBe('');
      expect(text, name).toContain(shows[name]);
      expect(refused, name).toEqual([]);
    }
    // the slots page opens on a host: the first the hosts page listed
    const hosts = (await call('GET', '/hosts')).body.items as Array<{ id: string }>;
    expect(hosts.length).toBeGreaterThan(0);
    const bookingQueries: Record<string, Record<string, string>> = { [BOOKING_ROUTES.slots.path]: { hostId: hosts[0]!.id } };
    for (const r of Object.values(BOOKING_ROUTES)) {
      const { text, refused } = await opened(rt, `${BOOKING_ROOT}/${r.path}`, bookingQueries[r.path]);
      expect(text, r.path).not.toBe('');
      expect(refused, r.path).toEqual([]);
    }
  }, 180_000);

  it('the staff pages, as the county supervisor, the case file on a real case', async () => {
    const citizen = (await call('POST', '/auth/dev', { body: { name: 'pages-weapp' } })).body.token as string;
    const sent = await report(citizen, { postId: POST, categoryId: 'land_dispute', description: '草场网围栏被邻居挪了二十米' });
    expect(sent.status).toBe(201);
    const login = await call('POST', '/staff/login', { body: { username: 'county', password: STAFF_PASSWORDS.county } });
    expect(login.status).toBe(200);
    const rt = new WeappRuntime(root, stackNetwork(stack().apiUrl));
    rt.storage.set('sg.staff', login.body);
    rt.launch({});
    const queries: Partial<Record<StaffRouteName, Record<string, string>>> = { petition: { id: sent.body.id } };
    // pages that need what this file does not make (a booking, a document, a warning's key, posters' ids) open
    // without it and say so: they must still show themselves; their reads may be refused
    const withoutTheirData = new Set<StaffRouteName>(['booking', 'document', 'warning', 'posters', 'login']);
    for (const name of Object.keys(STAFF_ROUTES) as StaffRouteName[]) {
      const { text, refused } = await opened(rt, `${STAFF_ROOT}/${STAFF_ROUTES[name].path}`, queries[name]);
      expect(text, name).not.toBe('');
      if (name !== 'login') expect(text, name).toContain('退出');
      if (name === 'petition') expect(text, name).toContain('草场网围栏被邻居挪了二十米');
      if (!withoutTheirData.has(name)) expect(refused, name).toEqual([]);
    }
  }, 300_000);
});
