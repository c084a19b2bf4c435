import type { ReactNode } from 'react';
import { ChoiceButtons } from './Choices';
import { FIELD_LOOKS, type ChoicesProps, type TextFieldProps, type TextInputProps } from './controls';

/** The ids of what describes a field: its hint and its error, when shown. */
const describedBy = (id: string, hint?: string, error?: string, errorId?: string) =>
  [hint ? `${id}-hint` : '', error ? (errorId ?? `${id}-error`) : ''].filter(Boolean).join(' ') || undefined;

/**
 * H5: a native <input> or <textarea> with a <label> tied to it, its hint and error tied by aria-describedby, marked
 * invalid while the error shows, and the error announced (role=alert). `#<id>` is the box that holds the input.
 */
export function TextField(p: TextFieldProps) {
  const look = FIELD_LOOKS[p.look ?? 'citizen'];
  const inputId = `${p.id}-input`;
  return (
    <div className={`${look.field} ${p.className ?? ''}`}>
      <label className={look.label} htmlFor={inputId}>
        {p.label}
      </label>
      <div id={p.id} className='field-box'>
        <NativeInput {...p} inputId={inputId} className={p.multiline ? look.textarea : look.input} describedBy={describedBy(p.id, p.hint, p.error, p.errorId)} invalid={!!p.error} />
      </div>
      {p.after}
      {p.hint ? (
        <span id={`${p.id}-hint`} className={look.hint}>
          {p.hint}
        </span>
      ) : null}
      {p.error ? (
        <span id={p.errorId ?? `${p.id}-error`} className={look.error} role='alert'>
          {p.error}
        </span>
      ) : null}
    </div>
  );
}

/** H5: an input named by `label` (aria-label), without a visible label of its own; `#<id>` holds it. */
export function TextInput(p: TextInputProps) {
  return (
    <span id={p.id} className='field-box inline'>
      <NativeInput {...p} inputId={`${p.id}-input`} name={p.label} className={p.className ?? ''} invalid={!!p.invalid} />
    </span>
  );
}

/** The native <input> or <textarea> both fields draw. */
function NativeInput(p: {
  inputId: string;
  className: string;
  value: string;
  onInput: (v: string) => void;
  invalid: boolean;
  describedBy?: string;
  /** the accessible name (aria-label); not `ariaLabel`, which Taro's H5 JSX rewrites to `aria-label` on the way in */
  name?: string;
  multiline?: boolean;
  kind?: TextFieldProps['kind'];
  maxLength?: number;
  disabled?: boolean;
  placeholder?: string;
  onConfirm?: () => void;
}) {
  const common = {
    id: p.inputId,
    className: `${p.className}${p.invalid ? ' invalid' : ''}`,
    value: p.value,
    disabled: p.disabled,
    placeholder: p.placeholder,
    maxLength: p.maxLength,
    'aria-label': p.name,
    'aria-invalid': p.invalid || undefined,
    'aria-describedby': p.describedBy,
  };
  if (p.multiline) return <textarea {...common} onChange={(e) => p.onInput(e.target.value)} />;
  return (
    <input
      {...common}
      type={p.kind === 'password' ? 'password' : p.kind === 'tel' ? 'tel' : 'text'}
      inputMode={p.kind === 'tel' ? 'tel' : p.kind === 'number' ? 'numeric' : undefined}
      autoComplete={p.kind === 'tel' ? 'tel' : p.kind === 'password' ? 'current-password' : undefined}
      onChange={(e) => p.onInput(e.target.value)}
      onKeyDown={p.onConfirm ? (e) => e.key === 'Enter' && p.onConfirm?.() : undefined}
    />
  );
}

/** H5: a group named by its visible label, its choices buttons that stay pressed, its error tied and announced. */
export function Choices<V extends string>(p: ChoicesProps<V>) {
  const look = FIELD_LOOKS[p.look ?? 'citizen'];
  return (
    <div className={look.field} id={p.id} role='group' aria-labelledby={p.labelId ?? `${p.id}-label`} aria-describedby={p.error ? `${p.id}-error` : undefined}>
      <span id={p.labelId ?? `${p.id}-label`} className={p.hideLabel ? 'sr-only' : look.label}>
        {p.label}
      </span>
      <ChoiceButtons {...p} />
      {p.error ? (
        <span id={`${p.id}-error`} className={look.error} role='alert'>
          {p.error}
        </span>
      ) : null}
    </div>
  );
}

/** An error under a part of a form that is not one field (photos, the whole form): announced when it appears. */
export function ErrorText({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <span className={className ?? 'field-error'} role='alert'>
      {children}
    </span>
  );
}
