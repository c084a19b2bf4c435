/** The API function: every route of the contract but the API's description (docs.ts). */
import { ROUTES } from './routes';
import { httpEntry } from './entry';

export const handler = httpEntry(ROUTES);
