/**
 * Serves the H5 build (dist/h5) on this machine, and prints a post's report-form URL beside a QR code for it.
 * Used by the browser test and meant for `npm start` (port 10086). Node only: not part of the app bundle.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import qrcode from 'qrcode-terminal';
import { postLink, postLinkBase } from '../../shared/postLink';
import { buildInto } from './build';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export const H5_DIST = path.resolve(__dirname, '../../dist/h5');

export interface H5Server {
  url: string;
  close(): Promise<void>;
}

export interface StartedH5 extends H5Server {
  /** the base of the links the build's posters encode (shared/postLink.ts) */
  postLinkBase: string;
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
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    createReadStream(file).pipe(res);
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
