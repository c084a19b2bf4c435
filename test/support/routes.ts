/** Every route of the contract with its handler, whichever function serves it: for the tests that walk every route. */
import { ADMIN_ROUTES } from '../../functions/http/routes/admin';
import { CITIZEN_ROUTES } from '../../functions/http/routes/citizen';
import { DOCS_ROUTES } from '../../functions/http/routes/docs';
import { OPEN311_ROUTES } from '../../functions/http/routes/open311';
import { STAFF_ROUTES } from '../../functions/http/routes/staff';

export const ROUTES = [...CITIZEN_ROUTES, ...STAFF_ROUTES, ...ADMIN_ROUTES, ...OPEN311_ROUTES, ...DOCS_ROUTES];
