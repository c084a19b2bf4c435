import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { storage } from './storage';
import { userTextScale } from './textScale';

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

/** The citizen pages' body text: 17 px at the standard size, times the user's own setting, times 1.3 in large-text mode. */
export const BODY_TEXT_PX = 17;
export const LARGE_TEXT_FACTOR = 1.3;
export function bodyTextPx(large: boolean, userScale: number): number {
  return Math.round(BODY_TEXT_PX * userScale * (large ? LARGE_TEXT_FACTOR : 1) * 10) / 10;
}

/** The body text size of a page: the large-text switch and the user's own setting (read again whenever a page shows). */
export function useBodyTextPx(): { large: boolean; px: number } {
  const [large] = useLargeText();
  const [scale, setScale] = useState(userTextScale);
  useDidShow(() => setScale(userTextScale()));
  return { large, px: bodyTextPx(large, scale) };
}

export function toast(title: string): void {
  void Taro.showToast({ title, icon: 'none', duration: 2500 });
}
