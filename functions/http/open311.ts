/** The Open311 function: GeoReport v2 for partner systems, each by its API key (routes/open311.ts). */
import { audit, org, partners, petitions, photos, wechat } from '../deps';
import { partnerCaller } from '../usecases/open311';
import { httpEntry } from './entry';
import { OPEN311_ROUTES } from './routes/open311';

export const handler = httpEntry('open311', OPEN311_ROUTES, { adapters: { petitions, org, partners, audit, photos, wechat }, partner: partnerCaller });
