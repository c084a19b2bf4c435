import { serveH5 } from './miniprogram/dev/serve';
import { postLink } from './shared/postLink';
import { buildApp } from './test/support/appBuild';
import { openBrowser } from './test/support/browser';
import { startStack } from './test/support/stack';

(async () => {
  const stack = await startStack({ workers: 1, movable: false });
  const { apiUrl } = stack.infos[0]!;
  const server = await serveH5({ dir: await buildApp('h5') });
  for (let run = 0; run < 2; run++) {
    const browser = await openBrowser({ apiUrl });
    const { page } = browser;
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.enable');
    const bps = (1600 * 1000) / 8;
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: bps, uploadThroughput: bps });
    const t0 = { v: 0 };
    const reqs = new Map<string, { url: string; start: number; end?: number; bytes?: number }>();
    cdp.on('Network.requestWillBeSent', (e: any) => { reqs.set(e.requestId, { url: e.request.url, start: e.timestamp }); });
    cdp.on('Network.loadingFinished', (e: any) => { const r = reqs.get(e.requestId); if (r) { r.end = e.timestamp; r.bytes = e.encodedDataLength; } });
    await page.goto('about:blank');
    const started = Date.now();
    await page.goto(postLink(server.url, 'babao-baiyanggou-p1'), { waitUntil: 'commit' });
    await page.locator('#cat-land_dispute:visible').first().waitFor({ timeout: 120_000 });
    const ms = Date.now() - started;
    const first = Math.min(...[...reqs.values()].map((r) => r.start));
    console.log('run', run, ms, 'ms');
    for (const r of [...reqs.values()].sort((a, b) => a.start - b.start)) console.log(((r.start - first) * 1000).toFixed(0).padStart(6), ((r.end ?? 0) - first) * 1000 > 0 ? ((r.end! - first) * 1000).toFixed(0).padStart(6) : '     -', String(((r.bytes ?? 0) / 1024).toFixed(1)).padStart(6), r.url.replace(/^https?:\/\/[^/]+/, '').slice(0, 90));
    const perf = await page.evaluate(() => JSON.stringify(performance.getEntriesByType('paint').map((p) => [p.name, Math.round(p.startTime)])));
    console.log(perf);
    await browser.close();
  }
  await server.close();
  await stack.stop();
  process.exit(0);
})();
