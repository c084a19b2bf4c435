/**
 * Where a post id comes from. A post's printed code is one of:
 * - an ordinary-link QR code: `https://<host>/p/<postId>` or any URL with `?postId=<postId>`; WeChat opens the
 *   app with the whole URL, URL-encoded, in the `q` launch parameter;
 * - a mini-program code: the `scene` parameter, at most 32 characters, `p=<postId>` (or the bare post id);
 * - in the browser (H5): the report page URL with `?postId=<postId>`.
 * Everything here is pure so that it is tested without Taro.
 */
const POST_ID = /^[A-Za-z0-9_-]{1,64}$/;
export const SCENE_MAX = 32;

function validId(s: string | null | undefined): string | null {
  return s && POST_ID.test(s) ? s : null;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The query string of a URL or path, including one after a `#` (the H5 hash router). */
function queryParams(url: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of url.split('#')) {
    const qs = part.includes('?') ? part.slice(part.indexOf('?') + 1) : '';
    for (const pair of qs.split('&')) {
      if (!pair) continue;
      const eq = pair.indexOf('=');
      const k = safeDecode(eq < 0 ? pair : pair.slice(0, eq));
      const v = safeDecode(eq < 0 ? '' : pair.slice(eq + 1).replace(/\+/g, ' '));
      if (!out.has(k)) out.set(k, v);
    }
  }
  return out;
}

/** A mini-program code's scene: `p=<postId>` or the bare id; longer than 32 characters is not a scene. */
export function postIdFromScene(scene: string): string | null {
  const s = safeDecode(scene).trim();
  if (!s || s.length > SCENE_MAX) return null;
  if (!s.includes('=')) return validId(s);
  for (const pair of s.split('&')) {
    const [k, v] = pair.split('=');
    if (k === 'p' || k === 'postId') return validId(v);
  }
  return null;
}

/** An ordinary-link QR code's URL (already decoded once or not): `/p/<id>` or `postId=<id>`. */
export function postIdFromUrl(raw: string): string | null {
  let url = raw.trim();
  // WeChat passes `q` URL-encoded; a code may even be encoded twice by a careless generator
  for (let i = 0; i < 2 && /^https?%3A/i.test(url); i++) url = safeDecode(url);
  if (!/^https?:\/\//i.test(url) && !url.startsWith('/') && !url.includes('?')) return null;
  const params = queryParams(url);
  const fromQuery = params.get('postId') ?? params.get('p');
  if (fromQuery !== undefined) return validId(fromQuery);
  const scene = params.get('scene');
  if (scene !== undefined) return postIdFromScene(scene);
  const path = url.replace(/^https?:\/\/[^/]+/i, '').split(/[?#]/)[0] ?? '';
  const m = /\/p\/([^/]+)\/?$/.exec(path);
  return m ? validId(safeDecode(m[1] ?? '')) : null;
}

export interface LaunchQuery {
  q?: string;
  scene?: string;
  postId?: string;
}

/** The post id from a page's launch query: explicit `postId`, then `q`, then `scene`. */
export function postIdFromLaunch(query: LaunchQuery | undefined): string | null {
  if (!query) return null;
  if (query.postId) return validId(safeDecode(query.postId));
  if (query.q) return postIdFromUrl(safeDecode(query.q));
  if (query.scene) return postIdFromScene(query.scene);
  return null;
}

/**
 * What `Taro.scanCode` read: a QR code's text in `result`, or, for a mini-program code of this app,
 * the page `path` with its `scene`.
 */
export function postIdFromScan(scan: { result?: string; path?: string }): string | null {
  if (scan.path) {
    const scene = queryParams(scan.path).get('scene');
    if (scene !== undefined) return postIdFromScene(scene);
    const id = postIdFromUrl(scan.path.startsWith('/') ? scan.path : `/${scan.path}`);
    if (id) return id;
  }
  if (scan.result) return postIdFromUrl(scan.result) ?? postIdFromScene(scan.result);
  return null;
}

/** A receipt's claim (shared/postLink.ts claimLink): the tracking code and its query secret. */
export interface Claim {
  trackingCode: string;
  secret: string;
}
const CLAIM = /^([A-Z0-9]{10})-?([A-HJ-NP-Z2-9]{12})$/;

/** `<code>-<secret>` (either case, the dash optional, as a mini-program code's scene `c=<code><secret>` has it). */
export function claimFromValue(raw: string | undefined): Claim | null {
  const m = CLAIM.exec(safeDecode(raw ?? '').trim().toUpperCase());
  return m ? { trackingCode: m[1]!, secret: m[2]! } : null;
}

/** A receipt's QR code URL (already decoded once or not): its `claim` parameter. */
export function claimFromUrl(raw: string): Claim | null {
  let url = raw.trim();
  for (let i = 0; i < 2 && /^https?%3A/i.test(url); i++) url = safeDecode(url);
  if (!url.includes('?')) return null;
  return claimFromValue(queryParams(url).get('claim'));
}

/** The claim from a page's launch query: `claim`, then the URL in `q`, then a scene `c=…`. */
export function claimFromLaunch(query: (LaunchQuery & { claim?: string }) | undefined): Claim | null {
  if (!query) return null;
  if (query.claim) return claimFromValue(query.claim);
  if (query.q) return claimFromUrl(safeDecode(query.q));
  if (query.scene) {
    const scene = safeDecode(query.scene);
    return scene.startsWith('c=') ? claimFromValue(scene.slice(2)) : null;
  }
  return null;
}
