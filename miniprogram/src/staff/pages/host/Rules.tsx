/** 预约规则 (slot length, rest between, notice, how far ahead, people a slot) and, once saved, the times citizens can now book. */
import { Text, View } from '@tarojs/components';
import { TextInput } from '../../../components/Field';
import { chinaDayOf, chinaHm, dayLabel } from '../../lib/receptions';
import { RULES } from './hostForm';
import { ErrorLine, type SectionProps } from './parts';

export function RulesCard({ form, set, errors }: SectionProps) {
  return (
    <View className='staff-card' id='rules'>
      <View className='staff-strong staff-field'>预约规则</View>
      {RULES.map((r) => (
        <View key={r.key} className='staff-field'>
          <View className='staff-row'>
            <Text className='staff-rule-label'>{r.label}</Text>
            <TextInput
              id={`rule-${r.key}`}
              label={r.label}
              className='staff-input staff-number'
              kind='number'
              value={form.rules[r.key]}
              onInput={(v) => set({ rules: { ...form.rules, [r.key]: v } })}
            />
            <Text className='staff-muted'>{r.unit}</Text>
          </View>
          <ErrorLine errors={errors} path={`rules.${r.key}`} />
        </View>
      ))}
    </View>
  );
}

export function UpcomingCard({ upcoming }: { upcoming: Array<{ start: string; end: string }> }) {
  const days = new Map<string, Array<{ start: string; end: string }>>();
  for (const s of upcoming) days.set(chinaDayOf(s.start), [...(days.get(chinaDayOf(s.start)) ?? []), s]);
  return (
    <View className='staff-card' id='upcoming'>
      <View className='staff-strong staff-field'>群众现在可预约的时间（北京时间，前 24 个）</View>
      {!upcoming.length && <View className='staff-muted'>接下来 7 天没有可预约的时间：请检查每周接访时间和请假安排。</View>}
      {[...days.entries()].map(([d, list]) => (
        <View key={d} className='staff-field'>
          <Text className='staff-strong'>{dayLabel(d)}：</Text>
          <Text>{list.map((s) => `${chinaHm(s.start)}–${chinaHm(s.end)}`).join('  ')}</Text>
        </View>
      ))}
    </View>
  );
}
