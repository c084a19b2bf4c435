/**
 * Where the phone is, in GCJ-02: WeChat answers in it itself. The browser build takes ./position.h5.ts instead (Taro
 * picks a file by platform), so the mini-program's main package does not carry the coordinate converter.
 */
import Taro from '@tarojs/taro';

export async function gcj02Position(): Promise<{ latitude: number; longitude: number }> {
  const { latitude, longitude } = await Taro.getLocation({ type: 'gcj02' });
  return { latitude, longitude };
}
