/**
 * Staff forms: a payload is checked with the same shared schema the API parses it with, and every refusal, ours or
 * the API's, comes back as one Chinese message per field, keyed by the field's whole path (`location.lat`,
 * `limits.accept.amount`), so a form can put each message beside its own input.
 */
import { useState } from 'react';
import type * as z from 'zod/mini';
import { issuesFrom, type FieldIssue } from '../../../../shared/errors';
import { ApiError } from '../../lib/apiError';
import { messageOf } from '../../lib/request';

export type FieldErrors = Record<string, string>;

export function fieldErrors(issues: readonly FieldIssue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const i of issues) {
    const path = i.path.replace(/^body\./, '');
    if (!(path in out)) out[path] = i.message;
  }
  return out;
}

/** The first message at a field or anywhere under it (`location` finds `location.lat`). */
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  return errors[path] ?? Object.entries(errors).find(([k]) => k.startsWith(`${path}.`))?.[1];
}

/** A blank input is a missing number, not zero. */
export function numberOrUndefined(s: string): number | undefined {
  const t = s.trim();
  return t === '' || Number.isNaN(Number(t)) ? undefined : Number(t);
}

/** A new record's id: short, sortable enough, and within the API's `[A-Za-z0-9_-]{1,64}`. */
export function newId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 3).toString(36).padStart(3, '0')}`;
}

/**
 * One form's state of sending: `submit` checks the value with the schema, sends it, and on a refusal keeps the message
 * and the field messages; it resolves to what `send` answered, or undefined when nothing was saved.
 */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState('');
  const reset = () => {
    setErrors({});
    setMessage('');
  };
  async function submit<S extends z.ZodMiniType, R>(schema: S, value: unknown, send: (data: z.infer<S>) => Promise<R>): Promise<R | undefined> {
    if (busy) return undefined;
    const checked = schema.safeParse(value);
    if (!checked.success) {
      const issues = issuesFrom(checked.error.issues);
      setErrors(fieldErrors(issues));
      setMessage(`请检查填写的内容：${issues[0]?.message ?? ''}`);
      return undefined;
    }
    setBusy(true);
    reset();
    try {
      return await send(checked.data);
    } catch (e) {
      setErrors(e instanceof ApiError ? fieldErrors(e.issues) : {});
      setMessage(messageOf(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return { busy, errors, message, submit, reset };
}

/**
 * A record edited in a card that opens on 新建 or 修改 (`draft`, null while closed): `open` shows a draft with the last
 * messages cleared; `save` checks and sends it ({@link useSubmit}) and, once saved, closes the card and runs `after`
 * with the answer (the list's reload).
 */
export function useDraft<D>() {
  const form = useSubmit();
  const [draft, setDraft] = useState<D | null>(null);
  const open = (d: D) => {
    form.reset();
    setDraft(d);
  };
  async function save<S extends z.ZodMiniType, R>(schema: S, value: unknown, send: (data: z.infer<S>) => Promise<R>, after: (saved: R) => Promise<unknown> | void) {
    const out = await form.submit(schema, value, send);
    if (!out) return;
    setDraft(null);
    await after(out);
  }
  return { form, draft, setDraft, open, save };
}
