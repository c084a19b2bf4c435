/**
 * The HTTP functions' events, which serverless.yml reads here: one per route of the contract (shared/contract), so a
 * route is declared once. Each HTTP function serves some groups of the contract (FUNCTION_GROUPS), its route table in
 * functions/http/routes/ binds the same groups, and tests check they agree. The contract is TypeScript; tsx reads it.
 */
const { require: tsRequire } = require('tsx/cjs/api');

const gatewayPath = (path) => path.replace(/\{(\w+)\}\.json$/, '{$1}');

const eventsOf = (served) => {
  const { ROUTE_LIST } = tsRequire('../../shared/contract/index.ts', __filename);
  // API Gateway takes a parameter only as a whole segment: Open311's `{service_code}.json` is routed as
  // `{service_code}`, and the API's own matcher reads the `.json` (functions/http/entry.ts)
  return ROUTE_LIST.filter(({ name }) => served(name.split('.')[0])).map(({ route }) => ({ httpApi: { method: route.method, path: gatewayPath(route.path) } }));
};

/** Which groups of the contract each HTTP function serves: a function apiece keeps each bundle to its routes' code. */
const FUNCTION_GROUPS = { citizen: ['citizen', 'booking'], staff: ['staff'], open311: ['open311'], docs: ['meta'] };

for (const [fn, groups] of Object.entries(FUNCTION_GROUPS)) module.exports[fn] = () => eventsOf((group) => groups.includes(group));
module.exports.FUNCTION_GROUPS = FUNCTION_GROUPS;

module.exports.gatewayPath = gatewayPath;
