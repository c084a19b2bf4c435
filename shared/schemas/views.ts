/**
 * What the API answers citizens, one schema each: the server's answers are checked against them in the API tests and
 * the app parses them (never casts). Objects let unknown fields through, so an older app reads a newer answer.
 */
import * as z from 'zod/mini';
import { ERROR_CODES } from '../errorCodes';
import { GeoPoint, LevelNames } from './common';

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

/** Every error answer: one of the taxonomy's codes (shared/errors.ts), a message and the field issues, in Chinese. */
export const ErrorAnswer = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })),
  }),
});
