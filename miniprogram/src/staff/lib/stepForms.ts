/**
 * The forms of the case file's steps, as data: each step's route, its fields and the shared body schema that checks
 * them before they are sent (the same schema the API parses with, so the messages match). Pure: no Taro.
 */
import type * as z from 'zod/mini';
import {
  AcceptBody,
  CloseBody,
  DeclineBody,
  DispatchBody,
  EscalateBody,
  ExtendBody,
  LinkRepeatBody,
  ProgressBody,
  ReopenBody,
  ResolveBody,
  TransferBody,
  UnlinkRepeatBody,
} from '../../../../shared/schemas/api';
import type { Action } from '../../../../shared/schemas/petition';
import type { CaseFile, StaffOrg } from './petitions';

export interface Choice {
  value: string;
  label: string;
}
export interface Field {
  name: string;
  label: string;
  kind: 'text' | 'textarea' | 'choice' | 'number';
  max?: number;
  /** a choice's options, given what the form holds so far (a handler follows the department) */
  options?: (values: Record<string, string>) => Choice[];
  initial?: string;
  placeholder?: string;
}
export interface StepForm {
  action: Action;
  label: string;
  /** the route under /staff/petitions/{id}/ */
  path: string;
  fields: Field[];
  schema: z.ZodMiniType;
  /** texts a form offers to fill in one tap, still editable */
  templates?: Array<{ label: string; values: Record<string, string> }>;
  danger?: boolean;
}

/** 依法分类: the usual lawful reasons to decline and where the citizen should go instead. */
export const DECLINE_TEMPLATES = [
  {
    label: '已进入诉讼',
    values: { reason: '该事项已由人民法院受理，正在诉讼程序中，依法不属于信访受理范围。', redirect: '请向受理案件的人民法院了解进展' },
  },
  {
    label: '劳动争议',
    values: { reason: '该事项属于劳动争议，依法应当通过劳动人事争议仲裁解决。', redirect: '祁连县劳动人事争议仲裁委员会' },
  },
  {
    label: '行政复议',
    values: { reason: '该事项依法应当通过行政复议或行政诉讼解决。', redirect: '祁连县人民政府行政复议机构，或人民法院' },
  },
  {
    label: '非本中心职责',
    values: { reason: '该事项不属于本综治中心的受理范围。', redirect: '祁连县信访局' },
  },
];

const note = (label = '备注', max = 500): Field => ({ name: 'note', label, kind: 'textarea', max });

/**
 * The forms of the steps the caller may take on this case now. `townships` are all of the county's (GET /townships):
 * a case may be transferred to any of them, while the org of a township's staff holds only their own.
 */
export function stepForms(p: CaseFile, org: StaffOrg | null, townships: Array<{ id: string; centreName: string }> = []): StepForm[] {
  const departments = (org?.departments ?? []).map((d) => ({ value: d.id, label: d.name }));
  const handlersOf = (v: Record<string, string>) =>
    (org?.handlers ?? []).filter((h) => h.departmentId === v.departmentId).map((h) => ({ value: h.id, label: h.name }));
  const county = (org?.nodes ?? []).filter((n) => n.kind === 'county').map((n) => ({ id: n.id, centreName: n.centreName ?? n.name }));
  const centres = [...townships, ...county].filter((c) => c.centreName !== p.centreName).map((c) => ({ value: c.id, label: c.centreName }));
  const forms: StepForm[] = [
    { action: 'accept', label: '受理', path: 'accept', fields: [note('受理备注（可不填）')], schema: AcceptBody },
    {
      action: 'decline',
      label: '不予受理',
      path: 'decline',
      danger: true,
      fields: [
        { name: 'reason', label: '不予受理的理由', kind: 'textarea', max: 500 },
        { name: 'redirect', label: '建议的办理途径', kind: 'textarea', max: 200 },
      ],
      templates: DECLINE_TEMPLATES,
      schema: DeclineBody,
    },
    {
      action: 'dispatch',
      label: '分派',
      path: 'dispatch',
      fields: [
        { name: 'departmentId', label: '责任部门', kind: 'choice', options: () => departments },
        { name: 'handlerId', label: '承办人（可不选）', kind: 'choice', options: handlersOf },
        note('分派说明（可不填）'),
      ],
      schema: DispatchBody,
    },
    {
      action: 'progress',
      label: '办理进展',
      path: 'progress',
      fields: [
        note('进展说明', 1000),
        { name: 'visibility', label: '谁能看到', kind: 'choice', initial: 'public', options: () => [{ value: 'public', label: '群众可见' }, { value: 'internal', label: '仅内部' }] },
      ],
      schema: ProgressBody,
    },
    { action: 'resolve', label: '办结', path: 'resolve', fields: [{ name: 'summary', label: '办理结果（群众可见）', kind: 'textarea', max: 2000 }], schema: ResolveBody },
    {
      action: 'transfer',
      label: '转办',
      path: 'transfer',
      fields: [
        { name: 'centreId', label: '接收中心', kind: 'choice', options: () => centres },
        { name: 'reason', label: '转办理由', kind: 'textarea', max: 500 },
      ],
      schema: TransferBody,
    },
    { action: 'escalate', label: '上报县级', path: 'escalate', fields: [{ name: 'reason', label: '上报理由', kind: 'textarea', max: 500 }], schema: EscalateBody },
    { action: 'reopen', label: '重新办理', path: 'reopen', fields: [{ name: 'reason', label: '重新办理的理由', kind: 'textarea', max: 500 }], schema: ReopenBody },
    { action: 'close', label: '归档', path: 'close', fields: [note('归档备注（可不填）')], schema: CloseBody },
    {
      action: 'extend',
      label: '延期',
      path: 'extend',
      fields: [
        { name: 'days', label: '延期天数（1 到 30 天）', kind: 'number', initial: '30' },
        { name: 'reason', label: '延期理由（群众可见）', kind: 'textarea', max: 500 },
      ],
      schema: ExtendBody,
    },
    {
      action: 'link_repeat',
      label: '标记重复',
      path: 'link-repeat',
      fields: [
        { name: 'trackingCode', label: '被重复诉求的跟踪码', kind: 'text', max: 10, initial: p.repeatOfTrackingCode ?? '', placeholder: '10 位字母和数字' },
        note('备注（可不填）'),
      ],
      schema: LinkRepeatBody,
    },
    { action: 'unlink_repeat', label: '取消重复', path: 'unlink-repeat', fields: [note('取消的理由（可不填）')], schema: UnlinkRepeatBody, danger: true },
  ];
  return forms.filter((f) => p.actions.includes(f.action));
}

/** The body a form sends: blank fields left out, numbers as numbers. */
export function bodyOf(form: StepForm, values: Record<string, string>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of form.fields) {
    const v = (values[f.name] ?? '').trim();
    if (v === '') continue;
    body[f.name] = f.kind === 'number' ? Number(v) : v;
  }
  return body;
}

/** The schema's issues by field, the first message of each. */
export function issuesOf(error: z.core.$ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of error.issues) {
    const field = String(i.path[0] ?? '');
    if (!(field in out)) out[field] = i.message;
  }
  return out;
}
