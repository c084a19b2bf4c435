/**
 * What a citizen sees of their own reports: a row of 我的反映, and a report with its public record. Apart from views.ts
 * (what a scan and the form read) because the record's actions come from the step table, which the mini-program's
 * main package does not carry.
 */
import * as z from 'zod/mini';
import { Action } from './petition';
import { Channel, GeoPoint, Level, Rating, Status } from './common';

/** A row of the citizen's own reports. */
export const MineItem = z.object({
  id: z.string(),
  trackingCode: z.string(),
  status: Status,
  categoryId: z.string(),
  categoryName: z.string(),
  centreName: z.optional(z.string()),
  summary: z.string(),
  createdAt: z.string(),
  dueAt: z.optional(z.string()),
  overdue: z.boolean(),
});
export type MineItem = z.infer<typeof MineItem>;

/** A public line of the record: staff are named, citizens are not. */
export const TimelineItem = z.object({
  seq: z.number(),
  at: z.string(),
  action: Action,
  from: z.nullable(Status),
  to: Status,
  note: z.optional(z.string()),
  actor: z.object({ role: z.string(), name: z.optional(z.string()) }),
});
export type TimelineItem = z.infer<typeof TimelineItem>;

/** A petition as its citizen (or the holder of its tracking code) sees it: no internal notes. */
export const PetitionView = z.object({
  id: z.string(),
  trackingCode: z.string(),
  channel: Channel,
  status: Status,
  level: Level,
  categoryId: z.string(),
  categoryName: z.string(),
  centreName: z.string(),
  townshipName: z.string(),
  departmentName: z.optional(z.string()),
  postId: z.optional(z.string()),
  description: z.string(),
  photos: z.array(z.string()),
  /** the citizen's own photos, as links that work for ten minutes */
  photoUrls: z.array(z.string()),
  /** 按住说话: the recording's length, and a link to it that works for ten minutes */
  audio: z.optional(z.object({ seconds: z.number(), url: z.string() })),
  location: z.optional(GeoPoint),
  anonymous: z.boolean(),
  phone: z.optional(z.string()),
  createdAt: z.string(),
  acceptedAt: z.optional(z.string()),
  resolvedAt: z.optional(z.string()),
  dueAt: z.optional(z.string()),
  overdue: z.boolean(),
  rating: z.optional(z.object({ rating: Rating, comment: z.optional(z.string()), at: z.string() })),
  decline: z.optional(z.object({ reason: z.string(), redirect: z.string() })),
  resolution: z.optional(z.string()),
  /** 会诊会议 the citizen is invited to: when, who receives, and the room's link (like a video reception) */
  meetings: z.optional(z.array(z.object({ id: z.string(), start: z.string(), end: z.string(), hosts: z.array(z.object({ name: z.string(), departmentName: z.string() })), roomUrl: z.string() }))),
  timeline: z.array(TimelineItem),
});
export type PetitionView = z.infer<typeof PetitionView>;
