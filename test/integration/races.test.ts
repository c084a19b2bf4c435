/**
 * Lost races, played out on DynamoDB Local: a report whose tracking code another case already holds draws a new one
 * (five draws, then 409), and a step whose case someone else changes on every try gives up with 409, writing nothing
 * of its own. The use cases run on the real repository; only the codes drawn, or when the other writer writes, are
 * the test's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps, StaffCaller } from '../../functions/usecases/context';
import { revealPhone, stepForStaff, submitPetition } from '../../functions/usecases/petitions';
import { ConflictError } from '../../shared/errors';
import { movableClock, seededDeps } from '../support/deps';

const clock = movableClock('2026-12-01T02:00:00Z');
let deps: Deps;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ deps, drop } = await seededDeps({ clock }));
}, 120_000);
afterAll(() => drop?.());

const citizen = (name: string) => ({ kind: 'citizen' as const, openid: `wx_race_${name}` });
const centre: StaffCaller = { kind: 'staff', id: 'u-babao', name: '八宝镇综治中心值班员', role: 'centre_staff', scopeNodeId: 'babao' };
const colleague: StaffCaller = { ...centre, id: 'u-babao-2', name: '八宝镇综治中心另一位值班员' };
const body = { channel: 'scan' as const, postId: 'babao-baiyanggou-p1', categoryId: 'land_dispute', description: '草场围栏被挪动，请调解。', photos: [], anonymous: false };

/** The ports, with tracking codes drawn as `taken` for the first `times` draws and fresh ones after. */
function drawing(taken: string, times: number) {
  let draws = 0;
  const codes = { ...deps, ids: { ...deps.ids, trackingCode: () => (draws++ < times ? taken : deps.ids.trackingCode()) } };
  return { deps: codes, draws: () => draws };
}

describe('a tracking code already issued', () => {
  it('is drawn again: the report is filed once, under a code of its own', async () => {
    const first = (await submitPetition(deps, citizen('first'), 'race-first', body)).response;
    const codes = drawing(first.trackingCode, 2);

    const second = await submitPetition(codes.deps, citizen('second'), 'race-second', body);
    expect(second.created).toBe(true);
    expect(codes.draws()).toBe(3);
    expect(second.response.trackingCode).not.toBe(first.trackingCode);
    expect((await deps.petitions.findByTrackingCode(first.trackingCode))?.id).toBe(first.id);
    expect((await deps.petitions.findByTrackingCode(second.response.trackingCode))?.id).toBe(second.response.id);
    expect((await deps.petitions.listByReporter(citizen('second').openid, { limit: 10 })).items.map((p) => p.id)).toEqual([second.response.id]);
  });

  it('five times running answers 409 asking to try later, with nothing filed: the same key files the report afterwards', async () => {
    const first = (await submitPetition(deps, citizen('holder'), 'race-holder', body)).response;
    const codes = drawing(first.trackingCode, 5);

    const refused = await submitPetition(codes.deps, citizen('unlucky'), 'race-unlucky', body).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as Error).message).toBe('提交失败，请稍后重试');
    expect(codes.draws()).toBe(5);
    expect((await deps.petitions.listByReporter(citizen('unlucky').openid, { limit: 10 })).items).toEqual([]);

    const again = await submitPetition(deps, citizen('unlucky'), 'race-unlucky', body);
    expect(again.created).toBe(true);
    expect((await deps.petitions.listByReporter(citizen('unlucky').openid, { limit: 10 })).items.map((p) => p.id)).toEqual([again.response.id]);
  });
});

describe('a step on a case someone else changes on every try', () => {
  it('answers 409 asking to refresh after its tries, and the case holds only the other writer’s events', async () => {
    const { id } = (await submitPetition(deps, citizen('busy'), 'race-busy', { ...body, phone: '13812341234' })).response;
    // the ports of the step: before each of its writes, a colleague looks at the phone (a recorded event, a new version)
    const petitions = Object.create(deps.petitions) as Deps['petitions'];
    petitions.applyTransition = async (...args) => {
      await revealPhone(deps, colleague, id);
      return deps.petitions.applyTransition(...args);
    };

    const refused = await stepForStaff({ ...deps, petitions }, centre, id, { action: 'accept', note: '已登记' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as Error).message).toBe('该诉求正在被他人处理，请刷新后重试');
    const after = await deps.petitions.getWithTimeline(id);
    expect(after?.status).toBe('submitted');
    expect(after?.timeline.map((e) => e.action)).toEqual(['submit', ...Array(6).fill('reveal_phone')]);
  });
});
