/** Who the host is: name, title, centre, 会诊单位, kind, fields, ways, introduction, and whether citizens may book them. */
import { View } from '@tarojs/components';
import { EXPERTISE, EXPERTISE_LABELS, HOST_KINDS, HOST_KIND_LABELS, WAYS, WAY_LABELS } from '../../../../../shared/schemas/booking';
import { TextField } from '../../../components/Field';
import { Chips } from '../../components/Form';
import { errId, toggle } from './hostForm';
import { Group, Switch, type SectionProps } from './parts';

const NONE = 'none';

export function IdentityCard({ form, set, errors, centres, departments }: SectionProps & { centres: Array<{ id: string; name: string }>; departments: Array<{ id: string; name: string }> }) {
  const text = (id: string, label: string, path: 'name' | 'title', placeholder = '') => (
    <TextField look='staff' id={id} label={label} value={form[path]} placeholder={placeholder} onInput={(v) => set({ [path]: v })} error={errors[path]} errorId={errId(path)} />
  );
  return (
    <View className='staff-card'>
      {text('host-name', '姓名', 'name')}
      {text('host-title', '职务（可不填）', 'title', '例如：镇党委书记、执业律师')}
      {centres.length > 0 && (
        <Group label='所属中心' errors={errors} path='centreId'>
          <Chips idPrefix='host-centre' options={centres.map((c) => ({ value: c.id, label: c.name }))} selected={[form.centreId]} onToggle={(centreId) => set({ centreId })} />
        </Group>
      )}
      {departments.length > 0 && (
        <Group id='host-department' label='会诊单位（联合会诊时代表该部门参加会诊会议）' errors={errors} path='departmentId'>
          <Chips
            idPrefix='host-department'
            options={[{ value: NONE, label: '不参加会诊' }, ...departments.map((d) => ({ value: d.id, label: d.name }))]}
            selected={[form.departmentId || NONE]}
            onToggle={(v) => set({ departmentId: v === NONE ? '' : v })}
          />
        </Group>
      )}
      <Group label='类型' errors={errors} path='kind'>
        <Chips idPrefix='host-kind' options={HOST_KINDS.map((k) => ({ value: k, label: HOST_KIND_LABELS[k] }))} selected={form.kind ? [form.kind] : []} onToggle={(kind) => set({ kind })} />
      </Group>
      <Group label='擅长领域（可多选）' errors={errors} path='expertise'>
        <Chips idPrefix='host-expertise' options={EXPERTISE.map((x) => ({ value: x, label: EXPERTISE_LABELS[x] }))} selected={form.expertise} onToggle={(x) => set({ expertise: toggle(form.expertise, x) })} />
      </Group>
      <Group label='接访方式（可多选）' errors={errors} path='ways'>
        <Chips idPrefix='host-way' options={WAYS.map((w) => ({ value: w, label: WAY_LABELS[w] }))} selected={form.ways} onToggle={(w) => set({ ways: toggle(form.ways, w) })} />
      </Group>
      <TextField look='staff' id='host-intro' label='简介（群众可见，可不填）' multiline maxLength={300} value={form.intro} onInput={(v) => set({ intro: v })} error={errors['intro']} errorId={errId('intro')} />
      <Switch id='host-active' on={form.active} yes='✓ 接受预约' no='已停用（群众看不到）' onChange={(active) => set({ active })} />
    </View>
  );
}
