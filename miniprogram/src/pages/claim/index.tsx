import { View } from '@tarojs/components';
import { useLoad, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ClaimBody } from '../../../../shared/schemas/api';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { api } from '../../lib/api';
import { home, replace } from '../../lib/nav';
import { ApiError, messageOf } from '../../lib/request';
import { normaliseSecret, tracked } from '../../lib/tracked';

/**
 * 认领: the citizen scanned the receipt of a case staff registered for them (a visit, a call, a letter). One tap makes
 * it theirs, as if they had reported it at a post: it shows in 我的反映, its messages reach them, they rate it. The
 * code comes from the receipt's QR code (the secret in memory, lib/tracked.ts), or is typed from the paper.
 */
export default function Claim() {
  const router = useRouter();
  const [code, setCode] = useState('');
  const [secret, setSecret] = useState('');
  const [errors, setErrors] = useState<{ trackingCode?: string; secret?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  useLoad(() => {
    const c = router.params.code ? decodeURIComponent(router.params.code) : '';
    setCode(c);
    setSecret(tracked.secretFor(c) ?? '');
  });

  async function submit() {
    const checked = ClaimBody.safeParse({ trackingCode: code, secret: normaliseSecret(secret) });
    if (!checked.success) {
      const at = (f: string) => checked.error.issues.find((i) => i.path[0] === f)?.message;
      setErrors({ trackingCode: at('trackingCode'), secret: at('secret') });
      return;
    }
    if (busy) return;
    setBusy(true);
    setErrors({});
    try {
      const p = await api.claim(checked.data.trackingCode, checked.data.secret);
      replace('detail', { id: p.id });
    } catch (e) {
      setErrors({
        form: e instanceof ApiError && e.status === 404 ? '跟踪码或查询密码不对。请核对回执后再试一次（字母不分大小写）。' : messageOf(e),
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page>
      <View className='title'>认领您的诉求</View>
      <View className='card'>
        工作人员已经替您登记了这件诉求。认领后，它会出现在“我的反映”里：每一步办理进展都会通知您，办结后您可以评价。
      </View>
      <View className='card'>
        <TextField id='claim-code' label='跟踪码' value={code} maxLength={10} placeholder='回执上的 10 位字母和数字' onInput={setCode} error={errors.trackingCode} />
        <TextField id='claim-secret' label='查询密码' value={secret} maxLength={16} placeholder='回执上的查询密码' onInput={setSecret} error={errors.secret} />
      </View>
      {errors.form && (
        <View className='banner error' id='claim-error' role='alert'>
          {errors.form}
        </View>
      )}
      <Button className={`btn primary big ${busy ? 'busy' : ''}`} id='claim-send' disabled={busy} onClick={() => void submit()}>
        {busy ? '正在认领…' : '认领到我的名下'}
      </Button>
      <Button className='btn' id='claim-home' onClick={home}>
        回到首页
      </Button>
    </Page>
  );
}
