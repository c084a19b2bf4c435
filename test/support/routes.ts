/** Every route of the contract with its handler, whichever function serves it: for the tests that walk every route. */
import { DOCS_ROUTES } from '../../functions/http/docsRoutes';
import { ROUTES as API_ROUTES } from '../../functions/http/routes';

export const ROUTES = [...API_ROUTES, ...DOCS_ROUTES];
