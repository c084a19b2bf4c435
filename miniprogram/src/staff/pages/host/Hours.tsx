/** When the host receives: the weekly hours (China time, several windows a day), the holiday calendar, and dated leave and extra duty. */
import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/Button';
import { TextInput } from '../../../components/Field';
import { WEEKDAY_NAMES, weekly, type Exception } from './hostForm';
import { ErrorLine, Switch, WindowInputs, type SectionProps } from './parts';

export function WeeklyCard({ form, set, errors }: SectionProps) {
  return (
    <View className='staff-card' id='weekly'>
      <View className='staff-strong staff-field'>每周接访时间（北京时间，24 小时制 HH:MM）</View>
      {form.weekly.map((windows, i) => (
        <View key={i} className='staff-row staff-week-row' id={`week-${i + 1}`}>
          <Text className='staff-weekday'>{WEEKDAY_NAMES[i]}</Text>
          {!windows.length && <Text className='staff-muted'>不接访</Text>}
          {windows.map((w, j) => (
            <View key={j} className='staff-row'>
              <WindowInputs idBase={`week-${i + 1}-${j}`} w={w} onChange={(nw) => set({ weekly: weekly.change(form.weekly, i, j, nw) })} />
              <Button id={`week-${i + 1}-${j}-remove`} className='staff-link' onClick={() => set({ weekly: weekly.remove(form.weekly, i, j) })}>
                删除
              </Button>
              <ErrorLine errors={errors} path={`availability.weekly.${i}.windows.${j}.from`} />
              <ErrorLine errors={errors} path={`availability.weekly.${i}.windows.${j}.to`} />
            </View>
          ))}
          <Button id={`week-${i + 1}-add`} className='staff-btn' onClick={() => set({ weekly: weekly.add(form.weekly, i) })}>
            添加时段
          </Button>
        </View>
      ))}
      <Switch id='host-china-calendar' on={form.chinaCalendar} yes='✓ 法定节假日休息，调休上班日照常接访' no='不按法定节假日安排' onChange={(chinaCalendar) => set({ chinaCalendar })} />
    </View>
  );
}

export function ExceptionsCard({ form, set, errors }: SectionProps) {
  return (
    <View className='staff-card' id='exceptions'>
      <View className='staff-strong staff-field'>请假与加班值班（按日期，北京时间）</View>
      <View className='staff-muted staff-field'>请假不填时段为全天不接访；加班值班须填时段，周末、节假日也可安排。</View>
      {form.exceptions.map((e, i) => {
        const change = (patch: Partial<Exception>) => set({ exceptions: form.exceptions.map((x, k) => (k === i ? { ...x, ...patch } : x)) });
        const path = `availability.exceptions.${i}`;
        return (
          <View key={i} className='staff-row staff-exception' id={`exc-${i}`}>
            <TextInput id={`exc-${i}-date`} label='日期' className='staff-input staff-date' value={e.date} placeholder='2026-12-01' onInput={(v) => change({ date: v })} />
            {(['leave', 'extra'] as const).map((k) => (
              <Button key={k} id={`exc-${i}-kind-${k}`} className='staff-tab' pressed={e.kind === k} onClick={() => change({ kind: k })}>
                {k === 'leave' ? '请假' : '加班值班'}
              </Button>
            ))}
            <WindowInputs idBase={`exc-${i}`} w={e} onChange={(w) => change(w)} />
            <TextInput id={`exc-${i}-note`} label='说明' className='staff-input staff-note' value={e.note} placeholder='说明（可不填）' onInput={(v) => change({ note: v })} />
            <Button id={`exc-${i}-remove`} className='staff-link' onClick={() => set({ exceptions: form.exceptions.filter((_x, k) => k !== i) })}>
              删除
            </Button>
            {['date', 'windows.0.from', 'windows.0.to', 'note'].map((f) => (
              <ErrorLine key={f} errors={errors} path={`${path}.${f}`} />
            ))}
          </View>
        );
      })}
      <Button id='exc-add' className='staff-btn' onClick={() => set({ exceptions: [...form.exceptions, { date: '', kind: 'leave', from: '', to: '', note: '' }] })}>
        添加请假或值班
      </Button>
    </View>
  );
}
