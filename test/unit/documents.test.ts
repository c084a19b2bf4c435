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

  it('parses what each kind asks for, in Chinese', () => {
    expect(IssueDocumentBody.safeParse({ kind: 'agreement', parties: [{ role: '甲方', name: '张三' }], facts: 'x', terms: 'y' }).error?.issues[0]?.message).toBe('调解协议至少有两方当事人');
    expect(IssueDocumentBody.safeParse({ kind: 'commitment', commitment: '三日内清偿', by: '12月31日' }).error?.issues[0]?.message).toMatch(/年-月-日/);
    expect(IssueDocumentBody.safeParse({ kind: 'memo' }).success).toBe(false);
    expect(IssueDocumentBody.safeParse({ kind: 'feedback', basis: '《信访工作条例》' }).success).toBe(true);
  });
});
