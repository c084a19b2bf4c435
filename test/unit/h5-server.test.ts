/**
 * The local H5 server serves the build as CloudFront serves it deployed: Brotli or gzip as the browser asks (text
 * of 1,000 bytes or more), hashed assets kept a year, index.html and the rest revalidated, any other path the app.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveH5, type H5Server } from '../../miniprogram/dev/serve';

const dir = mkdtempSync(path.join(tmpdir(), 'h5-serve-'));
const APP = `/* app */ ${'console.log("哨岗");'.repeat(200)}`;
const INDEX = `<!doctype html><html lang="zh-CN"><head><script src="/js/app.1a2b3c4d.js"></script></head><body>${'<div></div>'.repeat(100)}</body></html>`;
const LOGO = Buffer.alloc(4000, 7);

/** A raw GET (fetch would undo the compression): status, headers and the bytes as sent. */
function get(url: string, acceptEncoding?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('the local H5 server', () => {
  let server: H5Server;
  beforeAll(async () => {
    mkdirSync(path.join(dir, 'js'));
    mkdirSync(path.join(dir, 'static'));
    writeFileSync(path.join(dir, 'index.html'), INDEX);
    writeFileSync(path.join(dir, 'js', 'app.1a2b3c4d.js'), APP);
    writeFileSync(path.join(dir, 'js', 'tiny.5e6f7a8b.js'), 'x=1');
    writeFileSync(path.join(dir, 'static', 'logo.0f1e2d3c.png'), LOGO);
    server = await serveH5({ dir });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('compresses text with Brotli, or gzip, as the browser asks; never an image, nor a file under 1,000 bytes', async () => {
    const br = await get(`${server.url}/js/app.1a2b3c4d.js`, 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(APP);
    expect(br.body.length).toBeLessThan(Buffer.byteLength(APP) / 10);
    expect(br.headers.vary).toBe('accept-encoding');

    const gz = await get(`${server.url}/js/app.1a2b3c4d.js`, 'gzip, deflate');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(APP);

    const plain = await get(`${server.url}/js/app.1a2b3c4d.js`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(APP);

    const png = await get(`${server.url}/static/logo.0f1e2d3c.png`, 'gzip, br');
    expect([png.headers['content-encoding'], png.headers['content-type'], png.body.equals(LOGO)]).toEqual([undefined, 'image/png', true]);
    expect((await get(`${server.url}/js/tiny.5e6f7a8b.js`, 'br')).headers['content-encoding']).toBeUndefined();
  });

  it('keeps hashed assets a year and revalidates index.html; any other path is the app', async () => {
    expect((await get(`${server.url}/js/app.1a2b3c4d.js`)).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const index = await get(`${server.url}/`, 'gzip');
    expect([index.status, index.headers['cache-control'], index.headers['content-type']]).toEqual([200, 'no-cache', 'text/html; charset=utf-8']);
    expect(gunzipSync(index.body).toString()).toBe(INDEX);
    const deep = await get(`${server.url}/p/babao-baiyanggou-p1`);
    expect([deep.headers['cache-control'], deep.body.toString()]).toEqual(['no-cache', INDEX]);
    expect((await get(`${server.url}/../../etc/passwd`)).body.toString()).toBe(INDEX);
  });
});
