/**
 * The API function's HTTP events, which serverless.yml reads here: one per route of the contract (shared/contract),
 * so a route is declared once. The contract is TypeScript; tsx reads it.
 */
const { require: tsRequire } = require('tsx/cjs/api');

const gatewayPath = (path) => path.replace(/\{(\w+)\}\.json$/, '{$1}');

module.exports = () => {
  const { ROUTE_LIST } = tsRequire('../../shared/contract/index.ts', __filename);
  // API Gateway takes a parameter only as a whole segment: Open311's `{service_code}.json` is routed as
  // `{service_code}`, and the API's own matcher reads the `.json` (functions/http/api.ts)
  return ROUTE_LIST.map(({ route }) => ({ httpApi: { method: route.method, path: gatewayPath(route.path) } }));
};

module.exports.gatewayPath = gatewayPath;
