/**
 * The staff queue and case file over HTTP: scope (another township's petition is not there, its code finds
 * nothing, its case file is 404), the query's 400s by field, the phone shown whole only on a recorded reveal, and
 * a repeat linked and unlinked on the record.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call, citizenToken, report, staffToken, uploadPhoto } from '../support/api';
import { movableClock, stackDeps } from '../support/deps';

let babao: string;
let ebao: string;
let justice: string;
beforeAll(async () => {
  [babao, ebao, justice] = await Promise.all([staffToken('babao'), staffToken('ebao'), staffToken('babao-justice')]);
});

const queue = (token: string, query: string) => call('GET', `/staff/petitions?${query}`, { token });
const ids = (res: { body: { items: Array<{ id: string }> } }) => res.body.items.map((r) => r.id);

describe('the staff queue over HTTP', () => {
  it('shows a report to its township only; a tracking code is found in scope only', async () => {
    const herder = await citizenToken();
    const sent = await report(herder, { categoryId: 'grassland', phone: '13912345678' });
    expect(sent.status).toBe(201);
    const { id, trackingCode } = sent.body;

    const mine = await queue(babao, 'status=submitted&categoryId=grassland&limit=100');
    expect(ids(mine)).toContain(id);
    expect(mine.body.items.find((r: { id: string }) => r.id === id)).toMatchObject({ trackingCode, phoneMasked: '139****5678', categoryName: '草原生态', near: false, overdue: false }); // a fresh case is not near due
    expect(JSON.stringify(mine.body)).not.toContain('13912345678');
    expect(ids(await queue(ebao, 'limit=100'))).not.toContain(id);

    expect(ids(await queue(babao, `code=${trackingCode.toLowerCase()}`))).toEqual([id]);
    const elsewhere = await queue(ebao, `code=${trackingCode}`);
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body.items).toEqual([]);

    const urgent = await queue(babao, 'sort=urgent&limit=50');
    const dues = urgent.body.items.map((r: { dueAt: string }) => r.dueAt);
    expect(dues).toEqual([...dues].sort());
  });

  it('answers a query it cannot read with 400 and the field, in Chinese', async () => {
    const cases: Array<[string, string]> = [
      ['from=2026-13-45', 'query.from'],
      ['from=2026-12-02&to=2026-12-01', 'query.from'],
      ['sort=oldest', 'query.sort'],
      ['due=soon', 'query.due'],
      ['channel=fax', 'query.channel'],
      ['code=abc', 'query.code'],
      ['categoryId=土地', 'query.categoryId'],
    ];
    for (const [query, path] of cases) {
      const res = await queue(babao, query);
      expect(res.status, query).toBe(400);
      expect(res.body.error.issues.map((i: { path: string }) => i.path), query).toContain(path);
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});

describe('the case file', () => {
  it('keeps the phone masked until staff reveal it, and records every reveal for staff only', async () => {
    const herder = await citizenToken();
    // without a post, so no earlier report at a post makes it a possible repeat
    const photo = await uploadPhoto(herder);
    const id = (await report(herder, { categoryId: 'grassland', postId: undefined, townshipId: 'babao', phone: '13712345678', photos: [photo] })).body.id;

    const file = await call('GET', `/staff/petitions/${id}`, { token: babao });
    expect(file.status).toBe(200);
    expect(file.body.phone).toBe('137****5678');
    expect(file.body).toMatchObject({ overdue: false, near: false }); // accept within 24 hours: near due only in the last quarter
    expect(file.body.actions).toEqual(expect.arrayContaining(['accept', 'reveal_phone', 'link_repeat']));
    expect(file.body.actions).not.toContain('unlink_repeat');
    expect(file.body.photoUrls).toHaveLength(1);
    expect(file.body.photoUrls[0]).toContain(photo);
    expect(file.body.photoUrls[0]).toContain('X-Amz-Expires=600');

    expect((await call('POST', `/staff/petitions/${id}/reveal-phone`, { token: ebao, body: {} })).status).toBe(404);
    expect((await call('POST', `/staff/petitions/${id}/reveal-phone`, { token: justice, body: {} })).status).toBe(404);
    const shown = await call('POST', `/staff/petitions/${id}/reveal-phone`, { token: babao, body: {} });
    expect(shown.status).toBe(200);
    expect(shown.body).toEqual({ phone: '13712345678' });

    const after = await call('GET', `/staff/petitions/${id}`, { token: babao });
    expect(after.body.phone).toBe('137****5678');
    expect(after.body.status).toBe('submitted');
    expect(after.body.timeline.at(-1)).toMatchObject({ action: 'reveal_phone', visibility: 'internal', actor: { id: 'u-babao' } });
    const citizenView = await call('GET', `/petitions/${id}`, { token: herder });
    expect(citizenView.body.timeline.map((e: { action: string }) => e.action)).toEqual(['submit']);

    const noPhone = (await report(await citizenToken(), { categoryId: 'grassland' })).body.id;
    expect((await call('POST', `/staff/petitions/${noPhone}/reveal-phone`, { token: babao, body: {} })).status).toBe(409);
  });

  it('links a repeat to an earlier case in scope and undoes it, on the staff record', async () => {
    const first = (await report(await citizenToken(), { categoryId: 'family', postId: 'babao-chengxi-p1' })).body;
    const second = (await report(await citizenToken(), { categoryId: 'family', townshipId: 'babao', postId: undefined })).body.id;
    const elsewhere = (await report(await citizenToken(), { categoryId: 'family', postId: 'ebao-ebao-p1' })).body;

    const hidden = await call('POST', `/staff/petitions/${second}/link-repeat`, { token: ebao, body: { trackingCode: elsewhere.trackingCode } });
    expect([hidden.status, hidden.body.error.message]).toEqual([404, '未找到该诉求']);
    const outOfScope = await call('POST', `/staff/petitions/${second}/link-repeat`, { token: babao, body: { trackingCode: elsewhere.trackingCode } });
    expect(outOfScope.status).toBe(400);
    expect(outOfScope.body.error.issues[0]).toMatchObject({ path: 'trackingCode' });
    // named by its id (the mark a report set), the other township's case is as unknown, and the field is the id's
    const byId = await call('POST', `/staff/petitions/${second}/link-repeat`, { token: babao, body: { repeatOf: elsewhere.id } });
    expect(byId.status).toBe(400);
    expect(byId.body.error).toEqual({ code: 'validation', message: '未找到被重复的诉求', issues: [{ path: 'repeatOf', message: '未找到该诉求，请核对跟踪码（只能关联本中心的诉求）' }] });
    // a tracking code that is nobody's finds nothing either
    const unknown = await call('POST', `/staff/petitions/${second}/link-repeat`, { token: babao, body: { trackingCode: 'ZZZZZZZZZZ' } });
    expect([unknown.status, unknown.body.error.issues]).toEqual([400, [{ path: 'trackingCode', message: '未找到该诉求，请核对跟踪码（只能关联本中心的诉求）' }]]);
    expect((await call('GET', `/staff/petitions/${second}`, { token: babao })).body.repeatOf).toBeUndefined();
    const empty = await call('POST', `/staff/petitions/${second}/link-repeat`, { token: babao, body: {} });
    expect(empty.status).toBe(400);
    expect(empty.body.error.issues[0]).toMatchObject({ path: 'trackingCode', message: '请填写被重复诉求的跟踪码' });

    const linked = await call('POST', `/staff/petitions/${second}/link-repeat`, { token: babao, body: { trackingCode: first.trackingCode, note: '同一户的婚姻纠纷' } });
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({ repeatOf: first.id, repeatConfirmed: true, repeatOfTrackingCode: first.trackingCode });
    expect(linked.body.actions).toContain('unlink_repeat');
    expect(linked.body.timeline.at(-1)).toMatchObject({ action: 'link_repeat', visibility: 'internal', note: '同一户的婚姻纠纷' });
    const row = await queue(babao, `code=${linked.body.trackingCode}`);
    expect(row.body.items[0]).toMatchObject({ repeatOf: first.id, repeatConfirmed: true });

    const unlinked = await call('POST', `/staff/petitions/${second}/unlink-repeat`, { token: babao, body: {} });
    expect(unlinked.status).toBe(200);
    expect(unlinked.body.repeatOf).toBeUndefined();
    expect(unlinked.body.timeline.at(-1)).toMatchObject({ action: 'unlink_repeat', visibility: 'internal' });
    expect((await call('POST', `/staff/petitions/${second}/unlink-repeat`, { token: babao, body: {} })).status).toBe(409);
  });

  it('offers the dispatch form the handlers of the departments in scope', async () => {
    const org = await call('GET', '/staff/org', { token: babao });
    expect(org.body.handlers).toContainEqual({ id: 'u-babao-justice', name: expect.any(String), departmentId: 'babao-justice' });
    expect(org.body.handlers.every((h: { departmentId: string }) => org.body.departments.some((d: { id: string }) => d.id === h.departmentId))).toBe(true);
  });
});

describe('a dispatch naming its handler', () => {
  it('finds the handler among more than a hundred staff users of the county, and refuses one of another department', async () => {
    // a hundred agents whose usernames come before every seeded one: the handler is on the second page of the county's users
    const org = stackDeps(movableClock(new Date().toISOString())).org;
    for (let i = 0; i < 100; i++) {
      const n = String(i).padStart(3, '0');
      await org.putUser({ id: `u-aa-agent-${n}`, username: `aa-agent-${n}`, name: `代办员${n}`, role: 'agent', scopeNodeId: 'babao-baiyanggou', passwordHash: '', tokenVersion: 0 }, 'qilian', { mustBeNew: true });
    }
    const first = await call('GET', '/staff/users?limit=100', { token: await staffToken('admin') });
    expect(first.body.items.map((u: { username: string }) => u.username)).not.toContain('babao-resources');

    const id = (await report(await citizenToken(), { categoryId: 'land_dispute', postId: 'babao-yingpantai-p1' })).body.id;
    expect((await call('POST', `/staff/petitions/${id}/accept`, { token: babao, body: {} })).status).toBe(200);
    const otherDepartment = await call('POST', `/staff/petitions/${id}/dispatch`, { token: babao, body: { departmentId: 'babao-natural-resources', handlerId: 'u-babao-justice' } });
    expect(otherDepartment.status).toBe(400);
    expect(otherDepartment.body.error).toEqual({ code: 'validation', message: '承办人不属于所选责任部门', issues: [{ path: 'handlerId', message: '请选择该责任部门的承办人' }] });
    expect((await call('GET', `/staff/petitions/${id}`, { token: babao })).body.status).toBe('accepted');

    const dispatched = await call('POST', `/staff/petitions/${id}/dispatch`, { token: babao, body: { departmentId: 'babao-natural-resources', handlerId: 'u-babao-resources' } });
    expect(dispatched.status).toBe(200);
    expect(dispatched.body).toMatchObject({ status: 'dispatched', departmentId: 'babao-natural-resources', handlerId: 'u-babao-resources' });
  });
});
