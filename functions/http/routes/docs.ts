/**
 * The docs function's route table: the API's own description, GET /openapi.json, generated from the whole contract.
 * A function of its own so that the JSON Schema generator stays out of the other functions' bundles.
 */
import { CONTRACT, ROUTE_LIST, type Contract } from '../../../shared/contract';
import { openApiDocument } from '../../../shared/contract/openapi';
import type { RouteGroup } from '../../../shared/contract/route';
import { bindAll, type Handlers, type Route } from '../bind';

let document: Record<string, unknown> | undefined;

const HANDLERS: Handlers<Pick<Contract, 'meta'>> = {
  meta: {
    openapi: async () => (document ??= openApiDocument(ROUTE_LIST, { title: '哨岗 Shaogang API', version: '1' })),
  },
};

export const DOCS_ROUTES: Route[] = bindAll({ meta: CONTRACT.meta } as unknown as RouteGroup, HANDLERS);
