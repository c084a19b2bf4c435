import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/Button';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { EXPERTISE, EXPERTISE_LABELS, HOST_KINDS, HOST_KIND_LABELS, WAYS, WAY_LABELS, type Expertise, type HostKind, type Way } from '../../../../../shared/schemas/booking';
import { Page } from '../../../components/Page';
import { LoadState } from '../../../components/LoadState';
import { useData } from '../../../lib/useData';
import { bookingApi, goBooking } from '../../api';

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
      <View className='title'>预约接访</View>
      <View className='subtitle'>选好方式和接访人，再选一个空闲时间。视频接访在手机上就能面谈。</View>
      <Button className='btn' id='my-bookings' onClick={() => goBooking('mine')}>
        我的预约
      </Button>

      <View className='card'>
        <Text className='label'>接访方式</Text>
        <View className='chips' id='ways'>
          {WAYS.map((w) => (
            <Button key={w} id={`way-${w}`} className='chip' pressed={way === w} onClick={() => setWay(w)}>
              {WAY_LABELS[w]}
            </Button>
          ))}
        </View>
        <Text className='label'>接访人</Text>
        <View className='chips' id='kinds'>
          <Button className='chip' pressed={!kind} onClick={() => setKind(undefined)}>
            全部
          </Button>
          {HOST_KINDS.map((k) => (
            <Button key={k} id={`kind-${k}`} className='chip' pressed={kind === k} onClick={() => setKind(k)}>
              {HOST_KIND_LABELS[k]}
            </Button>
          ))}
        </View>
        <Text className='label'>您的事情（擅长领域）</Text>
        <View className='chips' id='expertise'>
          <Button className='chip' pressed={!expertise} onClick={() => setExpertise(undefined)}>
            不限
          </Button>
          {EXPERTISE.map((x) => (
            <Button key={x} id={`expertise-${x}`} className='chip' pressed={expertise === x} onClick={() => setExpertise(x)}>
              {EXPERTISE_LABELS[x]}
            </Button>
          ))}
        </View>
        <Text className='label'>综治中心</Text>
        <View className='chips' id='centres'>
          <Button className='chip' pressed={!centreId} onClick={() => setCentreId(undefined)}>
            全县
          </Button>
          {townships.map((t) => (
            <Button key={t.id} id={`centre-${t.id}`} className='chip' pressed={centreId === t.id} onClick={() => setCentreId(t.id)}>
              {t.name}
            </Button>
          ))}
        </View>
      </View>

      <LoadState id='hosts' loading={list.loading} error={list.error} empty={!hosts.length} emptyText='没有符合条件的接访人，换个方式或中心试试。' onRetry={() => void list.reload()} />
      <View id='host-list'>
        {hosts.map((h) => (
          <Button key={h.id} id={`host-${h.id}`} className='list-item' onClick={() => goBooking('slots', { hostId: h.id })}>
            <View className='row'>
              <Text className='label'>{h.name}</Text>
              <Text className='tag status'>{h.kindLabel}</Text>
            </View>
            {h.title && <View>{h.title}</View>}
            <View className='small'>
              {h.centreName} · {h.ways.map((w) => WAY_LABELS[w]).join('、')}
            </View>
            {h.expertise.length ? <View className='small'>擅长：{h.expertise.map((x) => EXPERTISE_LABELS[x]).join('、')}</View> : null}
            {h.intro && <View className='small'>{h.intro}</View>}
          </Button>
        ))}
      </View>
    </Page>
  );
}
