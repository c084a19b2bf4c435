import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/Button';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { RATING_LABELS } from '../../../../../shared/labels';
import { BOOKING_STATUS_LABELS } from '../../../../../shared/schemas/booking';
import { RATINGS } from '../../../../../shared/schemas/common';
import { Page } from '../../../components/Page';
import { confirm } from '../../../lib/confirm';
import { formatTime } from '../../../lib/format';
import { messageOf } from '../../../lib/request';
import { useData } from '../../../lib/useData';
import { LoadState } from '../../../components/LoadState';
import { bookingApi, goBooking, joinRoom, type BookingView } from '../../api';
import { orderBookings } from '../../order';

/** My bookings: join the video room, move or cancel before the cut-off, rate afterwards. */
export default function MyBookings() {
  const list = useData(bookingApi.mine, [], { onShow: true });
  const items = list.data ?? [];
  // what went wrong with a cancel or a rating (a failed read shows with its retry instead)
  const [banner, setBanner] = useState('');

  async function act(run: () => Promise<unknown>) {
    setBanner('');
    try {
      await run();
    } catch (e) {
      setBanner(messageOf(e));
    }
    await list.reload();
  }

  async function cancel(b: BookingView) {
    const ok = await confirm({ title: '取消预约', content: `取消 ${formatTime(b.start)} 与${b.host.name}的接访？`, confirmText: '取消预约', cancelText: '不取消' });
    if (ok) await act(() => bookingApi.cancel(b.id));
  }

  async function join(url: string) {
    const how = await joinRoom(url);
    if (how === 'copied') void Taro.showToast({ title: '链接已复制，请在浏览器中打开', icon: 'none' });
  }

  const { upcoming, past } = orderBookings(items, new Date());
  const sections: Array<[string, BookingView[]]> = [
    ['即将进行', upcoming],
    ['已结束或已取消', past],
  ];

  return (
    <Page>
      <Button className='btn' id='new-booking' onClick={() => goBooking('hosts')}>
        预约新的接访
      </Button>
      {banner && (
        <View className='banner error' id='mine-banner'>
          {banner}
        </View>
      )}
      <LoadState id='bookings' loading={list.loading} error={list.error} empty={!items.length} emptyText='您还没有预约过接访。' onRetry={() => void list.reload()} />
      <View id='booking-list'>
        {sections.map(
          ([title, list]) =>
            list.length > 0 && (
              <View key={title} id={`bookings-${title === '即将进行' ? 'upcoming' : 'past'}`}>
                <View className='label section-title'>{title}</View>
                {list.map((b) => (
                  <View key={b.id} id={`booking-${b.id}`} className='card booking'>
                    <View className='row'>
                      <Text className='label'>
                        {b.host.name}（{b.host.kindLabel}）
                      </Text>
                      <Text className='tag status'>{BOOKING_STATUS_LABELS[b.status]}</Text>
                    </View>
                    <View className='when'>
                      {formatTime(b.start)} · {b.wayLabel}
                    </View>
                    <View className='small'>
                      {b.centreName} · {b.topic}
                    </View>
                    {b.petition && (
                      <View className='small petition-link'>
                        关联诉求：{b.petition.categoryName} · 跟踪码 {b.petition.trackingCode}
                      </View>
                    )}
                    {b.cancel?.by === 'staff' && <View className='note'>中心已取消：{b.cancel.reason ?? ''}</View>}
                    {b.outcome && <View className='note'>接访结果：{b.outcome.note}</View>}
                    {b.roomUrl && (
                      <Button className='btn primary join' onClick={() => void join(b.roomUrl ?? '')}>
                        进入视频
                      </Button>
                    )}
                    {b.canChange && (
                      <View className='chips'>
                        <Button id={`reschedule-${b.id}`} className='chip reschedule' onClick={() => goBooking('slots', { hostId: b.host.id, reschedule: b.id })}>
                          改时间
                        </Button>
                        <Button id={`cancel-${b.id}`} className='chip cancel' onClick={() => void cancel(b)}>
                          取消预约
                        </Button>
                      </View>
                    )}
                    {b.canRate && (
                      <View>
                        <Text className='label'>这次接访您满意吗？</Text>
                        <View className='chips'>
                          {RATINGS.map((r) => (
                            <Button key={r} className='chip' onClick={() => void act(() => bookingApi.rate(b.id, r))}>
                              {RATING_LABELS[r]}
                            </Button>
                          ))}
                        </View>
                      </View>
                    )}
                    {b.rating && <View className='small'>您的评价：{RATING_LABELS[b.rating.rating]}</View>}
                  </View>
                ))}
              </View>
            ),
        )}
      </View>
    </Page>
  );
}
