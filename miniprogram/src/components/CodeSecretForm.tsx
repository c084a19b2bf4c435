import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { home } from '../lib/nav';
import { ApiError, messageOf } from '../lib/request';
import { Button } from './Button';
import { TextField } from './Field';
import { words } from '../i18n';

/** What a page makes of the two typed values: both checked, or the message of each that is not. */
export type Checked = { ok: true; code: string; secret: string } | { ok: false; code?: string; secret?: string };

export interface CodeSecretFormProps {
  /** names the fields for tests: `<id>-code`, `<id>-secret`, `<id>-send`, `<id>-error`, `<id>-home` */
  id: string;
  /** what the page was opened with (a receipt's QR code, a link); it may arrive after the first render */
  initial: { code: string; secret: string };
  codePlaceholder: string;
  secretPlaceholder: string;
  secretMaxLength: number;
  check: (code: string, secret: string) => Checked;
  /** sends the checked values; the page goes on from there */
  send: (code: string, secret: string) => Promise<void>;
  /** what a 404 means to the citizen: the code and the secret do not match a case */
  notFound: string;
  sendLabel: string;
  busyLabel: string;
}

/**
 * A tracking code and its query secret, typed or brought by a link, then sent: the track page (匿名反映) and the claim
 * page (认领) alike. What was typed stays to correct; a wrong pair is said on the page; a second tap while one send is
 * out does nothing.
 */
export function CodeSecretForm(p: CodeSecretFormProps) {
  const [code, setCode] = useState(p.initial.code);
  const [secret, setSecret] = useState(p.initial.secret);
  const [errors, setErrors] = useState<{ code?: string; secret?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setCode(p.initial.code);
    setSecret(p.initial.secret);
  }, [p.initial.code, p.initial.secret]);

  async function submit() {
    const checked = p.check(code, secret);
    if (!checked.ok) {
      setErrors({ code: checked.code, secret: checked.secret });
      return;
    }
    if (busy) return;
    setBusy(true);
    setErrors({});
    try {
      await p.send(checked.code, checked.secret);
    } catch (e) {
      setErrors({ form: e instanceof ApiError && e.status === 404 ? p.notFound : messageOf(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <View className='card'>
        <TextField id={`${p.id}-code`} label={words.common.trackingCode} value={code} maxLength={10} placeholder={p.codePlaceholder} onInput={setCode} error={errors.code} />
        <TextField id={`${p.id}-secret`} label={words.common.secret} value={secret} maxLength={p.secretMaxLength} placeholder={p.secretPlaceholder} onInput={setSecret} error={errors.secret} />
      </View>
      {errors.form && (
        <View className='banner error' id={`${p.id}-error`} role='alert'>
          {errors.form}
        </View>
      )}
      <Button className={`btn primary big ${busy ? 'busy' : ''}`} id={`${p.id}-send`} disabled={busy} onClick={() => void submit()}>
        {busy ? p.busyLabel : p.sendLabel}
      </Button>
      <Button className='btn' id={`${p.id}-home`} onClick={home}>
        {words.common.home}
      </Button>
    </>
  );
}
