/**
 * What the API answers citizens, one schema each: the server's answers are checked against them in the API tests and
 * the app parses them (never casts). Objects let unknown fields through, so an older app reads a newer answer.
 */
import * as z from 'zod/mini';
import { Action } from './petition';
import { ERROR_CODES } from '../errorCodes';
import { Channel, GeoPoint, Level, LevelNames, Rating, Status } from './common';

/** A page of a list: `cursor` is there while there is more. The one wrapper of every list the API answers. */
export const PageResponse = <T extends z.ZodMiniType>(item: T) => z.object({ items: z.array(item), cursor: z.optional(z.string()) });

export const Named = z.object({ id: z.string(), name: z.string() });

export const TokenResponse = z.object({ token: z.string(), expiresAt: z.string() });

/** GET /posts/{postId}: the post a citizen scanned, its township's centre and the categories it offers. */
export const PostInfo = z.object({
  post: z.object({
    id: z.string(),
    name: z.string(),
    address: z.optional(z.string()),
    location: z.optional(GeoPoint),
  }),
  township: Named,
  centreName: z.string(),
  categories: z.array(Named),
  /** what the county calls its levels (乡镇 / 苏木, 村 / 嘎查 / 社区) */
  levelNames: LevelNames,
});
export type PostInfo = z.infer<typeof PostInfo>;

/** GET /townships: every township of the county, its centre, and the categories a report may choose. */
export const Township = z.extend(Named, { centreName: z.string(), categories: z.array(Named) });
export type Township = z.infer<typeof Township>;
export const Townships = z.extend(PageResponse(Township), { levelNames: LevelNames });

/** POST /uploads: where to PUT one photo, and the key the petition then refers to. */
export const UploadTicket = z.object({
  key: z.string(),
  url: z.string(),
  method: z._default(z.enum(['PUT']), 'PUT'),
  headers: z._default(z.record(z.string(), z.string()), {}),
  expiresInSeconds: z.optional(z.number()),
});

export const Ok = z.object({ ok: z.literal(true) });

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

/** Every error answer: one of the taxonomy's codes (shared/errors.ts), a message and the field issues, in Chinese. */
export const ErrorAnswer = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })),
  }),
});
