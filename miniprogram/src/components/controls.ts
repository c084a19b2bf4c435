/**
 * The props of the shared controls (Button, TextField, Choices). Each control has a WeChat file (`X.tsx`, Taro's
 * components) and an H5 file (`X.h5.tsx`, native HTML elements), which Taro picks by platform at build time; both
 * take these props, so pages are written once.
 */
import type { ReactNode } from 'react';

export interface ButtonProps {
  id?: string;
  className?: string;
  disabled?: boolean;
  /** a choice that stays on (a chip, a tab, a switch): aria-pressed in H5 and the `on` class on both platforms */
  pressed?: boolean;
  /** a menu item for the page now shown: aria-current in H5 and the `on` class on both platforms */
  current?: boolean;
  /** the accessible name, when the visible text alone does not say what the button does */
  label?: string;
  onClick?: () => void;
  /** the address the button opens, as `data-url` (tests and the dashboard's list read it) */
  dataUrl?: string;
  /** WeChat only (ignored in H5) */
  openType?: 'agreePrivacyAuthorization';
  onAgreePrivacyAuthorization?: () => void;
  children: ReactNode;
}

/** Class names of a field: the citizen pages' look or the staff pages'. */
export const FIELD_LOOKS = {
  citizen: { field: 'field', label: 'label', input: 'input', textarea: 'input textarea', error: 'field-error', hint: 'small', chips: 'chips', chip: 'chip' },
  staff: { field: 'staff-field', label: 'staff-field-label', input: 'staff-input', textarea: 'staff-input staff-textarea', error: 'staff-error staff-field-error', hint: 'staff-muted', chips: 'staff-tabs', chip: 'staff-tab' },
} as const;
export type FieldLook = keyof typeof FIELD_LOOKS;

export interface TextFieldProps {
  /** names the field: `#<id>` holds the input (tests: `#<id> input`), `<id>-error` its error, `<id>-hint` its hint */
  id: string;
  /** the visible label, tied to the input */
  label: string;
  value: string;
  onInput: (value: string) => void;
  /** shown under the field, tied to it and announced; the field is marked invalid */
  error?: string;
  /** the error's element id, when not `<id>-error` */
  errorId?: string;
  hint?: string;
  multiline?: boolean;
  /** `tel`: a phone number (the phone keypad); `number`: digits; `password`: hidden */
  kind?: 'text' | 'tel' | 'number' | 'password';
  maxLength?: number;
  disabled?: boolean;
  placeholder?: string;
  onConfirm?: () => void;
  look?: FieldLook;
  className?: string;
  /** under the input, before the error (a character counter …) */
  after?: ReactNode;
}

export interface ChoicesProps<V extends string> {
  /** the group's id; each choice is `<id>-<value>` unless `choiceId` says otherwise, its error `<id>-error` */
  id: string;
  label: string;
  options: ReadonlyArray<{ value: V; label: string }>;
  selected: readonly V[];
  onToggle: (value: V) => void;
  choiceId?: (value: V) => string;
  error?: string;
  disabled?: boolean;
  look?: FieldLook;
  /** the label is shown (default) or only named for screen readers (a row of tabs whose heading is elsewhere) */
  hideLabel?: boolean;
  /** the label's element id, when not `<id>-label` */
  labelId?: string;
}

/** An input without a visible label of its own (a search box, a time in a row): `label` names it. */
export interface TextInputProps {
  /** `#<id>` holds the input (tests: `#<id> input`) */
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  className?: string;
  invalid?: boolean;
  kind?: TextFieldProps['kind'];
  maxLength?: number;
  disabled?: boolean;
  placeholder?: string;
  onConfirm?: () => void;
  multiline?: boolean;
}

export interface RegionProps {
  as: 'header' | 'nav' | 'main';
  /** names a nav (菜单) when a page has more than one */
  label?: string;
  className?: string;
  id?: string;
  children: ReactNode;
}

/** A button held down for as long as something lasts (按住说话): `onHold` when pressed, `onRelease` when let go. */
export interface HoldButtonProps {
  id?: string;
  className?: string;
  label?: string;
  disabled?: boolean;
  onHold: () => void;
  onRelease: () => void;
  children: ReactNode;
}
