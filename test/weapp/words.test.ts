/**
 * The catalogue (miniprogram/src/i18n): a template takes its values by name, and the check the words browser test
 * runs on every citizen page tells the catalogue's words, filled templates and data from a word written elsewhere.
 */
import { describe, expect, it } from 'vitest';
import { fill, words } from '../../miniprogram/src/i18n';
import { catalogueStrings, dataOf, notInCatalogue } from '../support/catalogue';

describe('the citizen catalogue', () => {
  it('fills a template by name, each value where its name stands', () => {
    expect(fill(words.report.whichTownship, { township: '苏木' })).toBe('您在哪个苏木？');
    expect(fill(words.report.count, { n: 12, max: 1000 })).toBe('12 / 1000');
  });

  it('passes its own words, its templates filled, formatted times, numbers and data, and nothing else', () => {
    const data = dataOf({ items: [{ name: '白杨沟村党群服务中心岗', seconds: 12 }] });
    const shown = [
      words.report.send,
      fill(words.report.whichTownship, { township: '嘎查' }),
      '2026年12月1日 09:00',
      '3',
      '白杨沟村党群服务中心岗',
      '已办结',
      '马上提交',
      '您在哪个乡镇?',
    ];
    expect(notInCatalogue(shown, data)).toEqual(['马上提交', '您在哪个乡镇?']);
  });
});
