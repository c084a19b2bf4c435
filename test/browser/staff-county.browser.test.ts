/**
 * Issue 15's figures and warnings as staff meet them (H5, desktop width), each test with data of its own, seeded
 * through the use cases on the running stack's table with a clock the test moves, in months of 2034 no other test
 * uses: receptions held by way and the video share on 统计, with 批次/人次 on the county's ranking (March, 峨堡镇); the
 * 新预警 mark on the 工作台 until 知道了, and the county's print-all of every township's 预警提示, one A4 page each
 * (May, 默勒镇); the 调处结果 asked at 办结 of a mediation case, and the 调处成功率 it makes (July, 默勒镇). The expected
 * numbers are counted here from each set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as bookings from '../../functions/usecases/bookings';
import type { Deps, StaffCaller } from '../../functions/usecases/context';
import { submitPetition, transition } from '../../functions/usecases/petitions';
import { warnSweep } from '../../functions/usecases/warnings';
import { HostBody } from '../../shared/schemas/booking';
import { resetApiTime, setApiTime } from '../support/clock';
import { movableClock, stackDeps } from '../support/deps';
import { openStaffApp, poll, type StaffApp } from '../support/staffApp';

const MINUTE = 60_000;
const clock = movableClock('2034-03-03T00:00:00Z');
const staff = (township: string): StaffCaller => ({ kind: 'staff', id: `u-${township}`, name: '值班员', role: 'centre_staff', scopeNodeId: township });
const suffix = Math.random().toString(36).slice(2, 8);
let n = 0;
const key = (what: string) => `county-${what}-${suffix}-${++n}`;
/** a case the centre registers (统一登记) on `day`, 10:00 China time */
async function register(deps: Deps, township: string, day: string, body: { channel: 'visit' | 'phone'; categoryId: string; persons?: number }) {
  clock.t = new Date(`${day}T10:00:00+08:00`);
  const out = await submitPetition(deps, staff(township), key('reg'), { ...body, townshipId: township, description: '来访群众反映的问题，已登记。', photos: [], anonymous: false });
  return out.response.id;
}

describe('issue 15 on the staff pages (H5)', () => {
  let app: StaffApp;
  let deps: Deps;

  beforeAll(async () => {
    deps = stackDeps(clock);
    app = await openStaffApp({ prefix: 'staff-county' });
  }, 1_200_000);
  afterAll(async () => {
    await app?.close();
    await resetApiTime();
  });

  it('shows receptions by way and the video share on 统计, and 批次/人次 on the county\'s ranking', async () => {
    // 峨堡镇, March 2034: a host receiving by video, in person and by phone; five receptions booked
    const hostId = `host-${suffix}`;
    await bookings.saveHost(deps, staff('ebao'), hostId, HostBody.parse({
      name: '马书记', kind: 'leader', centreId: 'ebao', ways: ['video', 'in_person', 'phone'],
      availability: { weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, windows: [{ from: '09:00', to: '12:00' }] })), chinaCalendar: false },
      rules: { slotMinutes: 30, bufferMinutes: 10, minNoticeMinutes: 60, horizonDays: 14, capacity: 1 },
    }));
    const RECEPTIONS = [
      { start: '2034-03-06T01:00:00.000Z', way: 'video', attendance: 'attended' },
      { start: '2034-03-06T01:40:00.000Z', way: 'video', attendance: 'attended' },
      { start: '2034-03-06T02:20:00.000Z', way: 'phone', attendance: 'attended' },
      { start: '2034-03-07T01:00:00.000Z', way: 'in_person', attendance: 'attended' },
      { start: '2034-03-07T01:40:00.000Z', way: 'video', attendance: 'no_show' },
    ] as const;
    for (const r of RECEPTIONS) {
      clock.t = new Date('2034-03-03T00:00:00Z');
      const made = await bookings.book(deps, { kind: 'citizen', openid: `wx_${key('c')}`, name: '牧民' }, key('book'), { hostId, start: r.start, way: r.way, topic: '咨询草场补贴' });
      clock.t = new Date(Date.parse(r.start) + 35 * MINUTE);
      await bookings.recordAttendance(deps, staff('ebao'), made.view.id, { attendance: r.attendance, note: '已记录' });
    }
    // two registrations: a visit of three people, a call of one
    await register(deps, 'ebao', '2034-03-08', { channel: 'visit', categoryId: 'grassland', persons: 3 });
    await register(deps, 'ebao', '2034-03-09', { channel: 'phone', categoryId: 'grassland' });
    // by hand: held by video 2, in person 1, by phone 1 (the no-show is none); video share 2 ÷ (4 held + 1 visit)
    const held = RECEPTIONS.filter((r) => r.attendance === 'attended');
    const count = (way: string) => held.filter((r) => r.way === way).length;
    const share = { numerator: count('video'), denominator: held.length + 1 };
    expect(share).toEqual({ numerator: 2, denominator: 5 });

    await app.loginAs('county');
    await app.open('pages/dashboard/index?month=2034-03');
    await app.el('#scope-ebao').click();
    await poll(async () => [await app.el('#dash-figures').getAttribute('data-scope'), await app.el('#dash-figures').getAttribute('data-from')]).toEqual(['ebao', '2034-03-01']);
    expect(await app.el('#by-way-video').textContent()).toBe(`视频接访${count('video')} 次 · 上年同期 0`);
    expect(await app.el('#by-way-in_person').textContent()).toBe(`现场接访${count('in_person')} 次 · 上年同期 0`);
    expect(await app.el('#by-way-phone').textContent()).toBe(`电话接访${count('phone')} 次 · 上年同期 0`);
    expect(await app.el('#by-way-video-share').textContent()).toBe('40.0%（2 / 5）');
    expect([await app.el('#rate-videoShare').textContent(), await app.el('#num-videoShare').textContent(), await app.el('#den-videoShare').textContent()]).toEqual(['40.0%', '2', '5']);
    expect(await app.el('#def-videoShare').textContent()).toBe('视频接访占比 = 期内已接访的视频接访（云视讯）次数 ÷ （期内已接访的各方式接访次数 + 期内来访登记件数）');
    expect(await app.el('#def-receptions').textContent()).toContain('接访次数 = 期内预约接访中记为“已接访”的次数');
    expect(await app.el('#by-way').innerText()).toContain(`接访次数（本期间，共 ${held.length} 次；上年同期 0 次）`);
    expect(await app.el('#by-way').innerText()).not.toMatch(/[A-Za-z]/);
    // 批次 2, 人次 3 + 1
    expect([await app.el('#batches-count').textContent(), await app.el('#persons-count').textContent()]).toEqual(['2', '4']);
    await app.shot('1-receptions-by-way');

    // the county: each township with its 批次 and 人次 beside the rate it is ranked on
    await app.el('#scope-all').click();
    await poll(() => app.el('#ranking-rows').getAttribute('data-by')).toBe('resolution');
    expect(await app.el('#rank-ebao-persons').textContent()).toBe(' 2 批次 · 4 人次');
    expect(await app.el('#rank-moler-persons').textContent()).toBe(' 0 批次 · 0 人次');
    await app.el('#rank-by-videoShare').click();
    await poll(() => app.el('#rank-ebao').textContent()).toBe('1. 峨堡镇40.0% （2 / 5） 2 批次 · 4 人次');
    expect(await app.el('#ranking').innerText()).not.toMatch(/[A-Za-z]/);
    await app.shot('2-ranking-persons');
  });

  it('marks a new warning on the centre\'s 工作台 until 知道了, once per warning; the county prints every township\'s 预警提示, a page each', async () => {
    // 默勒镇, May 2034: five 邻里纠纷 in a week rise past nothing before (a baseline of zero)
    for (const day of ['2034-05-02', '2034-05-03', '2034-05-04', '2034-05-05', '2034-05-06']) await register(deps, 'moler', day, { channel: 'visit', categoryId: 'neighbour' });
    clock.t = new Date('2034-05-08T09:00:00+08:00');
    expect((await warnSweep(deps, clock.t)).raised.map((w) => `${w.townshipId} ${w.key}`)).toEqual(['moler rise_neighbour']);
    await setApiTime('2034-05-08T10:00:00+08:00');

    await app.loginAs('moler');
    await poll(() => app.el('#warnings').isVisible()).toBe(true);
    expect(await app.el('#warnings-new').textContent()).toBe('新预警 1 条');
    expect(await app.el('#warning-new-moler-rise_neighbour').textContent()).toBe('新');
    expect(await app.el('#warnings').innerText()).not.toMatch(/[A-Za-z]/);
    await app.shot('3-desk-new-warning');
    await app.el('#warnings-seen').click();
    await poll(() => app.page.locator('#warnings-new:visible').count()).toBe(0);
    expect(await app.page.locator('#warning-new-moler-rise_neighbour:visible').count()).toBe(0);
    // seen stays seen: read again, the warning is there without the mark
    await app.page.reload();
    await poll(() => app.el('#warning-moler-rise_neighbour').isVisible()).toBe(true);
    expect(await app.page.locator('#warnings-new:visible').count()).toBe(0);

    // the sweep raises nothing twice; a new warning (three at one post within a week) is marked new, that one only
    clock.t = new Date('2034-05-08T11:00:00+08:00');
    expect((await warnSweep(deps, clock.t)).raised).toEqual([]);
    for (const day of ['2034-05-09', '2034-05-10', '2034-05-11']) {
      clock.t = new Date(`${day}T10:00:00+08:00`);
      await submitPetition(deps, { kind: 'citizen', openid: `wx_${key('c')}` }, key('post'), { channel: 'scan', postId: 'moler-zhadalong-p1', categoryId: 'grassland', description: '草场被占用，需要处理。', photos: [], anonymous: false });
    }
    clock.t = new Date('2034-05-11T12:00:00+08:00');
    expect((await warnSweep(deps, clock.t)).raised.map((w) => w.key)).toEqual(['cl_post_moler-zhadalong-p1']);
    await app.page.reload();
    await poll(() => app.el('#warnings-new').textContent()).toBe('新预警 1 条');
    expect(await app.el('#warning-new-moler-cl_post_moler-zhadalong-p1').isVisible()).toBe(true);
    expect(await app.page.locator('#warning-new-moler-rise_neighbour:visible').count()).toBe(0);
    // a centre has no county print-all
    expect(await app.page.locator('#notice-all').count()).toBe(0);

    // the county has seen neither: both new; it prints every township's sheet of May at once
    await app.loginAs('county');
    await poll(() => app.el('#warnings-new').textContent()).toBe('新预警 2 条');
    await app.el('#notice-all').click();
    await app.page.waitForURL(/staff\/pages\/notice\/index\?month=2034-05/);
    await poll(() => app.el('#notice-sheets').getAttribute('data-count')).toBe('3');
    const sheets = app.page.locator('#notice-sheets:visible .notice');
    expect(await sheets.evaluateAll((els) => els.map((e) => e.id))).toEqual(['notice-sheet-babao', 'notice-sheet-ebao', 'notice-sheet-moler']);
    const lines = async (township: string) => (await app.el(`#notice-sheet-${township}`).innerText()).split('\n').map((l) => l.trim()).filter(Boolean);
    const moler = await lines('moler');
    expect(moler.slice(0, 3)).toEqual(['默勒镇“未诉先办”工作预警提示', '2034年5月', '一、本月上升的诉求类型']);
    expect(moler).toContain('1. 邻里纠纷：本月至今 5 件，前三个月月均 0 件，上年同月 0 件（高于前三个月月均和上年同月）');
    expect(moler.find((l) => l.endsWith('2034-05-05 至 2034-05-11 登记 3 件（聚集）'))).toMatch(/^1\. .*（岗点）：/);
    expect(moler).toContain('二、2034年6月季节性提示');
    for (const township of ['babao', 'ebao']) {
      const other = await lines(township);
      expect(other[0]).toBe(`${township === 'babao' ? '八宝镇' : '峨堡镇'}“未诉先办”工作预警提示`);
      expect(other).toContain('本月暂无上升明显的诉求类型。');
      expect(other).toContain('本月暂无诉求聚集的地点。');
    }
    expect(await app.el('#notice-sheets').innerText()).not.toMatch(/[A-Za-z]/);
    // each an A4 sheet, 210 mm wide as the browser lays it out (96 px an inch)
    for (const box of await sheets.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().width)))) expect(box).toBe(794);
    await app.shot('4-notice-all');

    // printed: the sheets alone, a page break after each but the last, and the PDF has one A4 page a township
    await app.page.emulateMedia({ media: 'print' });
    expect(await app.page.locator('.staff-bar:visible').count()).toBe(0);
    expect(await app.page.locator('#notice-print:visible').count()).toBe(0);
    expect(await sheets.evaluateAll((els) => els.map((e) => getComputedStyle(e).breakAfter))).toEqual(['page', 'page', 'auto']);
    expect(await sheets.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().height)))).toEqual([1123, 1123, 1123]);
    const pdf = (await app.page.pdf({ preferCSSPageSize: true })).toString('latin1');
    await app.page.emulateMedia({ media: 'screen' });
    expect(pdf.match(/\/Type\s*\/Page\b(?!s)/g)?.length).toBe(3);
    // A4 in points (210 × 297 mm), every page
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => `${Math.round(Number(m[1]))}×${Math.round(Number(m[2]))}`);
    expect(boxes.length).toBeGreaterThan(0);
    expect(new Set(boxes)).toEqual(new Set(['595×842']));
  });

  it('asks 调处结果 at 办结 of a mediation case, and 调处成功率 counts what was chosen', async () => {
    // 默勒镇, July 2034: two 邻里纠纷 (the 司法所's: a mediation category), accepted and sent to the 司法所
    const ids: string[] = [];
    for (const day of ['2034-07-03', '2034-07-04']) {
      const id = await register(deps, 'moler', day, { channel: 'visit', categoryId: 'neighbour' });
      await transition(deps, staff('moler'), id, { action: 'accept' });
      await transition(deps, staff('moler'), id, { action: 'dispatch', departmentId: 'moler-justice' });
      ids.push(id);
    }
    await setApiTime('2034-07-06T10:00:00+08:00');
    await app.page.emulateMedia({ media: 'screen' });
    await app.loginAs('moler');
    const resolve = async (id: string, result: 'agreed' | 'not_agreed', shot?: string) => {
      await app.open(`pages/petition/index?id=${id}`);
      await app.page.reload();
      await poll(() => app.el('#status').textContent()).toBe('已分派');
      await app.el('#action-resolve').click();
      expect(await app.el('#form-resolve [role="group"][aria-label="调处结果（调解类纠纷填写）"]').innerText()).toContain('调处结果（调解类纠纷填写）');
      expect(await app.el('#f-resolve-mediation-agreed').textContent()).toBe('调解成功，达成协议');
      expect(await app.el('#f-resolve-mediation-not_agreed').textContent()).toBe('调解未成功');
      await app.el(`#f-resolve-mediation-${result}`).click();
      expect(await app.el(`#f-resolve-mediation-${result}`).getAttribute('aria-pressed')).toBe('true');
      await app.el('#f-resolve-summary textarea').fill(result === 'agreed' ? '经司法所调解，双方签订调解协议' : '调解未达成一致，已告知诉讼途径');
      if (shot) await app.shot(shot);
      await app.el('#submit-resolve').click();
      await poll(() => app.el('#status').textContent()).toBe('已办结');
    };
    await resolve(ids[0]!, 'agreed', '5-resolve-mediation');
    await resolve(ids[1]!, 'not_agreed');
    // what each 办结 recorded
    for (const [i, result] of (['agreed', 'not_agreed'] as const).entries()) {
      const file = await deps.petitions.getWithTimeline(ids[i]!);
      expect(file?.timeline.find((e) => e.action === 'resolve')?.data?.mediation).toBe(result);
    }

    // 调处成功率 of July at 默勒镇: one agreed of the two mediations ended
    await app.open('pages/dashboard/index?month=2034-07');
    await app.page.reload();
    await poll(() => app.el('#dash-figures').getAttribute('data-from')).toBe('2034-07-01');
    expect([await app.el('#num-mediation').textContent(), await app.el('#den-mediation').textContent(), await app.el('#rate-mediation').textContent()]).toEqual(['1', '2', '50.0%']);
    await app.shot('6-mediation-rate');
  });
});
