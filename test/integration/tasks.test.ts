/** 回访 and 复查: tasks that appear in the centre's list when they fall due, and leave it when done. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps, StaffCaller } from '../../functions/usecases/context';
import { staffTasks, submitPetition, transition } from '../../functions/usecases/petitions';
import { movableClock, seededDeps } from '../support/deps';

let deps: Deps;
let drop: () => Promise<void>;
const T0 = Date.parse('2026-12-01T01:00:00Z');
const clock = movableClock(new Date(T0).toISOString());
const babao: StaffCaller = { kind: 'staff', id: 'u-babao', name: '值班员', role: 'centre_staff', scopeNodeId: 'babao' };
const county: StaffCaller = { kind: 'staff', id: 'u-county', name: '县督办员', role: 'county_supervisor', scopeNodeId: 'qilian' };
const D = 86_400_000;
const at = (days: number) => { clock.t = new Date(T0 + days * D); };

beforeAll(async () => {
  ({ deps, drop } = await seededDeps({ clock }));
}, 120_000);
afterAll(() => drop());

async function resolved(name: string) {
  at(0);
  const id = (await submitPetition(deps, { kind: 'citizen', openid: `wx_${name}` }, `key-${name}`, {
    channel: 'scan', postId: 'babao-baiyanggou-p1', categoryId: 'land_dispute', description: '草场纠纷需要调解处理。', photos: [], anonymous: false,
  })).response.id;
  await transition(deps, babao, id, { action: 'accept' });
  await transition(deps, babao, id, { action: 'dispatch', departmentId: 'babao-natural-resources' });
  await transition(deps, babao, id, { action: 'resolve', summary: '已调解' });
  return id;
}
const taskIds = async () => (await staffTasks(deps, babao, { limit: 50 })).items.map((t) => [t.id, t.task]);

describe('follow-up and review tasks', () => {
  it('puts a follow-up call in the queue seven days after resolution, until staff record how it went', async () => {
    const id = await resolved('called');
    at(6);
    expect(await taskIds()).not.toContainEqual([id, 'follow_up']);
    at(7.01);
    expect(await taskIds()).toContainEqual([id, 'follow_up']);
    await transition(deps, babao, id, { action: 'follow_up', reached: true, rating: 'satisfied', note: '电话回访，群众表示满意' });
    expect(await taskIds()).not.toContainEqual([id, 'follow_up']);
    const p = await deps.petitions.getWithTimeline(id);
    expect(p?.followUp).toMatchObject({ reached: true, rating: 'satisfied' });
    expect(p?.timeline.at(-1)).toMatchObject({ action: 'follow_up', visibility: 'internal' });
    await expect(transition(deps, babao, id, { action: 'follow_up', reached: true, note: '再次回访' })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('makes a dissatisfied rating a review task at once', async () => {
    const id = await resolved('unhappy');
    at(1);
    await transition(deps, { kind: 'citizen', openid: 'wx_unhappy' }, id, { action: 'rate', rating: 'dissatisfied', comment: '围栏还没恢复' });
    expect(await taskIds()).toContainEqual([id, 'review']);
    await transition(deps, babao, id, { action: 'dispatch', departmentId: 'babao-justice', note: '复查' });
    expect((await taskIds()).map(([x]) => x)).not.toContain(id);
  });

  it('puts the follow-up call of a case the county centre resolved in the county’s own list, not the township’s', async () => {
    at(0);
    const id = (await submitPetition(deps, { kind: 'citizen', openid: 'wx_county' }, 'key-county', {
      channel: 'scan', postId: 'babao-baiyanggou-p1', categoryId: 'land_dispute', description: '草场纠纷涉及两个乡镇。', photos: [], anonymous: false,
    })).response.id;
    await transition(deps, babao, id, { action: 'transfer', centreId: 'qilian', reason: '涉及多个乡镇，请县综治中心办理' });
    await transition(deps, county, id, { action: 'accept' });
    await transition(deps, county, id, { action: 'dispatch', departmentId: 'qilian-natural-resources' });
    await transition(deps, county, id, { action: 'resolve', summary: '已调解' });
    at(7.01);
    expect((await staffTasks(deps, county, { limit: 50 })).items.map((t) => [t.id, t.task])).toContainEqual([id, 'follow_up']);
    expect((await taskIds()).map(([x]) => x)).not.toContain(id);
  });
});
