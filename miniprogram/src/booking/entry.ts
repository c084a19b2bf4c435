/**
 * The booking subpackage's root and pages. The app's config (app.config.ts) lists the pages from here, so the
 * booking registry (routes.ts) stays out of the main package: Taro's build counts whatever app.config.ts imports as
 * the main package's.
 */
export const BOOKING_ROOT = 'booking';

/** Each booking page's path in the subpackage, by its name in the registry (routes.ts). */
export const BOOKING_PAGES = {
  hosts: 'pages/hosts/index',
  slots: 'pages/slots/index',
  mine: 'pages/mine/index',
} as const;
export type BookingPageName = keyof typeof BOOKING_PAGES;

export const BOOKING_SUBPACKAGE = { root: BOOKING_ROOT, pages: Object.values(BOOKING_PAGES) };
