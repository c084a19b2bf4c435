import { Input, Text, Textarea, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { ChoiceButtons } from './Choices';
import { FIELD_LOOKS, type ChoicesProps, type TextFieldProps, type TextInputProps } from './controls';

/** WeChat: a labelled input or text area; the label names it for WeChat's screen reader (`ariaLabel`). */
export function TextField(p: TextFieldProps) {
  const look = FIELD_LOOKS[p.look || 'citizen'];
  return (
    <View className={`${look.field} ${p.className || ''}`}>
      <Text className={look.label}>{p.label}</Text>
      <TextInput {...p} className={p.multiline ? look.textarea : look.input} invalid={!!p.error} />
      {p.after}
      {p.hint ? <Text className={look.hint}>{p.hint}</Text> : null}
      {p.error ? (
        <Text id={p.errorId || `${p.id}-error`} className={look.error}>
          {p.error}
        </Text>
      ) : null}
    </View>
  );
}

/** WeChat: a labelled row of choices. */
export function Choices<V extends string>(p: ChoicesProps<V>) {
  const look = FIELD_LOOKS[p.look || 'citizen'];
  return (
    <View className={look.field} id={p.id}>
      {p.hideLabel ? null : <Text id={p.labelId} className={look.label}>{p.label}</Text>}
      <ChoiceButtons {...p} />
      {p.error ? (
        <Text id={`${p.id}-error`} className={look.error}>
          {p.error}
        </Text>
      ) : null}
    </View>
  );
}

/** An error under a part of a form that is not one field (photos, the whole form). */
export function ErrorText({ children, className }: { children: ReactNode; className?: string }) {
  return <Text className={className || 'field-error'}>{children}</Text>;
}

/** WeChat: an input named by `label` for the screen reader, without a visible label of its own. */
export function TextInput(p: TextInputProps) {
  const common = {
    id: p.id,
    className: `${p.className || ''}${p.invalid ? ' invalid' : ''}`,
    value: p.value,
    disabled: p.disabled,
    placeholder: p.placeholder,
    maxlength: p.maxLength,
    ariaLabel: p.label,
    onInput: (e: { detail: { value: string } }) => p.onInput(e.detail.value),
    onConfirm: p.onConfirm,
  };
  if (p.multiline) return <Textarea {...common} />;
  return <Input {...common} type={p.kind === 'tel' || p.kind === 'number' ? 'number' : 'text'} password={p.kind === 'password'} />;
}
