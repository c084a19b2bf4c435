import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { storage } from './storage';

const LARGE_TEXT_KEY = 'sg.largeText';
const listeners = new Set<() => void>();
const readLargeText = () => storage.get(LARGE_TEXT_KEY) === true;

/** Large-text mode, remembered on the device; the switch and every page root share it. */
export function setLargeText(on: boolean): void {
  storage.set(LARGE_TEXT_KEY, on);
  for (const l of listeners) l();
}

export function useLargeText(): [boolean, (on: boolean) => void] {
  const [large, setLarge] = useState(readLargeText);
  useEffect(() => {
    const listener = () => setLarge(readLargeText());
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  // another page may have changed it while this one was hidden
  useDidShow(() => setLarge(readLargeText()));
  return [large, setLargeText];
}

export function toast(title: string): void {
  void Taro.showToast({ title, icon: 'none', duration: 2500 });
}
