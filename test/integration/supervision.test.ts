/** The sweep on DynamoDB Local with a clock the test moves: each alert once, escalation, and a read bounded by what is due. */
import { BatchWriteCommand, type BatchWriteCommandInput, type BatchWriteCommandOutput } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient, newMeter } from '../../functions/adapters/dynamo/client';
import { petitionItem } from '../../functions/adapters/dynamo/petitions';
import { systemIds } from '../../functions/deps';
import type { Deps } from '../../functions/usecases/context';
import { submitPetition, transition } from '../../functions/usecases/petitions';
import { sweep } from '../../functions/usecases/supervision';
import { DEFAULT_SUPERVISION } from '../../shared/supervision';
import type { Petition } from '../../shared/schemas/petition';
import { movableClock, seededDeps } from '../support/deps';
import { stack } from '../support/worker';

let table: { name: string; drop: () => Promise<void> };
let deps: Deps;
const clock = movableClock('2026-12-01T01:00:00Z');
const meter = newMeter();
const policy = DEFAULT_SUPERVISION; // remind in the step's last quarter (at least 1 h), overdue 24 h after: the config's defaults

beforeAll(async () => {
  const made = await seededDeps({ clock, meter });
  deps = made.deps;
  table = { name: made.table, drop: made.drop };
}, 120_000);
afterAll(() => table.drop());

const at = (iso: string) => new Date(iso);
const citizen = (name: string) => ({ kind: 'citizen' as const, openid: `wx_${name}` });
const centre = { kind: 'staff' as const, id: 'u-babao', name: '值班员', role: 'centre_staff' as const, scopeNodeId: 'babao' };

async function submit(name: string, categoryId = 'land_dispute') {
  const out = await submitPetition(deps, citizen(name), `key-${name}-${Date.now()}`, {
    channel: 'scan', postId: 'babao-baiyanggou-p1', categoryId, description: '草场围栏被挪动，请调解。', photos: [], anonymous: false,
  });
  return out.response.id;
}
const actions = async (id: string) => (await deps.petitions.getWithTimeline(id))?.timeline.map((e) => e.action) ?? [];

/** Petitions written straight to the table (BatchWrite), as a busy county would hold them: each a 24-hour step due at `dueAt`, its reminder six hours before. */
const bulk = {
  base: {
    channel: 'scan', reporter: { kind: 'wechat', openid: 'wx_bulk' }, anonymous: false, categoryId: 'land_dispute',
    description: '批量数据', photos: [], status: 'submitted', level: 'township', countyId: 'qilian', townshipId: 'babao',
    centreId: 'babao', centrePath: 'qilian/babao', createdAt: '2026-12-01T00:00:00.000Z', updatedAt: '2026-12-01T00:00:00.000Z',
    extended: false, overdue: false, version: 1,
  } satisfies Omit<Petition, 'id' | 'trackingCode' | 'dueAt'>,
  make(dueAt: string): Petition {
    const ids = systemIds();
    return { ...bulk.base, id: ids.id(), trackingCode: ids.trackingCode(), dueAt, dueFrom: new Date(Date.parse(dueAt) - 24 * 3_600_000).toISOString() };
  },
  async write(items: Petition[]) {
    const db = documentClient({ region: 'local', endpoint: stack().dynamoEndpoint });
    const batches: Petition[][] = [];
    for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
    const write = async (batch: Petition[]) => {
      let req: BatchWriteCommandInput['RequestItems'] = { [table.name]: batch.map((p) => ({ PutRequest: { Item: petitionItem(p, policy) } })) };
      while (req && Object.keys(req).length) {
        const out: BatchWriteCommandOutput = await db.send(new BatchWriteCommand({ RequestItems: req }));
        req = out.UnprocessedItems;
      }
    };
    for (let i = 0; i < batches.length; i += 16) await Promise.all(batches.slice(i, i + 16).map(write));
  },
};

describe('the supervision sweep', () => {
  it('reminds, urges and escalates a petition walked past each threshold, exactly once each', async () => {
    clock.t = at('2026-12-01T01:00:00Z');
    const id = await submit('walker'); // acceptance due in 24 h: 2026-12-02T01:00Z
    clock.t = at('2026-12-01T00:30:00Z');
    expect((await sweep(deps, policy, at('2026-12-01T00:30:00Z'))).acted.map((a) => a.id)).not.toContain(id);

    // not near due at birth: the 24-hour step's last quarter starts at 19:00
    expect((await sweep(deps, policy, at('2026-12-01T18:55:00Z'))).acted.map((a) => a.id)).not.toContain(id);
    const near = await sweep(deps, policy, at('2026-12-01T19:05:00Z'));
    expect(near.acted.find((a) => a.id === id)?.alerts).toEqual(['remind']);
    await sweep(deps, policy, at('2026-12-01T20:00:00Z'));
    expect(await actions(id)).toEqual(['submit', 'remind']);

    const due = await sweep(deps, policy, at('2026-12-02T01:05:00Z'));
    expect(due.acted.find((a) => a.id === id)?.alerts).toEqual(['urge']);
    await sweep(deps, policy, at('2026-12-02T02:00:00Z'));

    const late = await sweep(deps, policy, at('2026-12-03T01:05:00Z'));
    expect(late.acted.find((a) => a.id === id)).toMatchObject({ alerts: ['overdue'], supervisedBy: 'county' });
    await sweep(deps, policy, at('2026-12-10T00:00:00Z'));
    expect(await actions(id)).toEqual(['submit', 'remind', 'urge', 'overdue']);

    const p = (await deps.petitions.getWithTimeline(id))!;
    // 首接首办: the township keeps the case; the county supervises it
    expect(p).toMatchObject({ overdue: true, level: 'township', centreId: 'babao', centrePath: 'qilian/babao', supervisedBy: { level: 'county', centreId: 'qilian', since: '2026-12-03T01:05:00.000Z' } });
    const overdue = p.timeline.at(-1)!;
    expect(overdue).toMatchObject({ visibility: 'public', note: '「受理」已逾期，已上报上级督办，记入问效问责' });
    expect(overdue.data).toMatchObject({ step: 'submitted', centreId: 'babao', fromLevel: 'township', toLevel: 'county', supervisorId: 'qilian' });
    expect(p.timeline.find((e) => e.action === 'remind')?.visibility).toBe('internal');
    expect(p.timeline.find((e) => e.action === 'urge')?.visibility).toBe('public');
  });

  it('folds every alert that fell due while nobody swept into one write', async () => {
    clock.t = at('2026-12-01T02:00:00Z');
    const id = await submit('forgotten');
    const report = await sweep(deps, policy, at('2026-12-09T00:00:00Z'));
    expect(report.acted.find((a) => a.id === id)?.alerts).toEqual(['remind', 'urge', 'overdue']);
    expect(await actions(id)).toEqual(['submit', 'remind', 'urge', 'overdue']);
  });

  it('tells the citizen of the last public alert of a late sweep, though a staff-only one fell due after it', async () => {
    // a dispatched case whose 联合会诊 report-in runs a week past its own deadline, found by a sweep after both
    const p: Petition = {
      ...bulk.make('2027-02-01T00:00:00.000Z'),
      status: 'dispatched',
      departmentId: 'babao-natural-resources',
      consultation: {
        startedAt: '2027-01-30T00:00:00.000Z', startedBy: '值班员', leadDepartmentId: 'babao-natural-resources', leadName: '八宝镇自然资源所',
        question: '草场边界如何认定？', dueAt: '2027-02-08T00:00:00.000Z', participants: [{ departmentId: 'babao-justice', name: '八宝镇司法所' }],
      },
    };
    await bulk.write([p]);
    const report = await sweep(deps, policy, at('2027-02-09T00:00:00Z'));
    expect(report.acted.find((a) => a.id === p.id)?.alerts).toEqual(['remind', 'urge', 'overdue', 'consult_remind']);
    // one message: the overdue's (event 4); the reminder to the late co-department (event 5) is on the staff record only
    expect(await deps.outbox.get(`${p.id}-4`)).toMatchObject({ state: 'pending', attempts: 0 });
    for (const seq of [2, 3, 5]) expect(await deps.outbox.get(`${p.id}-${seq}`)).toBeUndefined();
  });

  it('acts once when two sweeps run at the same moment', async () => {
    clock.t = at('2026-12-01T03:00:00Z');
    const id = await submit('twice');
    // near due from 21:00, the last quarter of its 24 hours
    const [a, b] = await Promise.all([sweep(deps, policy, at('2026-12-01T21:01:00Z')), sweep(deps, policy, at('2026-12-01T21:01:00Z'))]);
    const acted = [...a.acted, ...b.acted].filter((x) => x.id === id);
    expect(acted).toHaveLength(1);
    expect(await actions(id)).toEqual(['submit', 'remind']);
  });

  it('watches the next step’s deadline once a step is taken in time', async () => {
    clock.t = at('2026-12-01T04:00:00Z');
    const id = await submit('prompt');
    clock.t = at('2026-12-01T05:00:00Z');
    await transition(deps, centre, id, { action: 'accept' }); // dispatch due 2026-12-02T05:00Z
    const report = await sweep(deps, policy, at('2026-12-02T05:01:00Z'));
    expect(report.acted.find((a) => a.id === id)?.alerts).toEqual(['remind', 'urge']);
    expect((await deps.petitions.get(id))?.overdue).toBe(false);
  });

  it('marks a 督办 deadline run over again, with the county already supervising: nobody above it, the owner unchanged', async () => {
    clock.t = at('2026-12-01T06:00:00Z');
    const id = await submit('supervised');
    await sweep(deps, policy, at('2026-12-03T07:00:00Z')); // overdue: the county supervises
    const county = { kind: 'staff' as const, id: 'u-county', name: '督办员', role: 'county_supervisor' as const, scopeNodeId: 'qilian' };
    clock.t = at('2026-12-03T08:00:00Z');
    await transition(deps, county, id, { action: 'supervise', note: '限一天内受理', days: 1 }); // due 2026-12-04T08:00Z
    const again = await sweep(deps, policy, at('2026-12-05T09:00:00Z'));
    expect(again.acted.find((a) => a.id === id)).toMatchObject({ alerts: ['remind', 'urge', 'overdue'], supervisedBy: 'county' });
    const p = (await deps.petitions.getWithTimeline(id))!;
    expect(p).toMatchObject({ centreId: 'babao', level: 'township', overdue: true, supervisedBy: { level: 'county', since: '2026-12-03T07:00:00.000Z' } });
    expect(p.timeline.at(-1)).toMatchObject({ action: 'overdue', note: '「受理」已逾期，记入问效问责', data: { fromLevel: 'county', toLevel: 'county' } });
  });

  it('sweeps every petition that is due, however many pages of the index they fill', async () => {
    // 130 due at once: more than one page (the sweep reads the index 100 to a page)
    const due = Array.from({ length: 130 }, () => bulk.make('2027-01-11T00:00:00.000Z'));
    await bulk.write(due);
    // whatever else this file left is swept up to the day before
    await sweep(deps, policy, at('2027-01-10T00:00:00Z'));
    const report = await sweep(deps, policy, at('2027-01-10T19:00:00Z'));
    const acted = new Set(report.acted.map((a) => a.id));
    expect(due.filter((p) => !acted.has(p.id))).toEqual([]);
    expect(report.examined).toBeGreaterThanOrEqual(130);
  });

  it('reads only the petitions that are due among 10,000 stored', async () => {
    // 9,990 with deadlines next year, 10 due now; their first alert falls on 2027-06-01 and on 2026-12-20.
    await bulk.write([
      ...Array.from({ length: 9_990 }, () => bulk.make('2027-06-02T00:00:00.000Z')),
      ...Array.from({ length: 10 }, () => bulk.make('2026-12-21T00:00:00.000Z')),
    ]);

    // Everything the earlier tests left has already been swept up to 2026-12-10; start from a clean slate there.
    await sweep(deps, policy, at('2026-12-20T00:00:00Z'));
    const before = { ...meter };
    const report = await sweep(deps, policy, at('2026-12-20T19:00:00Z'));
    const reads = meter.reads - before.reads;
    const readUnits = meter.readCapacity - before.readCapacity;
    expect(report.examined).toBe(10);
    expect(report.acted).toHaveLength(10);
    // One org read, one index page, one read per due petition: nothing grows with the other 9,990.
    expect(reads).toBeLessThanOrEqual(12);
    expect(readUnits).toBeLessThan(20);
    console.log(`sweep over 10,000 stored / 10 due: ${reads} read requests, ${readUnits} RCU, ${meter.writes - before.writes} write requests, ${(meter.writeCapacity - before.writeCapacity).toFixed(1)} WCU`);
  }, 300_000);
});
