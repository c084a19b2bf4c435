import { Text, View } from '@tarojs/components';
import { Button } from '../../components/Button';
import { STATUS_LABELS } from '../../../../shared/labels';
import { Page } from '../../components/Page';
import { api } from '../../lib/api';
import { formatTime } from '../../lib/format';
import { go } from '../../lib/nav';
import { usePages } from '../../lib/useData';
import { LoadState } from '../../components/LoadState';

export default function Mine() {
  const list = usePages(api.mine, [], { onShow: true });

  return (
    <Page>
      <LoadState id='mine' loading={list.loading} error={list.error} empty={!list.items.length} emptyText='您还没有反映过问题。' onRetry={() => void list.reload()} />
      <View id='mine-list'>
        {list.items.map((p) => (
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
      {list.cursor && (
        <Button className='btn' onClick={() => void list.more()}>
          加载更多
        </Button>
      )}
    </Page>
  );
}
