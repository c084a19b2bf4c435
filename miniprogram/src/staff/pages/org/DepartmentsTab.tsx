import { Text, View } from '@tarojs/components';
import * as z from 'zod/mini';
import { Department, DEPARTMENT_KINDS, type DepartmentKind } from '../../../../../shared/schemas/org';
import { Chips, Field, FormFoot, TextField } from '../../components/Form';
import { errorAt, newId, useDraft } from '../../lib/form';
import { DEPARTMENT_KIND_LABELS, placesOf, saveDepartment, type OrgView } from '../../lib/org';
import { Button } from '../../../components/Button';

const DepartmentForm = z.omit(Department, { id: true });
interface Draft {
  id?: string;
  name: string;
  centreId: string;
  kind: DepartmentKind | '';
}

/** The responsible departments (责任部门) of each centre: the category's kind picks one at dispatch. */
export function DepartmentsTab({ org, onSaved }: { org: OrgView; onSaved: () => Promise<void> }) {
  const { form, draft, setDraft, open, save: send } = useDraft<Draft>();
  const centres = placesOf(org, ['county', 'township']);
  const centreName = new Map(org.nodes.map((n) => [n.id, n.centreName ?? n.name]));

  const save = async () => {
    if (!draft) return;
    await send(DepartmentForm, { name: draft.name, centreId: draft.centreId || undefined, kind: draft.kind || undefined }, (b) => saveDepartment(draft.id ?? newId('dep'), b), onSaved);
  };

  const e = form.errors;
  return (
    <View>
      <Button id='dep-new' className='staff-btn' onClick={() => open({ name: '', centreId: '', kind: '' })}>
        新建部门
      </Button>
      {draft ? (
        <View id='dep-form' className='staff-card'>
          <View className='staff-title'>{draft.id ? '修改部门' : '新建部门'}</View>
          <TextField id='dep-name' label='部门名称' value={draft.name} onInput={(v) => setDraft({ ...draft, name: v })} error={errorAt(e, 'name')} placeholder='如：八宝镇司法所' />
          <Field id='dep-centre' label='所属中心' error={errorAt(e, 'centreId')}>
            <Chips idPrefix='dep-centre' options={centres.map((c) => ({ value: c.id, label: centreName.get(c.id) ?? c.label }))} selected={[draft.centreId]} onToggle={(v) => setDraft({ ...draft, centreId: v })} />
          </Field>
          <Field id='dep-kind' label='部门类别' hint='诉求类型按类别分派到本中心的部门' error={errorAt(e, 'kind')}>
            <Chips
              idPrefix='dep-kind'
              options={DEPARTMENT_KINDS.map((k) => ({ value: k, label: DEPARTMENT_KIND_LABELS[k] }))}
              selected={draft.kind ? [draft.kind] : []}
              onToggle={(v) => setDraft({ ...draft, kind: v })}
            />
          </Field>
          <FormFoot id='dep-save' busy={form.busy} message={form.message} onSave={() => void save()} onCancel={() => setDraft(null)} />
        </View>
      ) : null}
      <View id='dep-list' className='staff-card'>
        {org.departments.length ? null : <Text className='staff-muted'>还没有部门</Text>}
        {centres.map((c) =>
          org.departments
            .filter((d) => d.centreId === c.id)
            .map((d) => (
              <View key={d.id} id={`dep-${d.id}`} className='staff-list-row'>
                <View className='staff-row-main'>
                  <Text className='staff-row-name'>{d.name}</Text>
                  <Text className='staff-muted'>
                    {' '}
                    · {centreName.get(d.centreId) ?? d.centreId} · {DEPARTMENT_KIND_LABELS[d.kind]}
                  </Text>
                </View>
                <Button id={`dep-edit-${d.id}`} className='staff-btn' onClick={() => open({ id: d.id, name: d.name, centreId: d.centreId, kind: d.kind })}>
                  修改
                </Button>
              </View>
            )),
        )}
      </View>
    </View>
  );
}
