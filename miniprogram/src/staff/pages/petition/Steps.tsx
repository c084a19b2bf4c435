/**
 * 办理: the steps the role may take now (a button each, one form open at a time), the suspected repeat to confirm,
 * the last step's notice, and the open step's form with its fields, templates and field errors.
 */
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/Field';
import type { CaseFile } from '../../lib/petitions';
import { bodyOf, chosen, issuesOf, toggled, type StepForm } from '../../lib/stepForms';
import { possibleRepeat } from './caseFile';

type Submit = (body: Record<string, unknown>) => Promise<Record<string, string> | void>;

export function ActionsCard(props: {
  p: CaseFile;
  forms: StepForm[];
  notice: string;
  open: StepForm['action'] | null;
  onOpen: (action: StepForm['action'] | null) => void;
  onStep: (form: StepForm, body: Record<string, unknown>) => Promise<unknown>;
}) {
  const { p, forms, notice, open } = props;
  return (
    <View className='staff-card' id='actions'>
      <View className='staff-title'>办理</View>
      {notice ? (
        <View id='notice' className='staff-ok staff-field'>
          {notice}
        </View>
      ) : null}
      {possibleRepeat(p) ? (
        <View className='staff-field'>
          <Text className='staff-muted'>系统发现这可能是 {p.repeatOfTrackingCode ?? '另一件诉求'} 的重复反映。</Text>
          <View className='staff-actions'>
            <Button id='confirm-repeat' className='staff-btn' onClick={() => void props.onStep(forms.find((f) => f.action === 'link_repeat')!, { repeatOf: p.repeatOf })}>
              确认重复
            </Button>
          </View>
        </View>
      ) : null}
      {forms.length === 0 ? <View className='staff-muted'>该诉求当前没有您可以办理的步骤。</View> : null}
      <View className='staff-actions'>
        {forms.map((f) => (
          <Button key={f.action} id={`action-${f.action}`} className='staff-btn' pressed={open === f.action} onClick={() => props.onOpen(open === f.action ? null : f.action)}>
            {f.label}
          </Button>
        ))}
      </View>
    </View>
  );
}

/** One step's form: fields, templates, field errors from the shared schema or the API, and its submit button. */
export function StepFormView({ form, busy, onSubmit }: { form: StepForm; busy: boolean; onSubmit: Submit }) {
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(form.fields.map((f) => [f.name, f.initial ?? ''])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  // a choice prefilled from the case (the lead department) may wait for the organisation's read: fill it when it
  // arrives, unless the field was filled meanwhile
  const initials = form.fields.map((f) => f.initial ?? '').join('\n');
  useEffect(() => setValues((v) => ({ ...v, ...Object.fromEntries(form.fields.filter((f) => f.initial && !v[f.name]).map((f) => [f.name, f.initial!])) })), [initials]);
  const set = (name: string, value: string) => setValues((v) => ({ ...v, [name]: value, ...(name === 'departmentId' ? { handlerId: '' } : {}) }));
  const submit = async () => {
    if (busy) return;
    const body = bodyOf(form, values);
    const checked = form.schema.safeParse(body);
    if (!checked.success) {
      setErrors(issuesOf(checked.error));
      return;
    }
    setErrors((await onSubmit(body)) ?? {});
  };
  const id = (name: string) => `f-${form.action}-${name}`;
  return (
    <View id={`form-${form.action}`} className='staff-card'>
      <View className='staff-title'>{form.label}</View>
      {form.templates ? (
        <View className='staff-field'>
          <Text className='staff-field-label'>常用模板（选后可修改）</Text>
          <View className='staff-tabs'>
            {form.templates.map((t, i) => (
              <Button key={t.label} id={`${id('template')}-${i}`} className='staff-tab' onClick={() => setValues((v) => ({ ...v, ...t.values }))}>
                {t.label}
              </Button>
            ))}
          </View>
        </View>
      ) : null}
      {form.fields.map((f) =>
        f.kind === 'choice' || f.kind === 'choices' ? (
          <View key={f.name} className='staff-field' role='group' aria-label={f.label}>
            <Text className='staff-field-label'>{f.label}</Text>
            <View className='staff-tabs'>
              {(f.options?.(values) ?? []).map((o) => {
                // one of them (tapped again it clears), or several (each tap adds or takes away)
                const on = f.kind === 'choices' ? chosen(values[f.name]).includes(o.value) : values[f.name] === o.value;
                const next = f.kind === 'choices' ? toggled(values[f.name], o.value) : on ? '' : o.value;
                return (
                  <Button key={o.value} id={`${id(f.name)}-${o.value}`} className='staff-tab' pressed={on} onClick={() => set(f.name, next)}>
                    {o.label}
                  </Button>
                );
              })}
              {(f.options?.(values) ?? []).length === 0 ? <Text className='staff-muted'>无可选项</Text> : null}
            </View>
            {errors[f.name] ? (
              <Text id={`err-${form.action}-${f.name}`} className='staff-error'>
                {errors[f.name]}
              </Text>
            ) : null}
          </View>
        ) : (
          <TextField
            key={f.name}
            look='staff'
            id={id(f.name)}
            label={f.label}
            multiline={f.kind === 'textarea'}
            kind={f.kind === 'number' ? 'number' : 'text'}
            value={values[f.name] ?? ''}
            placeholder={f.placeholder}
            maxLength={f.max ?? 500}
            onInput={(v) => set(f.name, v)}
            error={errors[f.name]}
            errorId={`err-${form.action}-${f.name}`}
          />
        ),
      )}
      {Object.entries(errors)
        .filter(([k]) => !form.fields.some((f) => f.name === k))
        .map(([k, m]) => (
          <View key={k} className='staff-error staff-field'>
            {m}
          </View>
        ))}
      <Button id={`submit-${form.action}`} className={`staff-btn primary ${busy ? 'busy' : ''}`} onClick={() => void submit()}>
        {busy ? '正在提交…' : `确认${form.label}`}
      </Button>
    </View>
  );
}
