import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { useLargeText } from '../lib/prefs';
import { BackBar } from './BackBar';

/** Every page's root: carries the large-text class so one stylesheet scales the whole page. */
export function Page({ children, className }: { children: ReactNode; className?: string }) {
  const [large] = useLargeText();
  return (
    <View className={`page ${large ? 'large' : ''} ${className ?? ''}`}>
      <BackBar />
      {children}
    </View>
  );
}
