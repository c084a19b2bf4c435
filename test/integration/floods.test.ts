/**
 * A flood at one post (a printed code photographed and passed around, or a script) stops at the post's hourly limit
 * with 429's message, whoever reports; other posts and the next hour are not affected. A citizen's own reports stop at
 * their hourly limit the same way, refused at the first try (a limit is no lost race to try again). Use cases on
 * DynamoDB Local.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitPetition } from '../../functions/usecases/petitions';
import type { Deps } from '../../functions/usecases/context';
import { TooManyRequestsError } from '../../shared/errors';
import { SubmitPetitionBody } from '../../shared/schemas/api';
import { movableClock, seededDeps } from '../support/deps';

const clock = movableClock('2026-06-10T09:05:00+08:00');
let deps: Deps;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ deps, drop } = await seededDeps({ clock }));
}, 60_000);
afterAll(() => drop?.());

let n = 0;
const citizen = (i: number) => ({ kind: 'citizen' as const, openid: `wx_flood_${i}` });
const at = (postId: string, who = citizen(Math.floor(n / 10))) =>
  submitPetition(deps, who, `flood-${n++}-key`, SubmitPetitionBody.parse({ channel: 'scan', postId, categoryId: 'other', description: '同一个岗点的大量反映。' }));

describe('a flood of reports at one post', () => {
  it('takes the post\'s limit in an hour, from many citizens, then answers 429 with a clear message', async () => {
    const limit = deps.rateLimits.perPostHour;
    expect(limit).toBe(200);
    for (let i = 0; i < limit; i++) expect((await at('ebao-ebao-p1')).created).toBe(true);

    const refused = await at('ebao-ebao-p1', citizen(9999)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TooManyRequestsError);
    expect((refused as Error).message).toContain('频繁');

    // another post is not affected, nor is the same post in the next hour
    expect((await at('babao-baiyanggou-p1', citizen(9998))).created).toBe(true);
    clock.t = new Date('2026-06-10T10:00:00+08:00');
    expect((await at('ebao-ebao-p1', citizen(9997))).created).toBe(true);
  }, 300_000);
});

describe('a citizen’s reports in an hour', () => {
  it('stop at the citizen’s limit with 429 and its words, refused at the first try: a limit is not tried again', async () => {
    clock.t = new Date('2026-06-11T09:05:00+08:00');
    const herder = { kind: 'citizen' as const, openid: 'wx_flood_eager' };
    const online = SubmitPetitionBody.parse({ channel: 'online', townshipId: 'babao', categoryId: 'other', description: '一个人一小时内反映了很多次。' });
    const limit = deps.rateLimits.perUserHour;
    for (let i = 0; i < limit; i++) expect((await submitPetition(deps, herder, `eager-${i}-key`, online)).created).toBe(true);

    // the ports, counting the report's writes (each one transaction with its counters)
    let writes = 0;
    const petitions = Object.create(deps.petitions) as Deps['petitions'];
    petitions.create = (input) => {
      writes++;
      return deps.petitions.create(input);
    };
    const refused = await submitPetition({ ...deps, petitions }, herder, 'eager-over-key', online).catch((e: unknown) => e);
    expect(refused).toEqual(new TooManyRequestsError('提交过于频繁，请一小时后再试；紧急情况请拨打综治中心电话'));
    expect(writes).toBe(1);
  });
});
