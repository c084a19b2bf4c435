/**
 * The H5 build into its bucket: each file with its type and caching. Hashed assets (`name.0123abcd.js`) never change
 * under their name, so browsers and CloudFront keep them a year; everything else, index.html first of all, is
 * revalidated on every load so a deploy is seen at once. Assets go first, index.html last: a new page never points
 * at a file not there yet, and the old assets stay for pages already open.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';

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

function files(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name), base) : [path.relative(base, path.join(dir, e.name)).split(path.sep).join('/')],
  );
}

export async function uploadSite(s3: S3Client, bucket: string, dir: string): Promise<Array<{ key: string; cacheControl: string }>> {
  const keys = files(dir).sort((a, b) => Number(a === 'index.html') - Number(b === 'index.html') || a.localeCompare(b));
  const done: Array<{ key: string; cacheControl: string }> = [];
  for (const key of keys) {
    const cacheControl = cacheControlOf(key);
    await s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: key, Body: readFileSync(path.join(dir, key)), ContentType: contentTypeOf(key), CacheControl: cacheControl }),
    );
    done.push({ key, cacheControl });
  }
  return done;
}
