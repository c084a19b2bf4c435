/** The case's photos (tap for the large view) and 办理记录, every event with who did it, when, and what it cites. */
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ACTION_LABELS, STATUS_LABELS } from '../../../../../shared/labels';
import { Button } from '../../../components/Button';
import { formatTime } from '../../../lib/format';
import type { CaseFile } from '../../lib/petitions';
import { ROLE_LABELS } from '../../lib/session';
import { citesOf, roleLabel } from './caseFile';

export function PhotosCard({ urls }: { urls: string[] }) {
  if (!urls.length) return null;
  return (
    <View className='staff-card'>
      <View className='staff-field-label'>照片（点击查看大图）</View>
      <View className='staff-photos' id='photos'>
        {urls.map((url, i) => (
          <Button key={url} id={`photo-${i}`} className='staff-photo-btn' label={`查看第 ${i + 1} 张照片`} onClick={() => void Taro.previewImage({ current: url, urls })}>
            <Image className='staff-photo' src={url} mode='aspectFill' nativeProps={{ alt: '' }} />
          </Button>
        ))}
      </View>
    </View>
  );
}

export function TimelineCard({ timeline }: { timeline: CaseFile['timeline'] }) {
  const role = (r: string) => roleLabel(r, ROLE_LABELS);
  return (
    <View className='staff-card' id='timeline'>
      <View className='staff-title'>办理记录</View>
      {timeline.map((e) => (
        <View key={e.seq} className={`staff-timeline-item ${e.visibility}`} id={`event-${e.seq}`} data-action={e.action}>
          <View>
            <Text className='staff-timeline-action'>{ACTION_LABELS[e.action]}</Text>
            {e.visibility === 'internal' ? <Text className='staff-badge'>仅内部</Text> : null}
            {e.from && e.from !== e.to ? <Text className='staff-muted'> {STATUS_LABELS[e.from]} → {STATUS_LABELS[e.to]}</Text> : null}
          </View>
          {e.note ? <Text className='staff-description'>{e.note}</Text> : null}
          {citesOf(e).map((c) => (
            <Text key={c.departmentId} className='staff-description staff-cite'>
              引用{c.name}会诊意见：{c.opinion}
            </Text>
          ))}
          <View className='staff-muted'>
            {formatTime(e.at)} · {e.actor.name ?? role(e.actor.role)}（{role(e.actor.role)}）
          </View>
        </View>
      ))}
    </View>
  );
}
