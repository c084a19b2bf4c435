import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/Button';
import { ErrorText, TextField } from '../../../components/Field';
import { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { BookBody, type Way } from '../../../../../shared/schemas/booking';
import { Page } from '../../../components/Page';
import { record, type MineItem } from '../../../lib/record';
import { newIdempotencyKey } from '../../../lib/draft';
import { formatTime } from '../../../lib/format';
import { ApiError, messageOf } from '../../../lib/request';
import { askForUpdates } from '../../../lib/subscribe';
import { bookingApi, chinaClock, chinaDayLabel, replaceBooking, type HostRow, type SlotRow } from '../../api';
import { fill } from '../../../i18n';
import { bookingLabels, bookingWords } from '../../../i18n/booking';

const w = bookingWords.slots;

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
    if (!moving) record.mine().then((out) => setPetitions(out.items), () => setPetitions([]));
  }, [hostId]);
  useEffect(() => {
    key.current = newIdempotencyKey();
  }, [start, way, topic, petitionId]);

  const days = new Map<string, SlotRow[]>();
  for (const s of slots) days.set(chinaDayLabel(s.start), [...(days.get(chinaDayLabel(s.start)) ?? []), s]);

  async function confirm() {
    setBanner('');
    if (!start) return setErrors({ start: w.pick });
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
            {host.title ? fill(w.host, { title: host.title, centre: host.centreName, minutes: host.slotMinutes }) : fill(w.hostNoTitle, { centre: host.centreName, minutes: host.slotMinutes })}
          </View>
        </View>
      )}
      {moving && <View className='subtitle'>{w.moving}</View>}
      {banner && (
        <View className='banner error' id='slots-banner'>
          {banner}
        </View>
      )}
      {host && !slots.length && <View className='card'>{w.full}</View>}
      <View id='slot-days'>
        {[...days.entries()].map(([day, list]) => (
          <View key={day} className='card'>
            <Text className='label'>{day}</Text>
            <View className='chips'>
              {list.map((s) => (
                <Button key={s.start} id={`slot-${s.start.replace(/[^0-9]/g, '')}`} className='chip' pressed={start === s.start} onClick={() => setStart(s.start)}>
                  {s.capacity > 1 ? fill(w.free, { time: chinaClock(s.start), n: s.free }) : chinaClock(s.start)}
                </Button>
              ))}
            </View>
          </View>
        ))}
      </View>
      {errors.start && <ErrorText>{errors.start}</ErrorText>}

      {!moving && host && (
        <View className='card'>
          <Text className='label'>{w.way}</Text>
          <View className='chips'>
            {host.ways.map((v) => (
              <Button key={v} id={`book-way-${v}`} className='chip' pressed={way === v} onClick={() => setWay(v)}>
                {bookingLabels.way[v]}
              </Button>
            ))}
          </View>
          {errors.way && <ErrorText>{errors.way}</ErrorText>}
          <TextField
            id='topic'
            label={w.topic}
            multiline
            value={topic}
            maxLength={200}
            placeholder={w.topicHint}
            onInput={setTopic}
            error={errors.topic}
          />
          {petitions.length > 0 && (
            <View id='link-petition'>
              <Text className='label'>{w.link}</Text>
              <View className='chips'>
                <Button id='petition-none' className='chip' pressed={!petitionId} onClick={() => setPetitionId(undefined)}>
                  {w.noLink}
                </Button>
                {petitions.map((p) => (
                  <Button key={p.id} id={`petition-${p.id}`} className='chip' pressed={petitionId === p.id} onClick={() => setPetitionId(p.id)}>
                    {p.summary
                      ? fill(w.petitionChipWithSummary, { category: p.categoryName ?? w.petition, day: formatTime(p.createdAt).slice(0, -6), summary: p.summary.slice(0, 12) })
                      : fill(w.petitionChip, { category: p.categoryName ?? w.petition, day: formatTime(p.createdAt).slice(0, -6) })}
                  </Button>
                ))}
              </View>
              {errors.petitionId && <ErrorText>{errors.petitionId}</ErrorText>}
            </View>
          )}
        </View>
      )}
      {start && <View className='small'>{fill(w.chosen, { time: formatTime(start) })}</View>}
      <Button className={`btn primary big ${busy ? 'busy' : ''}`} id='confirm' disabled={busy} onClick={() => void confirm()}>
        {moving ? w.move : w.confirm}
      </Button>
    </Page>
  );
}
