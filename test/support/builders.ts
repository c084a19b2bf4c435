/**
 * Fixture builders: a test says what matters about its petition (`aPetition().dispatched().withPhone().build()`) and
 * takes the rest from one well-formed default, instead of copying a whole object.
 */
import type { Petition } from '../../shared/schemas/petition';
import type { CategoryLimits, Department, OrgNode } from '../../shared/schemas/org';
import type { Level, Status } from '../../shared/schemas/common';

const BASE: Petition = {
  id: 'P1',
  trackingCode: 'ABCDEFGHJK',
  channel: 'scan',
  reporter: { kind: 'wechat', openid: 'wx_a' },
  anonymous: false,
  categoryId: 'land_dispute',
  description: '草场边界纠纷',
  photos: [],
  status: 'submitted',
  level: 'township',
  countyId: 'qilian',
  townshipId: 'babao',
  centreId: 'babao',
  centrePath: 'qilian/babao',
  createdAt: '2026-11-22T02:00:00.000Z',
  updatedAt: '2026-11-22T02:00:00.000Z',
  dueAt: '2026-11-23T02:00:00.000Z',
  resolveDueAt: '2027-01-20T02:00:00.000Z',
  followUpAt: '2026-11-30T02:00:00.000Z',
  extended: false,
  overdue: false,
  version: 1,
};

export interface PetitionBuilder {
  with(patch: Partial<Petition>): PetitionBuilder;
  in(status: Status): PetitionBuilder;
  accepted(): PetitionBuilder;
  dispatched(departmentId?: string): PetitionBuilder;
  inProgress(): PetitionBuilder;
  resolved(): PetitionBuilder;
  at(level: Level): PetitionBuilder;
  withPhone(phone?: string): PetitionBuilder;
  repeating(id?: string): PetitionBuilder;
  build(): Petition;
}

/** A petition of 八宝镇, reported a day ago by a citizen at a post, waiting to be accepted. */
export function aPetition(over: Partial<Petition> = {}): PetitionBuilder {
  const p: Petition = { ...BASE, ...over };
  const next = (patch: Partial<Petition>) => aPetition({ ...p, ...patch });
  return {
    with: next,
    in: (status) => next({ status }),
    accepted: () => next({ status: 'accepted', acceptedAt: '2026-11-22T04:00:00.000Z' }),
    dispatched: (departmentId = 'babao-justice') => next({ status: 'dispatched', acceptedAt: '2026-11-22T04:00:00.000Z', departmentId }),
    inProgress: () => next({ status: 'in_progress', acceptedAt: '2026-11-22T04:00:00.000Z', departmentId: p.departmentId ?? 'babao-justice' }),
    resolved: () => next({ status: 'resolved', resolvedAt: '2026-11-23T01:00:00.000Z', departmentId: p.departmentId ?? 'babao-justice' }),
    at: (level) => next({ level }),
    withPhone: (phone = '13812341234') => next({ phone }),
    repeating: (id = 'P0') => next({ repeatOf: id }),
    build: () => structuredClone(p),
  };
}

/** A category's time limits as the workflow tests take them: a day to accept and to dispatch, 15 workdays to resolve. */
export const LIMITS: CategoryLimits = {
  accept: { amount: 24, unit: 'hours' },
  dispatch: { amount: 24, unit: 'hours' },
  resolve: { amount: 15, unit: 'workdays' },
  rate: { amount: 7, unit: 'days' },
  review: { amount: 30, unit: 'days' },
  followUp: { amount: 7, unit: 'days' },
};

/**
 * 门源县: a second county served by the same deployment (its own tree beside 祁连县's in one table), with one township,
 * 浩门镇, and a department at each of their centres. Put with the org repository, as the seed puts 祁连县.
 */
export const ANOTHER_COUNTY: { nodes: OrgNode[]; departments: Department[] } = {
  nodes: [
    { id: 'menyuan', kind: 'county', name: '门源县', path: 'menyuan', centreName: '门源县综治中心' },
    { id: 'haomen', kind: 'township', name: '浩门镇', parentId: 'menyuan', path: 'menyuan/haomen', centreName: '浩门镇综治中心' },
  ],
  departments: [
    { id: 'menyuan-letters', centreId: 'menyuan', kind: 'letters', name: '门源县信访局' },
    { id: 'haomen-justice', centreId: 'haomen', kind: 'justice', name: '浩门镇司法所' },
  ],
};

/**
 * 祁连山县: a second county whose id begins with 祁连县's (`qilian`, `qilianshan`), so a check of a path by bare prefix
 * takes it for 祁连县; with one township, 山前乡.
 */
export const PREFIXED_COUNTY: { county: OrgNode; township: OrgNode } = {
  county: { id: 'qilianshan', kind: 'county', name: '祁连山县', path: 'qilianshan', centreName: '祁连山县综治中心' },
  township: { id: 'shanqian', kind: 'township', name: '山前乡', parentId: 'qilianshan', path: 'qilianshan/shanqian', centreName: '山前乡综治中心' },
};
