/**
 * The reception routes the staff pages call (hosts, the schedule, a booking, the figures), each answer parsed with a
 * schema, and the China-time helpers the pages show times with.
 */
import * as z from 'zod/mini';
import { BookingView, Host, type HostBody } from '../../../../shared/schemas/booking';
import { parseAnswer, staffRequest } from './session';

export const StaffHost = z.extend(Host, { centreName: z.string() });
export type StaffHost = z.infer<typeof StaffHost>;

/** The staff answer is the citizen's with the citizen's name. */
export const StaffBooking = z.extend(BookingView, { citizenName: z.string() });
export type StaffBooking = z.infer<typeof StaffBooking>;

const Schedule = z.object({ centre: z.object({ id: z.string(), name: z.string() }), from: z.string(), days: z.number(), items: z.array(StaffBooking) });
export type Schedule = z.infer<typeof Schedule>;

const Ratio = z.object({ numerator: z.number(), denominator: z.number(), rate: z.nullable(z.number()) });
const Totals = z.object({
  booked: z.number(),
  cancelled: z.number(),
  attended: z.number(),
  noShow: z.number(),
  satisfied: z.number(),
  basically_satisfied: z.number(),
  dissatisfied: z.number(),
  rated: z.number(),
  satisfaction: Ratio,
  attendance: Ratio,
});
export type Totals = z.infer<typeof Totals>;
const Figures = z.object({
  centre: z.object({ id: z.string(), name: z.string() }),
  period: z.object({ from: z.string(), to: z.string() }),
  totals: Totals,
  hosts: z.array(z.extend(Totals, { id: z.string(), name: z.string(), kindLabel: z.optional(z.string()) })),
  definitions: z.record(z.string(), z.string()),
});
export type Figures = z.infer<typeof Figures>;

const Slots = z.object({ items: z.array(z.object({ start: z.string(), end: z.string(), free: z.number() })) });
const Townships = z.object({ items: z.array(z.object({ id: z.string(), centreName: z.string() })) });

const qs = (params: Record<string, string | number | undefined>) => {
  const s = Object.entries(params)
    .filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');
  return s ? `?${s}` : '';
};
const id = encodeURIComponent;

export const receptionsApi = {
  async hosts() {
    return parseAnswer(z.object({ items: z.array(StaffHost) }), await staffRequest('/staff/hosts')).items;
  },
  async host(hostId: string) {
    return parseAnswer(StaffHost, await staffRequest(`/staff/hosts/${id(hostId)}`));
  },
  async saveHost(hostId: string, body: HostBody) {
    return parseAnswer(StaffHost, await staffRequest(`/staff/hosts/${id(hostId)}`, { method: 'PUT', data: body }));
  },
  /** the next free times as citizens see them (the public slots route) */
  async upcoming(hostId: string) {
    return parseAnswer(Slots, await staffRequest(`/hosts/${id(hostId)}/slots?days=7`)).items;
  },
  /** the centres a host may belong to: the townships' centres (the API refuses those outside the caller's scope) */
  async centres() {
    return parseAnswer(Townships, await staffRequest('/townships')).items;
  },
  async schedule(q: { from: string; days: number; centreId?: string }) {
    return parseAnswer(Schedule, await staffRequest(`/staff/bookings${qs(q)}`));
  },
  async booking(bookingId: string) {
    return parseAnswer(StaffBooking, await staffRequest(`/staff/bookings/${id(bookingId)}`));
  },
  async attendance(bookingId: string, body: { attendance: 'attended' | 'no_show'; note: string }) {
    return parseAnswer(StaffBooking, await staffRequest(`/staff/bookings/${id(bookingId)}/attendance`, { method: 'POST', data: body }));
  },
  async cancel(bookingId: string, reason: string) {
    return parseAnswer(StaffBooking, await staffRequest(`/staff/bookings/${id(bookingId)}/cancel`, { method: 'POST', data: { reason } }));
  },
  async figures(q: { from?: string; to?: string; centreId?: string }) {
    return parseAnswer(Figures, await staffRequest(`/staff/booking-figures${qs(q)}`));
  },
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
