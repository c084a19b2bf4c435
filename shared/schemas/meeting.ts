/**
 * 会诊会议's request, apart from the booking schemas: it is a step's body (shared/steps.ts), and the step table is in
 * every citizen page's code, which need none of the rest.
 */
import * as z from 'zod/mini';
import { IsoTime, idOf } from './common';

/** 会诊会议 takes at most this many hosts at once (the lead and co-departments' receivers). */
export const MAX_MEETING_HOSTS = 8;

/**
 * 会诊会议: a multi-party video reception of a case's consultation: the hosts of its departments at one time, the
 * citizen optional; at least two parties.
 */
export const MeetingBody = z.strictObject({
  start: IsoTime,
  hostIds: z
    .array(idOf('参会接访人'), { error: '请选择参会的接访人' })
    .check(
      z.minLength(1, { error: '请至少选择一位参会的接访人' }),
      z.maxLength(MAX_MEETING_HOSTS, { error: `参会的接访人最多 ${MAX_MEETING_HOSTS} 位` }),
      z.refine((ids) => new Set(ids).size === ids.length, { error: '参会的接访人不能重复' }),
    ),
  withCitizen: z._default(z.boolean({ error: '请选择是否邀请群众参加' }), false),
}).check(z.refine((b) => b.hostIds.length >= 2 || b.withCitizen, { error: '会诊会议至少两方参加：请再选一位接访人，或邀请群众参加', path: ['hostIds'] }));
export type MeetingBody = z.infer<typeof MeetingBody>;
