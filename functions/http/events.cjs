/**
 * The HTTP functions' events, which serverless.yml reads here: one per route of the contract (shared/contract), so a
 * route is declared once. Each HTTP function serves the routes functions.ts gives it, its route table in
 * functions/http/routes/ binds the same, and tests check they agree. The contract is TypeScript; tsx reads it.
 */
const { require: tsRequire } = require('tsx/cjs/api');

const gatewayPath = (path) => path.replace(/\{(\w+)\}\.json$/, '{$1}');

const eventsOf = (served) => {
  const { ROUTE_LIST } = tsRequire('../../shared/contract/index.ts', __filename);
  // API Gateway takes a parameter only as a whole segment: Open311's `{service_code}.json` is routed as
  // `{service_code}`, and the API's own matcher reads the `.json` (functions/http/entry.ts)
  return ROUTE_LIST.filter(({ name }) => served(name)).map(({ route }) => ({ httpApi: { method: route.method, path: gatewayPath(route.path) } }));
};

const { FUNCTIONS, functionOf } = tsRequire('./functions.ts', __filename);

// each HTTP function's events: the routes functions.ts gives it
for (const fn of FUNCTIONS) module.exports[fn] = () => eventsOf((name) => functionOf(name) === fn);
module.exports.FUNCTIONS = FUNCTIONS;

module.exports.gatewayPath = gatewayPath;
