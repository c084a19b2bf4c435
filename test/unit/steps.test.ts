/**
 * The table of steps as its module builds it: which statuses the handling steps are taken from, what a note and a
 * number of days accept (and how a refusal is said), and the text fields of the staff forms.
 *
 * Each test loads shared/steps.ts afresh (a new query string makes it a module of its own): the table's values are
 * computed once, when the module loads, and a test that reads the copy its file imported cannot see a change to how
 * they are computed. The mutation run (test/mutation) switches a mutant on after a test file's imports have loaded, so
 * only a test that loads the module itself reads the mutated table. Only steps.ts is loaded again, not the schemas it
 * imports: their load-time values stay ignored by the mutation run, as everywhere else, rather than counted as reached
 * by these four tests, which do not check them.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type * as Steps from '../../shared/steps';
// imported as well as loaded afresh: the mutation run picks the tests of a file by what they import (vitest's related)
import '../../shared/steps';

let steps: typeof Steps;
let loads = 0;
beforeEach(async () => {
  const fresh = `../../shared/steps.ts?load=${++loads}`;
  steps = (await import(/* @vite-ignore */ fresh)) as typeof Steps;
});

/** The messages a step's body gives for a request, or none when it is accepted. */
const refusals = (action: keyof typeof Steps.STEP_TABLE, body: unknown) => {
  const parsed = steps.STEP_TABLE[action].body.safeParse(body);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
};

describe('the step table', () => {
  it('takes the handling steps from a case at a department (dispatched, in progress, reopened), the centre\'s also from accepted', () => {
    const from = (action: keyof typeof Steps.STEP_TABLE) => steps.STEP_TABLE[action].from;
    for (const action of ['progress', 'resolve', 'report_in', 'invite_expert', 'book_meeting'] as const) {
      expect([action, from(action)]).toEqual([action, ['dispatched', 'in_progress', 'reopened']]);
    }
    for (const action of ['consult', 'classify', 'post_board', 'claim_lead', 'assign_team'] as const) {
      expect([action, from(action)]).toEqual([action, ['accepted', 'dispatched', 'in_progress', 'reopened']]);
    }
  });

  it('takes an optional note of up to 500 characters, called 备注 unless the step names it', () => {
    expect(refusals('accept', {})).toEqual([]);
    expect(refusals('accept', { note: '已受理' })).toEqual([]);
    expect(refusals('accept', { note: '字'.repeat(500) })).toEqual([]);
    expect(refusals('accept', { note: '字'.repeat(501) })).toEqual(['备注不能超过 500 个字']);
    expect(refusals('inform', { note: '字'.repeat(501) })).toEqual(['告知情况不能超过 500 个字']);
    expect(refusals('rate', { rating: 'satisfied', comment: '字'.repeat(501) })).toEqual(['评价不能超过 500 个字']);
  });

  it('takes a whole number of days from 1 to the most, and says each refusal with the step\'s word', () => {
    const extend = (days: unknown) => refusals('extend', { days, reason: '需等待确权' });
    expect(extend(30)).toEqual([]);
    expect(refusals('extend', { reason: '需等待确权' })).toEqual(['请填写延期天数']);
    expect(extend(1.5)).toEqual(['延期天数须为整数']);
    expect(extend(0)).toEqual(['延期至少 1 天']);
    expect(extend(31)).toEqual(['延期最多 30 天']);
    expect(refusals('supervise', { note: '请抓紧', days: 31 })).toEqual(['限期最多 30 天']);
    expect(refusals('supervise', { note: '请抓紧' })).toEqual([]);
  });

  it('gives each long text of a staff form a text area with its limit', () => {
    expect(steps.STEP_TABLE.accept.form).toEqual([{ name: 'note', label: '受理备注（可不填）', kind: 'textarea', max: 500 }]);
    expect(steps.STEP_TABLE.decline.form).toEqual([
      { name: 'reason', label: '不予受理的理由', kind: 'textarea', max: 500 },
      { name: 'redirect', label: '建议的办理途径', kind: 'textarea', max: 200 },
    ]);
  });
});

describe("the steps' routes", () => {
  it('puts the citizen\'s one step (评哨, rate) under /petitions and every other under /staff/petitions', () => {
    expect(steps.STEP_ACTIONS.filter((a) => steps.isCitizenStep(a))).toEqual(['rate']);
    expect(steps.STAFF_STEPS).toEqual(steps.STEP_ACTIONS.filter((a) => a !== 'rate'));
    expect(steps.STAFF_STEPS.length).toBeGreaterThan(20);
    expect(steps.stepPath('rate')).toBe('/petitions/{id}/rating');
    expect(steps.stepPath('accept')).toBe('/staff/petitions/{id}/accept');
    expect(steps.stepPath('book_meeting')).toBe('/staff/petitions/{id}/meeting');
  });
});
