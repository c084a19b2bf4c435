/**
 * Where the phone is, in GCJ-02, in a browser: Taro's H5 getLocation knows only WGS-84 (the browser's own), which is
 * converted here. The converter loads when a citizen first attaches a location, not with the form. WeChat's build
 * takes ./position.ts.
 */
import Taro from '@tarojs/taro';

export async function gcj02Position(): Promise<{ latitude: number; longitude: number }> {
  const [r, { default: gcoord }] = await Promise.all([Taro.getLocation({ type: 'wgs84' }), import('gcoord')]);
  const [longitude, latitude] = gcoord.transform([r.longitude, r.latitude], gcoord.WGS84, gcoord.GCJ02);
  return { latitude, longitude };
}
