import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/Button';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { EXPERTISE, HOST_KINDS, WAYS, type Expertise, type HostKind, type Way } from '../../../../../shared/schemas/booking';
import { Page } from '../../../components/Page';
import { LoadState } from '../../../components/LoadState';
import { useData } from '../../../lib/useData';
import { bookingApi, goBooking } from '../../api';
import { fill, words } from '../../../i18n';
import { bookingLabels, bookingWords } from '../../../i18n/booking';

const w = bookingWords.hosts;

/** Choose a centre, a way, a kind of host and the matter it is about (擅长领域), then a host's free times. */
export default function Hosts() {
  const [townships, setTownships] = useState<Array<{ id: string; name: string }>>([]);
  const [centreId, setCentreId] = useState<string | undefined>();
  const [way, setWay] = useState<Way>('video');
  const [kind, setKind] = useState<HostKind | undefined>();
  const [expertise, setExpertise] = useState<Expertise | undefined>();

  useDidShow(() => {
    bookingApi.townships().then(setTownships, () => setTownships([]));
  });

  const list = useData(() => bookingApi.hosts({ centreId, way, kind, expertise }), [centreId, way, kind, expertise]);
  const hosts = list.data ?? [];

  return (
    <Page>
      <View className='title'>{w.title}</View>
      <View className='subtitle'>{w.subtitle}</View>
      <Button className='btn' id='my-bookings' onClick={() => goBooking('mine')}>
        {w.mine}
      </Button>

      <View className='card'>
        <Text className='label'>{w.way}</Text>
        <View className='chips' id='ways'>
          {WAYS.map((v) => (
            <Button key={v} id={`way-${v}`} className='chip' pressed={way === v} onClick={() => setWay(v)}>
              {bookingLabels.way[v]}
            </Button>
          ))}
        </View>
        <Text className='label'>{w.kind}</Text>
        <View className='chips' id='kinds'>
          <Button className='chip' pressed={!kind} onClick={() => setKind(undefined)}>
            {w.all}
          </Button>
          {HOST_KINDS.map((k) => (
            <Button key={k} id={`kind-${k}`} className='chip' pressed={kind === k} onClick={() => setKind(k)}>
              {bookingLabels.hostKind[k]}
            </Button>
          ))}
        </View>
        <Text className='label'>{w.expertise}</Text>
        <View className='chips' id='expertise'>
          <Button className='chip' pressed={!expertise} onClick={() => setExpertise(undefined)}>
            {w.anyExpertise}
          </Button>
          {EXPERTISE.map((x) => (
            <Button key={x} id={`expertise-${x}`} className='chip' pressed={expertise === x} onClick={() => setExpertise(x)}>
              {bookingLabels.expertise[x]}
            </Button>
          ))}
        </View>
        <Text className='label'>{w.centre}</Text>
        <View className='chips' id='centres'>
          <Button className='chip' pressed={!centreId} onClick={() => setCentreId(undefined)}>
            {w.county}
          </Button>
          {townships.map((t) => (
            <Button key={t.id} id={`centre-${t.id}`} className='chip' pressed={centreId === t.id} onClick={() => setCentreId(t.id)}>
              {t.name}
            </Button>
          ))}
        </View>
      </View>

      <LoadState id='hosts' loading={list.loading} error={list.error} empty={!hosts.length} emptyText={w.empty} onRetry={() => void list.reload()} />
      <View id='host-list'>
        {hosts.map((h) => (
          <Button key={h.id} id={`host-${h.id}`} className='list-item' onClick={() => goBooking('slots', { hostId: h.id })}>
            <View className='row'>
              <Text className='label'>{h.name}</Text>
              <Text className='tag status'>{h.kindLabel}</Text>
            </View>
            {h.title && <View>{h.title}</View>}
            <View className='small'>{fill(words.common.pair, { a: h.centreName, b: h.ways.map((x) => bookingLabels.way[x]).join(w.and) })}</View>
            {h.expertise.length ? <View className='small'>{fill(w.good, { list: h.expertise.map((x) => bookingLabels.expertise[x]).join(w.and) })}</View> : null}
            {h.intro && <View className='small'>{h.intro}</View>}
          </Button>
        ))}
      </View>
    </Page>
  );
}
