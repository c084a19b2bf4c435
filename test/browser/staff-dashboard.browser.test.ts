/**
 * The dashboard page (H5, desktop width) shows the four rates of a hand-computed set of petitions. The set is seeded
 * through the use cases on the running stack's table with a clock in July 2024 at 默勒镇, a month and township no
 * other test uses, so the page's figures for that month and township are this set's alone. Their category, 邻里纠纷, is a
 * village-level one; a sweep escalating what is overdue would only bring a supervisor in, never move them (首接首办).
 * The expected numbers
 * are counted here from the set's definition (never by shared/figures.ts). A county supervisor picks the township,
 * the month, looks at the trend and the overdue list, and downloads the CSV.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps, StaffCaller } from '../../functions/usecases/context';
import { submitPetition, transition, type TransitionInput } from '../../functions/usecases/petitions';
import type { Rating } from '../../shared/schemas/common';
import { movableClock, stackDeps } from '../support/deps';
import { openStaffApp, poll, type StaffApp } from '../support/staffApp';

const H = 3_600_000;
const T0 = Date.parse('2024-07-02T01:00:00Z'); // 09:00 on 2 July in China
/**
 * 邻里纠纷 (neighbour): accept within 24 hours; resolve within 7 working days of acceptance, never less than 7 calendar
 * days; every case here resolves within 3 days of acceptance or 20 days after, so counting 7 days is exact.
 */
const ACCEPT_LIMIT_H = 24;
const RESOLVE_LIMIT_H = 7 * 24;

/** Each case of the set: when it was reported (hours after T0), then what happened, in hours after its report. */
interface Case {
  name: string;
  reportedH: number;
  acceptedH?: number;
  declinedH?: number;
  resolvedH?: number;
  rating?: Rating;
  /** 调处结果 said at 办结 (邻里纠纷 is a mediation category: the 司法所's); unsaid is not an agreement */
  mediation?: 'agreed' | 'not_agreed';
}
const SET: Case[] = [
  { name: 'A', reportedH: 0, acceptedH: 2, resolvedH: 48, rating: 'satisfied', mediation: 'agreed' },
  { name: 'B', reportedH: 0, acceptedH: 30, resolvedH: 30 + 20 * 24, rating: 'basically_satisfied', mediation: 'agreed' }, // accepted late, resolved late
  { name: 'C', reportedH: 0, declinedH: 3 },
  { name: 'D', reportedH: 0 }, // never accepted: open and overdue
  { name: 'E', reportedH: 24, acceptedH: 1, resolvedH: 48, rating: 'dissatisfied', mediation: 'not_agreed' }, // reopened for review
  { name: 'F', reportedH: 24, acceptedH: 1 }, // accepted, never resolved: open and overdue
  { name: 'G', reportedH: 48, acceptedH: 1, resolvedH: 72 }, // resolved in time, not rated
];

// The four figures of July, counted from the set by their definitions. Every event of the set falls in July.
const accepted = SET.filter((c) => c.acceptedH !== undefined);
const resolved = SET.filter((c) => c.resolvedH !== undefined);
const rated = SET.filter((c) => c.rating !== undefined);
const EXPECTED = {
  // accepted or declined within the acceptance limit ÷ registered in the period
  timelyAcceptance: [SET.filter((c) => (c.acceptedH ?? c.declinedH ?? Infinity) <= ACCEPT_LIMIT_H).length, SET.length],
  // resolved by the resolve deadline ÷ cases whose resolve deadline (set on acceptance) falls in the period
  onTimeCompletion: [accepted.filter((c) => c.resolvedH !== undefined && c.resolvedH - c.acceptedH! <= RESOLVE_LIMIT_H).length, accepted.length],
  // (满意 + 基本满意) ÷ rated
  satisfaction: [rated.filter((c) => c.rating !== 'dissatisfied').length, rated.length],
  // rated ÷ resolved
  participation: [rated.length, resolved.length],
} as const;
const percent = ([n, d]: readonly [number, number]) => `${((n / d) * 100).toFixed(1)}%`;
/** The China calendar day of a moment. */
const day = (ms: number) => new Date(ms + 8 * H).toISOString().slice(0, 10);

/** The definitions shown under each rate: the domain brief's Chinese ones (shared/DOMAIN.md), nothing in English. */
const DOMAIN_DEFINITIONS = {
  timelyAcceptance: '期内登记的诉求中，在受理时限内受理或依法不予受理的件数 ÷ 期内登记件数',
  onTimeCompletion: '办理期限落在期内的诉求中，按期办结的件数 ÷ 办理期限落在期内的件数（逾期未办结的计入分母）',
  satisfaction: '（满意 + 基本满意）÷ 期内参评件数',
  participation: '期内参评件数 ÷ 期内办结件数',
};

const clock = movableClock(new Date(T0).toISOString());
const moler: StaffCaller = { kind: 'staff', id: 'u-moler', name: '值班员', role: 'centre_staff', scopeNodeId: 'moler' };
const ids: Record<string, string> = {};

async function seed(deps: Deps) {
  const suffix = Math.random().toString(36).slice(2, 8);
  const citizen = (c: Case) => ({ kind: 'citizen' as const, openid: `wx_dash-${c.name}-${suffix}` });
  // every step of every case, in the order of time
  const steps: Array<{ at: number; run: () => Promise<unknown> }> = [];
  const then = (c: Case, h: number, run: () => Promise<unknown>) => steps.push({ at: T0 + (c.reportedH + h) * H, run });
  const step = (c: Case, input: TransitionInput) => transition(deps, moler, ids[c.name]!, input);
  SET.forEach((c, i) => {
    then(c, 0, async () => {
      const out = await submitPetition(deps, citizen(c), `dash-${c.name}-${suffix}`, {
        channel: 'scan', postId: i % 2 ? 'moler-zhadalong-p1' : 'moler-moler-p1', categoryId: 'neighbour',
        description: `邻居在我家草场边堆放杂物（${c.name}）。`, photos: [], anonymous: false, phone: '13900001234',
      });
      ids[c.name] = out.response.id;
    });
    if (c.declinedH !== undefined) then(c, c.declinedH, () => step(c, { action: 'decline', reason: '已在法院立案审理', redirect: '人民法院' }));
    if (c.acceptedH !== undefined) {
      then(c, c.acceptedH, () => step(c, { action: 'accept' }));
      then(c, c.acceptedH + 0.5, () => step(c, { action: 'dispatch', departmentId: 'moler-justice' }));
    }
    if (c.resolvedH !== undefined) then(c, c.resolvedH, () => step(c, { action: 'resolve', summary: '经调解已清理', ...(c.mediation ? { mediation: c.mediation } : {}) }));
    if (c.rating) then(c, c.resolvedH! + 24, () => transition(deps, citizen(c), ids[c.name]!, { action: 'rate', rating: c.rating! }));
  });
  steps.sort((a, b) => a.at - b.at);
  for (const s of steps) {
    clock.t = new Date(s.at);
    await s.run();
  }
}

describe('the dashboard page (H5)', () => {
  let app: StaffApp;
  let deps: Deps;

  beforeAll(async () => {
    deps = stackDeps(clock);
    await seed(deps);
    app = await openStaffApp({ prefix: 'staff-dashboard' });
  }, 600_000);
  afterAll(async () => {
    await app?.close();
  });

  it('shows the four rates of a hand-computed set for the month and township a county supervisor picks', async () => {
    await app.loginAs('county');
    await app.el('#nav-dashboard').click();
    await app.page.waitForURL(/staff\/pages\/dashboard\/index/);
    await poll(() => app.el('#dash-figures').getAttribute('data-scope')).toBe('qilian');

    await app.open('pages/dashboard/index?month=2024-07');
    await app.el('#scope-moler').click();
    await poll(async () => [await app.el('#dash-figures').getAttribute('data-scope'), await app.el('#dash-figures').getAttribute('data-from')]).toEqual(['moler', '2024-07-01']);
    expect(await app.el('#dash-figures').getAttribute('data-to')).toBe('2024-07-31');

    for (const [key, ratio] of Object.entries(EXPECTED)) {
      expect(await app.el(`#rate-${key}`).textContent(), key).toBe(percent(ratio));
      expect(await app.el(`#num-${key}`).textContent(), key).toBe(String(ratio[0]));
      expect(await app.el(`#den-${key}`).textContent(), key).toBe(String(ratio[1]));
      expect(await app.el(`#def-${key}`).textContent(), key).toContain(DOMAIN_DEFINITIONS[key as keyof typeof DOMAIN_DEFINITIONS]);
      // the app is Chinese only: no English under a rate
      expect(await app.el(`#figure-${key}`).innerText(), key).not.toMatch(/[A-Za-z]/);
    }
    // (and the numbers are the ones worked out by hand: 5/7, 3/5, 2/3, 3/4)
    expect(Object.values(EXPECTED)).toEqual([[5, 7], [3, 5], [2, 3], [3, 4]]);
    expect(await app.el('#def-timelyAcceptance').textContent()).toContain('及时受理率');

    // counts of the period by category, village and township, beside July 2023 (nothing then)
    expect(await app.el('#by-category-neighbour').textContent()).toBe(`邻里纠纷${SET.length} 同比 0（+${SET.length}）`);
    expect(await app.el('#by-township-moler').textContent()).toBe(`默勒镇${SET.length} 同比 0（+${SET.length}）`);
    const atMoler = SET.filter((_, i) => i % 2 === 0).length;
    expect(await app.el('#by-village-moler-moler').textContent()).toBe(`默勒村${atMoler} 同比 0（+${atMoler}）`);
    expect(await app.el('#by-village-moler-zhadalong').textContent()).toBe(`扎沙村${SET.length - atMoler} 同比 0（+${SET.length - atMoler}）`);

    // every case came in by a post's code: 扫码 is all of them; no video reception or visit to share
    expect(await app.el('#by-channel-scan').textContent()).toBe(`扫码${SET.length} 件 · 占 100.0% · 上年同期 0`);
    expect(await app.el('#rate-videoShare').textContent()).toBe('—');
    // 化解率: accepted, and now resolved and never reopened (E was rated 不满意) ÷ accepted
    const settled = accepted.filter((c) => c.resolvedH !== undefined && c.rating !== 'dissatisfied');
    expect([await app.el('#num-resolution').textContent(), await app.el('#den-resolution').textContent()]).toEqual([String(settled.length), String(accepted.length)]);
    expect(await app.el('#rate-resolution').textContent()).toBe(percent([settled.length, accepted.length]));
    expect(await app.el('#def-resolution').textContent()).toBe('化解率 = 期内受理的诉求中，已办结且未被复诊（重新办理）的件数 ÷ 期内受理件数');
    // repeats: the cases stored with a repeat mark (the same matter at the same post while an earlier one was open)
    const marked = (await Promise.all(SET.map(async (c) => (await deps.petitions.get(ids[c.name]!))?.repeatOf))).filter(Boolean).length;
    expect(marked).toBeGreaterThan(0);
    expect([await app.el('#num-repeats').textContent(), await app.el('#den-repeats').textContent()]).toEqual([String(marked), String(SET.length)]);
    // 调处成功率: of the mediations ended in July (every resolution: 邻里纠纷 is mediated), those that ended in an agreement
    const agreed = resolved.filter((c) => c.mediation === 'agreed');
    expect([await app.el('#num-mediation').textContent(), await app.el('#den-mediation').textContent()]).toEqual([String(agreed.length), String(resolved.length)]);
    expect(await app.el('#rate-mediation').textContent()).toBe(percent([agreed.length, resolved.length]));
    expect(await app.el('#def-mediation').textContent()).toContain('调处成功率 = 期内首次办结的调解类诉求中，办结时记为“调解成功，达成协议”的件数');
    // 批次/人次: every case one citizen's report, so as many persons as batches
    expect([await app.el('#batches-count').textContent(), await app.el('#persons-count').textContent()]).toEqual([String(SET.length), String(SET.length)]);
    expect(await app.el('#batches-year-ago').textContent()).toBe('0 批次 · 0 人次');
    for (const key of ['resolution', 'repeats', 'videoShare', 'mediation']) expect(await app.el(`#figure-${key}`).innerText(), key).not.toMatch(/[A-Za-z]/);
    expect(await app.el('#batches').innerText()).not.toMatch(/[A-Za-z]/);

    // the trend: a bar pair per day of July, with the day's registrations and resolutions
    expect(await app.page.locator('#trend:visible .dash-day').count()).toBe(31);
    const perDay = (at: (c: Case) => number | undefined) => {
      const out: Record<string, number> = {};
      for (const c of SET) {
        const h = at(c);
        if (h !== undefined) out[day(T0 + (c.reportedH + h) * H)] = (out[day(T0 + (c.reportedH + h) * H)] ?? 0) + 1;
      }
      return out;
    };
    const registeredPerDay = perDay(() => 0);
    const resolvedPerDay = perDay((c) => c.resolvedH);
    expect(Object.keys(registeredPerDay).length + Object.keys(resolvedPerDay).length).toBeGreaterThan(4);
    for (let d = '2024-07-01'; d <= '2024-07-31'; d = day(Date.parse(`${d}T12:00:00+08:00`) + 24 * H)) {
      const bar = app.page.locator(`#trend:visible .dash-day[data-day="${d}"]`);
      expect([await bar.getAttribute('data-registered'), await bar.getAttribute('data-resolved')], d).toEqual([
        String(registeredPerDay[d] ?? 0),
        String(resolvedPerDay[d] ?? 0),
      ]);
    }

    // the open cases past their deadline are on the overdue list, each linking to its petition page
    for (const name of ['D', 'F']) {
      expect(await app.el(`#overdue-${ids[name]}`).getAttribute('data-url')).toBe(`/staff/pages/petition/index?id=${ids[name]}`);
    }
    expect(await app.page.locator(`#overdue-${ids.B}`).count()).toBe(0);
    await app.shot('1-moler-2024-07');

    // the whole county: its townships ranked on 化解率, then on 及时受理率; only 默勒镇 has cases in July 2024
    await app.el('#scope-all').click();
    await poll(() => app.el('#ranking-rows').getAttribute('data-by')).toBe('resolution');
    expect(await app.el('#rank-moler').getAttribute('data-rank')).toBe('1');
    expect(await app.el('#rank-moler').textContent()).toBe(`1. 默勒镇${percent([settled.length, accepted.length])} （${settled.length} / ${accepted.length}） ${SET.length} 批次 · ${SET.length} 人次`);
    expect(await app.el('#rank-babao').textContent()).toContain('—');
    await app.el('#rank-by-mediation').click();
    await poll(() => app.el('#rank-moler').textContent()).toBe(`1. 默勒镇${percent([agreed.length, resolved.length])} （${agreed.length} / ${resolved.length}） ${SET.length} 批次 · ${SET.length} 人次`);
    await app.el('#rank-by-timelyAcceptance').click();
    await poll(() => app.el('#rank-moler').textContent()).toBe(`1. 默勒镇${percent(EXPECTED.timelyAcceptance)} （${EXPECTED.timelyAcceptance.join(' / ')}） ${SET.length} 批次 · ${SET.length} 人次`);
    expect(await app.el('#ranking').innerText()).not.toMatch(/[A-Za-z]/);
    await app.shot('1b-county-ranking');
    await app.el('#scope-moler').click();
    await poll(() => app.el('#dash-figures').getAttribute('data-scope')).toBe('moler');

    // an overdue row opens its case file (one of the set's descriptions names its case)
    await app.el(`#overdue-${ids.F}`).click();
    await app.page.waitForURL(new RegExp(`staff/pages/petition/index\\?id=${ids.F}`));
    await poll(() => app.el('#description').textContent()).toContain('（F）');
    await app.page.goBack();
    await app.page.waitForURL(/staff\/pages\/dashboard\/index/);

    // the next month holds none of the set's events: nothing to divide by
    await app.el('#month-next').click();
    await poll(() => app.el('#dash-figures').getAttribute('data-from')).toBe('2024-08-01');
    expect(await app.el('#rate-timelyAcceptance').textContent()).toBe('—');
    expect(await app.el('#den-timelyAcceptance').textContent()).toBe('0');
    await app.el('#month-prev').click();
    await poll(() => app.el('#dash-figures').getAttribute('data-from')).toBe('2024-07-01');
    // the month is chosen in Chinese whatever the browser's language (this one's is English): a year and a month
    expect(await app.el('#month').innerText()).not.toMatch(/[A-Za-z]/);
    expect(await app.el('#month-year').inputValue()).toBe('2024');
    await app.el('#month-month').selectOption({ label: '8月' });
    await poll(() => app.el('#dash-figures').getAttribute('data-from')).toBe('2024-08-01');
    await app.el('#month-month').selectOption({ label: '7月' });
    await poll(() => app.el('#dash-figures').getAttribute('data-from')).toBe('2024-07-01');
  });

  it('downloads the period’s petitions as a CSV with masked phones', async () => {
    // 默勒镇 in July 2024, as a county supervisor picks them
    await app.loginAs('county');
    await app.open('pages/dashboard/index?month=2024-07');
    await app.el('#scope-moler').click();
    await poll(async () => [await app.el('#dash-figures').getAttribute('data-scope'), await app.el('#dash-figures').getAttribute('data-from')]).toEqual(['moler', '2024-07-01']);
    const [download] = await Promise.all([app.page.waitForEvent('download'), app.el('#export').click()]);
    expect(download.suggestedFilename()).toBe('shaogang-moler-2024-07-01-2024-07-31.csv');
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^跟踪码,登记时间,乡镇（苏木）/);
    expect(lines).toHaveLength(1 + SET.length);
    expect(bytes.toString('utf8')).not.toContain('13900001234');
    expect(lines.slice(1).every((l) => l.endsWith(',139****1234'))).toBe(true);
  });

  it('refuses a county-wide export longer than a quarter with the reason on the page', async () => {
    await app.loginAs('county');
    await app.open('pages/dashboard/index?from=2024-01-01&to=2024-07-31');
    await poll(() => app.el('#dash-figures').getAttribute('data-from')).toBe('2024-01-01');
    await app.el('#export').click();
    await poll(() => app.el('#export-error').textContent()).toContain('导出区间最长 93 天');
    await app.shot('2-county-too-long');
  });
});
