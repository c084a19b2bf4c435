/**
 * The API's time, moved over HTTP through the worker's time server (functions/local/clock-standin.ts): the
 * product path sees a later day the way it would see it deployed. Each file starts at the real time.
 */
import { stack } from './worker';

async function send(method: 'PUT' | 'DELETE' | 'GET', body?: unknown): Promise<Date> {
  const res = await fetch(stack().clockUrl, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`time server: ${res.status} ${await res.text()}`);
  return new Date(((await res.json()) as { now: string }).now);
}

/** Moves the API's time to `at` (an instant or ISO text); time runs on from there. */
export const setApiTime = (at: Date | string | number) => send('PUT', { now: new Date(at).toISOString() });
/** Moves the API's time on by `ms` from where it is now. */
export const advanceApiTime = async (ms: number) => setApiTime(new Date((await apiTime()).getTime() + ms));
export const apiTime = () => send('GET');
export const resetApiTime = () => send('DELETE');
