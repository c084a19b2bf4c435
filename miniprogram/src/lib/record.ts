/**
 * The citizen's record (shared/contract/record.ts): 我的反映, one report and its public record, the anonymous tracking,
 * 认领 and the rating, through the one transport. Only subpackage pages use it, so the step table these answers need
 * stays out of the main package (lib/api.ts is the report's client).
 */
import { CITIZEN_RECORD } from '../../../shared/contract/record';
import type { RatingBody } from '../../../shared/steps';
import { clientOf } from './client';
import { request } from './request';

export type { MineItem, PetitionView, TimelineItem } from '../../../shared/schemas/petitionView';

const client = clientOf(CITIZEN_RECORD, request);

export const record = {
  mine: (cursor?: string) => client.mine({ query: { limit: 20, cursor } }),
  petition: client.petition,
  track: (code: string, secret: string) => client.track(code, { query: { secret } }),
  /** 认领: a case staff registered becomes this citizen's */
  claim: (trackingCode: string, secret: string) => client.claim({ body: { trackingCode, secret } }),
  rate: (id: string, body: RatingBody) => client.rate(id, { body }),
};
