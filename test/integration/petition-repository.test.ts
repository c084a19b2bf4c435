import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient, newMeter } from '../../functions/adapters/dynamo/client';
import { DynamoPetitionRepository } from '../../functions/adapters/dynamo/petitions';
import { systemIds } from '../../functions/deps';
import type { Petition } from '../../shared/schemas/petition';
import { freshTable } from '../support/table';
import { stack } from '../support/worker';

let table: { name: string; drop: () => Promise<void> };
let repo: DynamoPetitionRepository;
const meter = newMeter();
const ids = systemIds();

beforeAll(async () => {
  const endpoint = stack().dynamoEndpoint;
  table = await freshTable(endpoint);
  repo = new DynamoPetitionRepository(documentClient({ region: 'local', endpoint, meter }), table.name);
});
afterAll(() => table.drop());

function petition(over: Partial<Petition> = {}): Petition {
  const id = ids.id();
  return {
    id,
    trackingCode: ids.trackingCode(),
    channel: 'scan',
    reporter: { kind: 'wechat', openid: 'wx_repo' },
    anonymous: false,
    categoryId: 'land_dispute',
    description: '草场边界纠纷，需要调解。',
    photos: [],
    status: 'submitted',
    level: 'township',
    countyId: 'qilian',
    townshipId: 'babao',
    centreId: 'babao',
    centrePath: 'qilian/babao',
    postId: 'babao-baiyanggou-p1',
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    dueAt: '2026-11-24T00:00:00.000Z',
    extended: false,
    overdue: false,
    version: 1,
    ...over,
  };
}

const event = (p: Petition, seq = 1) => ({
  seq,
  at: p.createdAt,
  actor: { role: 'citizen', id: 'wx_repo' },
  action: 'submit' as const,
  from: null,
  to: 'submitted' as const,
  visibility: 'public' as const,
});

async function store(p: Petition, key = ids.id()) {
  const out = await repo.create({ petition: p, event: event(p), idempotency: { scope: 'c:wx_repo', key, requestHash: 'h' }, quotas: [] });
  expect(out.created).toBe(true);
  return p;
}

describe('the petition repository on DynamoDB Local', () => {
  it('stores a petition with its first event and reads the case file back in one query', async () => {
    const p = await store(petition());
    const before = meter.requests;
    const file = await repo.getWithTimeline(p.id);
    expect(meter.requests - before).toBe(1);
    expect(file).toMatchObject({ id: p.id, status: 'submitted', timeline: [{ seq: 1, action: 'submit' }] });
  });

  it('answers a repeated idempotency key with the first petition, not a second', async () => {
    const first = petition();
    await store(first, 'same-key-123');
    const second = petition();
    const out = await repo.create({ petition: second, event: event(second), idempotency: { scope: 'c:wx_repo', key: 'same-key-123', requestHash: 'h' }, quotas: [] });
    expect(out).toMatchObject({ created: false, existingId: first.id });
    expect(await repo.get(second.id)).toBeUndefined();
    expect(await repo.findByTrackingCode(second.trackingCode)).toBeUndefined();
  });

  it('refuses a write made from a stale version and keeps the winner’s event', async () => {
    const p = await store(petition());
    const a = { ...p, status: 'accepted' as const, version: 2 };
    const b = { ...p, status: 'declined' as const, version: 2 };
    const ev = (to: 'accepted' | 'declined') => ({ ...event(p, 2), action: to === 'accepted' ? ('accept' as const) : ('decline' as const), from: 'submitted' as const, to });
    const [wa, wb] = await Promise.all([repo.applyTransition(p, a, [ev('accepted')]), repo.applyTransition(p, b, [ev('declined')])]);
    expect([wa, wb].filter(Boolean)).toHaveLength(1);
    const file = await repo.getWithTimeline(p.id);
    expect(file?.timeline).toHaveLength(2);
    expect(file?.status).toBe(wa ? 'accepted' : 'declined');
  });

  it('pages a centre queue newest first with an opaque cursor, and a status tab reads only that status', async () => {
    const centre = `c-${ids.id()}`;
    const made: Petition[] = [];
    for (let i = 0; i < 5; i++) {
      made.push(await store(petition({ centreId: centre, createdAt: `2026-11-2${i}T00:00:00.000Z`, status: i % 2 ? 'accepted' : 'submitted' })));
    }
    const first = await repo.listQueue({ kind: 'centre', centreId: centre }, {}, { limit: 2 });
    expect(first.items.map((x) => x.createdAt)).toEqual(['2026-11-24T00:00:00.000Z', '2026-11-23T00:00:00.000Z']);
    expect(first.cursor).toBeTruthy();
    const second = await repo.listQueue({ kind: 'centre', centreId: centre }, {}, { limit: 2, cursor: first.cursor });
    expect(second.items.map((x) => x.createdAt)).toEqual(['2026-11-22T00:00:00.000Z', '2026-11-21T00:00:00.000Z']);
    const accepted = await repo.listQueue({ kind: 'centre', centreId: centre }, { status: 'accepted' }, { limit: 10 });
    expect(accepted.items.map((x) => x.status)).toEqual(['accepted', 'accepted']);
    expect(accepted.items[0]).toMatchObject({ summary: '草场边界纠纷，需要调解。' });
  });

  it('lists what is past due in a county or a centre by deadline, oldest first, open cases only', async () => {
    const county = `k-${ids.id()}`;
    const centre = `c-${ids.id()}`;
    await store(petition({ countyId: county, centreId: centre, dueAt: '2026-11-20T00:00:00.000Z' }));
    await store(petition({ countyId: county, centreId: centre, dueAt: '2026-11-18T00:00:00.000Z' }));
    await store(petition({ countyId: county, centreId: centre, dueAt: '2026-12-30T00:00:00.000Z' }));
    await store(petition({ countyId: county, centreId: 'ebao', dueAt: '2026-11-19T00:00:00.000Z' }));
    // resolved: its deadline is the citizen's rating, not a step staff owe
    await store(petition({ countyId: county, centreId: centre, status: 'resolved', dueAt: '2026-11-17T00:00:00.000Z' }));
    const out = await repo.listOverdue({ kind: 'county', countyId: county }, new Date('2026-11-23T00:00:00Z'), { limit: 10 });
    expect(out.items.map((x) => x.dueAt)).toEqual(['2026-11-18T00:00:00.000Z', '2026-11-19T00:00:00.000Z', '2026-11-20T00:00:00.000Z']);
    const centreOnly = await repo.listOverdue({ kind: 'centre', centreId: centre }, new Date('2026-11-23T00:00:00Z'), { limit: 10 });
    expect(centreOnly.items.map((x) => x.dueAt)).toEqual(['2026-11-18T00:00:00.000Z', '2026-11-20T00:00:00.000Z']);
  });

  it('rejects a forged cursor with a 400-style validation error', async () => {
    await expect(repo.listQueue({ kind: 'centre', centreId: 'babao' }, {}, { limit: 2, cursor: Buffer.from('P#x"; drop').toString('base64url') })).rejects.toMatchObject({ code: 'validation' });
  });
});
