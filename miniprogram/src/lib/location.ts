/**
 * Location with the privacy authorisation WeChat requires: when the privacy guide has not been agreed, the page
 * shows its own dialog whose button has open-type agreePrivacyAuthorization, and only then asks for the location.
 */
import Taro from '@tarojs/taro';
import { isWeapp } from './request';

export async function needsPrivacyConsent(): Promise<boolean> {
  if (!isWeapp() || typeof Taro.getPrivacySetting !== 'function') return false;
  return new Promise((resolve) => {
    Taro.getPrivacySetting({
      success: (s) => resolve(s.needAuthorization),
      fail: () => resolve(false),
    });
  });
}

export async function currentLocation(): Promise<{ lat: number; lng: number }> {
  const r = await Taro.getLocation({ type: 'gcj02' });
  return { lat: Math.round(r.latitude * 1e6) / 1e6, lng: Math.round(r.longitude * 1e6) / 1e6 };
}

/** After the citizen refused the location scope, WeChat only asks again from its settings page. */
export function openLocationSettings(): void {
  if (isWeapp()) void Taro.openSetting();
}
