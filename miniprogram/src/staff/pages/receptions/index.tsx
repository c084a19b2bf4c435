import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { BOOKING_STATUS_LABELS } from '../../../../../shared/schemas/booking';
import { useData } from '../../../lib/useData';
import { CentreChips } from '../../components/CentreChips';
import { ListState } from '../../components/Form';
import { StaffPage } from '../../components/StaffPage';
import { chinaDayOf, chinaHm, chinaToday, dayLabel, mondayOf, receptionsApi, shiftDay, type StaffBooking } from '../../lib/receptions';
import { staffUrl } from '../../routes';
import { Button } from '../../../components/Button';
import { TextInput } from '../../../components/Field';

type View = 'day' | 'week';
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A booking as one line: China time, citizen, status; opens the booking. */
function BookingLine({ b, wide }: { b: StaffBooking; wide: boolean }) {
  return (
    <Button id={`booking-${b.id}`} className={`staff-booking ${b.status}`} onClick={() => void Taro.navigateTo({ url: staffUrl('booking', { id: b.id }) })}>
      <Text className='staff-booking-time'>
        {chinaHm(b.start)}–{chinaHm(b.end)}
      </Text>
      <Text className={`staff-badge status booking-${b.status}`}>{BOOKING_STATUS_LABELS[b.status]}</Text>
      <Text>{b.citizenName}</Text>
      {wide && (
        <Text className='staff-muted'>
          {' '}
          · {b.wayLabel} · {b.topic}
        </Text>
      )}
    </Button>
  );
}

/** Bookings grouped by host, hosts by name. */
function byHost(items: StaffBooking[]) {
  const hosts = new Map<string, { name: string; kindLabel: string; items: StaffBooking[] }>();
  for (const b of items) {
    const h = hosts.get(b.host.id) ?? { name: b.host.name, kindLabel: b.host.kindLabel, items: [] };
    h.items.push(b);
    hosts.set(b.host.id, h);
  }
  return [...hosts.entries()].sort(([, a], [, b]) => a.name.localeCompare(b.name, 'zh'));
}

/** The centre's receptions for a day or a week, per host, with their status; a booking opens to record or cancel. */
export default function Receptions() {
  const { params } = useRouter();
  const [view, setView] = useState<View>(params.view === 'week' ? 'week' : 'day');
  const [day, setDay] = useState(params.from && DAY_RE.test(params.from) ? params.from : chinaToday());
  const [dateText, setDateText] = useState(day);
  const [centreId, setCentreId] = useState<string | undefined>();
  const [dateError, setDateError] = useState('');

  const from = view === 'week' ? mondayOf(day) : day;
  const days = view === 'week' ? 7 : 1;

  // back from a booking: show what changed there
  const schedule = useData(() => receptionsApi.schedule({ from, days, centreId }), [from, days, centreId], { onShow: true });
  const data = schedule.data;
  const ready = !schedule.loading && !schedule.error;
  useEffect(() => setDateText(day), [day]);

  const step = (n: number) => setDay(shiftDay(day, n * days));
  const pickDate = () => {
    setDateError(DAY_RE.test(dateText) ? '' : '日期须为 YYYY-MM-DD，例如 2026-12-01');
    if (DAY_RE.test(dateText)) setDay(dateText);
  };

  const weekDays = Array.from({ length: 7 }, (_, i) => shiftDay(from, i));
  const groups = byHost(data?.items ?? []);

  return (
    <StaffPage current='receptions' wide>
      {(user) => (
        <View>
          <View className='staff-row'>
            <View className='staff-title'>{data ? `${data.centre.name} · ` : ''}接访日程</View>
            <Button id='to-hosts' className='staff-btn' onClick={() => void Taro.navigateTo({ url: staffUrl('hosts') })}>
              接访人与统计
            </Button>
          </View>
          {user.role !== 'centre_staff' && <CentreChips value={centreId} onChange={setCentreId} />}
          <View className='staff-tabs'>
            <Button id='view-day' className='staff-tab' pressed={view === 'day'} onClick={() => setView('day')}>
              日
            </Button>
            <Button id='view-week' className='staff-tab' pressed={view === 'week'} onClick={() => setView('week')}>
              周
            </Button>
          </View>
          <View className='staff-row'>
            <Button id='prev' className='staff-btn' onClick={() => step(-1)}>
              {view === 'week' ? '上一周' : '前一天'}
            </Button>
            <Button id='today' className='staff-btn' onClick={() => setDay(chinaToday())}>
              今天
            </Button>
            <Button id='next' className='staff-btn' onClick={() => step(1)}>
              {view === 'week' ? '下一周' : '后一天'}
            </Button>
            <TextInput id='schedule-date' label='日期' className='staff-input staff-date' value={dateText} placeholder='YYYY-MM-DD' onInput={setDateText} onConfirm={pickDate} />
            <Button id='go-date' className='staff-btn' onClick={pickDate}>
              跳到该日
            </Button>
          </View>
          {dateError && (
            <View id='schedule-date-error' className='staff-error staff-field' role='alert'>
              {dateError}
            </View>
          )}
          <View id='schedule-range' className='staff-muted staff-field'>
            {view === 'week' ? `${dayLabel(from)} 至 ${dayLabel(shiftDay(from, 6))}` : dayLabel(from)}（北京时间）
          </View>

          <ListState id='schedule' loading={schedule.loading} error={schedule.error} empty={!groups.length} emptyText={`${view === 'week' ? '这一周' : '这一天'}没有预约。`} onRetry={() => void schedule.reload()} />

          {ready && view === 'day' && (
            <View id='schedule-day'>
              {groups.map(([hostId, h]) => (
                <View key={hostId} id={`day-host-${hostId}`} className='staff-card'>
                  <View className='staff-field'>
                    <Text className='staff-strong'>{h.name}</Text> <Text className='staff-muted'>{h.kindLabel}</Text>
                  </View>
                  {h.items.map((b) => (
                    <BookingLine key={b.id} b={b} wide />
                  ))}
                </View>
              ))}
            </View>
          )}

          {ready && view === 'week' && groups.length > 0 && (
            <View id='schedule-week' className='staff-scroll'>
              <View className='staff-week'>
                <View className='staff-week-head'>接访人</View>
                {weekDays.map((d) => (
                  <View key={d} className={`staff-week-head ${d === chinaToday() ? 'today' : ''}`}>
                    {dayLabel(d)}
                  </View>
                ))}
                {groups.map(([hostId, h]) => [
                  <View key={`${hostId}-name`} className='staff-week-host'>
                    {h.name}
                    <View className='staff-muted'>{h.kindLabel}</View>
                  </View>,
                  ...weekDays.map((d) => (
                    <View key={`${hostId}-${d}`} id={`week-${hostId}-${d}`} className='staff-week-cell'>
                      {h.items
                        .filter((b) => chinaDayOf(b.start) === d)
                        .map((b) => (
                          <BookingLine key={b.id} b={b} wide={false} />
                        ))}
                    </View>
                  )),
                ])}
              </View>
            </View>
          )}
        </View>
      )}
    </StaffPage>
  );
}
