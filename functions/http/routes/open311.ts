/** The Open311 function's route table: GeoReport v2 for partner systems (the county's 12345 hotline and others). */
import { OPEN311 } from '../../../shared/contract/open311';
import type { RouteGroup } from '../../../shared/contract/route';
import * as open311 from '../../usecases/open311';
import { bindAll, withStatus, type Handlers, type Route } from '../bind';

/** The filters of a list query as sent, for its next page's link (never the key: the partner sends its own again). */
function nextQuery(q: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(q).filter(([k, v]) => v !== undefined && k !== 'api_key' && k !== 'page').map(([k, v]) => [k, String(v)]));
}

const HANDLERS: Handlers<{ open311: typeof OPEN311 }> = {
  open311: {
    discovery: async ({ origin }) => open311.discovery(origin),
    services: (_req, deps) => open311.services(deps),
    service: ({ params }, deps) => open311.service(deps, params.service_code),
    submit: async ({ caller, body }, deps) => {
      const out = await open311.submit(deps, caller, body);
      return withStatus(out.created ? 201 : 200, out.answer);
    },
    requests: async ({ caller, query, origin }, deps) => {
      const page = await open311.requests(deps, caller, query);
      // the spec's answer is a bare list: the next page is a Link header, as the paging extension has it
      const next = page.cursor ? `${origin}/open311/v2/requests.json?${new URLSearchParams({ ...nextQuery(query), page: page.cursor })}` : undefined;
      return withStatus(200, page.items, next ? { link: `<${next}>; rel="next"` } : {});
    },
    request: ({ caller, params }, deps) => open311.request(deps, caller, params.service_request_id),
    token: ({ caller, params }, deps) => open311.token(deps, caller, params.token),
  },
};

export const OPEN311_ROUTES: Route[] = bindAll({ open311: OPEN311 } as unknown as RouteGroup, HANDLERS);
