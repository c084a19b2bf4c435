// @vitest-environment jsdom
/**
 * The weapp build follows the text size the user chose in WeChat (我 → 设置 → 通用 → 字体大小, or 关怀模式), which
 * WeChat reports as getAppBaseInfo().fontSizeScaleFactor: every citizen page's root carries the body text size
 * (`--fs`, of which every text size in app.css is a multiple), and large-text mode multiplies it again.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../support/appBuild';
import { WeappRuntime, stackNetwork, type WeappPage } from '../support/appWeapp';
import { stack } from '../support/worker';
import { BOOKING_ROOT, BOOKING_ROUTES } from '../../miniprogram/src/booking/routes';
import { ROUTES } from '../../miniprogram/src/routes';

/** The body text size the page root sets, in px. */
function bodyTextPx(page: WeappPage): number {
  const root = page.node.querySelector('.page');
  const style = root?.dom.getAttribute('style') ?? '';
  const m = /--fs:\s*([\d.]+)px/.exec(style);
  if (!m) throw new Error(`no --fs on the page root: "${style}"`);
  return Number(m[1]);
}

describe('text size in the weapp', () => {
  let root: string;
  beforeAll(async () => {
    root = await buildApp('weapp');
  }, 600_000);

  const open = async (route: string, wechat: { fontSizeScaleFactor?: number; fontSizeSetting?: number }, largeText = false) => {
    const rt = new WeappRuntime(root, stackNetwork(stack().apiUrl));
    rt.stubWxApi('getAppBaseInfo', () => ({ SDKVersion: '3.7.0', language: 'zh_CN', ...wechat }));
    if (largeText) rt.storage.set('sg.largeText', true);
    rt.launch();
    return rt.open(route);
  };
  const home = (wechat: { fontSizeScaleFactor?: number; fontSizeSetting?: number }, largeText = false) => open('pages/index/index', wechat, largeText);

  it('is 17 px at WeChat\'s standard size', async () => {
    expect(bodyTextPx(await home({ fontSizeScaleFactor: 1, fontSizeSetting: 17 }))).toBe(17);
  });

  it('follows a larger WeChat font (关怀模式), and large-text mode on top of it', async () => {
    expect(bodyTextPx(await home({ fontSizeScaleFactor: 1.4, fontSizeSetting: 24 }))).toBe(23.8);
    expect(bodyTextPx(await home({ fontSizeScaleFactor: 1.4, fontSizeSetting: 24 }, true))).toBe(30.9);
  });

  it('reads the font size in px when WeChat gives no scale factor', async () => {
    expect(bodyTextPx(await home({ fontSizeSetting: 20.4 }))).toBe(20.4);
  });

  it('turns large-text mode on from its switch', async () => {
    const page = await home({ fontSizeScaleFactor: 1 });
    await page.tap('large-text');
    expect(bodyTextPx(page)).toBe(22.1);
  });

  it('reaches every citizen page in large-text mode, the booking pages included', async () => {
    const routes = [...Object.values(ROUTES).map((r) => r.path), ...Object.values(BOOKING_ROUTES).map((r) => `${BOOKING_ROOT}/${r.path}`)];
    expect(routes).toContain('booking/pages/slots/index');
    const sizes: Record<string, number> = {};
    for (const route of routes) sizes[route] = bodyTextPx(await open(route, { fontSizeScaleFactor: 1 }, true));
    expect(sizes).toEqual(Object.fromEntries(routes.map((r) => [r, 22.1])));
  });
});
