import { View } from '@tarojs/components';
import { useLoad, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ClaimBody } from '../../../../shared/schemas/api';
import { CodeSecretForm, type Checked } from '../../components/CodeSecretForm';
import { Page } from '../../components/Page';
import { api } from '../../lib/api';
import { replace } from '../../lib/nav';
import { normaliseSecret, tracked } from '../../lib/tracked';

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
      <View className='title'>认领您的诉求</View>
      <View className='card'>
        工作人员已经替您登记了这件诉求。认领后，它会出现在“我的反映”里：每一步办理进展都会通知您，办结后您可以评价。
      </View>
      <CodeSecretForm
        id='claim'
        initial={initial}
        codePlaceholder='回执上的 10 位字母和数字'
        secretPlaceholder='回执上的查询密码'
        secretMaxLength={16}
        check={check}
        send={async (code, secret) => {
          const p = await api.claim(code, secret);
          replace('detail', { id: p.id });
        }}
        notFound='跟踪码或查询密码不对。请核对回执后再试一次（字母不分大小写）。'
        sendLabel='认领到我的名下'
        busyLabel='正在认领…'
      />
    </Page>
  );
}
