import Taro from '@tarojs/taro';

/**
 * How much larger than standard the user reads text, from their own setting. WeChat: the font size chosen in
 * 我 → 设置 → 通用 → 字体大小 (or 关怀模式), as `fontSizeScaleFactor`, else `fontSizeSetting` against WeChat's
 * standard 17 px (getAppBaseInfo, base library 2.23.4+; getSystemInfoSync before it). H5: `textScale.h5.ts`.
 */
export function userTextScale(): number {
  try {
    const info = (Taro.getAppBaseInfo ? Taro.getAppBaseInfo() : Taro.getSystemInfoSync()) as { fontSizeScaleFactor?: number; fontSizeSetting?: number };
    if (info.fontSizeScaleFactor && info.fontSizeScaleFactor > 0) return info.fontSizeScaleFactor;
    if (info.fontSizeSetting && info.fontSizeSetting > 0) return info.fontSizeSetting / 17;
  } catch {
    // an old base library: standard size
  }
  return 1;
}
