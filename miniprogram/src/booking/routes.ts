/**
 * The booking subpackage (预约接访): its pages and how to reach them. The app's config (src/app.config.ts) lists this
 * subpackage; navigation inside it goes through `bookingUrl`.
 */
import { zh } from '../i18n/zh';
import { pageUrl } from '../lib/pageUrl';

export const BOOKING_ROOT = 'booking';

export const BOOKING_ROUTES = {
  hosts: { path: 'pages/hosts/index', title: zh.titles.hosts },
  slots: { path: 'pages/slots/index', title: zh.titles.slots },
  mine: { path: 'pages/mine/index', title: zh.titles.bookings },
} as const;
export type BookingRouteName = keyof typeof BOOKING_ROUTES;

export interface BookingRouteParams {
  hosts: { centreId?: string };
  /** `reschedule` is the booking being moved */
  slots: { hostId: string; reschedule?: string };
  mine: Record<string, never>;
}

export const BOOKING_SUBPACKAGE = { root: BOOKING_ROOT, pages: Object.values(BOOKING_ROUTES).map((r) => r.path) } as const;

export function bookingUrl<N extends BookingRouteName>(name: N, params?: BookingRouteParams[N]): string {
  return pageUrl(`${BOOKING_ROOT}/${BOOKING_ROUTES[name].path}`, params);
}
