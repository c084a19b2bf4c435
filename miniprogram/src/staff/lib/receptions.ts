/**
 * The reception routes the staff pages call (hosts, the schedule, a booking, the figures) through the typed client,
 * and the China-time helpers the pages show times with.
 */
import type { HostBody } from '../../../../shared/schemas/booking';
import { api } from './api';

export type { BookingFigures as Figures, BookingTotals as Totals, Schedule, StaffBooking, StaffHost } from '../../../../shared/schemas/booking';

export const receptionsApi = {
  hosts: async () => (await api.staff.receptions.hosts()).items,
  host: (hostId: string) => api.staff.receptions.host(hostId),
  saveHost: (hostId: string, body: HostBody) => api.staff.receptions.saveHost(hostId, { body }),
  /** the next free times as citizens see them (the public slots route) */
  upcoming: async (hostId: string) => (await api.booking.slots(hostId, { query: { days: 7 } })).items,
  /** the centres a host may belong to: the townships' centres (the API refuses those outside the caller's scope) */
  centres: async () => (await api.citizen.townships()).items,
  schedule: (query: { from: string; days: number; centreId?: string }) => api.staff.receptions.schedule({ query }),
  booking: (bookingId: string) => api.staff.receptions.booking(bookingId),
  attendance: (bookingId: string, body: { attendance: 'attended' | 'no_show'; note: string }) => api.staff.receptions.attendance(bookingId, { body }),
  cancel: (bookingId: string, reason: string) => api.staff.receptions.cancel(bookingId, { body: { reason } }),
  figures: (query: { from?: string; to?: string; centreId?: string }) => api.staff.receptions.figures({ query }),
};

// China time (UTC+8), whatever the device's zone.
const CHINA = 8 * 3600_000;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
/** today's China date, `YYYY-MM-DD` */
export const chinaToday = (now = Date.now()) => new Date(now + CHINA).toISOString().slice(0, 10);
export const chinaDayOf = (iso: string) => new Date(Date.parse(iso) + CHINA).toISOString().slice(0, 10);
export const chinaHm = (iso: string) => new Date(Date.parse(iso) + CHINA).toISOString().slice(11, 16);
export const shiftDay = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** `11月24日 周二` */
export function dayLabel(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 周${WEEKDAYS[d.getUTCDay()] ?? ''}`;
}
/** The Monday of a China day's week. */
export function mondayOf(day: string): string {
  const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
  return shiftDay(day, -((wd + 6) % 7));
}
export const percent = (r: { rate: number | null }) => (r.rate === null ? '—' : `${Math.round(r.rate * 1000) / 10}%`);
