/**
 * The ordinary-link URL a post's printed QR code encodes (README "The code on a post"): `<base>/?postId=<postId>`.
 * WeChat opens the mini-program with it (the `q` launch parameter), a browser opens the H5 report form; one parser
 * reads it back (miniprogram/src/lib/code.ts). The poster page and `npm start` both build it here.
 */

/** Where `npm start` serves the H5 app, and so where a scanned local code should lead. */
export const LOCAL_H5_PORT = 10086;

/**
 * The base a build puts into its codes: `POST_LINK_BASE` when set, else the H5 app that `npm start` serves
 * (`H5_PORT`, default 10086), so a scan on this machine opens the report form there.
 */
export function postLinkBase(env: Record<string, string | undefined>): string {
  return (env.POST_LINK_BASE || `http://127.0.0.1:${env.H5_PORT || LOCAL_H5_PORT}`).replace(/\/+$/, '');
}

export function postLink(base: string, postId: string): string {
  return `${base.replace(/\/+$/, '')}/?postId=${encodeURIComponent(postId)}`;
}

/**
 * The link a registration receipt's QR code encodes (回执, 认领): `<base>/?claim=<tracking code>-<query secret>`, on the
 * same base as the posts' codes, so WeChat opens the mini-program with it and a browser the H5 app; the home page
 * reads it (miniprogram/src/lib/code.ts claimFromUrl) and takes the citizen to the claim page.
 */
export function claimLink(base: string, trackingCode: string, secret: string): string {
  return `${base.replace(/\/+$/, '')}/?claim=${encodeURIComponent(`${trackingCode}-${secret}`)}`;
}
