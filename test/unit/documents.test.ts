import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../shared/errors';
import { REVIEW_NOTICE, chinaYear, composeDocument, documentNumber, documentRefusal } from '../../shared/documents';
import { IssueDocumentBody } from '../../shared/schemas/document';
import { aPetition } from '../support/builders';

const names = { centreName: '八宝镇综治中心', categoryName: '草场纠纷', townshipName: '八宝镇', departmentName: '八宝镇司法所' };
const ctx = { names, year: 2026, seq: 7, at: '2026-11-23T02:00:00.000Z', issuedBy: '值班员' };
const row = (d: { rows: Array<{ label: string; value: string }> }, label: string) => d.rows.find((r) => r.label === label)?.value;

describe('case documents (一单一书一承诺一表一函一考评)', () => {
  it('numbers per centre, kind and China year: a document issued on New Year’s Eve after 16:00 UTC is the next year’s', () => {
    expect(documentNumber('八宝镇综治中心', 'dispatch_slip', 2026, 3)).toBe('八宝镇综治中心交〔2026〕3号');
    expect(documentNumber('八宝镇综治中心', 'feedback', 2027, 12)).toBe('八宝镇综治中心复〔2027〕12号');
    expect(chinaYear('2026-12-31T15:59:59.000Z')).toBe(2026);
    expect(chinaYear('2026-12-31T16:00:00.000Z')).toBe(2027);
  });

  it('refuses a kind the case is not ready for', () => {
    const accepted = aPetition().accepted().build();
    const dispatched = aPetition().dispatched().build();
    const resolved = aPetition().resolved().with({ resolution: '已调解' }).build();
    expect(documentRefusal('dispatch_slip', accepted)).toMatch(/尚未分派/);
    expect(documentRefusal('dispatch_slip', dispatched)).toBeUndefined();
    expect(documentRefusal('commitment', accepted)).toMatch(/尚未分派/);
    expect(documentRefusal('agreement', aPetition().build())).toMatch(/尚未受理/);
    expect(documentRefusal('agreement', accepted)).toBeUndefined();
    expect(documentRefusal('feedback', dispatched)).toMatch(/尚未办结/);
    expect(documentRefusal('feedback', resolved)).toBeUndefined();
    expect(documentRefusal('evaluation', dispatched)).toMatch(/尚未办结/);
    expect(documentRefusal('reminder_letter', dispatched)).toMatch(/尚未到期催办或逾期/);
    expect(documentRefusal('reminder_letter', aPetition().dispatched().with({ urgedFor: '2026-11-23T02:00:00.000Z' }).build())).toBeUndefined();
    expect(documentRefusal('reminder_letter', aPetition().dispatched().with({ overdue: true }).build())).toBeUndefined();
    expect(() => composeDocument(accepted, { kind: 'dispatch_slip' }, ctx)).toThrow(ConflictError);
  });

  it('a 交办单 names the department, its deadline in China time and the requirements', () => {
    const p = aPetition().dispatched().with({ dueAt: '2026-12-08T02:00:00.000Z' }).build();
    const d = composeDocument(p, { kind: 'dispatch_slip', requirements: '五日内入户核实' }, ctx);
    expect(d).toMatchObject({ kind: 'dispatch_slip', title: '交办单', number: '八宝镇综治中心交〔2026〕7号', addressee: '八宝镇司法所', issuedBy: '值班员' });
    expect(row(d, '责任部门')).toBe('八宝镇司法所');
    expect(row(d, '办理期限')).toBe('2026年12月8日 10:00');
    expect(row(d, '跟踪码')).toBe(p.trackingCode);
    expect(d.paragraphs).toEqual([{ heading: '交办要求', text: '五日内入户核实' }]);
  });

  it('a 办结反馈表 carries the resolution, the legal basis and how to seek review', () => {
    const p = aPetition().resolved().with({ resolution: '双方达成调解协议' }).build();
    const d = composeDocument(p, { kind: 'feedback', basis: '《人民调解法》第三十一条' }, ctx);
    expect(row(d, '办理结果')).toBe('双方达成调解协议');
    expect(row(d, '法律政策依据')).toBe('《人民调解法》第三十一条');
    expect(d.paragraphs).toContainEqual({ heading: '救济途径', text: REVIEW_NOTICE });
    expect(d.signatures).toContain('反映人签收：');
  });

  it('an agreement leaves a signature line for each party; an evaluation reads timeliness, rating and follow-up', () => {
    const a = composeDocument(aPetition().accepted().build(), { kind: 'agreement', parties: [{ role: '甲方', name: '张三' }, { role: '乙方', name: '李四' }], facts: '边界争议', terms: '以围栏为界' }, ctx);
    expect(a.signatures.slice(0, 2)).toEqual(['甲方（签字）：', '乙方（签字）：']);
    const late = aPetition()
      .resolved()
      .with({ resolution: '已办结', resolvedAt: '2027-01-21T02:00:00.000Z', rating: { rating: 'basically_satisfied', at: '2027-01-22T02:00:00.000Z' }, followUp: { at: '2027-01-28T02:00:00.000Z', reached: true, note: '' } })
      .build();
    const e = composeDocument(late, { kind: 'evaluation' }, ctx);
    expect(row(e, '办结')).toBe('2027年1月21日 10:00（逾期）');
    expect(row(e, '群众评价')).toBe('基本满意');
    expect(row(e, '回访结果')).toBe('已联系上');
  });

  it('refuses by what the case is, not by what it carries: a department after the case left it, an old resolution on a reopened case', () => {
    // sent back to the centre (退回), still naming the department it left
    const back = aPetition().accepted().with({ departmentId: 'babao-justice' }).build();
    expect(documentRefusal('dispatch_slip', back)).toBe('该诉求尚未分派到责任部门，不能出具交办单');
    expect(documentRefusal('agreement', aPetition().in('declined').build())).toBe('该诉求尚未受理，不能出具调解协议书');
    expect(documentRefusal('feedback', aPetition().in('reopened').with({ departmentId: 'babao-justice', resolution: '已调解' }).build())).toBe('该诉求尚未办结，不能出具办结反馈表');
    expect(documentRefusal('reminder_letter', aPetition().accepted().with({ overdue: true }).build())).toBe('该诉求尚未分派到责任部门，不能出具工作提示函');
  });

  it('reads a 办结 at its deadline as on time, one without a time as not done, and a department it does not know as blank', () => {
    const onTheDot = aPetition().resolved().with({ resolution: '已办结', resolvedAt: '2027-01-20T02:00:00.000Z' }).build();
    expect(row(composeDocument(onTheDot, { kind: 'evaluation' }, ctx), '办结')).toBe('2027年1月20日 10:00（按期）');
    const noTime = aPetition().resolved().with({ resolution: '已办结', resolvedAt: undefined }).build();
    expect(row(composeDocument(noTime, { kind: 'evaluation' }, ctx), '办结')).toBe('（未完成）');
    const slip = composeDocument(aPetition().dispatched().build(), { kind: 'dispatch_slip' }, { ...ctx, names: { ...names, departmentName: undefined } });
    expect([slip.addressee, row(slip, '责任部门')]).toEqual(['', '']);
  });

  describe('each kind, written out whole', () => {
    /** a document as one reads it: its head, each row as 标签：值, each paragraph, each signature line */
    const read = (d: ReturnType<typeof composeDocument>) => [
      `${d.title} ${d.number} 致：${d.addressee ?? '—'}`,
      ...d.rows.map((r) => `${r.label}：${r.value}`),
      ...d.paragraphs.map((x) => (x.heading ? `【${x.heading}】${x.text}` : x.text)),
      ...d.signatures,
    ];
    const caseRows = ['跟踪码：ABCDEFGHJK', '诉求类型：草场纠纷', '所在乡镇：八宝镇', '登记时间：2026年11月22日 10:00'];
    const dispatched = aPetition().dispatched().with({ dueAt: '2026-12-08T02:00:00.000Z' }).build();

    it('交办单, with the standing requirements when staff write none', () => {
      expect(read(composeDocument(dispatched, { kind: 'dispatch_slip' }, ctx))).toEqual([
        '交办单 八宝镇综治中心交〔2026〕7号 致：八宝镇司法所',
        ...caseRows,
        '反映内容：草场边界纠纷',
        '责任部门：八宝镇司法所',
        '办理期限：2026年12月8日 10:00',
        '【交办要求】请按照“谁主管、谁负责”的原则，在办理期限内办结，并将办理结果反馈综治中心。',
        '交办单位：八宝镇综治中心（盖章）',
        '接收部门签收人：',
        '签收时间：',
      ]);
    });

    it('调解协议书', () => {
      const d = composeDocument(aPetition().accepted().build(), { kind: 'agreement', parties: [{ role: '甲方', name: '张三' }, { role: '乙方', name: '李四' }], facts: '边界争议', terms: '以围栏为界' }, ctx);
      expect(read(d)).toEqual([
        '调解协议书 八宝镇综治中心调〔2026〕7号 致：—',
        ...caseRows,
        '甲方：张三',
        '乙方：李四',
        '【纠纷事实】边界争议',
        '【协议内容】以围栏为界',
        '本协议经各方当事人签字、调解组织盖章后生效，各方应当自觉履行。本协议一式多份，各方当事人和调解组织各执一份。',
        '甲方（签字）：',
        '乙方（签字）：',
        '调解员（签字）：',
        '调解组织：八宝镇综治中心（盖章）',
      ]);
    });

    it('责任承诺书, its date written the Chinese way', () => {
      expect(read(composeDocument(dispatched, { kind: 'commitment', commitment: '三日内清偿', by: '2026-12-05' }, ctx))).toEqual([
        '责任承诺书 八宝镇综治中心诺〔2026〕7号 致：八宝镇综治中心',
        ...caseRows,
        '责任部门：八宝镇司法所',
        '承诺事项：三日内清偿',
        '完成时限：2026年12月5日',
        '八宝镇司法所承诺按上述事项和时限办理，并如实反馈办理情况；逾期未完成的，接受督办和问效问责。',
        '承诺部门：八宝镇司法所（盖章）',
        '负责人（签字）：',
        '日期：',
      ]);
    });

    it('办结反馈表', () => {
      const d = composeDocument(aPetition().resolved().with({ resolution: '双方达成调解协议' }).build(), { kind: 'feedback', basis: '《人民调解法》' }, ctx);
      expect(read(d)).toEqual([
        '办结反馈表 八宝镇综治中心复〔2026〕7号 致：反映人',
        ...caseRows,
        '反映内容：草场边界纠纷',
        '办结时间：2026年11月23日 09:00',
        '办理结果：双方达成调解协议',
        '法律政策依据：《人民调解法》',
        '【救济途径】如对办理结果不服，可自收到本反馈之日起 30 日内，向原办理机关、单位的上一级机关、单位请求复查（《信访工作条例》第三十五条）。',
        '办理单位：八宝镇综治中心（盖章）',
        '反映人签收：',
        '签收时间：',
      ]);
    });

    it('工作提示函, for a case past its deadline and for one urged at its deadline', () => {
      const overdue = aPetition().dispatched().with({ overdue: true, dueAt: '2026-12-08T02:00:00.000Z' }).build();
      expect(read(composeDocument(overdue, { kind: 'reminder_letter', request: '请补充材料' }, ctx))).toEqual([
        '工作提示函 八宝镇综治中心提〔2026〕7号 致：八宝镇司法所',
        ...caseRows,
        '责任部门：八宝镇司法所',
        '办理期限：2026年12月8日 10:00',
        '当前状态：已分派',
        '是否逾期：是',
        '八宝镇司法所：上述诉求已超过办理期限，请收到本函后抓紧办理，并于 3 个工作日内将办理情况书面反馈八宝镇综治中心。',
        '【提示事项】请补充材料',
        '八宝镇综治中心（盖章）',
      ]);
      const urged = aPetition().dispatched().with({ urgedFor: '2026-12-08T02:00:00.000Z', dueAt: '2026-12-08T02:00:00.000Z' }).build();
      expect(read(composeDocument(urged, { kind: 'reminder_letter' }, ctx)).slice(8)).toEqual([
        '是否逾期：否',
        '八宝镇司法所：上述诉求已到办理期限，请收到本函后抓紧办理，并于 3 个工作日内将办理情况书面反馈八宝镇综治中心。',
        '八宝镇综治中心（盖章）',
      ]);
    });

    it("化解成效考评表, citing the department's figures of the year", () => {
      const p = aPetition()
        .resolved()
        .with({ acceptedAt: '2026-11-22T04:00:00.000Z', resolution: '已办结', resolvedAt: '2026-11-23T01:00:00.000Z', reopenedAt: '2026-11-24T01:00:00.000Z', rating: { rating: 'satisfied', at: '2026-11-24T02:00:00.000Z' }, followUp: { at: '2026-11-28T02:00:00.000Z', reached: false, rating: 'dissatisfied', note: '' } })
        .build();
      const departmentFigures = { from: '2026-01-01', to: '2026-11-23', handled: 12, resolved: 10, onTime: { numerator: 9, denominator: 10, rate: 0.9 }, satisfaction: { numerator: 0, denominator: 0, rate: null }, backlogSettled: 2 };
      expect(read(composeDocument(p, { kind: 'evaluation', remark: '按期化解' }, { ...ctx, departmentFigures }))).toEqual([
        '化解成效考评表 八宝镇综治中心评〔2026〕7号 致：—',
        ...caseRows,
        '责任部门：八宝镇司法所',
        '受理：2026年11月22日 12:00',
        '办结：2026年11月23日 09:00（按期）',
        '是否重新办理：是',
        '群众评价：满意',
        '回访结果：未联系上，不满意',
        '【责任部门本年度化解成效】八宝镇司法所自 2026-01-01 至 2026-11-23：承办 12 件，办结 10 件，其中按期办结 9 件（按期办结率 90.0%）；参评 0 件，满意和基本满意 0 件（满意率 无）；化解积案 2 件。统计口径见“化解成效考评”页。',
        '【考评意见】按期化解',
        '考评人（签字）：',
        '考评单位：八宝镇综治中心（盖章）',
      ]);
      // not yet accepted, resolved without a deadline, never rated nor called
      const bare = aPetition().resolved().with({ resolution: '已办结', resolveDueAt: undefined }).build();
      expect(read(composeDocument(bare, { kind: 'evaluation' }, ctx)).slice(6, 12)).toEqual(['受理：未受理', '办结：2026年11月23日 09:00（无期限）', '是否重新办理：否', '群众评价：未评价', '回访结果：未回访', '考评人（签字）：']);
    });
  });

  it('parses what each kind asks for, in Chinese', () => {
    expect(IssueDocumentBody.safeParse({ kind: 'agreement', parties: [{ role: '甲方', name: '张三' }], facts: 'x', terms: 'y' }).error?.issues[0]?.message).toBe('调解协议至少有两方当事人');
    expect(IssueDocumentBody.safeParse({ kind: 'commitment', commitment: '三日内清偿', by: '12月31日' }).error?.issues[0]?.message).toMatch(/年-月-日/);
    expect(IssueDocumentBody.safeParse({ kind: 'memo' }).success).toBe(false);
    expect(IssueDocumentBody.safeParse({ kind: 'feedback', basis: '《信访工作条例》' }).success).toBe(true);
  });
});
