/**
 * How the H5 app's files are served: their types, and their caching (hashed assets a year and immutable, everything
 * else, index.html first of all, revalidated on every load); and which types are compressed. CloudFront serves the
 * objects as npm run deploy uploads them (site.ts), and the local H5 server (miniprogram/dev/serve.ts) serves the same.
 */
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** A webpack content hash in the name (`[name].[contenthash:8].js`, images `[name].[hash:8].png`). */
export const cacheControlOf = (key: string) => (/\.[0-9a-f]{8,}\.[a-z0-9]+$/i.test(key) ? IMMUTABLE : REVALIDATE);
export const contentTypeOf = (key: string) => TYPES[path.extname(key).toLowerCase()] ?? 'application/octet-stream';

/** What CloudFront compresses (gzip or Brotli, as the browser asks) when an object is 1,000 bytes to 10 MB. */
export const compressible = (contentType: string) => /^(text\/|application\/(json|javascript)|image\/svg\+xml)/.test(contentType);
