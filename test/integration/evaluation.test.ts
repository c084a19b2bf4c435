/**
 * 化解成效考评 with the real ports, on a table that holds a second county beside 祁连县 (门源县, served by the same
 * deployment): which departments and townships a county's or a centre's evaluation lists, under which names, and its
 * refusals in words. The figures themselves are counted by hand in the API test (test/api/evaluation.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeed } from '../../functions/local/seed';
import type { Deps, StaffCaller } from '../../functions/usecases/context';
import { evaluation } from '../../functions/usecases/evaluation';
import { NotFoundError, ValidationError } from '../../shared/errors';
import { ANOTHER_COUNTY } from '../support/builders';
import { movableClock, seededDeps } from '../support/deps';

let deps: Deps;
let drop: () => Promise<void>;
const clock = movableClock('2026-12-01T01:00:00Z');
const county: StaffCaller = { kind: 'staff', id: 'u-county', name: '督办员', role: 'county_supervisor', scopeNodeId: 'qilian' };
const babao: StaffCaller = { kind: 'staff', id: 'u-babao', name: '值班员', role: 'centre_staff', scopeNodeId: 'babao' };
const village: StaffCaller = { kind: 'staff', id: 'u-village-baiyanggou', name: '调委会', role: 'village_staff', scopeNodeId: 'babao-baiyanggou' };
const november = { from: '2026-11-01', to: '2026-11-30' };
const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));

beforeAll(async () => {
  ({ deps, drop } = await seededDeps({ clock }));
  for (const n of ANOTHER_COUNTY.nodes) await deps.org.putNode(n);
  for (const d of ANOTHER_COUNTY.departments) await deps.org.putDepartment(d);
}, 120_000);
afterAll(() => drop());

describe('化解成效考评 of a county beside another', () => {
  it('lists every department of the county’s townships and its own, with nothing counted too, and none of the other county', async () => {
    const res = await evaluation(deps, county, november);
    expect(res.scope).toEqual({ kind: 'county', id: 'qilian', name: '祁连县综治中心' });
    expect(res.rows.map((r) => r.departmentId).sort()).toEqual(readSeed().departments.map((d) => d.id).sort());
    expect(res.rows.find((r) => r.departmentId === 'moler-police')).toEqual({
      departmentId: 'moler-police',
      name: '默勒镇派出所',
      centreName: '默勒镇综治中心',
      handled: 0,
      resolved: 0,
      onTime: { numerator: 0, denominator: 0, rate: null },
      satisfaction: { numerator: 0, denominator: 0, rate: null },
      backlogSettled: 0,
    });
    expect(res.rows.find((r) => r.departmentId === 'qilian-women')).toMatchObject({ name: '县妇联', centreName: '祁连县综治中心' });
    // the townships a supervisor may choose: the county's three, not 浩门镇 nor any village
    expect(byId(res.townships)).toEqual([
      { id: 'babao', name: '八宝镇' },
      { id: 'ebao', name: '峨堡镇' },
      { id: 'moler', name: '默勒镇' },
    ]);
  });

  it('names one township’s evaluation after its centre, for its staff and for the county that chose it', async () => {
    const own = await evaluation(deps, babao, november);
    expect(own.scope).toEqual({ kind: 'centre', id: 'babao', name: '八宝镇综治中心' });
    expect(own.rows.map((r) => r.departmentId).sort()).toEqual(readSeed().departments.filter((d) => d.centreId === 'babao').map((d) => d.id).sort());
    expect(own.townships).toEqual([]);
    const chosen = await evaluation(deps, county, { ...november, townshipId: 'ebao' });
    expect(chosen.scope).toEqual({ kind: 'centre', id: 'ebao', name: '峨堡镇综治中心' });
    expect(byId(chosen.townships).map((t) => t.id)).toEqual(['babao', 'ebao', 'moler']);
  });

  it('tells the county that the other county’s township is not there, nor a village of its own', async () => {
    for (const townshipId of ['haomen', 'babao-baiyanggou']) {
      const theirs = evaluation(deps, county, { ...november, townshipId });
      await expect(theirs, townshipId).rejects.toThrow(NotFoundError);
      await expect(theirs, townshipId).rejects.toThrow('未找到该乡镇（苏木）');
    }
  });

  it('tells a village’s staff it is not there, and refuses a period over a year in words', async () => {
    const theirs = evaluation(deps, village, november);
    await expect(theirs).rejects.toThrow(NotFoundError);
    await expect(theirs).rejects.toThrow('未找到');
    // from a day more than a year back to today (the end left out): longer than a year
    const long = await evaluation(deps, county, { from: '2025-11-01' }).then(() => undefined, (err: unknown) => err);
    expect(long).toBeInstanceOf(ValidationError);
    expect(long).toMatchObject({ message: '统计区间最长一年', issues: [{ path: 'query.to', message: '统计区间最长一年' }] });
  });
});
