import { Text, View } from '@tarojs/components';
import { Button } from '../../components/Button';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { STATUS_LABELS } from '../../../../shared/labels';
import { Page } from '../../components/Page';
import { api, type MineItem } from '../../lib/api';
import { formatTime } from '../../lib/format';
import { go } from '../../lib/nav';
import { messageOf } from '../../lib/request';

export default function Mine() {
  const [items, setItems] = useState<MineItem[]>([]);
  const [cursor, setCursor] = useState<string | undefined>();
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');
  const [error, setError] = useState('');

  async function load(more = false) {
    try {
      const page = await api.mine(more ? cursor : undefined);
      setItems((prev) => (more ? [...prev, ...page.items] : page.items));
      setCursor(page.cursor);
      setState('ready');
    } catch (e) {
      setError(messageOf(e));
      setState('error');
    }
  }
  useDidShow(() => void load());

  return (
    <Page>
      {state === 'loading' && <View className='small'>正在加载…</View>}
      {state === 'error' && (
        <View className='banner error'>
          {error}
          <Button className='btn' onClick={() => void load()}>
            再试一次
          </Button>
        </View>
      )}
      {state === 'ready' && !items.length && <View className='card'>您还没有反映过问题。</View>}
      <View id='mine-list'>
        {items.map((p) => (
          <Button key={p.id} className='list-item' onClick={() => go('detail', { id: p.id })}>
            <View className='row'>
              <Text className='label'>{p.categoryName ?? '反映'}</Text>
              <View>
                <Text className='tag status'>{STATUS_LABELS[p.status]}</Text>
                {p.overdue && <Text className='tag overdue'>已超期</Text>}
              </View>
            </View>
            {p.summary && <View>{p.summary}</View>}
            <View className='small'>
              {formatTime(p.createdAt)} · 跟踪码 {p.trackingCode}
            </View>
            {p.dueAt && <View className='small'>当前环节截止：{formatTime(p.dueAt)}</View>}
          </Button>
        ))}
      </View>
      {cursor && (
        <Button className='btn' onClick={() => void load(true)}>
          加载更多
        </Button>
      )}
    </Page>
  );
}
