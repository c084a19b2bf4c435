/**
 * 积案 and 揭榜领案 over HTTP: the county classes a long-unsettled case A/B/C (90/60/30 days from classing, the resolve
 * deadline the sweep supervises) and may name its lead official (包案领导); it posts a case to the board, and of 20
 * officials claiming it at once exactly one becomes its lead, the others are told 409.
 */
import { describe, expect, it } from 'vitest';
import { call, citizenToken, report, staffToken } from '../support/api';
import { PREFIXED_COUNTY } from '../support/builders';
import { writeBehindApi } from '../support/deps';

const step = (token: string, id: string, action: string, body: unknown = {}) => call('POST', `/staff/petitions/${id}/${action}`, { token, body });
const DAY = 86_400_000;

/** A land case of 八宝镇 being handled by its 自然资源所. */
async function handled(babao: string) {
  const herder = await citizenToken();
  const id = (await report(herder)).body.id as string;
  expect((await step(babao, id, 'accept')).status).toBe(200);
  expect((await step(babao, id, 'dispatch', { departmentId: 'babao-natural-resources' })).status).toBe(200);
  return id;
}

describe('a backlog case (积案)', () => {
  it('is classed by the county: the class sets the resolve deadline from classing, with a lead official', async () => {
    const [babao, county] = await Promise.all([staffToken('babao'), staffToken('county')]);
    for (const [backlogClass, days] of [['A', 90], ['B', 60], ['C', 30]] as const) {
      const id = await handled(babao);
      const classed = await step(county, id, 'classify', { backlogClass, leadOfficial: '县委副书记 王明' });
      expect(classed.status).toBe(200);
      const { backlog, resolveDueAt, dueAt } = classed.body;
      expect(backlog).toMatchObject({ backlogClass, leadOfficial: { name: '县委副书记 王明' } });
      expect(Date.parse(backlog.dueAt) - Date.parse(backlog.classedAt)).toBe(days * DAY);
      // the step under way (办理) and the statutory deadline now run to the class's
      expect(resolveDueAt).toBe(backlog.dueAt);
      expect(dueAt).toBe(backlog.dueAt);
      expect(classed.body.timeline.at(-1)).toMatchObject({ action: 'classify', data: { backlogClass, dueAt: backlog.dueAt } });
    }
    // the township does not class its own cases: the county does
    const own = await handled(babao);
    expect((await step(babao, own, 'classify', { backlogClass: 'C' })).status).toBe(403);
  });
});

describe('揭榜领案', () => {
  it('posts a backlog case to the board; of 20 concurrent claims exactly one becomes its lead, the others get 409', async () => {
    const [babao, county] = await Promise.all([staffToken('babao'), staffToken('county')]);
    const id = await handled(babao);
    expect((await step(county, id, 'post-board', {})).status).toBe(409); // not a backlog case yet
    expect((await step(county, id, 'classify', { backlogClass: 'A' })).status).toBe(200);
    const posted = await step(county, id, 'post-board', {});
    expect(posted.status).toBe(200);
    // on the board: offered to be claimed, no longer to be posted
    expect(posted.body.actions).toContain('claim_lead');
    expect(posted.body.actions).not.toContain('post_board');

    const board = await call('GET', '/staff/board', { token: babao });
    expect(board.status).toBe(200);
    const row = board.body.items.find((r: { id: string }) => r.id === id);
    expect(row).toMatchObject({ categoryName: '土地纠纷', townshipName: '八宝镇', backlogClass: 'A' });
    expect(row).not.toHaveProperty('lead');
    // a summary without personal data: no description, no phone, no reporter
    expect(Object.keys(row).sort()).toEqual(['ageDays', 'backlogClass', 'boardSince', 'categoryName', 'id', 'status', 'townshipName', 'trackingCode']);
    expect(row.ageDays).toBe(0); // reported today
    // another township's staff do not see it on their board; a handler has no board
    const ebao = await call('GET', '/staff/board', { token: await staffToken('ebao') });
    expect(ebao.status).toBe(200);
    expect(ebao.body.items.map((r: { id: string }) => r.id)).not.toContain(id);
    const handler = await call('GET', '/staff/board', { token: await staffToken('babao-justice') });
    expect(handler.status).toBe(404);
    expect(handler.body.error.message).toBe('未找到');

    // 20 claims at once, from the township's staff and the county's
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => step(i % 2 ? babao : county, id, 'claim-lead', {})));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);

    const file = await call('GET', `/staff/petitions/${id}`, { token: county });
    expect(file.body.backlog.leadOfficial).toMatchObject({ claimedAt: expect.any(String) });
    expect(file.body.timeline.filter((e: { action: string }) => e.action === 'claim_lead')).toHaveLength(1);
    // claimed: no longer offered to anyone
    expect(file.body.actions).not.toContain('claim_lead');
    const after = (await call('GET', '/staff/board', { token: county })).body.items.find((r: { id: string }) => r.id === id);
    expect(after.lead).toMatchObject({ name: file.body.backlog.leadOfficial.name });
  });

  it('gives a township a full page of its own posted cases, however many the other townships posted since', async () => {
    const [babao, ebao, county] = await Promise.all([staffToken('babao'), staffToken('ebao'), staffToken('county')]);
    const posted = async (id: string) => {
      expect((await step(county, id, 'classify', { backlogClass: 'B' })).status).toBe(200);
      expect((await step(county, id, 'post-board', {})).status).toBe(200);
      return id;
    };
    const ours = [await posted(await handled(babao)), await posted(await handled(babao))];
    const theirs: string[] = [];
    for (let i = 0; i < 3; i++) {
      const id = (await report(await citizenToken(), { postId: 'ebao-ebao-p1' })).body.id as string;
      expect((await step(ebao, id, 'accept')).status).toBe(200);
      expect((await step(ebao, id, 'dispatch', { departmentId: 'ebao-natural-resources' })).status).toBe(200);
      theirs.push(await posted(id));
    }
    const ids = (page: { body: { items: Array<{ id: string }> } }) => page.body.items.map((r) => r.id);

    // 八宝镇's first page of two: its own two, newest first, though 峨堡镇 posted three after them
    const first = await call('GET', '/staff/board?limit=2', { token: babao });
    expect(ids(first)).toEqual([ours[1], ours[0]]);
    expect(first.body.items.map((r: { townshipName: string }) => r.townshipName)).toEqual(['八宝镇', '八宝镇']);
    // 峨堡镇's: its three, a page of two and then one
    const their1 = await call('GET', '/staff/board?limit=2', { token: ebao });
    expect(ids(their1)).toEqual([theirs[2], theirs[1]]);
    const their2 = await call('GET', `/staff/board?limit=2&cursor=${encodeURIComponent(their1.body.cursor)}`, { token: ebao });
    expect(ids(their2)).toEqual([theirs[0]]);
    // the county reads them all, newest posting first
    expect(ids(await call('GET', '/staff/board?limit=5', { token: county }))).toEqual([...theirs].reverse().concat([ours[1]!, ours[0]!]));
  });
});

describe('专班 (the team of a backlog case)', () => {
  it('is named by the county: its members see the case and act on it, a handler beyond their department; nobody else', async () => {
    const [babao, county, justice, ebao] = await Promise.all([staffToken('babao'), staffToken('county'), staffToken('babao-justice'), staffToken('ebao')]);
    const id = await handled(babao);
    // the 司法所 is not the case's department: 404 before the team
    expect((await call('GET', `/staff/petitions/${id}`, { token: justice })).status).toBe(404);
    expect((await step(county, id, 'team', { usernames: ['babao-justice'] })).status).toBe(409); // not a backlog case yet
    expect((await step(county, id, 'classify', { backlogClass: 'C' })).status).toBe(200);
    expect((await step(babao, id, 'team', { usernames: ['babao-justice'] })).status).toBe(403); // the county names it
    // a township that does not see the case is told so before anything of the members it names
    const hidden = await step(ebao, id, 'team', { usernames: ['agent-baiyanggou'] });
    expect([hidden.status, hidden.body.error.message]).toEqual([404, '未找到该诉求']);
    const bad = await step(county, id, 'team', { usernames: ['babao-justice', 'agent-baiyanggou'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['usernames.1']);

    const named = await step(county, id, 'team', { usernames: ['babao-justice'] });
    expect(named.status).toBe(200);
    expect(named.body.backlog.team).toEqual([{ id: expect.any(String), name: expect.any(String) }]);
    // the member sees the case and acts on it beyond their department; another township's staff still do not see it
    const file = await call('GET', `/staff/petitions/${id}`, { token: justice });
    expect(file.status).toBe(200);
    expect(file.body.actions).toContain('progress');
    expect((await step(justice, id, 'progress', { note: '专班已入户调查', visibility: 'internal' })).status).toBe(200);
    expect((await call('GET', `/staff/petitions/${id}`, { token: ebao })).status).toBe(404);
  });

  it('takes the county’s case staff at work only: not one who is not there, deactivated or of another county, first named or not', async () => {
    // a second county whose id begins with this one's and its centre's duty staff, and a handler of 八宝镇 deactivated
    const account = (username: string, role: 'centre_staff' | 'handler', scopeNodeId: string, more: Record<string, unknown> = {}) =>
      ({ id: `u-${username}`, username, name: username, role, scopeNodeId, passwordHash: 'not-a-login', tokenVersion: 0, ...more });
    await writeBehindApi(async ({ org }) => {
      await org.putNode(PREFIXED_COUNTY.county);
      await org.putUser(account('qilianshan-duty', 'centre_staff', PREFIXED_COUNTY.county.id), PREFIXED_COUNTY.county.id);
      await org.putUser(account('babao-retired', 'handler', 'babao', { departmentId: 'babao-justice', active: false }), 'qilian');
    });
    const [babao, county] = await Promise.all([staffToken('babao'), staffToken('county')]);
    const id = await handled(babao);
    expect((await step(county, id, 'classify', { backlogClass: 'C' })).status).toBe(200);
    for (const username of ['no-such-user', 'babao-retired', 'qilianshan-duty']) {
      const refused = await step(county, id, 'team', { usernames: [username, 'babao-justice'] });
      expect({ username, status: refused.status, error: refused.body.error }).toEqual({
        username,
        status: 400,
        error: { code: 'validation', message: '专班成员不存在', issues: [{ path: 'usernames.0', message: '请选择本县在岗的综治中心、承办部门或县级工作人员' }] },
      });
    }
    expect((await call('GET', `/staff/petitions/${id}`, { token: county })).body.backlog.team).toBeUndefined();
  });
});

describe('包案领导 as a staff user, and the 专班积案 list', () => {
  const teamList = async (token: string) => {
    const res = await call('GET', '/staff/petitions?team=true', { token });
    expect(res.status).toBe(200);
    return res.body.items.map((r: { id: string }) => r.id) as string[];
  };

  it('names a staff user as the lead: they see the case, act on it and find it in their list, their name shown', async () => {
    const [babao, county, justice, ebao, resources] = await Promise.all(['babao', 'county', 'babao-justice', 'ebao', 'babao-resources'].map((u) => staffToken(u)));
    const id = await handled(babao!);
    expect((await step(county!, id, 'classify', { backlogClass: 'B', leadOfficial: '县委副书记 王明' })).status).toBe(200);
    // another township's centre: not theirs before
    expect((await call('GET', `/staff/petitions/${id}`, { token: ebao })).status).toBe(404);
    const me = (await call('GET', '/staff/me', { token: ebao })).body as { id: string; name: string };

    const named = await step(county!, id, 'team', { usernames: ['babao-justice'], lead: 'ebao' });
    expect(named.status).toBe(200);
    expect(named.body.backlog.leadOfficial).toEqual({ id: me.id, name: me.name });
    expect(named.body.timeline.at(-1)).toMatchObject({ action: 'assign_team', note: expect.stringMatching(new RegExp(`^包案领导：${me.name}；专班：`)) });
    // the lead sees the case and acts on it like a member
    const file = await call('GET', `/staff/petitions/${id}`, { token: ebao });
    expect(file.status).toBe(200);
    expect(file.body.backlog.leadOfficial.name).toBe(me.name);
    expect((await step(ebao!, id, 'progress', { note: '包案领导已约谈双方', visibility: 'internal' })).status).toBe(200);
    // each finds it in their 专班积案 list; the case's own department, not on it, does not
    expect(await teamList(ebao!)).toContain(id);
    expect(await teamList(justice!)).toContain(id);
    expect(await teamList(resources!)).not.toContain(id);

    // the team changes: who left it no longer sees it nor lists it; the lead stays when not named again
    const changed = await step(county!, id, 'team', { usernames: ['babao-resources'] });
    expect(changed.status).toBe(200);
    expect(changed.body.backlog.leadOfficial).toEqual({ id: me.id, name: me.name });
    expect(await teamList(justice!)).not.toContain(id);
    expect((await call('GET', `/staff/petitions/${id}`, { token: justice })).status).toBe(404);
    expect(await teamList(resources!)).toContain(id);
    expect(await teamList(ebao!)).toContain(id);
  });

  it('refuses a lead who is not the county\'s case staff (400 naming lead), and keeps a lead who claimed the case from the board', async () => {
    const [babao, county] = await Promise.all([staffToken('babao'), staffToken('county')]);
    const id = await handled(babao);
    expect((await step(county, id, 'classify', { backlogClass: 'A' })).status).toBe(200);
    const bad = await step(county, id, 'team', { usernames: ['babao-justice'], lead: 'agent-baiyanggou' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues).toEqual([expect.objectContaining({ path: 'lead', message: expect.stringMatching(/[\u4e00-\u9fa5]/) })]);
    expect(bad.body.error.message).toBe('包案领导不存在');
    expect((await step(county, id, 'post-board', {})).status).toBe(200);
    expect((await step(babao, id, 'claim-lead', {})).status).toBe(200);
    const other = await step(county, id, 'team', { usernames: ['babao-justice'], lead: 'ebao' });
    expect(other.status).toBe(409);
    expect(other.body.error.message).toMatch(/揭榜领办/);
    // the claimant is an account: the case is in their list
    expect(await teamList(babao)).toContain(id);
  });

  it('answers 400 for the list with a deadline filter, or to a village\'s staff', async () => {
    const [babao, village] = await Promise.all([staffToken('babao'), staffToken('village-baiyanggou')]);
    const mixed = await call('GET', '/staff/petitions?team=true&due=overdue', { token: babao });
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.issues[0].path).toMatch(/team/);
    const v = await call('GET', '/staff/petitions?team=true', { token: village });
    expect(v.status).toBe(400);
    expect(v.body.error.issues[0]).toMatchObject({ path: 'query.team', message: expect.stringContaining('专班') });
  });
});
