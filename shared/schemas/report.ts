/**
 * What the report form checks before it sends: the description's and the photos' limits, and a photo's reference.
 * A module of its own so that the mini-program's main package (a scan, the form, its result) carries these without
 * the record's schemas (petition.ts), which need the whole step table.
 */
import * as z from 'zod/mini';

export const DESCRIPTION_MAX = 2000;
export const PHOTOS_MAX = 3;

/** A photo is referenced by the object key the upload route handed out. */
export const PhotoRef = z.string().check(
  z.regex(/^photos\/[A-Za-z0-9/_.-]{1,200}$/, { error: '照片引用不正确' }),
  z.refine((k) => !k.split('/').some((part) => part === '' || part === '.' || part === '..'), { error: '照片引用不正确' }),
);
