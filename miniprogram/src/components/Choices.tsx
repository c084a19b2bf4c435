import { View } from '@tarojs/components';
import { Button } from './Button';
import { FIELD_LOOKS, type ChoicesProps } from './controls';

/** The choices of a group as buttons that stay pressed when chosen (both platforms; the group is Field's). */
export function ChoiceButtons<V extends string>(p: ChoicesProps<V>) {
  const look = FIELD_LOOKS[p.look || 'citizen'];
  return (
    <View className={look.chips}>
      {p.options.map((o) => (
        <Button
          key={o.value}
          id={p.choiceId ? p.choiceId(o.value) : `${p.id}-${o.value}`}
          className={`${look.chip} ${p.disabled ? 'off' : ''}`}
          pressed={p.selected.includes(o.value)}
          disabled={p.disabled}
          onClick={() => p.onToggle(o.value)}
        >
          {o.label}
        </Button>
      ))}
    </View>
  );
}
