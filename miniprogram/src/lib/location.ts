/**
 * Location with the privacy authorisation WeChat requires: when the privacy guide has not been agreed, the page
 * shows its own dialog whose button has open-type agreePrivacyAuthorization, and only then asks for the location.
 */
import Taro from '@tarojs/taro';
import { gcj02Position } from './position';
import { isWeapp } from './request';
import { words } from '../i18n';

export async function needsPrivacyConsent(): Promise<boolean> {
  if (!isWeapp() || typeof Taro.getPrivacySetting !== 'function') return false;
  return new Promise((resolve) => {
    Taro.getPrivacySetting({
      success: (s) => resolve(s.needAuthorization),
      fail: () => resolve(false),
    });
  });
}

/** Why no location came back, in the words the report form shows. */
export class LocationError extends Error {
  constructor(readonly reason: 'denied' | 'unavailable') {
    super(
      reason === 'denied'
        ? words.errors.locationRefused
        : words.errors.locationMissing,
    );
  }
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * The citizen's position in GCJ-02, the coordinates every map in China and the posts' own locations use (./position.ts
 * in WeChat, ./position.h5.ts in a browser).
 */
export async function currentLocation(): Promise<{ lat: number; lng: number }> {
  try {
    const { latitude, longitude } = await gcj02Position();
    return { lat: round(latitude), lng: round(longitude) };
  } catch (e) {
    const msg = String((e as { errMsg?: string; message?: string })?.errMsg ?? (e as Error)?.message ?? '');
    throw new LocationError(/den(y|ied)|permission|auth/i.test(msg) ? 'denied' : 'unavailable');
  }
}

/** After the citizen refused the location scope, WeChat only asks again from its settings page. */
export function openLocationSettings(): void {
  if (isWeapp()) void Taro.openSetting();
}
