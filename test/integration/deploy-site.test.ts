/** `npm run deploy` uploads the H5 build with each file's caching: tried against the S3 stand-in of the run. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { IMMUTABLE, REVALIDATE, uploadSite } from '../../functions/deploy/site';
import { stack } from '../support/worker';

const dir = mkdtempSync(path.join(tmpdir(), 'h5-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (rel: string, text: string) => {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), text);
};

describe('uploading the H5 app', () => {
  it('keeps hashed assets a year as immutable, revalidates index.html and anything unhashed, and sends index.html last', async () => {
    write('index.html', '<!doctype html><script src="/js/app.1a2b3c4d.js"></script>');
    write('js/app.1a2b3c4d.js', 'console.log(1)');
    write('css/app.5e6f7a8b.css', 'body{}');
    write('static/images/logo.0f1e2d3c.png', 'png');
    write('favicon.ico', 'ico');
    const { s3Endpoint } = stack();
    const s3 = new S3Client({ region: 'cn-northwest-1', endpoint: s3Endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
    const bucket = `h5-${Date.now().toString(36)}`;
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));

    const uploaded = await uploadSite(s3, bucket, dir);

    expect(uploaded.at(-1)).toEqual({ key: 'index.html', cacheControl: REVALIDATE });
    const head = async (key: string) => {
      const h = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return [h.CacheControl, h.ContentType];
    };
    expect(await head('index.html')).toEqual([REVALIDATE, 'text/html; charset=utf-8']);
    expect(await head('js/app.1a2b3c4d.js')).toEqual([IMMUTABLE, 'text/javascript; charset=utf-8']);
    expect(await head('css/app.5e6f7a8b.css')).toEqual([IMMUTABLE, 'text/css; charset=utf-8']);
    expect(await head('static/images/logo.0f1e2d3c.png')).toEqual([IMMUTABLE, 'image/png']);
    expect(await head('favicon.ico')).toEqual([REVALIDATE, 'image/x-icon']);
  });
});
