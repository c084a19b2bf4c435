/**
 * The clock a container runs on. Deployed, the system clock. When CLOCK_URL names a time server (the local stack's
 * stand-in, functions/local/clock-standin.ts), each invocation first asks it how far its time is from this
 * machine's and keeps that offset, so a test can move the API's time (60 days on, an hour on) over HTTP.
 */
import type { Clock } from '../../ports';

export const systemClock = (): Clock => ({ now: () => new Date() });

/** The time server answers `GET /` with `{ now: ISO instant }`. */
export function timeServerClock(url: string): Clock {
  let offsetMs = 0;
  return {
    now: () => new Date(Date.now() + offsetMs),
    async sync() {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`time server answered ${res.status}`);
      const { now } = (await res.json()) as { now?: unknown };
      const t = typeof now === 'string' ? Date.parse(now) : Number.NaN;
      if (Number.isNaN(t)) throw new Error('time server answered no time');
      offsetMs = t - Date.now();
    },
  };
}
