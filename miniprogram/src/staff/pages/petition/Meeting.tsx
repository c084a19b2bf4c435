/**
 * The case file's 会诊会议 card: the consultation's meetings (when, who, the room's link), and for the case's centre a
 * booking: a day, then a time some hosts of the lead and co-departments are free, then the hosts free at that time
 * (several at once) and whether the citizen joins. The same choice sent again keeps its Idempotency-Key.
 */
import { Text, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import type { MeetingHosts } from '../../../../../shared/schemas/booking';
import { Button } from '../../../components/Button';
import { keyFor, type Send } from '../../../lib/draft';
import { formatTime } from '../../../lib/format';
import { messageOf } from '../../../lib/request';
import { api } from '../../lib/api';
import type { CaseFile } from '../../lib/petitions';
import { chinaHm, chinaToday, dayLabel, shiftDay } from '../../lib/receptions';

/** the days offered: today and the next six (a host's horizon bounds what is free) */
const DAYS = 7;

type Book = (body: { start: string; hostIds: string[]; withCitizen: boolean }, idempotencyKey: string) => Promise<Record<string, string> | void>;

export function MeetingCard({ p, canBook, onBook }: { p: CaseFile; canBook: boolean; onBook: Book }) {
  const [day, setDay] = useState<string | null>(null);
  const [offer, setOffer] = useState<MeetingHosts | null>(null);
  const [time, setTime] = useState<string | null>(null);
  const [hostIds, setHostIds] = useState<string[]>([]);
  const [withCitizen, setWithCitizen] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const lastSend = useRef<Send | null>(null);

  const chooseDay = async (d: string) => {
    setDay(d);
    setOffer(null);
    setTime(null);
    setHostIds([]);
    setError('');
    try {
      setOffer(await api.staff.meetingHosts(p.id, { query: { day: d } }));
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const chooseTime = (t: string) => {
    setTime(t);
    setHostIds([]);
    setError('');
  };
  const toggle = (id: string) => setHostIds(hostIds.includes(id) ? hostIds.filter((x) => x !== id) : [...hostIds, id]);
  const free = time ? (offer?.hosts ?? []).filter((h) => h.free.includes(time)) : [];
  const submit = async () => {
    if (busy || !time) return;
    if (hostIds.length === 0) return setError('请至少选择一位参会的接访人');
    const body = { start: time, hostIds, withCitizen };
    setBusy(true);
    lastSend.current = keyFor(lastSend.current, body);
    const failed = await onBook(body, lastSend.current.key);
    setBusy(false);
    if (failed) return setError(Object.values(failed)[0] ?? '');
    // booked: the next meeting is a new request
    lastSend.current = null;
    setDay(null);
    setOffer(null);
    setTime(null);
  };

  return (
    <View className='staff-card' id='meeting'>
      <View className='staff-title'>会诊会议</View>
      {p.meetings.length === 0 ? <View className='staff-muted'>尚未预约会诊会议</View> : null}
      {p.meetings.map((m) => (
        <View key={m.id} id={`meeting-${m.id}`} className='staff-list-row'>
          <View className='staff-row-main'>
            <Text className='staff-row-name' id={`meeting-time-${m.id}`}>
              {formatTime(m.start)} 至 {chinaHm(m.end)}
            </Text>
            <Text className='staff-muted' id={`meeting-hosts-${m.id}`}>
              {' '}
              · 参会：{m.hosts.map((h) => `${h.name}（${h.departmentName}）`).join('、')}
              {m.withCitizen ? ' · 群众参加' : ''}
            </Text>
          </View>
          <View className='staff-muted'>
            视频会议室（各方共用）：
            <Text id={`meeting-room-${m.id}`} selectable style={{ wordBreak: 'break-all' }}>
              {m.roomUrl}
            </Text>
          </View>
        </View>
      ))}
      {canBook ? (
        <View className='staff-field' id='meeting-form'>
          <Text className='staff-field-label'>预约会诊会议：选择日期</Text>
          <View className='staff-tabs'>
            {Array.from({ length: DAYS }, (_, i) => shiftDay(chinaToday(), i)).map((d) => (
              <Button key={d} id={`meeting-day-${d}`} className='staff-tab' pressed={day === d} onClick={() => void chooseDay(d)}>
                {dayLabel(d)}
              </Button>
            ))}
          </View>
          {day && offer ? (
            offer.times.length === 0 ? (
              <View className='staff-muted staff-field' id='meeting-none'>
                这一天牵头部门和会诊部门的视频接访人都没有空闲时段（接访人的“会诊单位”在接访人页设置）
              </View>
            ) : (
              <View className='staff-field'>
                <Text className='staff-field-label'>选择时间</Text>
                <View className='staff-tabs'>
                  {offer.times.map((t) => (
                    <Button key={t} id={`meeting-time-${chinaHm(t).replace(':', '')}`} className='staff-tab' pressed={time === t} onClick={() => chooseTime(t)}>
                      {chinaHm(t)}
                    </Button>
                  ))}
                </View>
              </View>
            )
          ) : null}
          {time ? (
            <View className='staff-field'>
              <Text className='staff-field-label'>参会的接访人（该时间空闲，可多选）</Text>
              <View className='staff-tabs'>
                {free.map((h) => (
                  <Button key={h.id} id={`meeting-host-${h.id}`} className='staff-tab' pressed={hostIds.includes(h.id)} onClick={() => toggle(h.id)}>
                    {h.name}（{h.departmentName}）
                  </Button>
                ))}
              </View>
              <View className='staff-tabs staff-field'>
                <Button id='meeting-citizen' className='staff-tab' pressed={withCitizen} onClick={() => setWithCitizen(!withCitizen)}>
                  邀请群众参加
                </Button>
              </View>
              <Button id='meeting-book' className='staff-btn' onClick={() => void submit()}>
                {busy ? '正在预约…' : '预约会诊会议'}
              </Button>
            </View>
          ) : null}
        </View>
      ) : null}
      {error ? (
        <View className='staff-error staff-field' id='meeting-error'>
          {error}
        </View>
      ) : null}
    </View>
  );
}
