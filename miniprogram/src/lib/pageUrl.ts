/**
 * A page's address, the one builder behind the route registries (routes.ts `urlOf`, booking/routes.ts `bookingUrl`,
 * staff/routes.ts `staffUrl`): `/<path>?<query>`, the query of the parameters that are non-empty strings, each
 * encoded. Pure, no Taro.
 */
export function pageUrl(path: string, params?: object): string {
  const query = Object.entries(params ?? {})
    .filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return `/${path}${query ? `?${query}` : ''}`;
}
