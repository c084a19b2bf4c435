import { View } from '@tarojs/components';
import { useLoad, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { TrackingCode, TrackQuery } from '../../../../shared/schemas/api';
import { CodeSecretForm, type Checked } from '../../components/CodeSecretForm';
import { Page } from '../../components/Page';
import { record } from '../../lib/record';
import { go } from '../../lib/nav';
import { normaliseSecret, tracked } from '../../lib/tracked';
import { words } from '../../i18n';

const w = words.track;

function check(code: string, secret: string): Checked {
  const c = TrackingCode.safeParse(code.trim().toUpperCase());
  const s = TrackQuery.safeParse({ secret: normaliseSecret(secret) });
  if (c.success && s.success) return { ok: true, code: c.data, secret: s.data.secret };
  return { ok: false, code: c.success ? undefined : c.error.issues[0]?.message, secret: s.success ? undefined : s.error.issues[0]?.message };
}

/**
 * Anonymous reports are followed with the tracking code and the secret shown once after sending. The query is made
 * here, so a wrong secret is said on this page, with what was typed kept to correct; the secret never enters a URL.
 */
export default function Track() {
  const router = useRouter();
  const [initial, setInitial] = useState({ code: '', secret: '' });

  useLoad(() => {
    if (router.params.code) setInitial({ code: decodeURIComponent(router.params.code), secret: '' });
  });

  return (
    <Page>
      <View className='title'>{w.title}</View>
      <CodeSecretForm
        id='track'
        initial={initial}
        codePlaceholder={w.codeHint}
        secretPlaceholder={w.secretHint}
        secretMaxLength={64}
        check={check}
        send={async (code, secret) => {
          await record.track(code, secret);
          tracked.set(code, secret);
          go('detail', { code });
        }}
        notFound={w.notFound}
        sendLabel={w.send}
        busyLabel={w.busy}
      />
    </Page>
  );
}
