/**
 * Serves the H5 build (dist/h5) on this machine as CloudFront serves it deployed (functions/deploy/caching.ts):
 * hashed assets cached a year and immutable, index.html revalidated, text compressed with Brotli or gzip as the
 * browser asks; and prints a post's report-form URL beside a QR code for it. Used by the browser tests, the benchmark
 * and `npm start` (port 10086). Node only: not part of the app bundle.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import qrcode from 'qrcode-terminal';
import { cacheControlOf, compressible, contentTypeOf } from '../../functions/deploy/caching';
import { postLink, postLinkBase } from '../../shared/postLink';
import { buildInto } from './build';

export const H5_DIST = path.resolve(__dirname, '../../dist/h5');

export interface H5Server {
  url: string;
  close(): Promise<void>;
}

export interface StartedH5 extends H5Server {
  /** the base of the links the build's posters encode (shared/postLink.ts) */
  postLinkBase: string;
}

type Encoding = 'br' | 'gzip' | 'identity';

/** Brotli if the browser takes it, else gzip, else none (as CloudFront chooses). */
function encodingFor(req: IncomingMessage): Encoding {
  const accepted = String(req.headers['accept-encoding'] ?? '').toLowerCase();
  return /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : 'identity';
}

/** Each file compressed once per encoding (and again if it changes: a rebuild in place). */
const kept = new Map<string, { stamp: string; body: Buffer }>();
function encoded(file: string, wanted: Encoding): { encoding: Encoding; body: Buffer } {
  const raw = readFileSync(file);
  // CloudFront leaves objects under 1,000 bytes as they are
  const encoding = raw.length < 1000 ? 'identity' : wanted;
  if (encoding === 'identity') return { encoding, body: raw };
  const { mtimeMs, size } = statSync(file);
  const key = `${encoding}:${file}`;
  const stamp = `${mtimeMs}:${size}`;
  const hit = kept.get(key);
  if (hit?.stamp === stamp) return { encoding, body: hit.body };
  const body = encoding === 'br' ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }) : gzipSync(raw, { level: 9 });
  kept.set(key, { stamp, body });
  return { encoding, body };
}

export function serveH5(opts: { port?: number; host?: string; dir?: string } = {}): Promise<H5Server> {
  const dir = opts.dir ?? H5_DIST;
  const host = opts.host ?? '127.0.0.1';
  if (!existsSync(path.join(dir, 'index.html'))) {
    return Promise.reject(new Error(`no H5 build in ${dir}: run npm run build:h5 first`));
  }
  const server: Server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = path.join(dir, path.normalize(pathname).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) file = path.join(dir, 'index.html');
    const type = contentTypeOf(file);
    const { encoding, body } = encoded(file, compressible(type) ? encodingFor(req) : 'identity');
    res.writeHead(200, {
      'content-type': type,
      'cache-control': cacheControlOf(path.relative(dir, file)),
      vary: 'accept-encoding',
      ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
      'content-length': body.length,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://${host}:${port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

/** What `npm start` prints: the demo post's link, as its poster encodes it, and a QR code a phone can scan. */
export function printPostQr(linkBase: string, postId: string, postName: string): void {
  const url = postLink(linkBase, postId);
  qrcode.generate(url, { small: true }, (qr) => {
    console.log(`\n  report form for ${postName} (the link its poster's QR code encodes)\n  ${url}\n${qr}`);
  });
}

/**
 * For `npm start`: builds dist/h5 against the running API (reused when nothing changed), serves it on
 * 127.0.0.1:10086 (H5_PORT) and prints the demo post's report-form URL with a QR code. Posters printed from this
 * build encode POST_LINK_BASE, by default this very app, so a scan opens the report form here.
 */
export async function startH5(opts: { apiUrl: string; post: { id: string; name: string }; port?: number }): Promise<StartedH5> {
  const port = opts.port ?? Number(process.env.H5_PORT ?? 10086);
  const linkBase = postLinkBase({ ...process.env, H5_PORT: String(port) });
  await buildInto('h5', H5_DIST, { API_BASE_URL: opts.apiUrl, POST_LINK_BASE: linkBase });
  const server = await serveH5({ port });
  printPostQr(linkBase, opts.post.id, opts.post.name);
  return { ...server, postLinkBase: linkBase };
}
