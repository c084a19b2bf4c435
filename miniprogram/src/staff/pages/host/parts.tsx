/** What the host form's sections share: their props, a field's message under it (`#err-<path>`), a labelled group, a window's two times. */
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { Button } from '../../../components/Button';
import { TextInput } from '../../../components/Field';
import { errId, type HostForm, type Win } from './hostForm';

export interface SectionProps {
  form: HostForm;
  set: (patch: Partial<HostForm>) => void;
  errors: Record<string, string>;
}

export function ErrorLine({ errors, path }: { errors: Record<string, string>; path: string }) {
  return errors[path] ? (
    <Text id={errId(path)} className='staff-error staff-field'>
      {errors[path]}
    </Text>
  ) : null;
}

/** A labelled group of chips with the message of its field (`path`) under it. */
export function Group({ id, label, errors, path, children }: { id?: string; label: string; errors: Record<string, string>; path: string; children: ReactNode }) {
  return (
    <View className='staff-field' id={id}>
      <Text className='staff-field-label'>{label}</Text>
      {children}
      <ErrorLine errors={errors} path={path} />
    </View>
  );
}

/** A window's 开始时间 至 结束时间: `<idBase>-from`, `<idBase>-to`. */
export function WindowInputs({ idBase, w, onChange }: { idBase: string; w: Win; onChange: (w: Win) => void }) {
  return (
    <>
      <TextInput id={`${idBase}-from`} label='开始时间' className='staff-input staff-time' value={w.from} placeholder='09:00' onInput={(v) => onChange({ ...w, from: v })} />
      <Text> 至 </Text>
      <TextInput id={`${idBase}-to`} label='结束时间' className='staff-input staff-time' value={w.to} placeholder='12:00' onInput={(v) => onChange({ ...w, to: v })} />
    </>
  );
}

/** One chip that turns a setting on or off, its words saying which it is now. */
export function Switch({ id, on, yes, no, onChange }: { id: string; on: boolean; yes: string; no: string; onChange: (on: boolean) => void }) {
  return (
    <View className='staff-tabs'>
      <Button id={id} className='staff-tab' pressed={on} onClick={() => onChange(!on)}>
        {on ? yes : no}
      </Button>
    </View>
  );
}
