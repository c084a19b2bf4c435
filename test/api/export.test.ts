/**
 * The CSV export of a period's petitions: the caller's scope only, China calendar days for the period, a BOM and
 * Chinese headers for Excel, one row per petition, and never a whole phone number. Also: the staff queue list shows
 * phones only masked.
 *
 * The petitions are seeded through the use cases with a clock in September 2024, a month no other test uses, on the
 * running stack's table, so the period holds exactly this file's petitions. Their category, 邻里纠纷, is a village-level
 * one; a sweep escalating what is overdue would only bring a supervisor in, never move them (首接首办).
 */
import { randomInt } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Deps, StaffCaller } from '../../functions/usecases/context';
import { submitPetition, transition } from '../../functions/usecases/petitions';
import { apiUrl, call, citizenToken, report, staffToken } from '../support/api';
import { movableClock, stackDeps } from '../support/deps';
import { findPersonalData } from '../support/privacy';

const clock = movableClock('2024-09-01T00:00:00Z');
let deps: Deps;
const ebaoStaff: StaffCaller = { kind: 'staff', id: 'u-ebao', name: '值班员', role: 'centre_staff', scopeNodeId: 'ebao' };

/** a phone nobody else uses: 138 and eight random digits */
const newPhone = () => `138${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;

interface Seeded {
  id: string;
  trackingCode: string;
  phone: string;
}
async function seed(at: string, postId: string, who = `wx_export-${randomInt(0, 1e9)}`): Promise<Seeded> {
  clock.t = new Date(at);
  const phone = newPhone();
  const out = await submitPetition(deps, { kind: 'citizen', openid: who }, `export-${randomInt(0, 1e12)}`, {
    channel: 'scan', postId, categoryId: 'neighbour', description: '邻居家的狗夜里一直叫，沟通无果。', photos: [], anonymous: false, phone,
  });
  return { id: out.response.id, trackingCode: out.response.trackingCode, phone };
}

/** The export as the browser gets it: the bytes (the BOM is the first three), the text and the headers. */
async function exportCsv(token: string, query: string) {
  const res = await fetch(`${apiUrl()}/staff/export?${query}`, { headers: { authorization: `Bearer ${token}` } });
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), bytes, text };
}
const rowsOf = (text: string) => text.replace(/^\uFEFF/, '').split('\r\n').filter((l) => l !== '');

const HEADER = '跟踪码,登记时间,乡镇（苏木）,办理中心,诉求类型,渠道,状态,当前步骤期限,办理期限,是否逾期,评价,回访结果,联系电话（已脱敏）';

let inside: Seeded[] = [];
let rated: Seeded;
let outside: Seeded[] = [];
let moler: Seeded;
let ebao = '';

beforeAll(async () => {
  deps = stackDeps(clock);
  // 八宝镇 is not in this test: 峨堡镇 (ebao) is the caller's township, 默勒镇 (moler) the other one.
  const first = await seed('2024-08-31T16:00:00Z', 'ebao-ebao-p1'); // 2024-09-01 00:00 in China: inside
  const last = await seed('2024-09-30T15:59:00Z', 'ebao-huangcaogou-p1'); // 2024-09-30 23:59 in China: inside
  const citizen = `wx_export-rated-${randomInt(0, 1e9)}`;
  rated = await seed('2024-09-10T02:00:00Z', 'ebao-ebao-p1', citizen);
  const plain = await seed('2024-09-11T02:00:00Z', 'ebao-ebao-p1');
  inside = [first, last, rated, plain];
  outside = [await seed('2024-08-31T15:59:00Z', 'ebao-ebao-p1'), await seed('2024-09-30T16:00:00Z', 'ebao-ebao-p1')];
  moler = await seed('2024-09-12T02:00:00Z', 'moler-moler-p1');

  const step = async (t: string, input: Parameters<typeof transition>[3], who: Parameters<typeof transition>[1] = ebaoStaff) => {
    clock.t = new Date(t);
    await transition(deps, who, rated.id, input);
  };
  await step('2024-09-10T03:00:00Z', { action: 'accept' });
  await step('2024-09-10T04:00:00Z', { action: 'dispatch', departmentId: 'ebao-justice' });
  await step('2024-09-11T04:00:00Z', { action: 'resolve', summary: '经调解，双方达成协议' });
  await step('2024-09-12T04:00:00Z', { action: 'rate', rating: 'satisfied' }, { kind: 'citizen', openid: citizen });
  await step('2024-09-19T04:00:00Z', { action: 'follow_up', reached: true, rating: 'basically_satisfied', note: '电话回访，群众表示基本满意' });
  ebao = await staffToken('ebao');
}, 120_000);

describe('the CSV export', () => {
  it('answers a UTF-8 file with a BOM, Chinese headers and one row per petition of the period in the township', async () => {
    const out = await exportCsv(ebao, 'from=2024-09-01&to=2024-09-30');
    expect(out.status).toBe(200);
    expect(out.type).toBe('text/csv; charset=utf-8');
    expect(out.disposition).toBe('attachment; filename="shaogang-ebao-2024-09-01-2024-09-30.csv"');
    expect([...out.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = rowsOf(out.text);
    expect(header).toBe(HEADER);
    expect(rows).toHaveLength(inside.length);
    // oldest first, each a petition of the period
    expect(rows.map((r) => r.split(',')[0])).toEqual([inside[0], inside[2], inside[3], inside[1]].map((p) => p!.trackingCode));
    for (const p of [...outside, moler]) expect(out.text).not.toContain(p.trackingCode);
    // accepted within 24 hours: due 2024-09-02 00:00, long past
    expect(rows[0]).toMatch(/^[A-Z0-9]{10},2024-09-01 00:00,峨堡镇,峨堡镇综治中心,邻里纠纷,扫码,已上报,2024-09-02 00:00,,是,,,138\*{4}\d{4}$/);
    // accepted 2024-09-10 11:00; resolved within 7 working days: 14 September was a make-up workday, 15–17 the Mid-Autumn
    // holiday. (是否逾期 is left out: it says whether the stack's sweep happened to come by between its steps.)
    const ratedRow = rows.find((r) => r.startsWith(rated.trackingCode))!.split(',');
    // the follow-up call's result, without its note
    expect([...ratedRow.slice(6, 9), ...ratedRow.slice(10)]).toEqual(['已评价', '', '2024-09-20 11:00', '满意', '已回访：基本满意', masked(rated.phone)]);
  });

  it('says of a follow-up call that did not reach the citizen 未联系上, and of one that left no rating 已回访', async () => {
    const missed = await seed('2024-11-08T02:00:00Z', 'ebao-ebao-p1');
    const called = await seed('2024-11-09T02:00:00Z', 'ebao-ebao-p1');
    const calls = [
      [missed, { action: 'follow_up', reached: false, note: '电话无人接听' }],
      [called, { action: 'follow_up', reached: true, note: '电话回访，群众未作评价' }],
    ] as const;
    for (const [p, call] of calls) {
      for (const input of [{ action: 'accept' }, { action: 'dispatch', departmentId: 'ebao-justice' }, { action: 'resolve', summary: '经调解，双方达成协议' }, call] as const) {
        await transition(deps, ebaoStaff, p.id, input);
      }
    }
    const out = await exportCsv(ebao, 'from=2024-11-01&to=2024-11-30');
    const rows = rowsOf(out.text).slice(1).map((r) => r.split(','));
    expect(rows.map((r) => r[0])).toEqual([missed.trackingCode, called.trackingCode]);
    expect(rows.map((r) => r[11])).toEqual(['未联系上', '已回访']);
  });

  it('never holds a whole phone number, only masked ones', async () => {
    const out = await exportCsv(ebao, 'from=2024-09-01&to=2024-09-30');
    for (const p of inside) {
      expect(out.text).not.toContain(p.phone);
      expect(out.text).toContain(masked(p.phone));
    }
    expect(findPersonalData(out.text)).toEqual([]);
    expect(out.text).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
  });

  it('lets a county supervisor export one township or the whole county', async () => {
    const county = await staffToken('county');
    const one = await exportCsv(county, 'from=2024-09-01&to=2024-09-30&townshipId=moler');
    expect(one.status).toBe(200);
    expect(rowsOf(one.text).slice(1).map((r) => r.split(',')[0])).toEqual([moler.trackingCode]);
    const all = await exportCsv(county, 'from=2024-09-01&to=2024-09-30');
    expect(rowsOf(all.text)).toHaveLength(1 + inside.length + 1);
    expect(all.text).toContain(moler.trackingCode);
  });

  it('tells centre staff another township does not exist, and a handler that the export does not', async () => {
    expect((await exportCsv(ebao, 'from=2024-09-01&to=2024-09-30&townshipId=moler')).status).toBe(404);
    const moler = await staffToken('moler');
    const theirs = await exportCsv(moler, 'from=2024-09-01&to=2024-09-30');
    expect(theirs.status).toBe(200);
    for (const p of inside) expect(theirs.text).not.toContain(p.trackingCode);
    expect((await exportCsv(await staffToken('babao-justice'), 'from=2024-09-01&to=2024-09-30')).status).toBe(404);
    expect((await exportCsv(ebao, 'from=2024-09-01&to=2024-09-30&townshipId=nowhere')).status).toBe(404);
    // the county asking for a township that is not there
    const nowhere = await call('GET', '/staff/export?from=2024-09-01&to=2024-09-30&townshipId=nowhere', { token: await staffToken('county') });
    expect(nowhere.status).toBe(404);
    expect(nowhere.body.error.message).toBe('未找到该乡镇（苏木）');
  });

  it('refuses a period that is too long or upside down with a 400 that names the field', async () => {
    const long = await call('GET', '/staff/export?from=2024-01-01&to=2024-09-30', { token: ebao });
    expect(long.status).toBe(400);
    expect(long.body.error.issues[0]).toEqual({ path: 'query.to', message: '导出区间最长 93 天，请分次导出' });
    const defaultTo = await call('GET', '/staff/export?from=2024-01-01', { token: ebao });
    expect(defaultTo.status).toBe(400);
    expect(defaultTo.body.error.issues[0].path).toBe('query.to');
    const upside = await call('GET', '/staff/export?from=2024-09-30&to=2024-09-01', { token: ebao });
    expect(upside.status).toBe(400);
    expect(upside.body.error.issues[0].path).toBe('query.from');
    // a start after today, the end left to default to today
    const ahead = await call('GET', '/staff/export?from=2099-01-01', { token: ebao });
    expect(ahead.status).toBe(400);
    expect(ahead.body.error).toMatchObject({ message: '开始日期不能晚于结束日期', issues: [{ path: 'query.from', message: '开始日期不能晚于结束日期' }] });
    const notADay = await call('GET', '/staff/export?from=2024-02-30&to=2024-03-01', { token: ebao });
    expect(notADay.status).toBe(400);
    expect(notADay.body.error.issues[0].path).toBe('query.from');
  });
});

describe('the staff queue list', () => {
  it('shows a reporter’s phone only masked', async () => {
    const phone = newPhone();
    const sent = await report(await citizenToken(), { phone });
    expect(sent.status).toBe(201);
    const queue = await call('GET', '/staff/petitions?limit=100', { token: await staffToken('babao') });
    expect(queue.status).toBe(200);
    const row = queue.body.items.find((p: { id: string }) => p.id === sent.body.id);
    expect(row.phoneMasked).toBe(masked(phone));
    const text = JSON.stringify(queue.body);
    expect(text).not.toContain(phone);
    expect(findPersonalData(text)).toEqual([]);
  });
});
