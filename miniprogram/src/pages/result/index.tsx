import { Text, View } from '@tarojs/components';
import { Button } from '../../components/Button';
import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { SubmitPetitionResponse } from '../../../../shared/schemas/api';
import { Page } from '../../components/Page';
import { formatTime } from '../../lib/format';
import { go, home } from '../../lib/nav';
import { storage } from '../../lib/storage';
import { LAST_RESULT_KEY } from '../../lib/drafts';

/** What the API answered to the report: shown once, so the secret of an anonymous report can be written down. */
export default function Result() {
  const router = useRouter();
  const [res, setRes] = useState<SubmitPetitionResponse | null>(null);

  const [copied, setCopied] = useState(false);

  async function copy(data: string) {
    try {
      await Taro.setClipboardData({ data });
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  useLoad(() => {
    const parsed = SubmitPetitionResponse.safeParse(storage.get(LAST_RESULT_KEY));
    if (parsed.success && parsed.data.id === router.params.id) setRes(parsed.data);
  });

  if (!res) {
    return (
      <Page>
        <View className='banner'>没有找到提交结果，请到“我的反映”查看。</View>
        <Button className='btn' onClick={() => go('mine')}>
          我的反映
        </Button>
      </Page>
    );
  }

  return (
    <Page>
      <View className='banner ok' id='result'>
        <View className='title'>已吹哨，我们收到了</View>
        <View>工作人员会按时限受理，每一步您都能看到。</View>
      </View>
      <View className='card'>
        <Text className='label'>跟踪码</Text>
        <View className='code' id='tracking-code' onLongPress={() => void Taro.setClipboardData({ data: res.trackingCode })}>
          {res.trackingCode}
        </View>
        {res.secret && (
          <View>
            <Text className='label'>查询密码</Text>
            <View className='code' id='secret'>
              {res.secret}
            </View>
            <View className='banner'>这是匿名反映。请抄下或复制跟踪码和查询密码，凭它们查询办理进度；密码只显示这一次。</View>
            <Button className='btn primary' id='copy-secret' onClick={() => void copy(`跟踪码 ${res.trackingCode} 查询密码 ${res.secret}`)}>
              {copied ? '已复制，可以粘贴到备忘录或发给自己' : '复制跟踪码和查询密码'}
            </Button>
          </View>
        )}
      </View>
      <View className='card' id='routing'>
        <View>
          受理单位：<Text id='centre'>{res.centreName}</Text>
        </View>
        {res.departmentName && (
          <View>
            责任部门：<Text id='department'>{res.departmentName}</Text>
          </View>
        )}
        {res.dueAt && <View>下一步（接哨受理）截止：{formatTime(res.dueAt)}</View>}
        {res.similarExists && <View className='small'>这件事此前已有人反映，我们会一并办理。</View>}
      </View>
      {!res.secret && (
        <Button className='btn primary' onClick={() => go('detail', { id: res.id })}>
          查看办理进度
        </Button>
      )}
      {res.secret && (
        <Button className='btn' id='track-now' onClick={() => go('track', { code: res.trackingCode })}>
          查询办理进度
        </Button>
      )}
      <Button className='btn' onClick={home}>
        回到首页
      </Button>
    </Page>
  );
}
