import { afterEach, describe, expect, it } from 'vitest';
import { call, citizenToken, newKey, report, staffToken } from '../support/api';
import { advanceApiTime, resetApiTime, setApiTime } from '../support/clock';

// a test that moves the API's time puts it back: no test depends on another's clock
afterEach(async () => {
  await resetApiTime();
});

const step = (token: string, id: string, action: string, body: unknown = {}) =>
  call('POST', `/staff/petitions/${id}/${action}`, { token, body });

describe('a petition from scan to rating', () => {
  it('is routed to the township of the post, driven through every step, and rated', async () => {
    const herder = await citizenToken();
    const post = await call('GET', '/posts/babao-baiyanggou-p1');
    expect(post.status).toBe(200);
    expect(post.body.township).toEqual({ id: 'babao', name: '八宝镇' });
    expect(post.body.categories.map((c: { id: string }) => c.id)).toContain('land_dispute');

    const sent = await report(herder, { phone: '13812341234' });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ status: 'submitted', centreId: 'babao', centreName: '八宝镇综治中心', departmentId: 'babao-natural-resources' });
    expect(sent.body.trackingCode).toMatch(/^[A-Z0-9]{10}$/);
    expect(Date.parse(sent.body.dueAt)).toBeGreaterThan(Date.now());
    const id = sent.body.id;

    const centre = await staffToken('babao');
    const queue = await call('GET', '/staff/petitions?status=submitted', { token: centre });
    expect(queue.body.items.map((p: { id: string }) => p.id)).toContain(id);

    const staffSees = await call('GET', `/staff/petitions/${id}`, { token: centre });
    expect(staffSees.body.phone).toBe('138****1234');
    expect(staffSees.body.actions).toEqual(expect.arrayContaining(['accept', 'decline', 'transfer']));

    expect((await step(centre, id, 'accept', { note: '已登记' })).status).toBe(200);
    expect((await step(centre, id, 'dispatch', { departmentId: 'babao-natural-resources', handlerId: 'u-babao-resources' })).status).toBe(200);

    const handler = await staffToken('babao-resources');
    expect((await step(handler, id, 'progress', { note: '已到现场测量边界' })).status).toBe(200);
    expect((await step(handler, id, 'progress', { note: '邻居电话 139xxxx，仅内部', visibility: 'internal' })).status).toBe(200);
    const resolved = await step(handler, id, 'resolve', { summary: '双方签订调解协议，围栏已恢复原位' });
    expect(resolved.body.status).toBe('resolved');

    const mine = await call('GET', `/petitions/${id}`, { token: herder });
    expect(mine.body.status).toBe('resolved');
    expect(mine.body.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'accept', 'dispatch', 'progress', 'resolve']);
    expect(JSON.stringify(mine.body)).not.toContain('仅内部');

    const rated = await call('POST', `/petitions/${id}/rating`, { token: herder, body: { rating: 'satisfied', comment: '很快' } });
    expect(rated.status).toBe(200);
    expect(rated.body.status).toBe('rated');
    expect(rated.body.rating.rating).toBe('satisfied');

    const list = await call('GET', '/petitions/mine', { token: herder });
    expect(list.body.items).toEqual([expect.objectContaining({ id, status: 'rated', categoryName: '土地纠纷' })]);

    const file = await call('GET', `/staff/petitions/${id}`, { token: centre });
    const tl = file.body.timeline as Array<{ seq: number; action: string; from: string | null; to: string; actor: { role: string }; at: string }>;
    expect(tl.map((e) => [e.action, e.from, e.to])).toEqual([
      ['submit', null, 'submitted'],
      ['accept', 'submitted', 'accepted'],
      ['dispatch', 'accepted', 'dispatched'],
      ['progress', 'dispatched', 'in_progress'],
      ['progress', 'in_progress', 'in_progress'],
      ['resolve', 'in_progress', 'resolved'],
      ['rate', 'resolved', 'rated'],
    ]);
    expect(tl.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('reopens a case the citizen rates dissatisfied, for the centre to review', async () => {
    const herder = await citizenToken();
    const id = (await report(herder, { postId: 'babao-yingpantai-p1', categoryId: 'neighbour', description: '邻居家的狗经常咬我家的羊羔。' })).body.id;
    const centre = await staffToken('babao');
    await step(centre, id, 'accept');
    await step(centre, id, 'dispatch', { departmentId: 'babao-justice' });
    await step(centre, id, 'resolve', { summary: '已口头调解' });
    const rated = await call('POST', `/petitions/${id}/rating`, { token: herder, body: { rating: 'dissatisfied', comment: '问题还在' } });
    expect(rated.body.status).toBe('reopened');
    expect(rated.body.dueAt).toBeDefined();
    const again = await call('POST', `/petitions/${id}/rating`, { token: herder, body: { rating: 'satisfied' } });
    expect(again.status).toBe(409);
    const reopenedQueue = await call('GET', '/staff/petitions?status=reopened', { token: centre });
    expect(reopenedQueue.body.items.map((p: { id: string }) => p.id)).toContain(id);
    expect((await step(centre, id, 'dispatch', { departmentId: 'babao-justice', note: '复诊' })).body.status).toBe('dispatched');
  });

  it('sends a county-level category straight to the county centre', async () => {
    const herder = await citizenToken();
    const sent = await report(herder, { categoryId: 'wage_arrears', description: '工地老板拖欠我们三个月工资。' });
    expect(sent.body).toMatchObject({ centreId: 'qilian', centreName: '祁连县综治中心', departmentId: 'qilian-human-resources' });
    const county = await staffToken('county');
    expect((await call('GET', `/staff/petitions/${sent.body.id}`, { token: county })).status).toBe(200);
    expect((await call('GET', `/staff/petitions/${sent.body.id}`, { token: await staffToken('babao') })).status).toBe(404);
  });

  it('routes a report without a post by the township the citizen chose', async () => {
    const herder = await citizenToken();
    const sent = await report(herder, { postId: undefined, channel: 'online', townshipId: 'moler', categoryId: 'heating' });
    expect(sent.status).toBe(201);
    expect(sent.body.centreId).toBe('moler');
  });
});

describe('transfer and escalation', () => {
  it('moves a misrouted case to another centre, which then owns it', async () => {
    const id = (await report(await citizenToken())).body.id;
    const babao = await staffToken('babao');
    const moved = await step(babao, id, 'transfer', { centreId: 'ebao', reason: '事发地在峨堡镇' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ status: 'submitted', centreId: 'ebao' });
    expect((await call('GET', `/staff/petitions/${id}`, { token: babao })).status).toBe(404);
    const ebao = await staffToken('ebao');
    expect((await call('GET', '/staff/petitions', { token: ebao })).body.items.map((p: { id: string }) => p.id)).toContain(id);
    expect((await step(ebao, id, 'accept')).body.status).toBe('accepted');
  });

  it('escalates a township case to the county for supervision (上报上级), the township keeping it, and records it', async () => {
    const id = (await report(await citizenToken())).body.id;
    const babao = await staffToken('babao');
    await step(babao, id, 'accept');
    const up = await step(babao, id, 'escalate', { reason: '涉及两镇草场边界' });
    expect(up.status).toBe(200);
    // 首接首办: the owner stays (it moved to the county centre before); see ownership.test.ts
    expect(up.body).toMatchObject({ level: 'township', centreId: 'babao', status: 'accepted', supervisedBy: { level: 'county', centreId: 'qilian' } });
    const county = await staffToken('county');
    const seen = await call('GET', `/staff/petitions/${id}`, { token: county });
    expect(seen.body.timeline.at(-1)).toMatchObject({ action: 'escalate', note: '涉及两镇草场边界', data: { fromLevel: 'township', toLevel: 'county' } });
    expect((await step(county, id, 'escalate', { reason: '再上报' })).status).toBe(409);
  });

  it('declines with a reason and where to go instead', async () => {
    const herder = await citizenToken();
    const id = (await report(herder)).body.id;
    const babao = await staffToken('babao');
    const missing = await step(babao, id, 'decline', { reason: '已进入诉讼程序' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.issues).toEqual([expect.objectContaining({ path: 'redirect' })]);
    const declined = await step(babao, id, 'decline', { reason: '已进入诉讼程序', redirect: '祁连县人民法院' });
    expect(declined.body.status).toBe('declined');
    expect((await call('GET', `/petitions/${id}`, { token: herder })).body.decline).toEqual({ reason: '已进入诉讼程序', redirect: '祁连县人民法院' });
  });
});

describe('retries and races', () => {
  it('makes one petition from the same idempotency key, however often it is sent', async () => {
    const herder = await citizenToken();
    const key = newKey();
    const results = await Promise.all(Array.from({ length: 10 }, () => report(herder, {}, key)));
    const ids = new Set(results.map((r) => r.body.id));
    expect(ids.size, JSON.stringify(results.map((r) => [r.status, r.body]))).toBe(1);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.every((r) => r.status === 201 || r.status === 200)).toBe(true);
    expect((await call('GET', '/petitions/mine', { token: herder })).body.items).toHaveLength(1);
  });

  it('makes one petition from a thousand repeats of one submission', async () => {
    const herder = await citizenToken();
    const key = newKey();
    const statuses: number[] = [];
    const ids = new Set<string>();
    for (let wave = 0; wave < 20; wave++) {
      const results = await Promise.all(Array.from({ length: 50 }, () => report(herder, {}, key)));
      for (const r of results) {
        statuses.push(r.status);
        ids.add(r.body.id);
      }
    }
    expect(statuses).toHaveLength(1000);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(999);
    expect(ids.size).toBe(1);
    expect((await call('GET', '/petitions/mine', { token: herder })).body.items).toHaveLength(1);
  }, 300_000);

  it('refuses the same key for a different report, telling the citizen to refresh and send again', async () => {
    const herder = await citizenToken();
    const key = newKey();
    await report(herder, {}, key);
    const other = await report(herder, { description: '完全不同的另一件事情，路灯坏了。' }, key);
    expect(other.status).toBe(409);
    expect(other.body.error).toEqual({ code: 'conflict', message: '这个提交编号已用于另一份诉求，请刷新页面后重新提交', issues: [] });
    expect((await call('GET', '/petitions/mine', { token: herder })).body.items).toHaveLength(1);
  });

  it('lets exactly one of 20 concurrent accepts win', async () => {
    const id = (await report(await citizenToken())).body.id;
    const babao = await staffToken('babao');
    const results = await Promise.all(Array.from({ length: 20 }, () => step(babao, id, 'accept')));
    expect(results.filter((r) => r.status === 200), JSON.stringify(results.map((r) => [r.status, r.body?.error?.code ?? r.body?.status]))).toHaveLength(1);
    const losers = results.filter((r) => r.status !== 200);
    expect(losers).toHaveLength(19);
    for (const r of losers) {
      expect(r.status).toBe(409);
      expect(r.body.error.message).toMatch(/已受理|他人/);
    }
    const file = await call('GET', `/staff/petitions/${id}`, { token: babao });
    expect(file.body.timeline.filter((e: { action: string }) => e.action === 'accept')).toHaveLength(1);
  });

  it('keeps every progress note written at the same moment', async () => {
    const id = (await report(await citizenToken())).body.id;
    const babao = await staffToken('babao');
    await step(babao, id, 'accept');
    await step(babao, id, 'dispatch', { departmentId: 'babao-natural-resources' });
    const notes = await Promise.all(Array.from({ length: 5 }, (_, i) => step(babao, id, 'progress', { note: `进展 ${i}` })));
    expect(notes.every((r) => r.status === 200)).toBe(true);
    const file = await call('GET', `/staff/petitions/${id}`, { token: babao });
    expect(file.body.timeline.filter((e: { action: string }) => e.action === 'progress')).toHaveLength(5);
    expect(file.body.version).toBe(8);
  });

  it('links a second open report at the same post and category as a possible repeat', async () => {
    const first = await report(await citizenToken(), { postId: 'moler-moler-p1', categoryId: 'grassland', description: '河边草场有人私自开垦。' });
    const second = await report(await citizenToken(), { postId: 'moler-moler-p1', categoryId: 'grassland', description: '河边草场又被开垦了一片。' });
    expect(second.body.similarExists).toBe(true);
    expect((await call('GET', `/staff/petitions/${second.body.id}`, { token: await staffToken('moler') })).body.repeatOf).toBe(first.body.id);
  });

  it('without a post, links the same citizen\'s second open report on the same matter, not another citizen\'s', async () => {
    const herder = await citizenToken();
    const body = { postId: undefined, townshipId: 'ebao', categoryId: 'wage_arrears', description: '工地老板拖欠三个月工资。' };
    const first = await report(herder, body);
    const again = await report(herder, { ...body, description: '拖欠的工资还是没有给。' });
    const other = await report(await citizenToken(), body);
    const repeatOf = async (id: string) => (await call('GET', `/staff/petitions/${id}`, { token: await staffToken('county') })).body.repeatOf; // 拖欠工资 is the county's
    expect(await repeatOf(again.body.id)).toBe(first.body.id);
    expect(await repeatOf(other.body.id)).toBeUndefined();
    expect(other.body.similarExists).toBe(false);
  });
});

describe('floods', () => {
  it('stops the eleventh report from one user within an hour with 429 and a clear message, and still answers a retry', async () => {
    // five minutes into this clock hour: the quota counts per hour, and an hour that ended mid-test would start anew
    await setApiTime(Math.floor(Date.now() / 3_600_000) * 3_600_000 + 5 * 60_000);
    const herder = await citizenToken();
    const keys = Array.from({ length: 10 }, () => newKey());
    for (const key of keys) expect((await report(herder, { postId: 'moler-zhadalong-p1', categoryId: 'other' }, key)).status).toBe(201);
    const eleventh = await report(herder, { postId: 'moler-zhadalong-p1', categoryId: 'other' });
    expect(eleventh.status).toBe(429);
    expect(eleventh.body.error).toMatchObject({ code: 'too_many_requests' });
    expect(eleventh.body.error.message).toContain('频繁');
    // A weak network's retry of a report already taken is not a new report.
    expect((await report(herder, { postId: 'moler-zhadalong-p1', categoryId: 'other' }, keys[0])).status).toBe(200);
  });
});

describe('signing in with WeChat', () => {
  it('turns the mini-program’s code into a token of that WeChat user: the same user again is the same citizen, another is not', async () => {
    const code = `herder${Date.now().toString(36)}`;
    const first = await call('POST', '/auth/wechat', { body: { code } });
    expect(first.status).toBe(200);
    const sent = await report(first.body.token);
    expect(sent.status).toBe(201);
    // a later code of the same WeChat user (the stand-in gives the same openid) opens the same petitions
    const again = await call('POST', '/auth/wechat', { body: { code } });
    expect((await call('GET', `/petitions/${sent.body.id}`, { token: again.body.token })).status).toBe(200);
    const other = await call('POST', '/auth/wechat', { body: { code: `${code}x` } });
    expect((await call('GET', `/petitions/${sent.body.id}`, { token: other.body.token })).status).toBe(404);
    // an expired code is refused, and no token is given
    const expired = await call('POST', '/auth/wechat', { body: { code: 'invalid' } });
    expect(expired.status).toBe(401);
    expect(expired.body.token).toBeUndefined();
  });
});

describe('who may see what', () => {
  it('shows centre staff their overdue filter and dashboard, and a handler neither the dashboard nor other departments', async () => {
    // one case of 八宝镇's and one of 峨堡镇's, both past their 24-hour acceptance limit by the API's clock
    const ours = await report(await citizenToken(), { postId: 'babao-yingpantai-p1', categoryId: 'land_dispute' });
    const theirs = await report(await citizenToken(), { postId: 'ebao-ebao-p1', categoryId: 'land_dispute' });
    await advanceApiTime(25 * 3_600_000);
    const babao = await staffToken('babao');
    const overdue = await call('GET', '/staff/petitions?due=overdue&limit=100', { token: babao });
    expect(overdue.status).toBe(200);
    const listed = overdue.body.items.map((p: { id: string }) => p.id);
    expect(listed).toContain(ours.body.id);
    expect(listed).not.toContain(theirs.body.id);
    expect(overdue.body.items.filter((p: { centreId: string }) => p.centreId !== 'babao')).toEqual([]);
    const dash = await call('GET', '/staff/dashboard', { token: babao });
    expect(dash.status).toBe(200);
    expect(dash.body.scope).toMatchObject({ kind: 'centre', id: 'babao' });
    expect(dash.body.timelyAcceptance.denominator).toBeGreaterThan(0);
    expect(dash.body.definitions.timelyAcceptance).toContain('及时受理率');
    const handler = await staffToken('babao-justice');
    const refused = await call('GET', '/staff/dashboard', { token: handler });
    expect(refused.status).toBe(404);
    expect(refused.body.error.message).toBe('未找到');
    // the county reads one of its townships; a village, the county itself or a place that is not there is not one
    const county = await staffToken('county');
    expect((await call('GET', '/staff/dashboard?townshipId=babao', { token: county })).body.scope).toMatchObject({ kind: 'centre', id: 'babao' });
    // the townships it may choose: its three, no village and not itself
    const choices = (await call('GET', '/staff/dashboard', { token: county })).body.townships;
    expect(choices.map((t: { id: string; name: string }) => `${t.id} ${t.name}`).sort()).toEqual(['babao 八宝镇', 'ebao 峨堡镇', 'moler 默勒镇']);
    for (const townshipId of ['babao-baiyanggou', 'qilian', 'no-such-place']) {
      const res = await call('GET', `/staff/dashboard?townshipId=${townshipId}`, { token: county });
      expect(res.status, townshipId).toBe(404);
      expect(res.body.error.message).toBe('未找到该乡镇（苏木）');
    }
    expect((await call('GET', '/staff/petitions?status=dispatched', { token: handler })).status).toBe(200);
    const bad = await call('GET', '/staff/dashboard?from=2026-12-01&to=2026-11-01', { token: babao });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe('query.from');
  });

  it('tells a citizen that another citizen’s petition does not exist', async () => {
    const id = (await report(await citizenToken())).body.id;
    const other = await citizenToken();
    const res = await call('GET', `/petitions/${id}`, { token: other });
    expect(res.status).toBe(404);
    expect((await call('POST', `/petitions/${id}/rating`, { token: other, body: { rating: 'dissatisfied' } })).status).toBe(404);
  });

  it('tells staff of another township that the petition does not exist', async () => {
    const id = (await report(await citizenToken())).body.id;
    const ebao = await staffToken('ebao');
    expect((await call('GET', `/staff/petitions/${id}`, { token: ebao })).status).toBe(404);
    expect((await step(ebao, id, 'accept')).status).toBe(404);
    const queue = await call('GET', '/staff/petitions', { token: ebao });
    expect(queue.body.items.map((p: { id: string }) => p.id)).not.toContain(id);
  });

  it('shows a handler only what was dispatched to their department', async () => {
    const id = (await report(await citizenToken())).body.id;
    const handler = await staffToken('babao-justice');
    expect((await call('GET', `/staff/petitions/${id}`, { token: handler })).status).toBe(404);
    const babao = await staffToken('babao');
    await step(babao, id, 'accept');
    await step(babao, id, 'dispatch', { departmentId: 'babao-justice' });
    expect((await call('GET', `/staff/petitions/${id}`, { token: handler })).status).toBe(200);
    expect((await step(handler, id, 'accept')).status).toBe(403);
  });

  it('asks for a login, and refuses forged or expired tokens', async () => {
    expect((await call('GET', '/petitions/mine')).status).toBe(401);
    const token = await citizenToken();
    const [h, p] = token.split('.');
    const forged = `${h}.${p}.${'A'.repeat(43)}`;
    expect((await call('GET', '/petitions/mine', { token: forged })).status).toBe(401);
    expect((await call('GET', '/staff/petitions', { token })).status).toBe(404);
    expect((await call('POST', '/staff/login', { body: { username: 'babao', password: 'wrong-password' } })).status).toBe(401);
  });

  it('finds an anonymous report by tracking code and secret, and nothing without the secret', async () => {
    const sent = await report(await citizenToken(), { anonymous: true });
    expect(sent.body.secret).toBeTruthy();
    const ok = await call('GET', `/track/${sent.body.trackingCode}?secret=${encodeURIComponent(sent.body.secret)}`);
    expect(ok.status).toBe(200);
    expect(ok.body.id).toBe(sent.body.id);
    // a wrong secret and a code no case has are the same answer: nothing says which of the two was wrong
    const wrong = await call('GET', `/track/${sent.body.trackingCode}?secret=wrong`);
    const unknown = await call('GET', `/track/ZZZZZZZZZZ?secret=${encodeURIComponent(sent.body.secret)}`);
    for (const r of [wrong, unknown]) expect({ status: r.status, message: r.body.error?.message }).toEqual({ status: 404, message: '跟踪码或查询密码不正确' });
    const staffView = await call('GET', `/staff/petitions/${sent.body.id}`, { token: await staffToken('babao') });
    expect(staffView.body.reporter).toEqual({ kind: 'anonymous' });
    // nor does the record say who: the report's step names a citizen, not their openid or name
    expect(staffView.body.timeline[0]).toMatchObject({ action: 'submit', actor: { role: 'citizen' } });
    expect(JSON.stringify(staffView.body)).not.toMatch(/herder-/);
  });
});

describe('bad input', () => {
  it('answers 400 with the field for malformed bodies', async () => {
    const herder = await citizenToken();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ categoryId: undefined }, 'categoryId'],
      [{ description: '短' }, 'description'],
      [{ description: 'x'.repeat(2001) }, 'description'],
      [{ phone: '12345' }, 'phone'],
      [{ photos: ['a', 'b'] }, 'photos.0'],
      [{ location: { lat: 200, lng: 100 } }, 'location.lat'],
      [{ channel: 'fax' }, 'channel'],
      [{ unexpected: true }, 'unexpected'],
    ];
    for (const [body, path] of cases) {
      const res = await report(herder, body);
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(res.body.error.code).toBe('validation');
      expect(res.body.error.issues.map((i: { path: string }) => i.path)).toContain(path);
      expect(res.body.error.issues[0].message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('tells a citizen whose code names a post that is gone, or whose report names one or a type that is not there, to scan again or choose', async () => {
    const herder = await citizenToken();
    const scanned = await call('GET', '/posts/no-such-post-2026');
    expect(scanned.status).toBe(404);
    expect(scanned.body.error.message).toBe('该岗点不存在或已停用，请重新扫码');
    const cases: Array<[Record<string, unknown>, string, { path: string; message: string }]> = [
      [{ postId: 'no-such-post-2026' }, '该岗点不存在或已停用', { path: 'postId', message: '该岗点不存在或已停用，请重新扫码' }],
      [{ categoryId: 'no_such_type' }, '诉求类型不存在', { path: 'categoryId', message: '请选择诉求类型' }],
    ];
    for (const [body, message, issue] of cases) {
      const res = await report(herder, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toEqual({ code: 'validation', message, issues: [issue] });
    }
    expect((await call('GET', '/petitions/mine', { token: herder })).body.items).toEqual([]);
  });

  it('answers 400 for a body that is not JSON, and for a missing idempotency key', async () => {
    const herder = await citizenToken();
    const broken = await call('POST', '/petitions', { token: herder, headers: { 'idempotency-key': newKey() }, raw: '{"description":' });
    expect(broken.status).toBe(400);
    const noKey = await call('POST', '/petitions', { token: herder, body: { postId: 'babao-baiyanggou-p1', categoryId: 'other', description: '没有幂等键的提交' } });
    expect(noKey.status).toBe(400);
    expect(noKey.body.error.issues[0].path).toBe('Idempotency-Key');
  });

  it('rejects a description that fails WeChat’s content check, with a clear message', async () => {
    const res = await report(await citizenToken(), { description: '有人在村里开设赌博网站，请查处。' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'rejected_content', message: '内容未通过内容安全检查，请修改后再提交', issues: [{ path: 'description', message: '内容含有不当信息，请修改后再提交' }] });
  });

  it('answers 409 for a step the status does not allow', async () => {
    const id = (await report(await citizenToken())).body.id;
    const babao = await staffToken('babao');
    const res = await step(babao, id, 'resolve', { summary: '直接办结' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('已上报');
  });
});
