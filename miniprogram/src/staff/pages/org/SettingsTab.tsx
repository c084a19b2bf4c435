import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { levelNamesOf } from '../../../../../shared/countySettings';
import { CountySettingsBody } from '../../../../../shared/schemas/org';
import { FormFoot, TextField } from '../../components/Form';
import { errorAt, useSubmit } from '../../lib/form';
import { saveCountySettings, type OrgView } from '../../lib/org';

/**
 * 本县设置: what the county calls its two levels (乡镇 / 苏木, 村（社区） / 嘎查), which every page then says. The
 * categories keep the order the county set.
 */
export function SettingsTab({ org, onSaved }: { org: OrgView; onSaved: () => Promise<void> }) {
  const county = org.nodes.find((n) => n.kind === 'county');
  const [names, setNames] = useState(() => levelNamesOf(org.nodes));
  const [saved, setSaved] = useState(false);
  const form = useSubmit();
  if (!county) return <Text className='staff-muted'>您的管辖范围里没有县</Text>;

  const save = async () => {
    setSaved(false);
    const body = { levelNames: names, categoryOrder: county.settings?.categoryOrder ?? [] };
    const out = await form.submit(CountySettingsBody, body, (b) => saveCountySettings(county.id, b));
    if (!out) return;
    setSaved(true);
    await onSaved();
  };
  const e = form.errors;
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
      <FormFoot id='settings-save' busy={form.busy} message={form.message} onSave={() => void save()} />
      {saved ? (
        <Text id='settings-saved' className='staff-muted'>
          已保存：各页面改称“{names.township}”“{names.village}”
        </Text>
      ) : null}
    </View>
  );
}
