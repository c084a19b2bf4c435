/**
 * What the queue and the case file read from the API, parsed (never cast), and the small pure helpers both pages use:
 * the query string of a queue view and the time left to a deadline in words.
 */
import * as z from 'zod/mini';
import { ACTIONS, TimelineEvent } from '../../../../shared/schemas/petition';
import { Channel, GeoPoint, Status } from '../../../../shared/schemas/common';

export const QueueRow = z.object({
  id: z.string(),
  trackingCode: z.string(),
  summary: z.string(),
  status: Status,
  channel: Channel,
  categoryName: z.string(),
  townshipName: z.string(),
  createdAt: z.string(),
  dueAt: z.optional(z.string()),
  overdue: z.boolean(),
  near: z.optional(z.boolean()),
  repeatOf: z.optional(z.string()),
  repeatConfirmed: z.optional(z.boolean()),
  phoneMasked: z.optional(z.string()),
});
export type QueueRow = z.infer<typeof QueueRow>;
export const QueuePage = z.object({ items: z.array(QueueRow), cursor: z.optional(z.string()) });

export const CaseFile = z.object({
  id: z.string(),
  trackingCode: z.string(),
  status: Status,
  channel: Channel,
  description: z.string(),
  categoryName: z.string(),
  townshipName: z.string(),
  centreName: z.string(),
  departmentId: z.optional(z.string()),
  departmentName: z.optional(z.string()),
  createdAt: z.string(),
  dueAt: z.optional(z.string()),
  overdue: z.boolean(),
  near: z.optional(z.boolean()),
  anonymous: z.boolean(),
  phone: z.optional(z.string()),
  location: z.optional(GeoPoint),
  photoUrls: z.array(z.string()),
  repeatOf: z.optional(z.string()),
  repeatConfirmed: z.optional(z.boolean()),
  repeatOfTrackingCode: z.optional(z.string()),
  resolution: z.optional(z.string()),
  decline: z.optional(z.object({ reason: z.string(), redirect: z.string() })),
  // citizens' steps come without who: the API leaves out their id and name
  timeline: z.array(z.extend(TimelineEvent, { actor: z.object({ role: z.string(), id: z.optional(z.string()), name: z.optional(z.string()) }) })),
  actions: z.array(z.enum(ACTIONS)),
  version: z.number(),
});
export type CaseFile = z.infer<typeof CaseFile>;

/** After a transfer or escalation the caller may no longer see the case: the API says where it went. */
export const HandedOver = z.object({ id: z.string(), status: Status, handedOver: z.literal(true) });

export const StaffOrg = z.object({
  scope: z.object({ id: z.string(), kind: z.string(), name: z.string() }),
  nodes: z.array(z.object({ id: z.string(), kind: z.string(), name: z.string(), centreName: z.optional(z.string()) })),
  departments: z.array(z.object({ id: z.string(), name: z.string(), centreId: z.string() })),
  categories: z.array(z.object({ id: z.string(), name: z.string() })),
  handlers: z._default(z.array(z.object({ id: z.string(), name: z.string(), departmentId: z.string() })), []),
});
export type StaffOrg = z.infer<typeof StaffOrg>;
/** GET /townships: every township of the county with its centre, the places a case may be transferred to */
export const Townships = z.object({ items: z.array(z.object({ id: z.string(), centreName: z.string() })) });

export interface QueueView {
  status?: Status;
  due?: 'overdue' | 'near';
  categoryId?: string;
  townshipId?: string;
  channel?: Channel;
  from?: string;
  to?: string;
  code?: string;
  sort: 'newest' | 'urgent';
}

/** The query string of a queue view and page; empty choices are left out. */
export function queueQuery(v: QueueView, page: { limit: number; cursor?: string }): string {
  const pairs = Object.entries({ ...v, ...page }).filter(([, x]) => x !== undefined && x !== '');
  return pairs.map(([k, x]) => `${k}=${encodeURIComponent(String(x))}`).join('&');
}

/** 剩 5 小时 / 逾期 2 天 3 小时: the time to a deadline, in whole hours, days past 48 hours. */
export function timeLeft(dueAt: string, now = Date.now()): string {
  const ms = Date.parse(dueAt) - now;
  const hours = Math.floor(Math.abs(ms) / 3_600_000);
  const words = hours >= 48 ? `${Math.floor(hours / 24)} 天${hours % 24 ? ` ${hours % 24} 小时` : ''}` : hours >= 1 ? `${hours} 小时` : '不到 1 小时';
  return ms >= 0 ? `剩 ${words}` : `逾期 ${words}`;
}

/** A person's view of a date: China calendar day of an ISO time. */
export function chinaDay(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
}
