import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { useLargeText } from '../lib/prefs';

/** Every page's root: carries the large-text class so one stylesheet scales the whole page. */
export function Page({ children, className }: { children: ReactNode; className?: string }) {
  const [large] = useLargeText();
  return <View className={`page ${large ? 'large' : ''} ${className ?? ''}`}>{children}</View>;
}
