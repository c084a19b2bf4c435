/**
 * The booking routes the citizen app calls: the contract's (shared/contract/booking.ts), each answer parsed with its
 * schema there, through the one transport.
 */
import Taro from '@tarojs/taro';
import { BOOKING } from '../../../shared/contract/booking';
import type { BookBody, Expertise, HostKind, Way } from '../../../shared/schemas/booking';
import type { Rating } from '../../../shared/schemas/common';
import { newIdempotencyKey } from '../lib/draft';
import { citizen } from '../lib/api';
import { clientOf } from '../lib/client';
import { request } from '../lib/request';
import { bookingUrl, type BookingRouteName, type BookingRouteParams } from './routes';
import { fill } from '../i18n';
import { bookingWords } from '../i18n/booking';

export type { BookingView, PublicHost as HostRow, SlotRow } from '../../../shared/schemas/booking';

/** Every booking route, typed from the contract. */
export const booking = clientOf(BOOKING, request);

export const bookingApi = {
  townships: async () => (await citizen.townships()).items,
  hosts: async (query: { centreId?: string; kind?: HostKind; way?: Way; expertise?: Expertise }) => (await booking.hosts({ query })).items,
  slots: (hostId: string, days = 7) => booking.slots(hostId, { query: { days } }),
  book: (body: BookBody, key = newIdempotencyKey()) => booking.book({ body, headers: { 'Idempotency-Key': key } }),
  mine: async () => (await booking.mine({ query: { limit: 50 } })).items,
  cancel: (id: string, reason?: string) => booking.cancel(id, { body: reason ? { reason } : {} }),
  reschedule: (id: string, start: string) => booking.reschedule(id, { body: { start } }),
  rate: (id: string, rating: Rating) => booking.rate(id, { body: { rating } }),
};

export function goBooking<N extends BookingRouteName>(name: N, params?: BookingRouteParams[N]): void {
  void Taro.navigateTo({ url: bookingUrl(name, params) });
}
export function replaceBooking<N extends BookingRouteName>(name: N, params?: BookingRouteParams[N]): void {
  void Taro.redirectTo({ url: bookingUrl(name, params) });
}

export { joinRoom } from '../lib/room';

/** China time of day and date, for slot lists: `11月24日 周二`, `09:30`. */
export function chinaDayLabel(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3600_000);
  const w = bookingWords.slots;
  return fill(w.day, { month: d.getUTCMonth() + 1, date: d.getUTCDate(), weekday: w.weekdays[d.getUTCDay()] ?? '' });
}
export function chinaClock(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(11, 16);
}
