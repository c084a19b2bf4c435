/**
 * 统一登记: centre staff (and agents, for their village) register a case that came in by a visit, a call, a letter, the
 * 12345 hotline or another way; it enters the same workflow with its channel recorded. Its receipt's tracking code and
 * query secret let the citizen claim it in WeChat, after which it is theirs as if they had reported it themselves.
 */
import { describe, expect, it } from 'vitest';
import { call, citizenToken, newKey, register, report, staffToken, uploadPhoto } from '../support/api';

const step = (token: string, id: string, action: string, body: unknown = {}) => call('POST', `/staff/petitions/${id}/${action}`, { token, body });
const issuesOf = (res: { body: { error: { issues: Array<{ path: string }> } } }) => res.body.error.issues.map((i) => i.path);
/** a mobile number no other test of this file uses: repeat detection goes by phone */
let phoneSeq = 0;
const newPhone = () => `139${String(Date.now() % 100_000_000).padStart(8, '0').slice(0, 6)}${String(phoneSeq++ % 100).padStart(2, '0')}`;

describe('registration (统一登记)', () => {
  it('registers a case of each channel into the same workflow, the channel on the case, the queue and the record', async () => {
    const babao = await staffToken('babao');
    const channels = [
      { channel: 'visit', extra: { name: '马秀英', phone: newPhone() } },
      { channel: 'phone', extra: { phone: newPhone() } },
      { channel: 'letter', extra: { name: '李桂兰', letterReceivedOn: '2026-11-27' } },
      { channel: 'hotline', extra: { phone: newPhone() } },
      { channel: 'other', extra: { anonymous: true } },
    ];
    for (const { channel, extra } of channels) {
      const sent = await register(babao, { channel, ...extra });
      expect(sent.status, channel).toBe(201);
      // every receipt prints a query secret, named or anonymous: with it the citizen follows or claims the case
      expect(sent.body).toMatchObject({ status: 'submitted', centreId: 'babao', secret: expect.stringMatching(/^[A-Z2-9]{12}$/) });
      expect(Date.parse(sent.body.dueAt)).toBeGreaterThan(Date.now());
      const file = await call('GET', `/staff/petitions/${sent.body.id}`, { token: babao });
      expect(file.body).toMatchObject({ channel, status: 'submitted', reporter: { kind: extra.anonymous ? 'anonymous' : 'agent' } });
      expect(file.body.citizenName).toBe(extra.name);
      expect(file.body.letterReceivedOn).toBe(extra.letterReceivedOn);
      expect(file.body.actions).toEqual(expect.arrayContaining(['accept', 'decline']));
      const queue = await call('GET', `/staff/petitions?channel=${channel}&code=${sent.body.trackingCode}`, { token: babao });
      expect(queue.body.items.map((r: { id: string }) => r.id)).toEqual([sent.body.id]);
      // the query secret opens the tracking page, as an anonymous report's does
      expect((await call('GET', `/track/${sent.body.trackingCode}?secret=${sent.body.secret}`)).status).toBe(200);
    }
  });

  it('asks a letter for the day it arrived, and only a letter; refuses a citizen channel from staff', async () => {
    const babao = await staffToken('babao');
    const noDay = await register(babao, { channel: 'letter' });
    expect(noDay.status).toBe(400);
    expect(issuesOf(noDay)).toContain('letterReceivedOn');
    const dayOnCall = await register(babao, { channel: 'phone', letterReceivedOn: '2026-11-27' });
    expect(dayOnCall.status).toBe(400);
    expect(issuesOf(dayOnCall)).toContain('letterReceivedOn');
    for (const channel of ['scan', 'online', 'agent']) {
      const res = await register(babao, { channel });
      expect(res.status, channel).toBe(400);
      expect(issuesOf(res)).toContain('channel');
    }
    const named = await register(babao, { anonymous: true, name: '马秀英' });
    expect(named.status).toBe(400);
  });

  it('records how many people came (人次), one to 999, whole; a citizen\'s report has no such field', async () => {
    const babao = await staffToken('babao');
    const group = await register(babao, { channel: 'visit', persons: 12 });
    expect(group.status).toBe(201);
    expect((await call('GET', `/staff/petitions/${group.body.id}`, { token: babao })).body.persons).toBe(12);
    // one, the form's default, is what every case counts: the case records no number
    const alone = await register(babao, { channel: 'visit', persons: 1 });
    expect(alone.status).toBe(201);
    expect((await call('GET', `/staff/petitions/${alone.body.id}`, { token: babao })).body).not.toHaveProperty('persons');
    for (const persons of [0, 1.5, 1000, '3']) {
      const res = await register(babao, { channel: 'visit', persons });
      expect(res.status, String(persons)).toBe(400);
      expect(issuesOf(res)).toContain('persons');
    }
    const citizen = await report(await citizenToken(), { persons: 3 });
    expect(citizen.status).toBe(400);
  });

  it('never lets a citizen set a staff channel, nor register at all', async () => {
    const herder = await citizenToken();
    for (const channel of ['visit', 'phone', 'letter', 'hotline', 'other', 'agent']) {
      const res = await report(herder, { channel });
      expect(res.status, channel).toBe(400);
      expect(issuesOf(res)).toContain('channel');
    }
    // in words the citizen reads: theirs are the code and the app
    expect((await report(herder, { channel: 'visit' })).body.error).toEqual({
      code: 'validation',
      message: '渠道不正确',
      issues: [{ path: 'channel', message: '群众只能扫码或在线反映' }],
    });
    expect((await register(herder)).status).toBe(404);
  });

  it('lets centre staff register in their township and agents in their village only; handlers not at all', async () => {
    const [babao, moler, agent, handler, county] = await Promise.all([staffToken('babao'), staffToken('moler'), staffToken('agent-baiyanggou'), staffToken('babao-justice'), staffToken('county')]);
    const inVillage = await register(agent, { townshipId: undefined, villageId: 'babao-baiyanggou', channel: 'visit' });
    expect(inVillage.status).toBe(201);
    const file = await call('GET', `/staff/petitions/${inVillage.body.id}`, { token: babao });
    expect(file.body).toMatchObject({ villageId: 'babao-baiyanggou', townshipId: 'babao', centreId: 'babao', channel: 'visit', agentId: 'u-agent-baiyanggou' });
    // at a post of the village: the post's place
    expect((await register(agent, { townshipId: undefined, postId: 'babao-baiyanggou-p1', categoryId: 'land_dispute' })).status).toBe(201);
    // the township, another village, another township: not the agent's to register
    expect((await register(agent)).status).toBe(404);
    expect((await register(agent, { townshipId: undefined, villageId: 'babao-yingpantai' })).status).toBe(404);
    const elsewhere = await register(moler);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.error.message).toBe('所选地点不在您的管辖范围内');
    expect((await register(moler, { townshipId: 'moler' })).status).toBe(201);
    expect((await register(county, { townshipId: 'ebao' })).status).toBe(201);
    const byHandler = await register(handler);
    expect(byHandler.status).toBe(403);
    expect(byHandler.body.error.message).toBe('承办部门和村级调解不登记诉求，请由综治中心或代办员登记');
    // a village of another township than the one named
    const mismatch = await register(babao, { villageId: 'babao-baiyanggou', townshipId: 'ebao' });
    expect(mismatch.status).toBe(400);
    expect(issuesOf(mismatch)).toContain('villageId');
  });

  it('answers a retry with the same key with the same case and the same secret', async () => {
    const babao = await staffToken('babao');
    const key = newKey();
    const body = { phone: newPhone() };
    const first = await register(babao, body, key);
    const again = await register(babao, body, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, trackingCode: first.body.trackingCode, secret: first.body.secret });
  });

  it('keeps a key to the staff member who sent it: another’s same key and body register a case of their own, never answered with the first or its secret', async () => {
    const [babao, county] = await Promise.all([staffToken('babao'), staffToken('county')]);
    const key = newKey();
    const first = await register(babao, {}, key);
    const other = await register(county, {}, key);
    expect([first.status, other.status]).toEqual([201, 201]);
    expect(other.body.id).not.toBe(first.body.id);
    expect(other.body.secret).not.toBe(first.body.secret);
    // each one's retry answers their own case
    expect((await register(county, {}, key)).body).toMatchObject({ id: other.body.id, secret: other.body.secret });
    expect((await register(babao, {}, key)).body).toMatchObject({ id: first.body.id, secret: first.body.secret });
  });

  it('marks a repeat: the same phone and matter within 30 days, whoever reported it first', async () => {
    const [babao, herder] = await Promise.all([staffToken('babao'), citizenToken()]);
    const phone = newPhone();
    const first = await report(herder, { postId: undefined, townshipId: 'babao', categoryId: 'heating', description: '小区暖气一直不热，已经一周了。', phone });
    expect(first.status).toBe(201);
    const again = await register(babao, { phone });
    expect(again.body.similarExists).toBe(true);
    expect((await call('GET', `/staff/petitions/${again.body.id}`, { token: babao })).body.repeatOf).toBe(first.body.id);
    // another matter, another number, or nobody's number: not a repeat
    expect((await register(babao, { phone, categoryId: 'wage_arrears' })).body.similarExists).toBe(false);
    expect((await register(babao, { phone: newPhone() })).body.similarExists).toBe(false);
    expect((await register(babao, { anonymous: true })).body.similarExists).toBe(false);
  });

  it('attaches a scanned letter (PDF) uploaded through the staff upload route, and nobody else\'s file', async () => {
    const [babao, herder] = await Promise.all([staffToken('babao'), citizenToken()]);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const ticket = await call('POST', '/staff/uploads', { token: babao, body: { contentType: 'application/pdf', size: pdf.length } });
    expect(ticket.status).toBe(200);
    expect(ticket.body.key).toMatch(/\.pdf$/);
    expect((await fetch(ticket.body.url, { method: 'PUT', body: pdf, headers: ticket.body.headers })).status).toBe(200);
    const sent = await register(babao, { channel: 'letter', letterReceivedOn: '2026-11-28', photos: [ticket.body.key] });
    expect(sent.status).toBe(201);
    const file = await call('GET', `/staff/petitions/${sent.body.id}`, { token: babao });
    expect(file.body.photos).toEqual([ticket.body.key]);
    const served = await fetch(file.body.photoUrls[0]);
    expect(Buffer.from(await served.arrayBuffer()).equals(pdf)).toBe(true);
    // a citizen's photo, or a key never uploaded, is not staff's to attach
    const theirs = await uploadPhoto(herder);
    const refused = await register(babao, { photos: [theirs] });
    expect(refused.status).toBe(400);
    expect(issuesOf(refused)).toEqual(['photos.0']);
    // nor is another staff user's upload, though they may register the same case
    const other = await register(await staffToken('county'), { channel: 'letter', letterReceivedOn: '2026-11-28', photos: [ticket.body.key] });
    expect(other.status).toBe(400);
    expect(issuesOf(other)).toEqual(['photos.0']);
    // citizens send photos only
    expect((await call('POST', '/uploads', { token: herder, body: { contentType: 'application/pdf', size: 100 } })).status).toBe(400);
  });
});

describe('claiming a registered case (认领)', () => {
  it('makes the case the citizen\'s: in 我的诉求, theirs to open and rate; again is the same, another citizen is refused', async () => {
    const [babao, herder, stranger] = await Promise.all([staffToken('babao'), citizenToken(), citizenToken()]);
    const sent = await register(babao, { channel: 'visit', name: '马秀英', phone: newPhone() });
    const { id, trackingCode, secret } = sent.body;
    expect((await call('GET', `/petitions/${id}`, { token: herder })).status).toBe(404);

    // typed from the paper, lower case and spaces are forgiven
    const claimed = await call('POST', '/petitions/claim', { token: herder, body: { trackingCode: ` ${trackingCode.toLowerCase()} `, secret: secret.toLowerCase() } });
    expect(claimed.status).toBe(200);
    expect(claimed.body).toMatchObject({ id, trackingCode, channel: 'visit', status: 'submitted' });
    // the answer is the case as the citizen reads it from now on, its record too
    const opened = await call('GET', `/petitions/${id}`, { token: herder });
    expect(claimed.body.timeline.map((e: { action: string }) => e.action)).toEqual(['submit']);
    expect(claimed.body.timeline).toEqual(opened.body.timeline);
    expect((await call('GET', '/petitions/mine', { token: herder })).body.items.map((p: { id: string }) => p.id)).toContain(id);
    expect((await call('GET', `/petitions/${id}`, { token: herder })).status).toBe(200);

    // one-time: the same citizen again is answered the same, nothing new on the record; anyone else is refused
    const again = await call('POST', '/petitions/claim', { token: herder, body: { trackingCode, secret } });
    expect(again.status).toBe(200);
    const refused = await call('POST', '/petitions/claim', { token: stranger, body: { trackingCode, secret } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('已由其他微信用户认领');
    expect((await call('GET', `/petitions/${id}`, { token: stranger })).status).toBe(404);
    expect((await call('GET', '/petitions/mine', { token: stranger })).body.items).toEqual([]);

    // staff see that it was claimed, never by whom; the filer still sees it
    const file = await call('GET', `/staff/petitions/${id}`, { token: babao });
    expect(file.body.reporter).toEqual({ kind: 'wechat' });
    expect(file.body.timeline.filter((e: { action: string }) => e.action === 'claim')).toEqual([
      expect.objectContaining({ actor: { role: 'citizen' }, visibility: 'internal', from: 'submitted', to: 'submitted' }),
    ]);

    // the workflow runs on, and the citizen rates the result in the app
    for (const [action, body] of [['accept', {}], ['dispatch', { departmentId: 'babao-letters' }], ['resolve', { summary: '已协调供热公司检修管道。' }]] as const) {
      expect((await step(babao, id, action, body)).status, action).toBe(200);
    }
    const rated = await call('POST', `/petitions/${id}/rating`, { token: herder, body: { rating: 'satisfied' } });
    expect(rated.status).toBe(200);
    expect(rated.body.status).toBe('rated');
  });

  it('refuses a wrong secret or code as not found, and a case a citizen reported themselves', async () => {
    const [babao, herder, other] = await Promise.all([staffToken('babao'), citizenToken(), citizenToken()]);
    const sent = await register(babao);
    const wrong = await call('POST', '/petitions/claim', { token: herder, body: { trackingCode: sent.body.trackingCode, secret: 'ABCDEFGHJKLM' } });
    expect(wrong.status).toBe(404);
    expect(wrong.body.error.message).toBe('跟踪码或查询密码不正确');
    const noCode = await call('POST', '/petitions/claim', { token: herder, body: { trackingCode: 'ZZZZZZZZZZ', secret: sent.body.secret } });
    expect(noCode.status).toBe(404);
    expect(noCode.body.error.message).toBe('跟踪码或查询密码不正确');
    const badShape = await call('POST', '/petitions/claim', { token: herder, body: { trackingCode: sent.body.trackingCode, secret: 'x' } });
    expect(badShape.status).toBe(400);
    expect(issuesOf(badShape)).toEqual(['secret']);
    expect((await call('POST', '/petitions/claim', { body: { trackingCode: sent.body.trackingCode, secret: sent.body.secret } })).status).toBe(401);

    // an anonymous citizen's own report has a secret too: it is theirs already, nobody claims it
    const own = await report(herder, { anonymous: true });
    const taken = await call('POST', '/petitions/claim', { token: other, body: { trackingCode: own.body.trackingCode, secret: own.body.secret } });
    expect(taken.status).toBe(409);
  });
});
