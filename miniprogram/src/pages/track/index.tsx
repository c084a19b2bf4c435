import { Button, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { TrackingCode, TrackQuery } from '../../../../shared/schemas/api';
import { Page } from '../../components/Page';
import { go } from '../../lib/nav';

/** Anonymous reports are followed with the tracking code and the secret shown once after sending. */
export default function Track() {
  const [code, setCode] = useState('');
  const [secret, setSecret] = useState('');
  const [errors, setErrors] = useState<{ code?: string; secret?: string }>({});

  function submit() {
    const c = TrackingCode.safeParse(code.trim().toUpperCase());
    const s = TrackQuery.safeParse({ secret: secret.trim() });
    setErrors({ code: c.success ? undefined : c.error.issues[0]?.message, secret: s.success ? undefined : s.error.issues[0]?.message });
    if (c.success && s.success) go('detail', { code: c.data, secret: s.data.secret });
  }

  return (
    <Page>
      <View className='title'>查询匿名反映</View>
      <View className='card'>
        <Text className='label'>跟踪码</Text>
        <Input className='input' id='track-code' value={code} maxlength={10} placeholder='10 位字母和数字' onInput={(e) => setCode(e.detail.value)} />
        {errors.code && <Text className='field-error'>{errors.code}</Text>}
      </View>
      <View className='card'>
        <Text className='label'>查询密码</Text>
        <Input className='input' id='track-secret' value={secret} maxlength={64} placeholder='提交时显示的查询密码' onInput={(e) => setSecret(e.detail.value)} />
        {errors.secret && <Text className='field-error'>{errors.secret}</Text>}
      </View>
      <Button className='btn primary big' id='track-send' onClick={submit}>
        查询
      </Button>
    </Page>
  );
}
