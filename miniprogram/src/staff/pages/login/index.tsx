import { View } from '@tarojs/components';
import { Button } from '../../../components/Button';
import { Region } from '../../../components/Region';
import { TextField } from '../../components/Form';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ApiError } from '../../../lib/apiError';
import { messageOf } from '../../../lib/request';
import { staffLogin } from '../../lib/session';
import { STAFF_ROOT, staffUrl } from '../../routes';
import '../../staff.css';

/** Staff login: username and password; afterwards back to the page that asked (only a staff page), else the desk. */
export default function StaffLogin() {
  const { params } = useRouter();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    setError('');
    setFields({});
    try {
      await staffLogin(username.trim(), password);
      const next = decodeURIComponent(params.next ?? '');
      void Taro.reLaunch({ url: next.startsWith(`/${STAFF_ROOT}/`) ? next : staffUrl('home') });
    } catch (e) {
      if (e instanceof ApiError) setFields(e.fieldMessages());
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='staff'>
      <Region as='main' className='staff-login staff-card'>
        <View className='staff-title'>哨岗 · 工作人员登录</View>
        <TextField id='username' label='用户名' value={username} onInput={setUsername} error={fields.username} />
        <TextField id='password' label='密码' password value={password} onInput={setPassword} error={fields.password} onConfirm={() => void submit()} />
        {error ? (
          <View id='login-error' className='staff-error staff-field' role='alert'>
            {error}
          </View>
        ) : null}
        <Button id='login' className={`staff-btn primary ${busy ? 'busy' : ''}`} onClick={() => void submit()}>
          {busy ? '正在登录…' : '登录'}
        </Button>
      </Region>
    </View>
  );
}
