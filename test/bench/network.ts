/**
 * From a scan to the report form on a weak network: the H5 app (a test build, served as CloudFront serves it:
 * miniprogram/dev/serve.ts) in headless Chromium against the local stack, the post's link opened on an emulated
 * network (Chrome DevTools' presets: slow 3G 400 kbps / 400 ms, fast 3G 1.6 Mbps / 150 ms), timed until the form
 * shows the post's categories (so the post has come from the API). A first visit in a fresh profile (nothing cached),
 * then a repeat visit in the same profile; the bytes are what went over the wire. Median of three profiles.
 */
import { serveH5 } from '../../miniprogram/dev/serve';
import { postLink } from '../../shared/postLink';
import { buildApp } from '../support/appBuild';
import { openBrowser } from '../support/browser';

export interface NetworkRow {
  network: string;
  firstMs: number;
  firstKiB: number;
  repeatMs: number;
  repeatKiB: number;
}

const NETWORKS = [
  { network: 'slow 3G', kbps: 400, latencyMs: 400 },
  { network: 'fast 3G', kbps: 1600, latencyMs: 150 },
] as const;
const POST = 'babao-baiyanggou-p1';
const READY = '#cat-land_dispute';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function scanToForm(apiUrl: string, log: (s: string) => void): Promise<NetworkRow[]> {
  const server = await serveH5({ dir: await buildApp('h5') });
  try {
    const rows: NetworkRow[] = [];
    for (const n of NETWORKS) {
      const first: Array<[number, number]> = [];
      const repeat: Array<[number, number]> = [];
      for (let run = 0; run < 3; run++) {
        const browser = await openBrowser({ apiUrl });
        try {
          const { page } = browser;
          const cdp = await browser.context.newCDPSession(page);
          await cdp.send('Network.enable');
          const bytesPerSecond = (n.kbps * 1000) / 8;
          await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: n.latencyMs, downloadThroughput: bytesPerSecond, uploadThroughput: bytesPerSecond });
          let bytes = 0;
          cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
            bytes += e.encodedDataLength;
          });
          const visit = async (): Promise<[number, number]> => {
            bytes = 0;
            await page.goto('about:blank');
            const started = Date.now();
            await page.goto(postLink(server.url, POST), { waitUntil: 'commit' });
            await page.locator(`${READY}:visible`).first().waitFor({ timeout: 120_000 });
            return [Date.now() - started, bytes / 1024];
          };
          first.push(await visit());
          repeat.push(await visit());
        } finally {
          await browser.close();
        }
      }
      const row = {
        network: n.network,
        firstMs: median(first.map((x) => x[0])),
        firstKiB: median(first.map((x) => x[1])),
        repeatMs: median(repeat.map((x) => x[0])),
        repeatKiB: median(repeat.map((x) => x[1])),
      };
      log(`  ${n.network}: first ${row.firstMs} ms (${row.firstKiB.toFixed(0)} KiB), repeat ${row.repeatMs} ms (${row.repeatKiB.toFixed(0)} KiB)`);
      rows.push(row);
    }
    return rows;
  } finally {
    await server.close();
  }
}
