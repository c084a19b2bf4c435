/**
 * The H5 build into its bucket: each file with its type and caching. Hashed assets (`name.0123abcd.js`) never change
 * under their name, so browsers and CloudFront keep them a year; everything else, index.html first of all, is
 * revalidated on every load so a deploy is seen at once. Assets go first, index.html last: a new page never points
 * at a file not there yet, and the old assets stay for pages already open.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { cacheControlOf, contentTypeOf } from './caching';

export { IMMUTABLE, REVALIDATE } from './caching';

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
