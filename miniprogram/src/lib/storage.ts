import Taro from '@tarojs/taro';
import type { KeyValueStore } from './draft';

/** Taro's synchronous storage (wx storage in WeChat, localStorage in H5) as the app's key-value store. */
export const storage: KeyValueStore = {
  get(key) {
    try {
      const v: unknown = Taro.getStorageSync(key);
      return v === '' ? undefined : v;
    } catch {
      return undefined;
    }
  },
  set(key, value) {
    Taro.setStorageSync(key, value);
  },
  remove(key) {
    Taro.removeStorageSync(key);
  },
};
