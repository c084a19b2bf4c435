/**
 * The HTTP functions' events, which serverless.yml reads here: one per route of the contract (shared/contract), so a
 * route is declared once. The docs function serves the contract's `meta` group (the API's description), the API
 * function every other route. The contract is TypeScript; tsx reads it.
 */
const { require: tsRequire } = require('tsx/cjs/api');

const gatewayPath = (path) => path.replace(/\{(\w+)\}\.json$/, '{$1}');

const eventsOf = (served) => {
  const { ROUTE_LIST } = tsRequire('../../shared/contract/index.ts', __filename);
  // API Gateway takes a parameter only as a whole segment: Open311's `{service_code}.json` is routed as
  // `{service_code}`, and the API's own matcher reads the `.json` (functions/http/entry.ts)
  return ROUTE_LIST.filter(({ name }) => served(name.split('.')[0])).map(({ route }) => ({ httpApi: { method: route.method, path: gatewayPath(route.path) } }));
};

module.exports.api = () => eventsOf((group) => group !== 'meta');
module.exports.docs = () => eventsOf((group) => group === 'meta');

module.exports.gatewayPath = gatewayPath;
