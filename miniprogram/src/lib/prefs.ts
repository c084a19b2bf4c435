import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { storage } from './storage';

const LARGE_TEXT_KEY = 'sg.largeText';

/** Large-text mode, remembered on the device; every page reads it when it shows. */
export function useLargeText(): [boolean, (on: boolean) => void] {
  const [large, setLarge] = useState(() => storage.get(LARGE_TEXT_KEY) === true);
  useDidShow(() => setLarge(storage.get(LARGE_TEXT_KEY) === true));
  return [
    large,
    (on) => {
      storage.set(LARGE_TEXT_KEY, on);
      setLarge(on);
    },
  ];
}

export function toast(title: string): void {
  void Taro.showToast({ title, icon: 'none', duration: 2500 });
}
