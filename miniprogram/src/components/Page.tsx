import { View } from '@tarojs/components';
import type { CSSProperties, ReactNode } from 'react';
import { useBodyTextPx } from '../lib/prefs';

/**
 * Every citizen page's root. Its `--fs` is the body text size (the user's own setting, and large-text mode), and
 * every text size in app.css is a multiple of it, so one number scales the whole page. H5: `Page.h5.tsx`, which
 * also draws the way back (BackBar): WeChat draws its own.
 */
export function Page({ children, className }: { children: ReactNode; className?: string }) {
  const { large, px } = useBodyTextPx();
  return (
    <View className={`page ${large ? 'large' : ''} ${className || ''}`} style={{ '--fs': `${px}px` } as CSSProperties}>
      {children}
    </View>
  );
}
