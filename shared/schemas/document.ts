/**
 * 一单一书一承诺一表一函一考评: the case documents a centre issues on a case, each one A4 page the app prints. What
 * staff fill in to issue one (the body of `issue_document`), and what the record keeps of it when issued.
 */
import * as z from 'zod/mini';
import { IsoTime, text } from './common';

export const DOCUMENT_KINDS = ['dispatch_slip', 'agreement', 'commitment', 'feedback', 'reminder_letter', 'evaluation'] as const;
export const DocumentKind = z.enum(DOCUMENT_KINDS, { error: '请选择文书种类' });
export type DocumentKind = z.infer<typeof DocumentKind>;

/** A day as staff write it on a commitment: YYYY-MM-DD. */
const Day = z.string({ error: '请填写完成时限' }).check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: '完成时限须为 年-月-日，如 2026-12-31' }));

export const MAX_PARTIES = 6;
const Party = z.strictObject({ role: text('当事人身份（如 甲方）', 20), name: text('当事人姓名或名称', 40) });

/** What each kind of document asks for; the rest comes from the record. */
export const IssueDocumentBody = z.discriminatedUnion(
  'kind',
  [
    // 交办单: the case, the department and its deadline come from the record; the centre adds its requirements
    z.strictObject({ kind: z.literal('dispatch_slip'), requirements: z.optional(text('交办要求', 1000)) }),
    // 调解协议书: the parties, the facts and the terms; signatures are left blank for the signing
    z.strictObject({
      kind: z.literal('agreement'),
      parties: z.array(Party, { error: '请填写当事人' }).check(z.minLength(2, { error: '调解协议至少有两方当事人' }), z.maxLength(MAX_PARTIES, { error: `当事人最多 ${MAX_PARTIES} 方` })),
      facts: text('纠纷事实', 2000),
      terms: text('协议内容', 2000),
    }),
    // 责任承诺书: what the department commits to, and by when
    z.strictObject({ kind: z.literal('commitment'), commitment: text('承诺事项', 1000), by: Day }),
    // 办结反馈表: what was done comes from the resolution; the legal basis is written here
    z.strictObject({ kind: z.literal('feedback'), basis: text('法律政策依据', 1000) }),
    // 工作提示函: to a department whose deadline was urged or ran over
    z.strictObject({ kind: z.literal('reminder_letter'), request: z.optional(text('提示事项', 500)) }),
    // 化解成效考评: timeliness, rating and follow-up come from the record; the centre adds its remark
    z.strictObject({ kind: z.literal('evaluation'), remark: z.optional(text('考评意见', 500)) }),
  ],
  { error: '请选择文书种类' },
);
export type IssueDocumentBody = z.infer<typeof IssueDocumentBody>;

/**
 * A document as issued, kept on the record (the event of `issue_document`): its number (per centre, kind and China
 * year, gapless), and its text as it was composed at issue, so a reprint says what the first print said.
 */
export const IssuedDocument = z.object({
  kind: DocumentKind,
  title: z.string(),
  year: z.int(),
  seq: z.int().check(z.positive()),
  /** as printed: 八宝镇综治中心交〔2026〕3号 */
  number: z.string(),
  centreName: z.string(),
  /** to whom it goes (a department, the citizen), when it says */
  addressee: z.optional(z.string()),
  rows: z.array(z.object({ label: z.string(), value: z.string() })),
  paragraphs: z.array(z.object({ heading: z.optional(z.string()), text: z.string() })),
  /** the signature lines, left blank on the page */
  signatures: z.array(z.string()),
  issuedAt: IsoTime,
  issuedBy: z.string(),
});
export type IssuedDocument = z.infer<typeof IssuedDocument>;
