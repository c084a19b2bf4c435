/** Finding the route of a request: the server's route table and the API tests' answer check. */
/** `/petitions/{id}` as a matcher; literal segments win over parameters (`/petitions/mine`). */
export function compile<R extends { method: string; path: string }>(routes: readonly R[]) {
  const compiled = routes.map((r) => {
    const names: string[] = [];
    const pattern = r.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    return { route: r, regex: new RegExp(`^${pattern}$`), names, literal: names.length === 0 };
  });
  compiled.sort((a, b) => Number(b.literal) - Number(a.literal));
  return (method: string, path: string): { route: R; params: Record<string, string> } | { route?: undefined; pathMatched: boolean } => {
    let pathMatched = false;
    for (const c of compiled) {
      const m = c.regex.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (c.route.method !== method) continue;
      const params: Record<string, string> = {};
      c.names.forEach((n, i) => {
        params[n] = decodeURIComponent(m[i + 1] ?? '');
      });
      return { route: c.route, params };
    }
    return { pathMatched };
  };
}
