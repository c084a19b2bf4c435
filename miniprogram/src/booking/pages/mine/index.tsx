import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/Button';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { RATINGS } from '../../../../../shared/schemas/common';
import { Page } from '../../../components/Page';
import { confirm } from '../../../lib/confirm';
import { formatTime } from '../../../lib/format';
import { messageOf } from '../../../lib/request';
import { useData } from '../../../lib/useData';
import { LoadState } from '../../../components/LoadState';
import { bookingApi, goBooking, joinRoom, type BookingView } from '../../api';
import { orderBookings } from '../../order';
import { fill } from '../../../i18n';
import { labels } from '../../../i18n/labels';
import { bookingLabels, bookingWords } from '../../../i18n/booking';

const w = bookingWords.bookings;

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
    const ok = await confirm({ title: w.cancelTitle, content: fill(w.cancelAsk, { time: formatTime(b.start), host: b.host.name }), confirmText: w.cancel, cancelText: w.keep });
    if (ok) await act(() => bookingApi.cancel(b.id));
  }

  async function join(url: string) {
    const how = await joinRoom(url);
    if (how === 'copied') void Taro.showToast({ title: w.linkCopied, icon: 'none' });
  }

  const { upcoming, past } = orderBookings(items, new Date());
  const sections: Array<['upcoming' | 'past', BookingView[]]> = [
    ['upcoming', upcoming],
    ['past', past],
  ];

  return (
    <Page>
      <Button className='btn' id='new-booking' onClick={() => goBooking('hosts')}>
        {w.new}
      </Button>
      {banner && (
        <View className='banner error' id='mine-banner'>
          {banner}
        </View>
      )}
      <LoadState id='bookings' loading={list.loading} error={list.error} empty={!items.length} emptyText={w.empty} onRetry={() => void list.reload()} />
      <View id='booking-list'>
        {sections.map(
          ([section, list]) =>
            list.length > 0 && (
              <View key={section} id={`bookings-${section}`}>
                <View className='label section-title'>{w[section]}</View>
                {list.map((b) => (
                  <View key={b.id} id={`booking-${b.id}`} className='card booking'>
                    <View className='row'>
                      <Text className='label'>{fill(w.host, { name: b.host.name, kind: b.host.kindLabel })}</Text>
                      <Text className='tag status'>{bookingLabels.bookingStatus[b.status]}</Text>
                    </View>
                    <View className='when'>{fill(w.when, { time: formatTime(b.start), way: b.wayLabel })}</View>
                    <View className='small'>{fill(w.where, { centre: b.centreName, topic: b.topic })}</View>
                    {b.petition && (
                      <View className='small petition-link'>{fill(w.petition, { category: b.petition.categoryName, code: b.petition.trackingCode })}</View>
                    )}
                    {b.cancel?.by === 'staff' && <View className='note'>{fill(w.cancelledByCentre, { reason: b.cancel.reason ?? '' })}</View>}
                    {b.outcome && <View className='note'>{fill(w.outcome, { note: b.outcome.note })}</View>}
                    {b.roomUrl && (
                      <Button className='btn primary join' onClick={() => void join(b.roomUrl ?? '')}>
                        {w.join}
                      </Button>
                    )}
                    {b.canChange && (
                      <View className='chips'>
                        <Button id={`reschedule-${b.id}`} className='chip reschedule' onClick={() => goBooking('slots', { hostId: b.host.id, reschedule: b.id })}>
                          {w.move}
                        </Button>
                        <Button id={`cancel-${b.id}`} className='chip cancel' onClick={() => void cancel(b)}>
                          {w.cancel}
                        </Button>
                      </View>
                    )}
                    {b.canRate && (
                      <View>
                        <Text className='label'>{w.satisfied}</Text>
                        <View className='chips'>
                          {RATINGS.map((r) => (
                            <Button key={r} className='chip' onClick={() => void act(() => bookingApi.rate(b.id, r))}>
                              {labels.rating[r]}
                            </Button>
                          ))}
                        </View>
                      </View>
                    )}
                    {b.rating && <View className='small'>{fill(w.myRating, { rating: labels.rating[b.rating.rating] })}</View>}
                  </View>
                ))}
              </View>
            ),
        )}
      </View>
    </Page>
  );
}
