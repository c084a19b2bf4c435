/** Early warnings (未诉先办) as stored and answered: shared/warnings.ts decides them, the sweep stores each once. */
import * as z from 'zod/mini';
import { idOf } from './common';

/** GET /staff/warnings: a month (default: this one) and, for a county caller, one township. */
export const WarningsQuery = z.object({
  month: z.optional(z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份格式为 YYYY-MM' }))),
  townshipId: z.optional(idOf('乡镇（苏木）')),
});

export const StoredWarning = z.object({
  /** `rise_<category>` or `cl_<post|village>_<id>`: one per township, subject and month */
  key: z.string(),
  townshipId: z.string(),
  /** `YYYY-MM` */
  month: z.string(),
  raisedAt: z.string(),
  kind: z.enum(['rise', 'cluster']),
  count: z.number(),
  /** a rise: its category, the mean of the three months before, the same month a year before, which it rose past */
  categoryId: z.optional(z.string()),
  mean3: z.optional(z.number()),
  yearAgo: z.optional(z.number()),
  against: z.optional(z.array(z.enum(['mean3', 'yearAgo']))),
  /** a cluster: the place and the window's days */
  place: z.optional(z.object({ kind: z.enum(['post', 'village']), id: z.string(), villageId: z.optional(z.string()) })),
  from: z.optional(z.string()),
  to: z.optional(z.string()),
  /** named when raised, so that no page reads a post to show it: the township, and the category or place */
  townshipName: z.string(),
  subject: z.string(),
});
export type StoredWarning = z.infer<typeof StoredWarning>;
export const WarningRow = StoredWarning;
export type WarningRow = StoredWarning;

/** GET /staff/warnings: the warnings of a month in the caller's scope, and for one township the coming month's topics. */
export const WarningsAnswer = z.object({
  scope: z.object({ id: z.string(), name: z.string() }),
  month: z.string(),
  warnings: z.array(WarningRow),
  /** the county's seasonal topics of the month after */
  seasonal: z.object({ month: z.string(), categories: z.array(z.object({ id: z.string(), name: z.string() })), notes: z.array(z.string()) }),
  /** what the page prints under the rising categories and clusters */
  rules: z.object({ rise: z.string(), cluster: z.string() }),
  /** 新预警: when the caller last marked this month's warnings seen; how many were raised after (every one if never) */
  seenAt: z.optional(z.string()),
  unseen: z.number(),
  /** a county caller: every township of the county (the print-all of 预警提示 makes a sheet of each); else empty */
  townships: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type WarningsAnswer = z.infer<typeof WarningsAnswer>;

/** POST /staff/warnings/seen: the month (default: this one) and, for a county caller, the township or none (the county's). */
export const WarningsSeenBody = z.strictObject({
  month: z.optional(z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份格式为 YYYY-MM' }))),
  townshipId: z.optional(idOf('乡镇（苏木）')),
});
export const WarningsSeenAnswer = z.object({ month: z.string(), seenAt: z.string() });

/** 新预警: a warning raised after the staff user last marked the month's warnings seen (never marked: every one). */
export const isNewWarning = (w: { raisedAt: string }, seenAt: string | undefined) => !seenAt || w.raisedAt > seenAt;
