/** The booking routes the citizen app calls, each answer parsed with a schema (never cast). */
import Taro from '@tarojs/taro';
import * as z from 'zod/mini';
import { BookingView, HOST_KINDS, WAYS, type BookBody } from '../../../shared/schemas/booking';
import { Rating } from '../../../shared/schemas/common';
import { newIdempotencyKey } from '../lib/draft';
import { parseAnswer } from '../lib/apiError';
import { ApiError, isWeapp, request } from '../lib/request';
import { bookingUrl, type BookingRouteName, type BookingRouteParams } from './routes';

export const HostRow = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(HOST_KINDS),
  kindLabel: z.string(),
  title: z.optional(z.string()),
  centreId: z.string(),
  centreName: z.string(),
  expertise: z._default(z.array(z.string()), []),
  ways: z.array(z.enum(WAYS)),
  intro: z.optional(z.string()),
  slotMinutes: z.number(),
  capacity: z.number(),
});
export type HostRow = z.infer<typeof HostRow>;

export const SlotRow = z.object({ start: z.string(), end: z.string(), capacity: z.number(), booked: z.number(), free: z.number() });
export type SlotRow = z.infer<typeof SlotRow>;

/** A booking as the API answers it: one schema in shared/, which the staff pages extend. */
export { BookingView };

const Townships = z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), centreName: z.string() })) });

const q = (params: Record<string, string | undefined>) => {
  const s = Object.entries(params)
    .filter((e): e is [string, string] => !!e[1])
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  return s ? `?${s}` : '';
};

export const bookingApi = {
  async townships() {
    return parseAnswer(Townships, await request('/townships')).items;
  },
  async hosts(filter: { centreId?: string; kind?: string; way?: string }) {
    return parseAnswer(z.object({ items: z.array(HostRow) }), await request(`/hosts${q(filter)}`)).items;
  },
  async slots(hostId: string, days = 7) {
    return parseAnswer(z.object({ host: HostRow, items: z.array(SlotRow) }), await request(`/hosts/${encodeURIComponent(hostId)}/slots?days=${days}`));
  },
  async book(body: BookBody, key = newIdempotencyKey()) {
    return parseAnswer(BookingView, await request('/bookings', { method: 'POST', data: body, headers: { 'Idempotency-Key': key } }));
  },
  async mine() {
    return parseAnswer(z.object({ items: z.array(BookingView) }), await request('/bookings/mine?limit=50')).items;
  },
  async cancel(id: string, reason?: string) {
    return parseAnswer(BookingView, await request(`/bookings/${encodeURIComponent(id)}/cancel`, { method: 'POST', data: reason ? { reason } : {} }));
  },
  async reschedule(id: string, start: string) {
    return parseAnswer(BookingView, await request(`/bookings/${encodeURIComponent(id)}/reschedule`, { method: 'POST', data: { start } }));
  },
  async rate(id: string, rating: Rating) {
    return parseAnswer(BookingView, await request(`/bookings/${encodeURIComponent(id)}/rating`, { method: 'POST', data: { rating } }));
  },
};

export function goBooking<N extends BookingRouteName>(name: N, params?: BookingRouteParams[N]): void {
  void Taro.navigateTo({ url: bookingUrl(name, params) });
}
export function replaceBooking<N extends BookingRouteName>(name: N, params?: BookingRouteParams[N]): void {
  void Taro.redirectTo({ url: bookingUrl(name, params) });
}

/**
 * Join a video reception: in the browser the room opens in a new tab; a mini-program cannot open outside links, so
 * the link is copied for the citizen to paste into the browser or the meeting app.
 */
export async function joinRoom(url: string): Promise<'opened' | 'copied'> {
  if (!isWeapp() && typeof window !== 'undefined' && typeof window.open === 'function') {
    window.open(url, '_blank', 'noopener');
    return 'opened';
  }
  await Taro.setClipboardData({ data: url });
  return 'copied';
}

/** China time of day and date, for slot lists: `11月24日 周二`, `09:30`. */
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
export function chinaDayLabel(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3600_000);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 周${WEEKDAYS[d.getUTCDay()] ?? ''}`;
}
export function chinaClock(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(11, 16);
}
