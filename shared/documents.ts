/**
 * 一单一书一承诺一表一函一考评: when each case document may be issued, its number as printed, and its text composed
 * from the record at issue. Pure: `decide` (issue_document) calls it with what the use case looked up (the names and
 * the next number of the centre's counter); the repository stores the result on the record.
 */
import { reportText } from './audio';
import { ConflictError } from './errors';
import { formatTime } from './format';
import { RATING_LABELS, STATUS_LABELS } from './labels';
import { RESOLVED_STATUSES, STATUS_GROUPS } from './schemas/common';
import type { DocumentKind, IssueDocumentBody, IssuedDocument } from './schemas/document';
import type { Petition } from './schemas/petition';

export const DOCUMENT_LABELS: Record<DocumentKind, string> = {
  dispatch_slip: '交办单',
  agreement: '调解协议书',
  commitment: '责任承诺书',
  feedback: '办结反馈表',
  reminder_letter: '工作提示函',
  evaluation: '化解成效考评表',
};
/** the word of each kind's number: 八宝镇综治中心交〔2026〕3号 */
const NUMBER_WORD: Record<DocumentKind, string> = { dispatch_slip: '交', agreement: '调', commitment: '诺', feedback: '复', reminder_letter: '提', evaluation: '评' };

/** The China year of an instant: documents are numbered per centre, kind and year. */
export const chinaYear = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).getUTCFullYear();

export const documentNumber = (centreName: string, kind: DocumentKind, year: number, seq: number) => `${centreName}${NUMBER_WORD[kind]}〔${year}〕${seq}号`;

/** 《信访工作条例》第三十五条: how the citizen may seek review, printed on every 办结反馈表. */
export const REVIEW_NOTICE = '如对办理结果不服，可自收到本反馈之日起 30 日内，向原办理机关、单位的上一级机关、单位请求复查（《信访工作条例》第三十五条）。';

/** Why a kind may not be issued on the case as it stands (a 409), or nothing. */
export function documentRefusal(kind: DocumentKind, p: Pick<Petition, 'status' | 'departmentId' | 'resolution' | 'urgedFor' | 'overdueFor' | 'overdue'>): string | undefined {
  const dispatched = STATUS_GROUPS[p.status].atDepartment && p.departmentId !== undefined;
  switch (kind) {
    case 'dispatch_slip':
    case 'commitment':
      return dispatched ? undefined : `该诉求尚未分派到责任部门，不能出具${DOCUMENT_LABELS[kind]}`;
    case 'agreement':
      return p.status === 'submitted' || p.status === 'declined' ? '该诉求尚未受理，不能出具调解协议书' : undefined;
    case 'feedback':
    case 'evaluation':
      return RESOLVED_STATUSES.includes(p.status) && p.resolution ? undefined : `该诉求尚未办结，不能出具${DOCUMENT_LABELS[kind]}`;
    case 'reminder_letter':
      if (!dispatched) return '该诉求尚未分派到责任部门，不能出具工作提示函';
      return p.urgedFor || p.overdueFor || p.overdue ? undefined : '该诉求尚未到期催办或逾期，不必出具工作提示函';
  }
}

/** The names the record holds as ids, looked up by the use case. */
export interface DocumentNames {
  centreName: string;
  categoryName: string;
  townshipName: string;
  departmentName?: string;
}

export interface DocumentContext {
  names: DocumentNames;
  year: number;
  seq: number;
  at: string;
  issuedBy: string;
  /** 化解成效考评表: the responsible department's figures of the China year to the issue day (GET /staff/evaluation's) */
  departmentFigures?: DepartmentYear;
}

/** A department's 化解成效考评 figures over a period, as a 化解成效考评表 cites them. */
export interface DepartmentYear {
  from: string;
  to: string;
  handled: number;
  resolved: number;
  onTime: { numerator: number; denominator: number; rate: number | null };
  satisfaction: { numerator: number; denominator: number; rate: number | null };
  backlogSettled: number;
}

const percent = (r: { rate: number | null }) => (r.rate === null ? '无' : `${(r.rate * 100).toFixed(1)}%`);

/** The paragraph of a 化解成效考评表 that cites its department's figures of the year. */
export function departmentParagraph(department: string, f: DepartmentYear) {
  return {
    heading: '责任部门本年度化解成效',
    text:
      `${department}自 ${f.from} 至 ${f.to}：承办 ${f.handled} 件，办结 ${f.resolved} 件，其中按期办结 ${f.onTime.numerator} 件（按期办结率 ${percent(f.onTime)}）；` +
      `参评 ${f.satisfaction.denominator} 件，满意和基本满意 ${f.satisfaction.numerator} 件（满意率 ${percent(f.satisfaction)}）；化解积案 ${f.backlogSettled} 件。统计口径见“化解成效考评”页。`,
  };
}

const yesNo = (b: boolean) => (b ? '是' : '否');
const onTime = (done: string | undefined, due: string | undefined) => (!done ? '未完成' : !due ? '无期限' : done <= due ? '按期' : '逾期');

/** The document's text from the record and what staff wrote. Throws a ConflictError when the case does not allow it. */
export function composeDocument(p: Petition, body: IssueDocumentBody, ctx: DocumentContext): IssuedDocument {
  const refusal = documentRefusal(body.kind, p);
  if (refusal) throw new ConflictError(refusal);
  const { names } = ctx;
  const head = { kind: body.kind, title: DOCUMENT_LABELS[body.kind], year: ctx.year, seq: ctx.seq, number: documentNumber(names.centreName, body.kind, ctx.year, ctx.seq), centreName: names.centreName, issuedAt: ctx.at, issuedBy: ctx.issuedBy };
  const caseRows = [
    { label: '跟踪码', value: p.trackingCode },
    { label: '诉求类型', value: names.categoryName },
    { label: '所在乡镇', value: names.townshipName },
    { label: '登记时间', value: formatTime(p.createdAt) },
  ];
  const department = names.departmentName ?? '';
  switch (body.kind) {
    case 'dispatch_slip':
      return {
        ...head,
        addressee: department,
        rows: [...caseRows, { label: '反映内容', value: reportText(p) }, { label: '责任部门', value: department }, { label: '办理期限', value: formatTime(p.dueAt ?? p.resolveDueAt) }],
        paragraphs: [{ heading: '交办要求', text: body.requirements ?? '请按照“谁主管、谁负责”的原则，在办理期限内办结，并将办理结果反馈综治中心。' }],
        signatures: [`交办单位：${names.centreName}（盖章）`, '接收部门签收人：', '签收时间：'],
      };
    case 'agreement':
      return {
        ...head,
        rows: [...caseRows, ...body.parties.map((x) => ({ label: x.role, value: x.name }))],
        paragraphs: [
          { heading: '纠纷事实', text: body.facts },
          { heading: '协议内容', text: body.terms },
          { text: '本协议经各方当事人签字、调解组织盖章后生效，各方应当自觉履行。本协议一式多份，各方当事人和调解组织各执一份。' },
        ],
        signatures: [...body.parties.map((x) => `${x.role}（签字）：`), '调解员（签字）：', `调解组织：${names.centreName}（盖章）`],
      };
    case 'commitment':
      return {
        ...head,
        addressee: names.centreName,
        rows: [...caseRows, { label: '责任部门', value: department }, { label: '承诺事项', value: body.commitment }, { label: '完成时限', value: body.by.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_m, y: string, mo: string, d: string) => `${y}年${Number(mo)}月${Number(d)}日`) }],
        paragraphs: [{ text: `${department}承诺按上述事项和时限办理，并如实反馈办理情况；逾期未完成的，接受督办和问效问责。` }],
        signatures: [`承诺部门：${department}（盖章）`, '负责人（签字）：', '日期：'],
      };
    case 'feedback':
      return {
        ...head,
        addressee: '反映人',
        rows: [...caseRows, { label: '反映内容', value: reportText(p) }, { label: '办结时间', value: formatTime(p.resolvedAt) }, { label: '办理结果', value: p.resolution ?? '' }, { label: '法律政策依据', value: body.basis }],
        paragraphs: [{ heading: '救济途径', text: REVIEW_NOTICE }],
        signatures: [`办理单位：${names.centreName}（盖章）`, '反映人签收：', '签收时间：'],
      };
    case 'reminder_letter':
      return {
        ...head,
        addressee: department,
        rows: [...caseRows, { label: '责任部门', value: department }, { label: '办理期限', value: formatTime(p.dueAt ?? p.resolveDueAt) }, { label: '当前状态', value: STATUS_LABELS[p.status] }, { label: '是否逾期', value: yesNo(Boolean(p.overdue)) }],
        paragraphs: [
          { text: `${department}：上述诉求${p.overdue ? '已超过办理期限' : '已到办理期限'}，请收到本函后抓紧办理，并于 3 个工作日内将办理情况书面反馈${names.centreName}。` },
          ...(body.request ? [{ heading: '提示事项', text: body.request }] : []),
        ],
        signatures: [`${names.centreName}（盖章）`],
      };
    case 'evaluation':
      return {
        ...head,
        rows: [
          ...caseRows,
          { label: '责任部门', value: department },
          { label: '受理', value: p.acceptedAt ? formatTime(p.acceptedAt) : '未受理' },
          { label: '办结', value: `${formatTime(p.resolvedAt)}（${onTime(p.resolvedAt, p.resolveDueAt)}）` },
          { label: '是否重新办理', value: yesNo(Boolean(p.reopenedAt)) },
          { label: '群众评价', value: p.rating ? RATING_LABELS[p.rating.rating] : '未评价' },
          { label: '回访结果', value: p.followUp ? `${p.followUp.reached ? '已联系上' : '未联系上'}${p.followUp.rating ? `，${RATING_LABELS[p.followUp.rating]}` : ''}` : '未回访' },
        ],
        paragraphs: [...(ctx.departmentFigures && department ? [departmentParagraph(department, ctx.departmentFigures)] : []), ...(body.remark ? [{ heading: '考评意见', text: body.remark }] : [])],
        signatures: ['考评人（签字）：', `考评单位：${names.centreName}（盖章）`],
      };
  }
}
