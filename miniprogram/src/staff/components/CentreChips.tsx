import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { receptionsApi } from '../lib/receptions';

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
      <Text id='centre-own' className={`staff-tab ${!value ? 'on' : ''}`} onClick={() => onChange(undefined)}>
        本级中心
      </Text>
      {centres.map((c) => (
        <Text key={c.id} id={`centre-${c.id}`} className={`staff-tab ${value === c.id ? 'on' : ''}`} onClick={() => onChange(c.id)}>
          {c.name}
        </Text>
      ))}
    </View>
  );
}
