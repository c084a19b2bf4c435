import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { Button } from '../../components/Button';
import { TextField as SharedTextField } from '../../components/Field';
import { LoadState, type LoadStateProps } from '../../components/LoadState';
import type { Paged } from '../../lib/useData';

/** A labelled field with its own error under it; `id` names the input (tests and labels) and `<id>-error` the message. */
export function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <View className='staff-field'>
      <Text className='staff-field-label'>{label}</Text>
      {children}
      {hint ? <Text className='staff-muted'>{hint}</Text> : null}
      {error ? (
        <Text id={`${id}-error`} className='staff-error staff-field-error'>
          {error}
        </Text>
      ) : null}
    </View>
  );
}

/** A staff form's text field: the shared field (a visible label tied to the input, its error tied and announced). */
export function TextField(props: {
  id: string;
  label: string;
  value: string;
  onInput: (v: string) => void;
  error?: string;
  hint?: string;
  onConfirm?: () => void;
  password?: boolean;
  digit?: boolean;
  disabled?: boolean;
  placeholder?: string;
  multiline?: boolean;
  maxLength?: number;
}) {
  const { password, digit, ...rest } = props;
  return <SharedTextField {...rest} look='staff' kind={password ? 'password' : digit ? 'number' : 'text'} />;
}

/** Big tappable choices instead of a picker: one (`value`) or many (`values`); `<idPrefix>-<value>` for each. */
export function Chips<V extends string>(props: {
  idPrefix: string;
  options: ReadonlyArray<{ value: V; label: string }>;
  selected: readonly V[];
  onToggle: (v: V) => void;
  disabled?: boolean;
}) {
  return (
    <View className='staff-tabs'>
      {props.options.map((o) => (
        <Button
          key={o.value}
          id={`${props.idPrefix}-${o.value}`}
          className={`staff-tab ${props.disabled ? 'off' : ''}`}
          pressed={props.selected.includes(o.value)}
          onClick={() => (props.disabled ? undefined : props.onToggle(o.value))}
        >
          {o.label}
        </Button>
      ))}
    </View>
  );
}

/** A yes or a no as two chips, yes first: `<idPrefix>-<yes.value>` and `<idPrefix>-<no.value>`. */
export function YesNo({ idPrefix, yes, no, value, onChange }: { idPrefix: string; yes: { value: string; label: string }; no: { value: string; label: string }; value: boolean; onChange: (v: boolean) => void }) {
  return <Chips idPrefix={idPrefix} options={[yes, no]} selected={[value ? yes.value : no.value]} onToggle={(v) => onChange(v === yes.value)} />;
}

/** What a form says after a refusal, and its save button. */
export function FormFoot({ id, busy, message, label, onSave, onCancel }: { id: string; busy: boolean; message: string; label?: string; onSave: () => void; onCancel?: () => void }) {
  return (
    <View>
      {message ? (
        <View id={`${id}-message`} className='staff-error staff-field'>
          {message}
        </View>
      ) : null}
      <Button id={id} className={`staff-btn primary ${busy ? 'busy' : ''}`} onClick={onSave}>
        {busy ? '正在保存…' : (label ?? '保存')}
      </Button>
      {onCancel ? (
        <Button id={`${id}-cancel`} className='staff-btn' onClick={onCancel}>
          取消
        </Button>
      ) : null}
    </View>
  );
}

/** The staff look of {@link LoadState}. */
export function ListState(props: Omit<LoadStateProps, 'look'>) {
  return <LoadState {...props} look='staff' />;
}

/**
 * A list read a page at a time ({@link usePages}): its state (loading, error with 重试, empty), then a card of rows
 * (`#<listId>`) and 加载更多 (`#<id>-more`) while there is a next page. `cards`: each row is a card of its own (the board,
 * 我代办的), not a line of one card.
 */
export function PagedList<T>({ id, listId = `${id}-list`, list, emptyText, row, cards }: { id: string; listId?: string; list: Paged<T>; emptyText: string; row: (item: T) => ReactNode; cards?: boolean }) {
  return (
    <View>
      <ListState id={id} loading={list.loading} error={list.error} empty={!list.items.length} emptyText={emptyText} onRetry={() => void list.reload()} />
      {!list.loading && !list.error && list.items.length ? (
        <View id={listId} className={cards ? undefined : 'staff-card'}>
          {list.items.map(row)}
          {list.cursor ? (
            <Button id={`${id}-more`} className='staff-btn' onClick={() => void list.more()}>
              {list.loadingMore ? '正在加载…' : '加载更多'}
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
