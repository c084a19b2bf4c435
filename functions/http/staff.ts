/** The staff function: the case work of the staff pages (routes/staff.ts): the queue, the case file and its steps, 登记. */
import { audit, experts, hosts, org, outbox, petitions, photos, wechat } from '../deps';
import { staffCaller } from '../usecases/auth';
import { httpEntry } from './entry';
import { STAFF_ROUTES } from './routes/staff';

export const handler = httpEntry('staff', STAFF_ROUTES, { adapters: { petitions, experts, hosts, org, audit, outbox, photos, wechat }, staff: staffCaller });
