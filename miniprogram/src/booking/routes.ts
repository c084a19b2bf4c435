/**
 * The booking subpackage (预约接访): each page's title and how to reach it (its paths are in ./entry.ts, which the
 * app's config lists); navigation inside it goes through `bookingUrl`.
 */
import { zh } from '../i18n/zh';
import { pageUrl } from '../lib/pageUrl';
import { BOOKING_PAGES, BOOKING_ROOT, type BookingPageName } from './entry';

export { BOOKING_ROOT };

export const BOOKING_ROUTES = {
  hosts: { path: BOOKING_PAGES.hosts, title: zh.titles.hosts },
  slots: { path: BOOKING_PAGES.slots, title: zh.titles.slots },
  mine: { path: BOOKING_PAGES.mine, title: zh.titles.bookings },
} as const satisfies Record<BookingPageName, { path: string; title: string }>;
export type BookingRouteName = keyof typeof BOOKING_ROUTES;

export interface BookingRouteParams {
  hosts: { centreId?: string };
  /** `reschedule` is the booking being moved */
  slots: { hostId: string; reschedule?: string };
  mine: Record<string, never>;
}

export function bookingUrl<N extends BookingRouteName>(name: N, params?: BookingRouteParams[N]): string {
  return pageUrl(`${BOOKING_ROOT}/${BOOKING_ROUTES[name].path}`, params);
}
