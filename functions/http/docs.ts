/** The docs function: GET /openapi.json, the API's description generated from the contract. */
import { DOCS_ROUTES } from './docsRoutes';
import { httpEntry } from './entry';

export const handler = httpEntry(DOCS_ROUTES);
