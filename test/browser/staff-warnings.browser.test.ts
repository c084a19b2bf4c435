/**
 * 未诉先办 in the H5 build: reports walked through five months at 八宝镇 with a clock the test moves (on the running
 * stack's table, in December 2031, a month no other test uses), the warning sweep, then what the centre sees: the
 * 工作台's warnings with their numbers, and the township's printable 预警提示 read back as text. 供暖问题 rises (7 so far
 * against 1, 2 and 3 in the three months before, mean 2, none in December 2030); four of December's came from one post
 * of 白杨沟村 within a week (a cluster at the post, which holds the village's same four: one line, the post's). The
 * numbers here are counted from this set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../functions/usecases/context';
import { submitPetition } from '../../functions/usecases/petitions';
import { warnSweep } from '../../functions/usecases/warnings';
import { resetApiTime, setApiTime } from '../support/clock';
import { movableClock, stackDeps } from '../support/deps';
import { openStaffApp, poll, type StaffApp } from '../support/staffApp';

const clock = movableClock('2031-09-01T02:00:00Z');
const NOW = '2031-12-12T10:00:00+08:00';
const SET = {
  township: ['2031-09-10', '2031-10-10', '2031-10-20', '2031-11-03', '2031-11-13', '2031-11-23', '2031-12-01', '2031-12-02', '2031-12-03'],
  post: ['2031-12-08', '2031-12-09', '2031-12-10', '2031-12-11'],
};

async function seed(deps: Deps) {
  const suffix = Math.random().toString(36).slice(2, 8);
  let n = 0;
  const report = async (day: string, where: { postId: string } | { townshipId: string }) => {
    clock.t = new Date(`${day}T10:00:00+08:00`);
    n += 1;
    await submitPetition(deps, { kind: 'citizen', openid: `wx_warn-${suffix}-${n}` }, `warn-${suffix}-${n}`, {
      channel: 'postId' in where ? 'scan' : 'online', ...where, categoryId: 'heating', description: '暖气不热，家里很冷。', photos: [], anonymous: false,
    });
  };
  for (const d of SET.township) await report(d, { townshipId: 'babao' });
  for (const d of SET.post) await report(d, { postId: 'babao-baiyanggou-p1' });
  clock.t = new Date(NOW);
  return warnSweep(deps, new Date(NOW));
}

describe('early warnings (H5)', () => {
  let app: StaffApp;
  let raised = 0;

  beforeAll(async () => {
    raised = (await seed(stackDeps(clock))).raised.length;
    await setApiTime(NOW);
    app = await openStaffApp({ prefix: 'staff-warnings' });
  }, 1_200_000);
  afterAll(async () => {
    await app?.close();
    await resetApiTime();
  });

  it('shows the centre its warnings with their numbers on the 工作台, and prints the month\'s 预警提示', async () => {
    expect(raised).toBe(2);
    await app.loginAs('babao');
    await poll(() => app.el('#warnings').isVisible()).toBe(true);
    expect(await app.el('#warnings').innerText()).toContain('未诉先办预警（2031年12月，2 条）');
    expect(await app.el('#warning-babao-rise_heating').textContent()).toBe('上升 供暖问题：本月至今 7 件，前三个月月均 2 件，上年同月 0 件（高于前三个月月均和上年同月）');
    expect(await app.el('#warning-babao-cl_post_babao-baiyanggou-p1').textContent()).toBe('聚集 白杨沟村党群服务中心岗（岗点）：2031-12-06 至 2031-12-12 登记 4 件（聚集）');
    await app.shot('1-desk');

    // each warning opens the cases behind it: December's 供暖问题 at 八宝镇, newest first; the post's four of its window
    await app.el('#warning-cases-babao-rise_heating').click();
    await app.page.waitForURL(/staff\/pages\/warning\/index/);
    await poll(() => app.page.locator('#warning-cases:visible [id^="case-"]').count()).toBe(SET.post.length + SET.township.filter((d) => d.startsWith('2031-12')).length);
    expect(await app.el('#warning-head').innerText()).toContain('供暖问题：本月至今 7 件');
    expect(await app.el('#warning-head').innerText()).not.toMatch(/[A-Za-z]/);
    await app.shot('1b-warning-cases');
    await app.page.goBack();
    await app.el('#warning-cases-babao-cl_post_babao-baiyanggou-p1').click();
    await app.page.waitForURL(/key=cl_post_babao-baiyanggou-p1/);
    await poll(() => app.page.locator('#warning-cases:visible [id^="case-"]').count()).toBe(SET.post.length);
    const first = app.page.locator('#warning-cases:visible [id^="case-"]').first();
    const id = (await first.getAttribute('id'))!.slice('case-'.length);
    await first.click();
    await app.page.waitForURL(new RegExp(`staff/pages/petition/index\\?id=${id}`));
    await app.page.goBack();
    await app.page.goBack();
    await app.page.waitForURL(/staff\/pages\/home\/index/);
    // two quick steps back can leave Taro's router showing no page (a fresh-clone run saw it): load the 工作台 again
    await app.page.reload();
    await poll(() => app.el('#warnings').isVisible()).toBe(true);

    await app.el('#notice-babao').click();
    await app.page.waitForURL(/staff\/pages\/notice\/index/);
    await poll(() => app.el('#notice-sheet').getAttribute('data-month')).toBe('2031-12');
    const text = await app.el('#notice-sheet').innerText();
    const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines.slice(0, 3)).toEqual(['八宝镇“未诉先办”工作预警提示', '2031年12月', '一、本月上升的诉求类型']);
    expect(lines).toContain('1. 供暖问题：本月至今 7 件，前三个月月均 2 件，上年同月 0 件（高于前三个月月均和上年同月）');
    // the coming month from the county's calendar (the default: heating, and wage arrears before the Spring Festival)
    expect(lines).toContain('二、2032年1月季节性提示');
    expect(lines).toContain('请提前关注：供暖问题、拖欠工资');
    expect(lines).toContain('三、诉求聚集的地点');
    // one line for the place: the post, not its village as well (the village's four are the post's)
    expect(lines.filter((l) => /^\d\. .*登记 4 件（聚集）$/.test(l))).toEqual(['1. 白杨沟村党群服务中心岗（岗点）：2031-12-06 至 2031-12-12 登记 4 件（聚集）']);
    expect(text).toContain('本月至今某类诉求达到 5 件以上，且达到前三个月月均的 1.5 倍或上年同月的 1.5 倍时预警');
    expect(text).not.toMatch(/[A-Za-z]/);
    // one A4 sheet: 210 mm wide, as the browser lays it out (96 px an inch)
    const box = await app.el('#notice-sheet').boundingBox();
    expect(Math.round(box!.width)).toBe(794);
    await app.shot('2-notice');

    // printed, the sheet alone: no menu, no button
    await app.page.emulateMedia({ media: 'print' });
    expect(await app.page.locator('.staff-bar:visible').count()).toBe(0);
    expect(await app.page.locator('#notice-print:visible').count()).toBe(0);
    expect(await app.el('#notice-sheet').isVisible()).toBe(true);
    await app.page.emulateMedia({ media: 'screen' });

    // the 统计 page of December shows the same warnings
    await app.open('pages/dashboard/index?month=2031-12');
    await poll(() => app.el('#dash-figures').getAttribute('data-from')).toBe('2031-12-01');
    expect(await app.el('#warning-babao-rise_heating').isVisible()).toBe(true);
  });

  it('lets the county edit its calendar of seasonal topics and its mediation categories; the 预警提示 names the new topics', async () => {
    await app.loginAs('admin');
    await app.open('pages/org/index?tab=settings');
    await poll(() => app.el('#settings-township input').inputValue()).toBe('乡镇');
    // February of the default calendar: heating
    await app.el('#season-month-2').click();
    expect(await app.el('#season-category-heating').getAttribute('class')).toMatch(/\bon\b/);
    await app.el('#season-category-wage_arrears').click();
    await app.el('#settings-season-note input').fill('春节后返岗，关注工资结算');
    // 消费纠纷 becomes a mediation category too (邻里纠纷 and 婚姻家庭纠纷, the 司法所's, are by default)
    expect(await app.el('#mediation-category-neighbour').getAttribute('class')).toMatch(/\bon\b/);
    await app.el('#mediation-category-consumer').click();
    await app.el('#settings-save').click();
    await poll(() => app.el('#settings-saved').textContent()).toContain('季节性诉求日历和调解类诉求类型已更新');
    expect(await app.el('#settings-form').innerText()).not.toMatch(/[A-Za-z]/);
    await app.shot('3-settings');
    const county = (await stackDeps(clock).org.load({ fresh: true })).nodes.get('qilian');
    expect(county?.settings?.mediationCategoryIds?.sort()).toEqual(['consumer', 'family', 'neighbour']);
    expect(county?.settings?.seasonal?.find((r) => r.month === 2)).toEqual({ month: 2, categoryIds: ['heating', 'wage_arrears'], note: '春节后返岗，关注工资结算' });

    // January's 预警提示 names February's topics as the county set them
    await app.open('pages/notice/index?township=babao&month=2032-01');
    await poll(() => app.el('#notice-sheet').getAttribute('data-month')).toBe('2032-01');
    const lines = (await app.el('#notice-sheet').innerText()).split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines).toContain('二、2032年2月季节性提示');
    expect(lines).toContain('请提前关注：供暖问题、拖欠工资');
    expect(lines).toContain('春节后返岗，关注工资结算');
  });
});
