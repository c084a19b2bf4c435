/** The staff function: the centre's and the county's routes (routes/staff.ts), with every adapter. */
import { audit, bookings, experts, logins, org, outbox, partners, petitions, photos, wechat } from '../deps';
import { staffCaller } from '../usecases/auth';
import { httpEntry } from './entry';
import { STAFF_ROUTES } from './routes/staff';

export const handler = httpEntry('staff', STAFF_ROUTES, {
  adapters: { petitions, experts, org, bookings, logins, audit, outbox, partners, photos, wechat },
  staff: staffCaller,
});
