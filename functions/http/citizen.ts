/** The citizen function: the app's citizen routes and the reception bookings (routes/citizen.ts). */
import { bookings, org, outbox, petitions, photos, wechat } from '../deps';
import { httpEntry } from './entry';
import { CITIZEN_ROUTES } from './routes/citizen';

export const handler = httpEntry('citizen', CITIZEN_ROUTES, { adapters: { petitions, org, bookings, outbox, photos, wechat } });
