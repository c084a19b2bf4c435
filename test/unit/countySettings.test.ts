/** What a county sets for itself (shared/countySettings.ts): its level names, its category order, its mediated categories. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LEVEL_NAMES, inCountyOrder, isMediationCategory, levelNamesAcross, levelNamesOf } from '../../shared/countySettings';

const township = { kind: 'township' };
const qinghai = { kind: 'county', settings: { levelNames: { township: '乡镇', village: '村（社区）' }, categoryOrder: [] } };
const mongolia = { kind: 'county', settings: { levelNames: { township: '苏木', village: '嘎查' }, categoryOrder: ['heating', 'land_dispute'] } };

describe('county settings', () => {
  it("names the levels as the county's settings say, the county found among any nodes", () => {
    expect(levelNamesOf([township, mongolia])).toEqual({ township: '苏木', village: '嘎查' });
    expect(levelNamesOf([{ kind: 'township', settings: mongolia.settings }, qinghai])).toEqual(qinghai.settings.levelNames);
  });

  it('names the levels across nodes by their one county, each node counted once, and by 乡镇 and 村（社区） across several or none', () => {
    expect(levelNamesAcross([township, mongolia, township, mongolia])).toEqual({ township: '苏木', village: '嘎查' });
    expect(levelNamesAcross([mongolia, qinghai])).toEqual(DEFAULT_LEVEL_NAMES);
    expect(levelNamesAcross([township])).toEqual(DEFAULT_LEVEL_NAMES);
  });

  it('names them 乡镇 and 村（社区） where no county or no settings are given', () => {
    expect(levelNamesOf([township])).toEqual(DEFAULT_LEVEL_NAMES);
    expect(levelNamesOf([{ kind: 'county' }])).toEqual({ township: '乡镇', village: '村（社区）' });
    expect(levelNamesOf([])).toEqual(DEFAULT_LEVEL_NAMES);
  });

  it('lists the categories the county ranks first, as ranked, then the others as stored', () => {
    const stored = [{ id: 'roads' }, { id: 'land_dispute' }, { id: 'wages' }, { id: 'heating' }];
    expect(inCountyOrder(stored, [township, mongolia]).map((c) => c.id)).toEqual(['heating', 'land_dispute', 'roads', 'wages']);
    expect(inCountyOrder(stored, [qinghai]).map((c) => c.id)).toEqual(['roads', 'land_dispute', 'wages', 'heating']);
    expect(inCountyOrder(stored, []).map((c) => c.id)).toEqual(['roads', 'land_dispute', 'wages', 'heating']);
    expect(inCountyOrder(stored, [{ kind: 'county' }]).map((c) => c.id)).toEqual(['roads', 'land_dispute', 'wages', 'heating']);
    // the first ranked category first even when stored last
    const first = { kind: 'county', settings: { ...mongolia.settings, categoryOrder: ['wages'] } };
    expect(inCountyOrder(stored, [first]).map((c) => c.id)).toEqual(['wages', 'roads', 'land_dispute', 'heating']);
  });

  it("counts as mediated the categories the county lists, else those of the justice office", () => {
    const listing = { kind: 'county', settings: { ...qinghai.settings, mediationCategoryIds: ['heating'] } };
    expect(isMediationCategory(listing, { id: 'heating', departmentKind: 'housing' })).toBe(true);
    expect(isMediationCategory(listing, { id: 'land_dispute', departmentKind: 'justice' })).toBe(false);
    expect(isMediationCategory(qinghai, { id: 'land_dispute', departmentKind: 'justice' })).toBe(true);
    expect(isMediationCategory(undefined, { id: 'heating', departmentKind: 'housing' })).toBe(false);
    expect(isMediationCategory({ kind: 'county' }, { id: 'land_dispute', departmentKind: 'justice' })).toBe(true);
  });
});
