/**
 * 会诊会议 with the real ports: two sends of one Idempotency-Key that cross. The second looked at the key before the
 * first had written it; it then finds the hosts' slots taken (by the first), looks at the key again and answers the
 * meeting the first booked, never a 409 and never a second meeting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveHost } from '../../functions/usecases/bookings';
import type { Deps } from '../../functions/usecases/context';
import { bookMeeting } from '../../functions/usecases/meetings';
import { submitPetition, transition } from '../../functions/usecases/petitions';
import { HostBody } from '../../shared/schemas/booking';
import { movableClock, seededDeps } from '../support/deps';
import { departmentHostBody } from '../support/api';

let deps: Deps;
let drop: () => Promise<void>;
const clock = movableClock('2026-12-01T01:00:00Z');
const centre = { kind: 'staff' as const, id: 'u-babao', name: '值班员', role: 'centre_staff' as const, scopeNodeId: 'babao' };

beforeAll(async () => {
  ({ deps, drop } = await seededDeps({ clock }));
}, 120_000);
afterAll(() => drop());

/** A video host of one of 八宝镇's departments (the API tests' departmentHostBody), saved through the use case. */
async function departmentHost(departmentId: string, name: string) {
  const id = `h-${departmentId}`;
  const body = HostBody.parse(departmentHostBody(departmentId, name));
  await saveHost(deps, centre, id, body);
  return id;
}

describe('a consultation meeting booked by two sends that cross', () => {
  it('answers the later send with the meeting the first booked, and books no second', async () => {
    const sent = await submitPetition(deps, { kind: 'citizen', openid: 'wx_meeting' }, 'k-meeting', {
      channel: 'scan', postId: 'babao-baiyanggou-p1', categoryId: 'land_dispute', description: '草场围栏被邻居挪动，请调解。', photos: [], anonymous: false,
    });
    const id = sent.response.id;
    await transition(deps, centre, id, { action: 'accept' });
    await transition(deps, centre, id, { action: 'consult', leadDepartmentId: 'babao-natural-resources', departmentIds: ['babao-justice'], question: '草场边界如何认定？', days: 2 });
    const hostIds = [await departmentHost('babao-natural-resources', '自然资源所接访员'), await departmentHost('babao-justice', '司法所接访员')];
    // 18:00 in China the same day: past the hosts' three hours' notice
    const body = { start: '2026-12-01T10:00:00.000Z', hostIds, withCitizen: false };

    const first = await bookMeeting(deps, centre, id, body, 'meeting-key-1');
    expect(first.meetings).toHaveLength(1);

    // the later send's first look at the key came before the first send wrote it
    const real = deps.petitions.keyRecord.bind(deps.petitions);
    let looks = 0;
    const petitions = Object.assign(Object.create(deps.petitions) as Deps['petitions'], {
      keyRecord: (scope: string, key: string) => (looks++ === 0 ? Promise.resolve(undefined) : real(scope, key)),
    });
    const later = await bookMeeting({ ...deps, petitions }, centre, id, body, 'meeting-key-1');
    expect(looks).toBe(2);
    expect(later.meetings.map((m) => m.id)).toEqual([first.meetings[0]!.id]);
    expect(later.timeline.filter((e) => e.action === 'book_meeting')).toHaveLength(1);
    const states = await Promise.all(hostIds.map((h) => deps.bookings.slotStates(h, body.start, body.start)));
    expect(states.map((s) => s.map((x) => x.booked))).toEqual([[1], [1]]);
  });
});
