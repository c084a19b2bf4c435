import { Text, View } from '@tarojs/components';
import { useData } from '../../../lib/useData';
import { EXPERT_FIELDS, EXPERT_FIELD_LABELS, averageOf, type ExpertField } from '../../../../../shared/experts';
import { ExpertBody, type Expert } from '../../../../../shared/schemas/expert';
import { Chips, Field, FormFoot, ListState, TextField, YesNo } from '../../components/Form';
import { api } from '../../lib/api';
import { errorAt, newId, useDraft } from '../../lib/form';
import { placesOf, type OrgView } from '../../lib/org';
import { Button } from '../../../components/Button';

interface Draft {
  id?: string;
  name: string;
  title: string;
  fields: ExpertField[];
  townshipIds: string[];
  available: boolean;
}
const toggle = <T,>(xs: T[], x: T) => (xs.includes(x) ? xs.filter((y) => y !== x) : [...xs, x]);
/** 满意度 of an expert's cases: the average out of 2 as a share, or 暂无评价 */
const ratingText = (e: Expert) => {
  const avg = averageOf(e);
  return avg === undefined ? '暂无评价' : `评价 ${Math.round((avg / 2) * 100)}%（${e.ratingCount} 件）`;
};

/** 专家库: the county's experts, their fields, the townships they serve and whether they may be invited now. */
export function ExpertsTab({ org }: { org: OrgView }) {
  const list = useData(() => api.staff.experts.list({ query: { limit: 100 } }), []);
  const items = list.data?.items ?? [];
  const { form, draft, setDraft, open, save: send } = useDraft<Draft>();
  const townships = placesOf(org, ['township']);
  const townshipName = new Map(townships.map((t) => [t.id, t.label]));


  const save = async () => {
    if (!draft) return;
    const { id, ...body } = draft;
    await send(ExpertBody, body, (b) => api.staff.experts.save(id ?? newId('exp'), { body: b }), list.refresh);
  };

  const e = form.errors;
  return (
    <View>
      <Button id='exp-new' className='staff-btn' onClick={() => open({ name: '', title: '', fields: [], townshipIds: [], available: true })}>
        新增专家
      </Button>
      {draft ? (
        <View id='exp-form' className='staff-card'>
          <View className='staff-title'>{draft.id ? '修改专家' : '新增专家'}</View>
          <TextField id='exp-name' label='专家姓名' value={draft.name} onInput={(v) => setDraft({ ...draft, name: v })} error={errorAt(e, 'name')} />
          <TextField id='exp-title' label='单位和职称' value={draft.title} onInput={(v) => setDraft({ ...draft, title: v })} error={errorAt(e, 'title')} placeholder='如：青海祁连律师事务所 律师' />
          <Field id='exp-fields' label='专业领域（可多选）' error={errorAt(e, 'fields')}>
            <Chips idPrefix='exp-field' options={EXPERT_FIELDS.map((f) => ({ value: f, label: EXPERT_FIELD_LABELS[f] }))} selected={draft.fields} onToggle={(f) => setDraft({ ...draft, fields: toggle(draft.fields, f) })} />
          </Field>
          <Field id='exp-townships' label='服务乡镇（不选：全县）' error={errorAt(e, 'townshipIds')}>
            <Chips idPrefix='exp-township' options={townships.map((t) => ({ value: t.id, label: t.label }))} selected={draft.townshipIds} onToggle={(t) => setDraft({ ...draft, townshipIds: toggle(draft.townshipIds, t) })} />
          </Field>
          <Field id='exp-available' label='现在可以受邀'>
            <YesNo idPrefix='exp-available' yes={{ value: 'yes', label: '可以' }} no={{ value: 'no', label: '暂不' }} value={draft.available} onChange={(available) => setDraft({ ...draft, available })} />
          </Field>
          <FormFoot id='exp-save' busy={form.busy} message={form.message} onSave={() => void save()} onCancel={() => setDraft(null)} />
        </View>
      ) : null}
      <ListState id='exp-list' loading={list.loading} error={list.error} empty={!items.length} emptyText='专家库还没有专家' onRetry={() => void list.reload()} />
      {items.length ? (
        <View id='exp-list' className='staff-card'>
          {items.map((x) => (
            <View key={x.id} id={`exp-${x.id}`} className='staff-list-row'>
              <View className='staff-row-main'>
                <Text className='staff-row-name'>{x.name}</Text>
                <Text className='staff-muted'>
                  {' '}
                  · {x.title} · {x.fields.map((f) => EXPERT_FIELD_LABELS[f]).join('、')} · {x.townshipIds.length ? x.townshipIds.map((t) => townshipName.get(t) ?? t).join('、') : '全县'} ·{' '}
                  {x.available ? `在办会诊 ${x.load} 件` : '暂不受邀'} · {ratingText(x)}
                </Text>
              </View>
              <Button id={`exp-edit-${x.id}`} className='staff-btn' onClick={() => open({ id: x.id, name: x.name, title: x.title, fields: [...x.fields], townshipIds: [...x.townshipIds], available: x.available })}>
                修改
              </Button>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
