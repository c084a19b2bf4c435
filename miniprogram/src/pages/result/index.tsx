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
import { fill, words } from '../../i18n';

const w = words.result;

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
        <View className='banner'>{w.notFound}</View>
        <Button className='btn' onClick={() => go('mine')}>
          {w.mine}
        </Button>
      </Page>
    );
  }

  return (
    <Page>
      <View className='banner ok' id='result'>
        <View className='title'>{w.title}</View>
        <View>{w.next}</View>
      </View>
      <View className='card'>
        <Text className='label'>{words.common.trackingCode}</Text>
        <View className='code' id='tracking-code' onLongPress={() => void Taro.setClipboardData({ data: res.trackingCode })}>
          {res.trackingCode}
        </View>
        {res.secret && (
          <View>
            <Text className='label'>{words.common.secret}</Text>
            <View className='code' id='secret'>
              {res.secret}
            </View>
            <View className='banner'>{w.anonymousNote}</View>
            <Button className='btn primary' id='copy-secret' onClick={() => void copy(fill(w.clip, { code: res.trackingCode, secret: res.secret ?? '' }))}>
              {copied ? w.copied : w.copy}
            </Button>
          </View>
        )}
      </View>
      <View className='card' id='routing'>
        <View>
          {w.centre}
          <Text id='centre'>{res.centreName}</Text>
        </View>
        {res.departmentName && (
          <View>
            {w.department}
            <Text id='department'>{res.departmentName}</Text>
          </View>
        )}
        {res.dueAt && <View>{fill(w.due, { time: formatTime(res.dueAt) })}</View>}
        {res.similarExists && <View className='small'>{w.similar}</View>}
      </View>
      {!res.secret && (
        <Button className='btn primary' onClick={() => go('detail', { id: res.id })}>
          {w.progress}
        </Button>
      )}
      {res.secret && (
        <Button className='btn' id='track-now' onClick={() => go('track', { code: res.trackingCode })}>
          {w.track}
        </Button>
      )}
      <Button className='btn' onClick={home}>
        {words.common.home}
      </Button>
    </Page>
  );
}
