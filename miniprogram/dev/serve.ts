/**
 * Serves the H5 build (dist/h5) on this machine, and prints a post's report-form URL beside a QR code for it.
 * Used by the browser test and meant for `npm start` (port 10086). Node only: not part of the app bundle.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import qrcode from 'qrcode-terminal';
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

/** The report form of a post in the H5 app: the code format of an ordinary-link QR code (`?postId=`). */
export function postUrl(appUrl: string, postId: string): string {
  return `${appUrl}/?postId=${encodeURIComponent(postId)}`;
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

/** What `npm start` prints: the demo post's form URL and a QR code a phone on the same machine can scan. */
export function printPostQr(appUrl: string, postId: string, postName: string): void {
  const url = postUrl(appUrl, postId);
  qrcode.generate(url, { small: true }, (qr) => {
    console.log(`\n  H5 app                     ${appUrl}\n  report form for ${postName}\n  ${url}\n${qr}`);
  });
}

/**
 * For `npm start`: builds dist/h5 against the running API (reused when nothing changed), serves it on
 * 127.0.0.1:10086 (H5_PORT) and prints the demo post's report-form URL with a QR code.
 */
export async function startH5(opts: { apiUrl: string; post: { id: string; name: string }; port?: number }): Promise<H5Server> {
  await buildInto('h5', H5_DIST, { API_BASE_URL: opts.apiUrl });
  const server = await serveH5({ port: opts.port ?? Number(process.env.H5_PORT ?? 10086) });
  printPostQr(server.url, opts.post.id, opts.post.name);
  return server;
}
