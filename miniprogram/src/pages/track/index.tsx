import { View } from '@tarojs/components';
import { useLoad, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { TrackingCode, TrackQuery } from '../../../../shared/schemas/api';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { api } from '../../lib/api';
import { go, home } from '../../lib/nav';
import { ApiError, messageOf } from '../../lib/request';
import { normaliseSecret, tracked } from '../../lib/tracked';

/**
 * Anonymous reports are followed with the tracking code and the secret shown once after sending. The query is made
 * here, so a wrong secret is said on this page, with what was typed kept to correct; the secret never enters a URL.
 */
export default function Track() {
  const router = useRouter();
  const [code, setCode] = useState('');
  const [secret, setSecret] = useState('');
  const [errors, setErrors] = useState<{ code?: string; secret?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  useLoad(() => {
    if (router.params.code) setCode(decodeURIComponent(router.params.code));
  });

  async function submit() {
    const c = TrackingCode.safeParse(code.trim().toUpperCase());
    const s = TrackQuery.safeParse({ secret: normaliseSecret(secret) });
    setErrors({ code: c.success ? undefined : c.error.issues[0]?.message, secret: s.success ? undefined : s.error.issues[0]?.message });
    if (!c.success || !s.success || busy) return;
    setBusy(true);
    try {
      await api.track(c.data, s.data.secret);
      tracked.set(c.data, s.data.secret);
      go('detail', { code: c.data });
    } catch (e) {
      setErrors({ form: e instanceof ApiError && e.status === 404 ? '跟踪码或查询密码不对。请核对后再查一次（字母不分大小写）。' : messageOf(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page>
      <View className='title'>查询匿名反映</View>
      <View className='card'>
        <TextField id='track-code' label='跟踪码' value={code} maxLength={10} placeholder='10 位字母和数字' onInput={setCode} error={errors.code} />
        <TextField id='track-secret' label='查询密码' value={secret} maxLength={64} placeholder='提交时显示的查询密码' onInput={setSecret} error={errors.secret} />
      </View>
      {errors.form && (
        <View className='banner error' id='track-error' role='alert'>
          {errors.form}
        </View>
      )}
      <Button className={`btn primary big ${busy ? 'busy' : ''}`} id='track-send' disabled={busy} onClick={() => void submit()}>
        {busy ? '正在查询…' : '查询'}
      </Button>
      <Button className='btn' id='track-home' onClick={home}>
        回到首页
      </Button>
    </Page>
  );
}
