import { Text, View } from '@tarojs/components';
import { Button } from '../../components/Button';
import { Page } from '../../components/Page';
import { record } from '../../lib/record';
import { formatTime } from '../../lib/format';
import { go } from '../../lib/nav';
import { usePages } from '../../lib/useData';
import { LoadState } from '../../components/LoadState';
import { fill, words } from '../../i18n';
import { labels } from '../../i18n/labels';

export default function Mine() {
  const list = usePages(record.mine, [], { onShow: true });

  return (
    <Page>
      <LoadState id='mine' loading={list.loading} error={list.error} empty={!list.items.length} emptyText={words.mine.empty} onRetry={() => void list.reload()} />
      <View id='mine-list'>
        {list.items.map((p) => (
          <Button key={p.id} className='list-item' onClick={() => go('detail', { id: p.id })}>
            <View className='row'>
              <Text className='label'>{p.categoryName ?? words.common.petition}</Text>
              <View>
                <Text className='tag status'>{labels.status[p.status]}</Text>
                {p.overdue && <Text className='tag overdue'>{words.common.overdue}</Text>}
              </View>
            </View>
            {p.summary && <View>{p.summary}</View>}
            <View className='small'>{fill(words.common.pair, { a: formatTime(p.createdAt), b: fill(words.common.trackingCodeIs, { code: p.trackingCode }) })}</View>
            {p.dueAt && <View className='small'>{fill(words.mine.due, { time: formatTime(p.dueAt) })}</View>}
          </Button>
        ))}
      </View>
      {list.cursor && (
        <Button className='btn' onClick={() => void list.more()}>
          {words.mine.more}
        </Button>
      )}
    </Page>
  );
}
