import { Text, View } from '@tarojs/components';
import * as z from 'zod/mini';
import { LEVELS, type Level, type Limit } from '../../../../../shared/schemas/common';
import { LEVEL_LABELS } from '../../../../../shared/labels';
import { Category, DEPARTMENT_KINDS, type DepartmentKind } from '../../../../../shared/schemas/org';
import { Chips, Field, FormFoot, TextField } from '../../components/Form';
import { errorAt, newId, numberOrUndefined, useDraft } from '../../lib/form';
import { DEPARTMENT_KIND_LABELS, LIMIT_LABELS, limitText, saveCategory, UNIT_LABELS, type OrgView } from '../../lib/org';
import { Button } from '../../../components/Button';

const CategoryForm = z.omit(Category, { id: true });
type LimitKey = keyof Category['limits'];
const LIMIT_KEYS = Object.keys(LIMIT_LABELS) as LimitKey[];
const UNITS = Object.keys(UNIT_LABELS) as Array<Limit['unit']>;

interface Draft {
  id?: string;
  name: string;
  departmentKind: DepartmentKind | '';
  level: Level | '';
  limits: Record<LimitKey, { amount: string; unit: Limit['unit'] }>;
}

const DEFAULT_LIMITS: Category['limits'] = {
  accept: { amount: 24, unit: 'hours' },
  dispatch: { amount: 24, unit: 'hours' },
  resolve: { amount: 15, unit: 'workdays' },
  rate: { amount: 7, unit: 'days' },
  review: { amount: 30, unit: 'days' },
  followUp: { amount: 7, unit: 'days' },
};

const draftOf = (c?: Category): Draft => {
  const limits = c?.limits ?? DEFAULT_LIMITS;
  return {
    id: c?.id,
    name: c?.name ?? '',
    departmentKind: c?.departmentKind ?? '',
    level: c?.level ?? '',
    limits: Object.fromEntries(LIMIT_KEYS.map((k) => [k, { amount: String(limits[k].amount), unit: limits[k].unit }])) as Draft['limits'],
  };
};

/** Categories (诉求类型): which kind of department handles them, at which level, and the time limit of every step. */
export function CategoriesTab({ org, onSaved }: { org: OrgView; onSaved: () => Promise<void> }) {
  const { form, draft, setDraft, open, save: send } = useDraft<Draft>();
  const setLimit = (k: LimitKey, patch: Partial<{ amount: string; unit: Limit['unit'] }>) =>
    draft && setDraft({ ...draft, limits: { ...draft.limits, [k]: { ...draft.limits[k], ...patch } } });
  const save = async () => {
    if (!draft) return;
    const body = {
      name: draft.name,
      departmentKind: draft.departmentKind || undefined,
      level: draft.level || undefined,
      limits: Object.fromEntries(LIMIT_KEYS.map((k) => [k, { amount: numberOrUndefined(draft.limits[k].amount), unit: draft.limits[k].unit }])),
    };
    await send(CategoryForm, body, (b) => saveCategory(draft.id ?? newId('cat'), b), onSaved);
  };

  const e = form.errors;
  return (
    <View>
      <Button id='cat-new' className='staff-btn' onClick={() => open(draftOf())}>
        新建诉求类型
      </Button>
      {draft ? (
        <View id='cat-form' className='staff-card'>
          <View className='staff-title'>{draft.id ? '修改诉求类型' : '新建诉求类型'}</View>
          <TextField id='cat-name' label='类型名称' value={draft.name} onInput={(v) => setDraft({ ...draft, name: v })} error={errorAt(e, 'name')} />
          <Field id='cat-dep' label='承办部门类别' error={errorAt(e, 'departmentKind')}>
            <Chips
              idPrefix='cat-dep'
              options={DEPARTMENT_KINDS.map((k) => ({ value: k, label: DEPARTMENT_KIND_LABELS[k] }))}
              selected={draft.departmentKind ? [draft.departmentKind] : []}
              onToggle={(v) => setDraft({ ...draft, departmentKind: v })}
            />
          </Field>
          <Field id='cat-level' label='默认层级' error={errorAt(e, 'level')}>
            <Chips idPrefix='cat-level' options={LEVELS.map((l) => ({ value: l, label: LEVEL_LABELS[l] }))} selected={draft.level ? [draft.level] : []} onToggle={(v) => setDraft({ ...draft, level: v })} />
          </Field>
          {LIMIT_KEYS.map((k) => (
            <Field key={k} id={`cat-limit-${k}`} label={LIMIT_LABELS[k]} error={errorAt(e, `limits.${k}`)}>
              <View className='staff-pair'>
                <TextField id={`cat-limit-${k}-amount`} label='数量' digit value={draft.limits[k].amount} onInput={(v) => setLimit(k, { amount: v })} />
                <Chips idPrefix={`cat-limit-${k}-unit`} options={UNITS.map((u) => ({ value: u, label: UNIT_LABELS[u] }))} selected={[draft.limits[k].unit]} onToggle={(u) => setLimit(k, { unit: u })} />
              </View>
            </Field>
          ))}
          <FormFoot id='cat-save' busy={form.busy} message={form.message} onSave={() => void save()} onCancel={() => setDraft(null)} />
        </View>
      ) : null}
      <View id='cat-list' className='staff-card'>
        {org.categories.length ? null : <Text className='staff-muted'>还没有诉求类型</Text>}
        {org.categories.map((c) => (
          <View key={c.id} id={`cat-${c.id}`} className='staff-list-row'>
            <View className='staff-row-main'>
              <View>
                <Text className='staff-row-name'>{c.name}</Text>
                <Text className='staff-muted'>
                  {' '}
                  · {DEPARTMENT_KIND_LABELS[c.departmentKind]} · {LEVEL_LABELS[c.level]}
                </Text>
              </View>
              <View className='staff-muted'>{LIMIT_KEYS.map((k) => `${LIMIT_LABELS[k]} ${limitText(c.limits[k])}`).join('；')}</View>
            </View>
            <Button id={`cat-edit-${c.id}`} className='staff-btn' onClick={() => open(draftOf(c))}>
              修改
            </Button>
          </View>
        ))}
      </View>
    </View>
  );
}
