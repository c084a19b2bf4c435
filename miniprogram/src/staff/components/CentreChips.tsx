import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { receptionsApi } from '../lib/receptions';
import { Button } from '../../components/Button';

/** For county callers: which centre a reception page shows, their own (the default) or a township's. */
export function CentreChips({ value, onChange }: { value: string | undefined; onChange: (id: string | undefined) => void }) {
  const [centres, setCentres] = useState<Array<{ id: string; name: string }>>([]);
  useEffect(() => {
    receptionsApi.centres().then(
      (list) => setCentres(list.map((t) => ({ id: t.id, name: t.centreName }))),
      () => setCentres([]),
    );
  }, []);
  return (
    <View className='staff-tabs'>
      <Button id='centre-own' className='staff-tab' pressed={!value} onClick={() => onChange(undefined)}>
        本级中心
      </Button>
      {centres.map((c) => (
        <Button key={c.id} id={`centre-${c.id}`} className='staff-tab' pressed={value === c.id} onClick={() => onChange(c.id)}>
          {c.name}
        </Button>
      ))}
    </View>
  );
}
