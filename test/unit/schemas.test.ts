/**
 * What a person is told when what they send is wrong: each shared schema's own checks (a report needs a place and
 * something said, an anonymous report keeps no phone, a letter has its day, a period runs forwards and not too long),
 * parsed here directly, with the field the message goes to and the message itself. The API tests send the same
 * bodies over HTTP; these run in the test process, where the mutation run's mutants are seen.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { RegisterPetitionBody, SubmitPetitionBody } from '../../shared/schemas/api';
import { HostsQuery, SlotsQuery, Window } from '../../shared/schemas/booking';
import * as z from 'zod/mini';
import { Id, idOf, text } from '../../shared/schemas/common';
import { MeetingBody } from '../../shared/schemas/meeting';
import { backlogMembers, onBacklogCase } from '../../shared/schemas/backlog';
import { PageResponse } from '../../shared/schemas/views';
import { Open311RequestBody } from '../../shared/schemas/open311';
import { summaryOf } from '../../shared/schemas/petition';
import { PhotoRef } from '../../shared/schemas/report';
import type * as WECHAT from '../../shared/contract/wechat';
// imported as well as loaded afresh: the mutation run picks the tests of a file by what they import (vitest's related)
import '../../shared/contract/wechat';
import { DashboardQuery, ExportQuery, RankingQuery, StaffQueueQuery } from '../../shared/schemas/staff';
import { aPetition } from '../support/builders';

/** `field: message` for each issue; [] when the input passes. */
const told = (schema: z.ZodMiniType, input: unknown) => {
  const r = schema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe("a citizen's report (SubmitPetitionBody)", () => {
  const report = { postId: 'post-1', categoryId: 'land_dispute', description: '草场边界纠纷，请来看看' };
  const audio = { key: 'audio/2026/11/a.mp3', seconds: 12 };

  it('needs a post or a township, and says to scan or choose one', () => {
    expect(told(SubmitPetitionBody, report)).toEqual([]);
    expect(told(SubmitPetitionBody, { ...report, postId: undefined, townshipId: 'babao' })).toEqual([]);
    expect(told(SubmitPetitionBody, { ...report, postId: undefined })).toEqual(['townshipId: 请扫码选择岗点，或选择所在乡镇（苏木）']);
  });

  it('needs a description or a recording', () => {
    const spoken = SubmitPetitionBody.safeParse({ ...report, description: undefined, audio });
    expect(spoken.success ? [] : spoken.error.issues.map((i) => i.path.join('.'))).not.toContain('description');
    expect(told(SubmitPetitionBody, { ...report, description: undefined })).toEqual(['description: 请填写问题描述，或按住说话录一段语音']);
  });

  it('keeps no phone when anonymous, and says to choose a named report to be called', () => {
    expect(told(SubmitPetitionBody, { ...report, anonymous: true })).toEqual([]);
    expect(told(SubmitPetitionBody, { ...report, anonymous: false, phone: '13812341234' })).toEqual([]);
    expect(told(SubmitPetitionBody, { ...report, anonymous: true, phone: '13812341234' })).toEqual([
      'phone: 匿名反映不留联系电话；需要工作人员联系您时请选择实名反映',
    ]);
  });
});

describe('a registration by staff (RegisterPetitionBody, 统一登记)', () => {
  const visit = { channel: 'visit', townshipId: 'babao', categoryId: 'land_dispute', description: '来访反映草场边界纠纷' };

  it('needs a post, a village or a township', () => {
    for (const place of [{ postId: 'post-1' }, { villageId: 'v-1' }, { townshipId: 'babao' }]) {
      expect([place, told(RegisterPetitionBody, { ...visit, townshipId: undefined, ...place })]).toEqual([place, []]);
    }
    expect(told(RegisterPetitionBody, { ...visit, townshipId: undefined })).toEqual(['townshipId: 请选择岗点、村或乡镇']);
  });

  it('keeps neither a name nor a phone when anonymous', () => {
    expect(told(RegisterPetitionBody, { ...visit, anonymous: false, name: '张三', phone: '13812341234' })).toEqual([]);
    expect(told(RegisterPetitionBody, { ...visit, anonymous: true })).toEqual([]);
    expect(told(RegisterPetitionBody, { ...visit, anonymous: true, name: '张三' })).toEqual(['phone: 匿名登记不留姓名和电话']);
    expect(told(RegisterPetitionBody, { ...visit, anonymous: true, phone: '13812341234' })).toEqual(['phone: 匿名登记不留姓名和电话']);
  });

  it('has the day a letter arrived, and only a letter has one', () => {
    expect(told(RegisterPetitionBody, { ...visit, channel: 'letter', letterReceivedOn: '2026-11-20' })).toEqual([]);
    expect(told(RegisterPetitionBody, { ...visit, channel: 'letter' })).toEqual(['letterReceivedOn: 来信须填写收信日期']);
    expect(told(RegisterPetitionBody, { ...visit, letterReceivedOn: '2026-11-20' })).toEqual(['letterReceivedOn: 只有来信才填写收信日期']);
  });
});

describe('the messages of fields that do not name themselves (common.ts)', () => {
  it('names a field it does not know, a missing one, one of the wrong kind, and one too long or too short', () => {
    expect(told(RegisterPetitionBody, { channel: 'visit', townshipId: 'babao', categoryId: 'c', description: '五个字以上', colour: 'red', size: 1 })).toEqual([
      ': 不认识的字段：colour、size',
    ]);
    expect(told(SubmitPetitionBody, { postId: 'p', categoryId: 'c', description: '五个字以上', anonymous: 'yes' })).toEqual(['anonymous: 格式不正确']);
    expect(told(SlotsQuery, { days: '40' })).toEqual(['days: 天数须为 1 到 31']);
    expect(told(Id, undefined)).toEqual([': 请选择编号']);
    // made inside the test, as a route's parameter is: the mutation run sees what runs in a test
    const township = idOf('乡镇（苏木）');
    expect(told(township, undefined)).toEqual([': 请选择乡镇（苏木）']);
    for (const bad of ['a/b', 'a'.repeat(65), '', ' a', 'a ', '岗点']) expect([bad, told(township, bad)]).toEqual([bad, [': 乡镇（苏木）编号格式不正确']]);
    for (const good of ['A-z_09', 'a', 'a'.repeat(64)]) expect([good, told(township, good)]).toEqual([good, []]);
    // a check with no words of its own and none of ours is still told in Chinese
    expect(told(z.object({ kind: z.enum(['a', 'b']) }), { kind: 'c' })).toEqual(['kind: 内容不正确']);
    expect(told(z.object({ kind: z.string() }), {})).toEqual(['kind: 此项必填']);
  });

  it('says what a typed text lacks, has too much of, or holds that cannot be read', () => {
    const reason = text('处理结果', 10, 3);
    expect(told(reason, undefined)).toEqual([': 请填写处理结果']);
    expect(told(reason, ' 好 ')).toEqual([': 处理结果至少 3 个字']);
    expect(told(text('处理结果', 10), '   ')).toEqual([': 请填写处理结果']);
    expect(told(reason, '一二三四五六七八九十一')).toEqual([': 处理结果不能超过 10 个字']);
    expect(told(reason, '已处理\u0007完')).toEqual([': 处理结果含有无法识别的字符']);
    expect(told(reason, '已处理\n完毕\t好')).toEqual([]);
    expect(reason.parse('  已处理完毕  ')).toBe('已处理完毕');
  });

  it('tells a missing field by its own words where it has them, and 内容过长或数值过大 where it has none', () => {
    expect(told(Window, { from: '09:00' })).toEqual(['to: 请填写时间']);
    expect(told(MeetingBody, { start: '2026-12-01T02:00:00.000Z', hostIds: ['h1', 'h2'], withCitizen: 'yes' })).toEqual(['withCitizen: 请选择是否邀请群众参加']);
    const base = { service_code: 'land_dispute', description: '草场边界纠纷', address_id: 'post-1' };
    expect(told(Open311RequestBody, { ...base, first_name: 'x'.repeat(33) })).toEqual(['first_name: 内容过长或数值过大']);
    expect(told(Open311RequestBody, { ...base, service_code: undefined })).toEqual(['service_code: 请选择service_code']);
  });
});

describe('a reception (booking.ts)', () => {
  it('ends a window after it begins', () => {
    expect(told(Window, { from: '09:00', to: '09:30' })).toEqual([]);
    expect(told(Window, { from: '09:30', to: '09:30' })).toEqual(['to: 结束时间须晚于开始时间']);
    expect(told(Window, { from: '10:00', to: '09:30' })).toEqual(['to: 结束时间须晚于开始时间']);
  });

  it('reads `all` as the words true and false, and nothing else', () => {
    expect(SlotsQuery.parse({ all: 'true' }).all).toBe(true);
    expect(SlotsQuery.parse({ all: 'false' }).all).toBe(false);
    expect(SlotsQuery.parse({}).all).toBeUndefined();
    expect(told(SlotsQuery, { all: 'yes' }).map((t) => t.split(':')[0])).toEqual(['all']);
    expect(told(HostsQuery, {})).toEqual([]);
  });
});

describe('a consultation meeting (MeetingBody, 会诊会议)', () => {
  const start = '2026-12-01T02:00:00.000Z';

  it('has two parties at least: two hosts, or one host and the citizen', () => {
    expect(told(MeetingBody, { start, hostIds: ['h1', 'h2'] })).toEqual([]);
    expect(told(MeetingBody, { start, hostIds: ['h1'], withCitizen: true })).toEqual([]);
    expect(told(MeetingBody, { start, hostIds: ['h1'] })).toEqual(['hostIds: 会诊会议至少两方参加：请再选一位接访人，或邀请群众参加']);
  });

  it('names each host once', () => {
    expect(told(MeetingBody, { start, hostIds: ['h1', 'h1'] })).toEqual(['hostIds: 参会的接访人不能重复']);
    expect(told(MeetingBody, { start, hostIds: ['h1', 'h1'], withCitizen: true })).toEqual(['hostIds: 参会的接访人不能重复']);
  });
});

describe("a partner system's request (Open311RequestBody)", () => {
  const base = { service_code: 'land_dispute', description: '草场边界纠纷' };

  it('needs a post (address_id) or a township', () => {
    expect(told(Open311RequestBody, { ...base, address_id: 'post-1' })).toEqual([]);
    expect(told(Open311RequestBody, { ...base, 'attribute[township]': 'babao' })).toEqual([]);
    expect(told(Open311RequestBody, base)).toEqual(['attribute[township]: 请给出 address_id（岗点）或 attribute[township]（乡镇）']);
  });

  it('gives lat and long together or neither', () => {
    const at = { ...base, address_id: 'post-1' };
    expect(told(Open311RequestBody, { ...at, lat: '38.17', long: '100.24' })).toEqual([]);
    expect(Open311RequestBody.parse({ ...at, lat: '38.17', long: '100.24' })).toMatchObject({ lat: 38.17, long: 100.24 });
    expect(told(Open311RequestBody, { ...at, lat: '38.17' })).toEqual(['long: lat 与 long 须同时给出']);
    expect(told(Open311RequestBody, { ...at, long: '100.24' })).toEqual(['long: lat 与 long 须同时给出']);
  });
});

describe("a photo's reference (PhotoRef)", () => {
  it('is a key the upload route handed out, with no empty, . or .. part', () => {
    expect(told(PhotoRef, 'photos/2026/11/a.jpg')).toEqual([]);
    expect(told(PhotoRef, 'photos/a.b.jpg')).toEqual([]);
    for (const bad of ['photos//a.jpg', 'photos/./a.jpg', 'photos/../secret', 'photos/a/', 'photos/..', 'other/a.jpg']) {
      expect([bad, told(PhotoRef, bad)]).toEqual([bad, [': 照片引用不正确']]);
    }
  });
});

describe('a period of the staff pages (staff.ts)', () => {
  it('is made of real days: 2026-02-30 is no day', () => {
    expect(told(DashboardQuery, { from: '2026-02-28', to: '2026-03-01' })).toEqual([]);
    expect(told(DashboardQuery, { from: '2026-02-30' })).toEqual(['from: 不是有效的日期']);
    expect(told(DashboardQuery, { to: '2026-13-01' })).toEqual(['to: 不是有效的日期']);
    expect(told(DashboardQuery, { to: '2026-1-01' })).toEqual(['to: 日期格式为 YYYY-MM-DD']);
    expect(told(DashboardQuery, { from: '2024-02-29' })).toEqual([]);
  });

  it('runs forwards: the first day is not after the last, one day is a period', () => {
    for (const q of [DashboardQuery, ExportQuery, RankingQuery, StaffQueueQuery]) {
      expect(told(q, { from: '2026-11-01', to: '2026-11-01' })).toEqual([]);
      expect(told(q, { from: '2026-11-02', to: '2026-11-01' })).toEqual(['from: 开始日期不能晚于结束日期']);
    }
  });

  it('may have its first day or its last alone', () => {
    for (const q of [DashboardQuery, ExportQuery, RankingQuery, StaffQueueQuery]) {
      expect(told(q, { from: '2026-11-01' })).toEqual([]);
      expect(told(q, { to: '2026-11-01' })).toEqual([]);
    }
  });

  it('is a year at most for the figures, and a quarter (93 days) at most for an export', () => {
    for (const q of [DashboardQuery, RankingQuery]) {
      expect(told(q, { from: '2025-11-01', to: '2026-11-02' })).toEqual([]); // 367 days
      expect(told(q, { from: '2025-11-01', to: '2026-11-03' })).toEqual(['to: 统计区间最长一年']);
      expect(told(q, { from: '2025-11-01' })).toEqual([]);
    }
    expect(told(ExportQuery, { from: '2026-09-01', to: '2026-12-02' })).toEqual([]); // 93 days
    expect(told(ExportQuery, { from: '2026-09-01', to: '2026-12-03' })).toEqual(['to: 导出区间最长 93 天，请分次导出']);
    expect(told(ExportQuery, { to: '2026-12-03' })).toEqual([]);
  });
});

describe("the queue's lists (StaffQueueQuery)", () => {
  // each list in its own order: no deadline filter, no urgent sort, and none of the lists before it
  it.each([
    ['supervised', '督办列表按上报时间排列，不能同时按期限筛选或按紧急排序', []],
    ['consulting', '会诊列表按发起时间排列，不能同时按期限筛选、按紧急排序或查看督办', ['supervised']],
    ['team', '专班列表按上报时间排列，不能同时按期限筛选、按紧急排序、查看督办或会诊', ['supervised', 'consulting']],
  ])('keeps %s in its own order', (list, message, before) => {
    const said = `${list}: ${message}`;
    expect(told(StaffQueueQuery, { [list]: 'true' })).toEqual([]);
    expect(told(StaffQueueQuery, { [list]: 'true', overdue: 'false' })).toEqual([]);
    for (const other of [{ due: 'near' }, { due: 'overdue' }, { overdue: 'true' }, { sort: 'urgent' }]) {
      expect([other, told(StaffQueueQuery, { [list]: 'true', ...other })]).toEqual([other, [said]]);
    }
    for (const earlier of before) expect([earlier, told(StaffQueueQuery, { [list]: 'true', [earlier]: 'true' })]).toEqual([earlier, expect.arrayContaining([said])]);
  });

  it('lets the main queue filter by deadline and sort by urgency', () => {
    expect(told(StaffQueueQuery, { due: 'near', sort: 'urgent', overdue: 'true' })).toEqual([]);
  });
});

describe("a case's list row (summaryOf)", () => {
  it('carries the first 60 characters of what was said, the rating, the follow-up and the phone masked', () => {
    const long = '草场边界纠纷'.repeat(20);
    const row = summaryOf(
      aPetition({ description: long, rating: { rating: 'satisfied', at: '2026-11-25T02:00:00.000Z' }, followUp: { reached: true, rating: 'satisfied', at: '2026-11-28T02:00:00.000Z', by: 'u1' } } as never)
        .resolved()
        .withPhone('13812341234')
        .build(),
    );
    expect(row).toMatchObject({ id: 'P1', status: 'resolved', summary: long.slice(0, 60), rating: 'satisfied', followUpResult: { reached: true, rating: 'satisfied' }, phoneMasked: '138****1234' });
    expect(row.summary).toHaveLength(60);
    expect(row).not.toHaveProperty('phone');
    const plain = summaryOf(aPetition().build());
    expect(plain).toMatchObject({ summary: '草场边界纠纷' });
    expect([plain.rating, plain.followUpResult, plain.phoneMasked]).toEqual([undefined, undefined, undefined]);
  });
});

describe("WeChat's push to us (shared/contract/wechat.ts)", () => {
  // loaded afresh in each test (a new query string is a module of its own): its schemas are made when it loads, and
  // the mutation run's mutant of one is what a load inside the test reads (test/mutation/run.ts)
  let loads = 0;
  let PushCheck: typeof WECHAT.PushCheck, PushQuery: typeof WECHAT.PushQuery, PushEvent: typeof WECHAT.PushEvent;
  beforeEach(async () => {
    ({ PushCheck, PushQuery, PushEvent } = (await import(/* @vite-ignore */ `../../shared/contract/wechat.ts?load=${++loads}`)) as typeof WECHAT);
  });
  const signed = { signature: 'a'.repeat(40), timestamp: '1764460800', nonce: 'n0nce' };

  it('is signed: a signature of 40 hex digits, a timestamp of digits, a nonce', () => {
    expect(told(PushCheck, { ...signed, echostr: 'e' })).toEqual([]);
    expect(told(PushQuery, { ...signed, openid: 'wx_a' })).toEqual([]);
    expect(told(PushQuery, signed)).toEqual([]);
    for (const signature of ['a'.repeat(39), 'a'.repeat(41), 'A'.repeat(40), `${'a'.repeat(39)}g`, ` ${'a'.repeat(40)}`, `${'0'.repeat(40)}\n`]) {
      expect([signature, told(PushQuery, { ...signed, signature })]).toEqual([signature, ['signature: 签名格式不正确']]);
    }
    expect(told(PushQuery, { ...signed, signature: '0123456789abcdef0123456789abcdef01234567' })).toEqual([]);
    for (const timestamp of ['', '1'.repeat(13), '17644608OO', 'x1764460800', '1764460800x']) {
      expect([timestamp, told(PushQuery, { ...signed, timestamp })]).toEqual([timestamp, ['timestamp: 时间戳格式不正确']]);
    }
    expect(told(PushQuery, { ...signed, timestamp: '1' })).toEqual([]);
    expect(told(PushQuery, { ...signed, timestamp: '1'.repeat(12) })).toEqual([]);
    expect(told(PushQuery, { ...signed, nonce: 'n'.repeat(65) })).toEqual(['nonce: 内容过长或数值过大']);
    expect(told(PushQuery, { timestamp: signed.timestamp, nonce: signed.nonce }).map((t) => t.split(':')[0])).toEqual(['signature']);
  });

  it('checks the push address with an echostr of 1 to 128 characters', () => {
    expect(told(PushCheck, { ...signed, echostr: '' })).toEqual(['echostr: 内容过短或数值过小']);
    expect(told(PushCheck, { ...signed, echostr: 'e'.repeat(128) })).toEqual([]);
    expect(told(PushCheck, { ...signed, echostr: 'e'.repeat(129) })).toEqual(['echostr: 内容过长或数值过大']);
    expect(told(PushCheck, signed).map((t) => t.split(':')[0])).toEqual(['echostr']);
  });

  it("reads an event's type and the media check's verdict, and lets the rest through", () => {
    const event = { MsgType: 'event', Event: 'wxa_media_check', trace_id: 't1', result: { suggest: 'risky', label: 20001 }, appid: 'wx1', version: 2 };
    expect(PushEvent.parse(event)).toEqual(event);
    expect(told(PushEvent, { ...event, trace_id: 't'.repeat(129) })).toEqual(['trace_id: 内容过长或数值过大']);
    expect(told(PushEvent, { ...event, result: { suggest: 1 } })).toEqual(['result.suggest: 格式不正确']);
    expect(told(PushEvent, { ...event, MsgType: 1 })).toEqual(['MsgType: 格式不正确']);
  });
});

describe("a backlog case's people (专班积案)", () => {
  const backlog = { backlogClass: 'A' as const, classedAt: '2026-11-01T00:00:00.000Z', dueAt: '2026-12-01T00:00:00.000Z' };

  it('are none without a backlog or a team, and the lead (when an account) and the team, each once', () => {
    expect(backlogMembers(undefined)).toEqual([]);
    expect(backlogMembers(backlog)).toEqual([]);
    expect(backlogMembers({ ...backlog, leadOfficial: { name: '县委副书记' } })).toEqual([]);
    expect(backlogMembers({ ...backlog, leadOfficial: { id: 'u-lead', name: '县委副书记' } })).toEqual(['u-lead']);
    const team = [{ id: 'u-a', name: '甲' }, { id: 'u-lead', name: '县委副书记' }];
    expect(backlogMembers({ ...backlog, leadOfficial: { id: 'u-lead', name: '县委副书记' }, team })).toEqual(['u-lead', 'u-a']);
    expect([onBacklogCase({ ...backlog, team }, 'u-a'), onBacklogCase({ ...backlog, team }, 'u-b'), onBacklogCase(undefined, 'u-a')]).toEqual([true, false, false]);
  });
});

describe('a page of a list (PageResponse)', () => {
  it('is its items and, when there is more, the cursor to the next page', () => {
    const Page = PageResponse(z.object({ id: z.string() }));
    expect(Page.parse({ items: [{ id: 'a' }], cursor: 'c1' })).toEqual({ items: [{ id: 'a' }], cursor: 'c1' });
    expect(Page.parse({ items: [] })).toEqual({ items: [] });
    expect(told(Page, { cursor: 'c1' })).toEqual(['items: 此项必填']);
  });
});
