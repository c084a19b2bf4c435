/**
 * The API function's HTTP events, which serverless.yml reads here: one per route of the contract (shared/contract),
 * so a route is declared once. The contract is TypeScript; tsx reads it.
 */
const { require: tsRequire } = require('tsx/cjs/api');

module.exports = () => {
  const { ROUTE_LIST } = tsRequire('../../shared/contract/index.ts', __filename);
  return ROUTE_LIST.map(({ route }) => ({ httpApi: { method: route.method, path: route.path } }));
};
