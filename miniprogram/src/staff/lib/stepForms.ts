/**
 * The forms of the case file's steps, as data: each step's route, its fields and the shared body schema that checks
 * them before they are sent (the same schema the API parses with, so the messages match). Pure: no Taro.
 */
import type * as z from 'zod/mini';
import { STEP_ACTIONS, STEP_TABLE, type FieldSpec, type StepAction, type StepSpec } from '../../../../shared/steps';
import type { CaseFile, StaffOrg } from './petitions';

export interface Choice {
  value: string;
  label: string;
}
export interface Field {
  name: string;
  label: string;
  /** `choices`: several options, sent as an array */
  kind: 'text' | 'textarea' | 'choice' | 'choices' | 'number';
  max?: number;
  /** a choice's options, given what the form holds so far (a handler follows the department) */
  options?: (values: Record<string, string>) => Choice[];
  initial?: string;
  placeholder?: string;
}
export interface StepForm {
  action: StepAction;
  label: string;
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

/** Texts a step's form offers to fill in one tap. */
const TEMPLATES: Partial<Record<StepAction, StepForm['templates']>> = { decline: DECLINE_TEMPLATES };
/** a text the citizen will read on their case's record says so on its form */
const seen = (label: string) => `${label}（群众可见）`;

/**
 * The forms of the steps the caller may take on this case now, made from the step table. `townships` are all of the
 * county's (GET /townships): a case may be transferred to any of them, while the org of a township's staff holds only
 * their own.
 */
export function stepForms(p: CaseFile, org: StaffOrg | null, townships: Array<{ id: string; centreName: string }> = []): StepForm[] {
  const departments = (org?.departments ?? []).map((d) => ({ value: d.id, label: d.name }));
  const handlersOf = (v: Record<string, string>) =>
    (org?.handlers ?? []).filter((h) => h.departmentId === v.departmentId).map((h) => ({ value: h.id, label: h.name }));
  const county = (org?.nodes ?? []).filter((n) => n.kind === 'county').map((n) => ({ id: n.id, centreName: n.centreName ?? n.name }));
  const centres = [...townships, ...county].filter((c) => c.centreName !== p.centreName).map((c) => ({ value: c.id, label: c.centreName }));
  // 联合会诊: the opinions a resolution may cite, those the co-departments have reported
  const opinions = (p.consultation?.participants ?? []).filter((x) => x.reportedAt).map((x) => ({ value: x.departmentId, label: x.name }));
  const LISTS = { departments: () => departments, handlers: handlersOf, centres: () => centres, opinions: () => opinions };
  const field = (step: StepSpec) => ({ options, prefill, ...f }: FieldSpec): Field => {
    const choices = options === undefined ? undefined : typeof options === 'string' ? LISTS[options] : () => [...options];
    const value = prefill ? p[prefill] : undefined;
    // a choice comes chosen only with one of its options
    const prefilled = value && (!choices || choices({}).some((c) => c.value === value)) ? value : undefined;
    const citizenReads = step.note === 'public' && (f.kind === 'textarea' || f.kind === 'text');
    return { ...f, label: citizenReads ? seen(f.label) : f.label, options: choices, initial: prefill ? (prefilled ?? '') : f.initial };
  };
  return STEP_ACTIONS.filter((a) => p.actions.includes(a)).flatMap((action) => {
    const step: StepSpec = STEP_TABLE[action];
    if (!step.form) return [];
    // no opinion to cite: the resolution's form has no such field
    // 调处结果 only on a mediation category's case
    const fields = step.form.map(field(step)).filter((f) => !(f.name === 'cites' && opinions.length === 0) && !(f.name === 'mediation' && !p.mediationCase));
    return [{ action, label: step.verb ?? step.label, fields, schema: step.body, templates: TEMPLATES[action], danger: step.danger }];
  });
}

/** A `choices` field holds its chosen values joined by commas (ids hold none). */
export const chosen = (v: string | undefined) => (v ?? '').split(',').filter(Boolean);
export const toggled = (v: string | undefined, value: string) => {
  const now = chosen(v);
  return (now.includes(value) ? now.filter((x) => x !== value) : [...now, value]).join(',');
};

/** The body a form sends: blank fields left out, numbers as numbers, several choices as an array. */
export function bodyOf(form: StepForm, values: Record<string, string>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of form.fields) {
    const v = (values[f.name] ?? '').trim();
    if (v === '') continue;
    body[f.name] = f.kind === 'number' ? Number(v) : f.kind === 'choices' ? chosen(v) : v;
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

