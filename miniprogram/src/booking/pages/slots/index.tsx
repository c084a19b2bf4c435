import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/Button';
import { ErrorText, TextField } from '../../../components/Field';
import { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { BookBody, WAY_LABELS, type Way } from '../../../../../shared/schemas/booking';
import { Page } from '../../../components/Page';
import { api, type MineItem } from '../../../lib/api';
import { newIdempotencyKey } from '../../../lib/draft';
import { formatTime } from '../../../lib/format';
import { ApiError, messageOf } from '../../../lib/request';
import { askForUpdates } from '../../../lib/subscribe';
import { bookingApi, chinaClock, chinaDayLabel, replaceBooking, type HostRow, type SlotRow } from '../../api';

/** The host's free times for the next days, grouped by day; confirm with a topic, or move an existing booking. */
export default function Slots() {
  const { params } = useRouter();
  const hostId = params.hostId ?? '';
  const moving = params.reschedule;
  const [host, setHost] = useState<HostRow | undefined>();
  const [slots, setSlots] = useState<SlotRow[]>([]);
  const [start, setStart] = useState<string | undefined>();
  const [way, setWay] = useState<Way | undefined>();
  const [topic, setTopic] = useState('');
  const [petitions, setPetitions] = useState<MineItem[]>([]);
  const [petitionId, setPetitionId] = useState<string | undefined>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState('');
  const [busy, setBusy] = useState(false);
  // One key per choice: a resend after a lost answer returns the same booking, never a second one.
  const key = useRef<string>(newIdempotencyKey());

  async function load() {
    try {
      const out = await bookingApi.slots(hostId, 7);
      setHost(out.host);
      setSlots(out.items);
      setWay((w) => w ?? out.host.ways[0]);
    } catch (e) {
      setBanner(messageOf(e));
    }
  }
  useEffect(() => {
    void load();
    // the citizen's own petitions, to link one to the booking; without them the booking goes on unlinked
    if (!moving) api.mine().then((out) => setPetitions(out.items), () => setPetitions([]));
  }, [hostId]);
  useEffect(() => {
    key.current = newIdempotencyKey();
  }, [start, way, topic, petitionId]);

  const days = new Map<string, SlotRow[]>();
  for (const s of slots) days.set(chinaDayLabel(s.start), [...(days.get(chinaDayLabel(s.start)) ?? []), s]);

  async function confirm() {
    setBanner('');
    if (!start) return setErrors({ start: '请选择一个时间' });
    // in the tap, before any await: the reminders a day and fifteen minutes before need the citizen's consent
    askForUpdates(['reminder']);
    setBusy(true);
    try {
      if (moving) {
        await bookingApi.reschedule(moving, start);
      } else {
        const body = BookBody.safeParse({ hostId, start, way, topic, petitionId });
        if (!body.success) {
          const out: Record<string, string> = {};
          for (const i of body.error.issues) out[String(i.path[0])] ??= i.message;
          setErrors(out);
          return;
        }
        await bookingApi.book(body.data, key.current);
      }
      replaceBooking('mine');
    } catch (e) {
      if (e instanceof ApiError && e.code === 'validation') setErrors(e.fieldMessages());
      setBanner(messageOf(e));
      // Someone else may have taken the time: show what is free now.
      if (e instanceof ApiError && e.code === 'conflict') {
        setStart(undefined);
        void load();
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page>
      {host && (
        <View className='card'>
          <View className='row'>
            <Text className='label'>{host.name}</Text>
            <Text className='tag status'>{host.kindLabel}</Text>
          </View>
          <View className='small'>
            {host.title ? `${host.title} · ` : ''}
            {host.centreName} · 每次约 {host.slotMinutes} 分钟
          </View>
        </View>
      )}
      {moving && <View className='subtitle'>选择新的时间，原来的时间会同时释放。</View>}
      {banner && (
        <View className='banner error' id='slots-banner'>
          {banner}
        </View>
      )}
      {host && !slots.length && <View className='card'>接下来几天已约满或不接访，请换一位接访人或过几天再来。</View>}
      <View id='slot-days'>
        {[...days.entries()].map(([day, list]) => (
          <View key={day} className='card'>
            <Text className='label'>{day}</Text>
            <View className='chips'>
              {list.map((s) => (
                <Button key={s.start} id={`slot-${s.start.replace(/[^0-9]/g, '')}`} className='chip' pressed={start === s.start} onClick={() => setStart(s.start)}>
                  {chinaClock(s.start)}
                  {s.capacity > 1 ? `（余 ${s.free}）` : ''}
                </Button>
              ))}
            </View>
          </View>
        ))}
      </View>
      {errors.start && <ErrorText>{errors.start}</ErrorText>}

      {!moving && host && (
        <View className='card'>
          <Text className='label'>接访方式</Text>
          <View className='chips'>
            {host.ways.map((w) => (
              <Button key={w} id={`book-way-${w}`} className='chip' pressed={way === w} onClick={() => setWay(w)}>
                {WAY_LABELS[w]}
              </Button>
            ))}
          </View>
          {errors.way && <ErrorText>{errors.way}</ErrorText>}
          <TextField
            id='topic'
            label='想谈的事情'
            multiline
            value={topic}
            maxLength={200}
            placeholder='例如：草场边界纠纷，想请调解员帮忙'
            onInput={setTopic}
            error={errors.topic}
          />
          {petitions.length > 0 && (
            <View id='link-petition'>
              <Text className='label'>关联我反映过的问题（可不选）</Text>
              <View className='chips'>
                <Button id='petition-none' className='chip' pressed={!petitionId} onClick={() => setPetitionId(undefined)}>
                  不关联
                </Button>
                {petitions.map((p) => (
                  <Button key={p.id} id={`petition-${p.id}`} className='chip' pressed={petitionId === p.id} onClick={() => setPetitionId(p.id)}>
                    {p.categoryName ?? '诉求'} · {formatTime(p.createdAt).slice(0, -6)}
                    {p.summary ? ` · ${p.summary.slice(0, 12)}` : ''}
                  </Button>
                ))}
              </View>
              {errors.petitionId && <ErrorText>{errors.petitionId}</ErrorText>}
            </View>
          )}
        </View>
      )}
      {start && <View className='small'>已选：{formatTime(start)}</View>}
      <Button className={`btn primary big ${busy ? 'busy' : ''}`} id='confirm' disabled={busy} onClick={() => void confirm()}>
        {moving ? '改到这个时间' : '确认预约'}
      </Button>
    </Page>
  );
}
