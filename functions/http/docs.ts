/** The docs function: GET /openapi.json, the API's description generated from the contract. It reads nothing. */
import { httpEntry } from './entry';
import { DOCS_ROUTES } from './routes/docs';

export const handler = httpEntry('docs', DOCS_ROUTES, { adapters: {} });
