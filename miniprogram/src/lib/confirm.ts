import Taro from '@tarojs/taro';

import { CONFIRM_COLOURS, type Confirm } from './dialog';

/**
 * Asks before an action that cannot be undone; true when the user chose `confirmText`. WeChat's own dialog here;
 * H5 (`confirm.h5.ts`) makes Taro's dialog usable from the keyboard and by a screen reader.
 */
export async function confirm(c: Confirm): Promise<boolean> {
  return (await Taro.showModal({ ...c, ...CONFIRM_COLOURS })).confirm;
}
