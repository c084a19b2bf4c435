/** 积案 and 揭榜领案: what a backlog case records, and a row of the county's board. */
import * as z from 'zod/mini';
import { Id, IsoTime, Status, type Role } from './common';

/** who may be on a backlog case's team or lead it as an account: the staff who work cases */
export const TEAM_ROLES: readonly Role[] = ['centre_staff', 'handler', 'county_supervisor'];

/** the classes of shared/timeLimits.ts BACKLOG_CLASS_DAYS (not imported: that module brings China's calendar into the app) */
export const BacklogClass = z.enum(['A', 'B', 'C'], { error: '积案等级须为 A、B 或 C' });

/** 一个案件、一名领导: the class, its deadline from classing, the lead official (named, or who claimed it from the board). */
export const Backlog = z.object({
  backlogClass: BacklogClass,
  classedAt: IsoTime,
  dueAt: IsoTime,
  leadOfficial: z.optional(z.object({ id: z.optional(z.string()), name: z.string(), claimedAt: z.optional(IsoTime) })),
  /** when the county posted it to the board (揭榜领案) */
  boardSince: z.optional(IsoTime),
  /** 专班: the staff users the county put on the case; each sees it and may act on it as their role allows */
  team: z.optional(z.array(z.object({ id: z.string(), name: z.string() }))),
});
export type Backlog = z.infer<typeof Backlog>;

/**
 * 一个案件、一名领导、一个专班: the staff users a backlog case is assigned to, its lead official when the lead is an
 * account (named from the staff list, or who claimed it from the board) and its team. Each sees the case and acts on
 * it as their role allows.
 */
export function backlogMembers(b: Backlog | undefined): string[] {
  if (!b) return [];
  return [...new Set([...(b.leadOfficial?.id ? [b.leadOfficial.id] : []), ...(b.team ?? []).map((m) => m.id)])];
}
export const onBacklogCase = (b: Backlog | undefined, userId: string) => backlogMembers(b).includes(userId);

/** GET /staff/board: a posted case without personal data (category, township, age), and who claimed it. */
export const BoardRow = z.object({
  id: Id,
  trackingCode: z.string(),
  categoryName: z.string(),
  townshipName: z.string(),
  status: Status,
  backlogClass: BacklogClass,
  ageDays: z.number(),
  boardSince: IsoTime,
  lead: z.optional(z.object({ name: z.string(), claimedAt: z.optional(IsoTime) })),
});
export type BoardRow = z.infer<typeof BoardRow>;
