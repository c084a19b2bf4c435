/** The admin function: the staff routes but the case work (routes/admin.ts): figures, settings, people, receptions. */
import { audit, bookings, logins, org, outbox, partners, petitions } from '../deps';
import { staffCaller } from '../usecases/auth';
import { httpEntry } from './entry';
import { ADMIN_ROUTES } from './routes/admin';

export const handler = httpEntry('admin', ADMIN_ROUTES, { adapters: { petitions, org, bookings, logins, audit, outbox, partners }, staff: staffCaller });
