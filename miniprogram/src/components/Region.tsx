import { View } from '@tarojs/components';
import type { RegionProps } from './controls';

/** A landmark of a page frame (header, nav, main). WeChat has none: a plain view. H5: `Region.h5.tsx`. */
export function Region({ className, id, children }: RegionProps) {
  return (
    <View className={className} id={id}>
      {children}
    </View>
  );
}
