import { View } from '@tarojs/components';
import { useLoad, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ClaimBody } from '../../../../shared/schemas/api';
import { CodeSecretForm, type Checked } from '../../components/CodeSecretForm';
import { Page } from '../../components/Page';
import { record } from '../../lib/record';
import { replace } from '../../lib/nav';
import { normaliseSecret, tracked } from '../../lib/tracked';
import { words } from '../../i18n';

const w = words.claim;

function check(code: string, secret: string): Checked {
  const checked = ClaimBody.safeParse({ trackingCode: code, secret: normaliseSecret(secret) });
  if (checked.success) return { ok: true, code: checked.data.trackingCode, secret: checked.data.secret };
  const at = (f: string) => checked.error.issues.find((i) => i.path[0] === f)?.message;
  return { ok: false, code: at('trackingCode'), secret: at('secret') };
}

/**
 * 认领: the citizen scanned the receipt of a case staff registered for them (a visit, a call, a letter). One tap makes
 * it theirs, as if they had reported it at a post: it shows in 我的反映, its messages reach them, they rate it. The
 * code comes from the receipt's QR code (the secret in memory, lib/tracked.ts), or is typed from the paper.
 */
export default function Claim() {
  const router = useRouter();
  const [initial, setInitial] = useState({ code: '', secret: '' });

  useLoad(() => {
    const code = router.params.code ? decodeURIComponent(router.params.code) : '';
    setInitial({ code, secret: tracked.secretFor(code) ?? '' });
  });

  return (
    <Page>
      <View className='title'>{w.title}</View>
      <View className='card'>{w.intro}</View>
      <CodeSecretForm
        id='claim'
        initial={initial}
        codePlaceholder={w.codeHint}
        secretPlaceholder={w.secretHint}
        secretMaxLength={16}
        check={check}
        send={async (code, secret) => {
          const p = await record.claim(code, secret);
          replace('detail', { id: p.id });
        }}
        notFound={w.notFound}
        sendLabel={w.send}
        busyLabel={w.busy}
      />
    </Page>
  );
}
