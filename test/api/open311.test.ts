/**
 * Open311 GeoReport v2 for the county's 12345 hotline and other partner systems, over HTTP: the spec's field lists,
 * a form-encoded POST with a partner's key entering the workflow with the hotline channel, once per external_id,
 * statuses and the responsible department as the case moves, a partner reading only its own, keys made by admins
 * and kept hashed, revoked at once, and a minute's limit per partner. No answer holds a phone number or an openid.
 */
import { describe, expect, it } from 'vitest';
import { apiUrl, call, staffToken } from '../support/api';
import { checkAnswer } from '../support/api';
import { setApiTime, resetApiTime } from '../support/clock';

const BASE = '/open311/v2';
const PHONE = '13912345678';

/** The spec's fields of a request (GeoReport v2), which a partner's client reads. */
const REQUEST_FIELDS = [
  'service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible',
  'service_notice', 'requested_datetime', 'updated_datetime', 'expected_datetime', 'address_id',
];

async function newPartner(name = `12345热线${Math.floor(Math.random() * 1e6)}`) {
  const made = await call('POST', '/staff/partners', { token: await staffToken('admin'), body: { name, countyId: 'qilian' } });
  expect(made.status).toBe(201);
  return made.body as { id: string; apiKey: string };
}

/** A form-encoded POST, as the spec sends it; the answer is checked against the contract like every call's. */
async function post(path: string, form: Record<string, string>) {
  const res = await fetch(`${apiUrl()}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
  const body = await res.json();
  checkAnswer('POST', path, res.status, res.headers.get('content-type') ?? '', body);
  return { status: res.status, body: body as any };
}
const get = async (path: string, apiKey?: string) => {
  const res = await fetch(`${apiUrl()}${path}`, { headers: apiKey ? { 'x-api-key': apiKey } : {} });
  const body = await res.json();
  checkAnswer('GET', path, res.status, res.headers.get('content-type') ?? '', body);
  return { status: res.status, body: body as any, link: res.headers.get('link') };
};

const request = (apiKey: string, extra: Record<string, string> = {}) =>
  post(`${BASE}/requests.json`, {
    api_key: apiKey,
    service_code: 'land_dispute',
    'attribute[township]': 'babao',
    description: '来电反映：草场边界的网围栏被邻居挪了二十米。',
    phone: PHONE,
    ...extra,
  });

const staffStep = async (id: string, action: string, body: Record<string, unknown> = {}) => {
  const res = await call('POST', `/staff/petitions/${id}/${action}`, { token: await staffToken('babao'), body });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

describe('what any client may read', () => {
  it('answers discovery and the services with the spec’s fields, grouped by level, each service’s township attribute listing the townships', async () => {
    const discovery = await get(`${BASE}/discovery.json`);
    expect(discovery.status).toBe(200);
    expect(discovery.body).toEqual({
      changeset: '2026-11-29T00:00:00Z',
      contact: '县综治中心（哨岗）',
      key_service: '合作系统的 api_key 由县级管理员在哨岗后台发放',
      endpoints: [
        { specification: 'http://wiki.open311.org/GeoReport_v2', url: expect.stringMatching(/\/open311\/v2$/), changeset: '2026-11-29T00:00:00Z', type: 'production', formats: ['application/json'] },
      ],
    });

    // every category of the seed, in the group of the level that handles it; each has a definition (metadata)
    const services = await get(`${BASE}/services.json`);
    expect(services.status).toBe(200);
    expect(services.body).toHaveLength(10);
    const service = (service_code: string, name: string, group: string) => ({ service_code, service_name: name, description: name, metadata: true, type: 'realtime', keywords: '', group });
    expect(services.body).toEqual(
      expect.arrayContaining([service('neighbour', '邻里纠纷', '村级'), service('land_dispute', '土地纠纷', '乡镇级'), service('wage_arrears', '拖欠工资', '县级')]),
    );

    // the township is asked for only when no post is given; its values are the townships, never the county, a village or a grid
    const definition = await get(`${BASE}/services/land_dispute.json`);
    expect(definition.body).toEqual({
      service_code: 'land_dispute',
      attributes: [
        {
          variable: true,
          code: 'township',
          datatype: 'singlevaluelist',
          required: false,
          datatype_description: '诉求所在的乡镇；未给出岗点（address_id）时必填',
          order: 1,
          description: '所在乡镇',
          values: [
            { key: 'babao', name: '八宝镇' },
            { key: 'ebao', name: '峨堡镇' },
            { key: 'moler', name: '默勒镇' },
          ],
        },
      ],
    });
    const unknown = await get(`${BASE}/services/no_such_thing.json`);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual([{ code: 404, description: '没有这个诉求类型' }]);
  });
});

describe('a partner system’s requests', () => {
  it('refuses a request without a key, with an unknown key, or with a missing field, in the spec’s error list', async () => {
    const none = await post(`${BASE}/requests.json`, { service_code: 'land_dispute', 'attribute[township]': 'babao', description: '没有密钥的请求内容' });
    expect(none.status).toBe(401);
    expect(none.body).toEqual([{ code: 401, description: '缺少 api_key' }]);
    const unknown = await request('sg_thisIsNotAKeyOfAnyPartner00');
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual([{ code: 401, description: 'api_key 无效或已停用' }]);

    const { apiKey } = await newPartner();
    const bad = await request(apiKey, { service_code: 'land_dispute', 'attribute[township]': '', description: '短' });
    expect(bad.status).toBe(400);
    expect(bad.body[0].code).toBe(400);
    expect(bad.body[0].description).toContain('description');
    // a staff or citizen login is not a partner's key
    const asStaff = await fetch(`${apiUrl()}${BASE}/requests.json`, { headers: { authorization: `Bearer ${await staffToken('admin')}` } });
    expect(asStaff.status).toBe(401);
  });

  it('enters the workflow as a 12345 hotline case of the township’s centre, once per external_id', async () => {
    const name = `12345热线${Math.floor(Math.random() * 1e6)}`;
    const { id, apiKey } = await newPartner(name);
    const first = await request(apiKey, { external_id: 'HL-2026-000123' });
    expect(first.status).toBe(201);
    expect(Object.keys(first.body[0]).sort()).toEqual(['service_notice', 'service_request_id', 'token']);
    expect(first.body[0].service_notice).toContain('八宝镇综治中心');
    const again = await request(apiKey, { external_id: 'HL-2026-000123' });
    expect(again.status).toBe(200);
    expect(again.body[0].service_request_id).toBe(first.body[0].service_request_id);
    // the same id with a different request is a conflict, never a second case
    expect((await request(apiKey, { external_id: 'HL-2026-000123', description: '另一件事：冬季供暖不热，已经三天了。' })).status).toBe(409);
    // another call on the same matter, under another external_id, is a case of its own
    const other = await request(apiKey, { external_id: 'HL-2026-000124' });
    expect(other.status).toBe(201);
    expect(other.body[0].service_request_id).not.toBe(first.body[0].service_request_id);

    const file = await call('GET', `/staff/petitions/${first.body[0].service_request_id}`, { token: await staffToken('babao') });
    expect(file.status).toBe(200);
    expect(file.body).toMatchObject({ channel: 'hotline', categoryId: 'land_dispute', centreId: 'babao', status: 'submitted' });
    expect(file.body.phone).toBe('139****5678');
    // the record names the hotline as the filer, in its role (合作系统)
    expect(file.body.timeline).toEqual([expect.objectContaining({ action: 'submit', actor: { role: 'partner', id, name } })]);
  });

  it('refuses a place outside the county, naming the field it came in, and files nothing', async () => {
    const { apiKey } = await newPartner();
    const township = await request(apiKey, { 'attribute[township]': 'nowhere' });
    expect(township.status).toBe(400);
    expect(township.body).toEqual([{ code: 400, description: '地点不在本县；attribute[township]: attribute[township] 不是本县的岗点或乡镇' }]);
    // a post that is not there, with a township that is not either: the post is what is named
    const atPost = await request(apiKey, { address_id: 'no-such-post', 'attribute[township]': 'nowhere' });
    expect(atPost.status).toBe(400);
    expect(atPost.body).toEqual([{ code: 400, description: '地点不在本县；address_id: address_id 不是本县的岗点或乡镇' }]);
    expect((await get(`${BASE}/requests.json`, apiKey)).body).toEqual([]);
  });

  it('keeps the caller’s coordinates when it sends them, and the post’s place when it does not', async () => {
    const { apiKey } = await newPartner();
    const sent = (await request(apiKey, { lat: '38.2', long: '100.25' })).body[0].service_request_id;
    expect((await get(`${BASE}/requests/${sent}.json`, apiKey)).body[0]).toMatchObject({ lat: 38.2, long: 100.25 });
    const atPost = (await request(apiKey, { address_id: 'babao-baiyanggou-p1' })).body[0].service_request_id;
    expect((await get(`${BASE}/requests/${atPost}.json`, apiKey)).body[0]).toMatchObject({ address_id: 'babao-baiyanggou-p1', lat: 38.18, long: 100.245 });
  });

  it('answers a repeated send of a request the centre declined with the centre alone, no deadline', async () => {
    const { apiKey } = await newPartner();
    const first = await request(apiKey, { external_id: 'HL-2026-000777' });
    expect(first.status).toBe(201);
    expect(first.body[0].service_notice).toMatch(/^已转八宝镇综治中心，受理期限 \d{4}-/);
    const id = first.body[0].service_request_id as string;
    await staffStep(id, 'decline', { reason: '属于法院受理范围', redirect: '向祁连县人民法院起诉' });
    const again = await request(apiKey, { external_id: 'HL-2026-000777' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual([{ service_request_id: id, token: first.body[0].token, service_notice: '已转八宝镇综治中心' }]);
  });

  it('reads several requests at once by their ids, in the order asked, leaving out any that is not the partner’s', async () => {
    const mine = await newPartner();
    const theirs = await newPartner();
    const [a, b] = [(await request(mine.apiKey)).body[0].service_request_id, (await request(mine.apiKey, { service_code: 'heating' })).body[0].service_request_id];
    const other = (await request(theirs.apiKey)).body[0].service_request_id;
    const listed = await get(`${BASE}/requests.json?service_request_id=${a},${other},${b},${a},Pnobody`, mine.apiKey);
    expect(listed.status).toBe(200);
    expect(listed.body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([a, b]);
    expect(listed.body.map((r: { service_code: string }) => r.service_code)).toEqual(['land_dispute', 'heating']);
    expect(listed.body[0]).toMatchObject({ status: 'open', agency_responsible: '八宝镇综治中心' });
    expect((await get(`${BASE}/requests.json?service_request_id=${other}`, mine.apiKey)).body).toEqual([]);
  });

  it('reads a request’s status as it moves: the department responsible, the step’s deadline, closed when resolved; never the phone', async () => {
    const { apiKey } = await newPartner();
    const made = await request(apiKey);
    const id = made.body[0].service_request_id as string;

    const fresh = await get(`${BASE}/requests/${id}.json`, apiKey);
    expect(fresh.status).toBe(200);
    expect(fresh.body).toHaveLength(1);
    // every field of the spec's answer (address_id only for a request at a post)
    expect(Object.keys(fresh.body[0]).sort()).toEqual(REQUEST_FIELDS.filter((f) => f !== 'address_id').sort());
    expect(fresh.body[0]).toEqual({
      service_request_id: id,
      status: 'open',
      status_notes: '已上报',
      service_name: '土地纠纷',
      service_code: 'land_dispute',
      description: '来电反映：草场边界的网围栏被邻居挪了二十米。',
      agency_responsible: '八宝镇综治中心',
      service_notice: '八宝镇综治中心',
      requested_datetime: expect.any(String),
      updated_datetime: expect.any(String),
      expected_datetime: expect.any(String),
    });
    const atPost = (await request(apiKey, { address_id: 'babao-baiyanggou-p1' })).body[0].service_request_id;
    expect((await get(`${BASE}/requests/${atPost}.json`, apiKey)).body[0].address_id).toBe('babao-baiyanggou-p1');

    await staffStep(id, 'accept', { note: '已受理，转司法所调解' });
    const file = await staffStep(id, 'dispatch', { departmentId: 'babao-justice', note: '请司法所三日内联系当事人' });
    const dispatched = (await get(`${BASE}/requests/${id}.json`, apiKey)).body[0];
    expect(dispatched.agency_responsible).toBe('八宝镇司法所');
    expect(dispatched.expected_datetime).toBe(file.dueAt);
    expect(dispatched.status_notes).toBe('已分派：请司法所三日内联系当事人');
    // a note for staff only is never the partner's to read: the last public one is
    const justice = await call('POST', `/staff/petitions/${id}/progress`, { token: await staffToken('babao-justice'), body: { note: '当事人情绪激动，内部记录', visibility: 'internal' } });
    expect(justice.status).toBe(200);
    const inProgress = (await get(`${BASE}/requests/${id}.json`, apiKey)).body[0];
    expect(inProgress.status_notes).toBe('办理中：请司法所三日内联系当事人');

    await staffStep(id, 'resolve', { summary: '双方已达成协议，网围栏恢复原位' });
    const resolved = await get(`${BASE}/requests/${id}.json`, apiKey);
    expect(resolved.body[0].status).toBe('closed');
    expect(resolved.body[0]).not.toHaveProperty('expected_datetime');
    expect(resolved.body[0].status_notes).toContain('双方已达成协议');
    for (const answer of [fresh, resolved]) expect(JSON.stringify(answer.body)).not.toMatch(/139\d{8}|openid/);
  });

  it('shows a partner only the requests it filed: another partner’s id and token are not found', async () => {
    const mine = await newPartner();
    const theirs = await newPartner();
    const made = (await request(mine.apiKey)).body[0];
    const asked = await get(`${BASE}/requests/${made.service_request_id}.json`, theirs.apiKey);
    expect(asked.status).toBe(404);
    expect(asked.body).toEqual([{ code: 404, description: '未找到该诉求' }]);
    const token = await get(`${BASE}/tokens/${made.token}.json`, theirs.apiKey);
    expect(token.status).toBe(404);
    expect(token.body).toEqual([{ code: 404, description: '未找到该令牌' }]);
    expect((await get(`${BASE}/tokens/${made.token}.json`, mine.apiKey)).body).toEqual([{ service_request_id: made.service_request_id, token: made.token }]);
    // a citizen's report is no partner's
    const theirList = await get(`${BASE}/requests.json`, theirs.apiKey);
    expect(theirList.body).toEqual([]);
  });

  it('lists by date, status and service, newest first, a page at a time through the Link header', async () => {
    const { apiKey } = await newPartner();
    const ids: string[] = [];
    for (const code of ['land_dispute', 'heating', 'land_dispute']) ids.push((await request(apiKey, { service_code: code })).body[0].service_request_id);
    await staffStep(ids[0]!, 'accept', { note: '受理' });
    await staffStep(ids[0]!, 'dispatch', { departmentId: 'babao-justice', note: '请司法所办理' });
    await staffStep(ids[0]!, 'resolve', { summary: '已办结' });

    const all = await get(`${BASE}/requests.json`, apiKey);
    expect(all.body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([...ids].reverse());
    const open = await get(`${BASE}/requests.json?status=open`, apiKey);
    expect(open.body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([ids[2], ids[1]]);
    const land = await get(`${BASE}/requests.json?service_code=land_dispute&status=closed`, apiKey);
    expect(land.body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([ids[0]]);
    const future = await get(`${BASE}/requests.json?start_date=${encodeURIComponent(new Date(Date.now() + 86_400_000).toISOString())}`, apiKey);
    expect(future.body).toEqual([]);

    const seen: string[] = [];
    let next: string | undefined = `${BASE}/requests.json?page_size=2`;
    for (let pages = 0; next && pages < 5; pages++) {
      const page = await get(next, apiKey);
      expect(page.body.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.map((r: { service_request_id: string }) => r.service_request_id));
      const m = page.link ? /^<[^>]*?(\/open311\/v2\/requests\.json\?[^>]+)>; rel="next"$/.exec(page.link) : null;
      next = m?.[1];
    }
    expect(seen).toEqual([...ids].reverse());
    expect((await get(`${BASE}/requests.json?page_size=500`, apiKey)).status).toBe(400);
  });
});

describe('partner keys', () => {
  it('are made and revoked by the county’s admins only, shown once, and stop at once when revoked', async () => {
    const body = { name: '县12345热线', countyId: 'qilian' };
    for (const who of ['county', 'babao'] as const) {
      const refused = await call('POST', '/staff/partners', { token: await staffToken(who), body });
      expect(refused.status).toBe(404);
      expect(refused.body.error.message).toBe('未找到');
    }
    // an admin makes partners of their own county only: another county is not theirs to know of
    const elsewhere = await call('POST', '/staff/partners', { token: await staffToken('admin'), body: { ...body, countyId: 'menyuan' } });
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.error.message).toBe('未找到');
    const made = await newPartner('县12345热线');
    expect(made.apiKey).toMatch(/^sg_[A-Za-z0-9_-]{32}$/);
    const listed = await call('GET', '/staff/partners', { token: await staffToken('admin') });
    const row = listed.body.items.find((p: { id: string }) => p.id === made.id);
    expect(row).toMatchObject({ name: '县12345热线', channel: 'hotline', active: true });
    expect(JSON.stringify(listed.body)).not.toContain(made.apiKey);
    expect(JSON.stringify(listed.body)).not.toMatch(/keyHash/);

    expect((await request(made.apiKey)).status).toBe(201);
    expect((await call('POST', `/staff/partners/${made.id}/revoke`, { token: await staffToken('county'), body: {} })).status).toBe(404);
    const unknown = await call('POST', '/staff/partners/nobody/revoke', { token: await staffToken('admin'), body: {} });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('未找到该合作系统');
    const revoked = await call('POST', `/staff/partners/${made.id}/revoke`, { token: await staffToken('admin'), body: {} });
    expect(revoked.body.active).toBe(false);
    expect((await request(made.apiKey)).status).toBe(401);
    const audit = await call('GET', '/staff/audit?limit=10', { token: await staffToken('admin') });
    // the audit record says who made and revoked it, and what changed
    const entry = (action: string, change: object) => ({
      id: expect.any(String), at: expect.any(String), actor: expect.objectContaining({ username: 'admin', role: 'admin' }),
      subject: 'partner', subjectId: made.id, action, ...change,
    });
    expect(audit.body.items.filter((e: { subjectId: string }) => e.subjectId === made.id)).toEqual([
      entry('revoke', { changed: ['active'], before: { active: true }, after: { active: false } }),
      entry('create', { changed: ['name'], after: { name: '县12345热线' } }),
    ]);
  });

  it('take a partner’s requests up to its minute’s limit (20 in the test stack), then 429 until the next minute', async () => {
    const { apiKey } = await newPartner();
    const minute = Math.floor(Date.now() / 60_000) * 60_000 + 60_000;
    await setApiTime(minute + 1_000);
    try {
      for (let i = 0; i < 20; i++) expect((await get(`${BASE}/requests.json`, apiKey)).status).toBe(200);
      const over = await get(`${BASE}/requests.json`, apiKey);
      expect(over.status).toBe(429);
      expect(over.body).toEqual([{ code: 429, description: '每分钟至多 20 次请求，请稍后再试' }]);
      await setApiTime(minute + 61_000);
      expect((await get(`${BASE}/requests.json`, apiKey)).status).toBe(200);
    } finally {
      await resetApiTime();
    }
  });
});
