import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { isMediationCategory, levelNamesOf } from '../../../../../shared/countySettings';
import { CountySettingsBody } from '../../../../../shared/schemas/org';
import { DEFAULT_SEASONAL_CALENDAR, calendarByMonth, calendarRows, type SeasonalMonth } from '../../../../../shared/seasonal';
import { Chips, Field, FormFoot, TextField } from '../../components/Form';
import { errorAt, useSubmit } from '../../lib/form';
import { saveCountySettings, type OrgView } from '../../lib/org';
import { chinaToday } from '../../lib/receptions';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const toggle = (list: readonly string[], v: string) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

/**
 * 本县设置: what the county calls its two levels (乡镇 / 苏木, 村（社区） / 嘎查), which every page then says; its
 * calendar of seasonal topics, which the monthly 预警提示 names for the coming month (未诉先办: one month at a time,
 * its categories and a note); and its mediation categories (调解类), counted in 调处成功率. One save sends the whole
 * settings, so saving one part keeps the others. The categories keep the order the county set.
 */
export function SettingsTab({ org, onSaved }: { org: OrgView; onSaved: () => Promise<void> }) {
  const county = org.nodes.find((n) => n.kind === 'county');
  const [names, setNames] = useState(() => levelNamesOf(org.nodes));
  const [calendar, setCalendar] = useState(() => calendarByMonth(county?.settings?.seasonal ?? DEFAULT_SEASONAL_CALENDAR));
  // the coming month, in China
  const [month, setMonth] = useState(() => (Number(chinaToday().slice(5, 7)) % 12) + 1);
  const [mediation, setMediation] = useState(() => org.categories.filter((c) => isMediationCategory(county, c)).map((c) => c.id));
  const [saved, setSaved] = useState(false);
  const form = useSubmit();
  if (!county) return <Text className='staff-muted'>您的管辖范围里没有县</Text>;

  const rows = calendarRows(calendar);
  const editMonth = (patch: Partial<SeasonalMonth>) => setCalendar({ ...calendar, [month]: { ...calendar[month]!, ...patch } });
  const save = async () => {
    setSaved(false);
    const body = { levelNames: names, categoryOrder: county.settings?.categoryOrder ?? [], seasonal: rows, mediationCategoryIds: mediation };
    const out = await form.submit(CountySettingsBody, body, (b) => saveCountySettings(county.id, b));
    if (!out) return;
    setSaved(true);
    await onSaved();
  };
  const e = form.errors;
  // a refused row names its place in what was sent: the month shown is found by it
  const rowError = (m: number, field: 'note' | 'categoryIds') => {
    const i = rows.findIndex((r) => r.month === m);
    return i < 0 ? undefined : errorAt(e, `seasonal.${i}.${field}`);
  };
  const monthWithError = MONTHS.find((m) => rowError(m, 'note') || rowError(m, 'categoryIds'));
  const entry = calendar[month]!;
  const categories = org.categories.map((c) => ({ value: c.id, label: c.name }));
  return (
    <View id='settings-form' className='staff-card'>
      <View className='staff-title'>{county.name}的设置</View>
      <TextField
        id='settings-township'
        label='乡镇一级的叫法'
        hint='如 乡镇、苏木、乡镇（苏木）'
        value={names.township}
        onInput={(v) => setNames({ ...names, township: v })}
        error={errorAt(e, 'levelNames.township')}
      />
      <TextField
        id='settings-village'
        label='村一级的叫法'
        hint='如 村（社区）、嘎查'
        value={names.village}
        onInput={(v) => setNames({ ...names, village: v })}
        error={errorAt(e, 'levelNames.village')}
      />

      <View className='dash-heading'>季节性诉求日历（未诉先办）</View>
      <View className='staff-muted staff-field'>每月的预警提示列出下个月要提前关注的诉求类型和提示。选一个月份，再选该月的诉求类型、填写提示。</View>
      <Field id='settings-month' label='月份' error={monthWithError && monthWithError !== month ? `${monthWithError}月的设置有误，请查看` : undefined}>
        <Chips
          idPrefix='season-month'
          options={MONTHS.map((m) => ({ value: String(m), label: `${m}月${calendar[m]!.categoryIds.length ? `（${calendar[m]!.categoryIds.length}）` : ''}` }))}
          selected={[String(month)]}
          onToggle={(v) => setMonth(Number(v))}
        />
      </Field>
      <Field id='settings-season-categories' label={`${month}月要关注的诉求类型`} error={rowError(month, 'categoryIds')}>
        <Chips idPrefix='season-category' options={categories} selected={entry.categoryIds} onToggle={(v) => editMonth({ categoryIds: toggle(entry.categoryIds, v) })} />
      </Field>
      <TextField
        id='settings-season-note'
        label={`${month}月的提示`}
        hint='如 春节前，关注农民工工资支付'
        value={entry.note}
        maxLength={100}
        onInput={(v) => editMonth({ note: v })}
        error={rowError(month, 'note')}
      />

      <View className='dash-heading'>调解类诉求类型（调处成功率）</View>
      <Field id='settings-mediation' label='这些类型的诉求办结时记录调处结果，计入调处成功率' error={errorAt(e, 'mediationCategoryIds')}>
        <Chips idPrefix='mediation-category' options={categories} selected={mediation} onToggle={(v) => setMediation(toggle(mediation, v))} />
      </Field>

      <FormFoot id='settings-save' busy={form.busy} message={form.message} onSave={() => void save()} />
      {saved ? (
        <Text id='settings-saved' className='staff-muted'>
          已保存：各页面改称“{names.township}”“{names.village}”，季节性诉求日历和调解类诉求类型已更新
        </Text>
      ) : null}
    </View>
  );
}
