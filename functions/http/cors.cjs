/**
 * The origins browsers may call the API from, for the CORS answer of API Gateway (and serverless offline), which
 * serverless.yml reads here: APP_ORIGINS, a comma list such as `https://sg.example.cn`. Unset on the local stage,
 * any origin (the H5 app runs on another port); on any other stage it must be set, and never `*`.
 */
module.exports = async ({ resolveVariable }) => {
  const stage = await resolveVariable('sls:stage');
  const origins = (process.env.APP_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  if (origins.length === 0) {
    if (stage === 'local') return ['*'];
    throw new Error(`APP_ORIGINS is required on the ${stage} stage: the app's origins, comma separated (e.g. https://sg.example.cn)`);
  }
  const bad = origins.find((o) => !/^https?:\/\/[a-z0-9.-]+(:\d+)?$/i.test(o));
  if (bad) throw new Error(`APP_ORIGINS: "${bad}" is not an origin (scheme://host[:port], no path, no *)`);
  return origins;
};
