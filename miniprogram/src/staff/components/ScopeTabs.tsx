import { Text, View } from '@tarojs/components';
import { Button } from '../../components/Button';

/** 范围: the whole county (全县, value '') or one of its townships; nothing when there is no township to choose. */
export function ScopeTabs({ townships, value, onChange }: { townships: ReadonlyArray<{ id: string; name: string }>; value: string; onChange: (townshipId: string) => void }) {
  if (townships.length === 0) return null;
  return (
    <View className='staff-field'>
      <Text className='staff-field-label'>范围</Text>
      <View className='staff-tabs'>
        <Button id='scope-all' className='staff-tab' pressed={value === ''} onClick={() => onChange('')}>
          全县
        </Button>
        {townships.map((t) => (
          <Button key={t.id} id={`scope-${t.id}`} className='staff-tab' pressed={value === t.id} onClick={() => onChange(t.id)}>
            {t.name}
          </Button>
        ))}
      </View>
    </View>
  );
}
