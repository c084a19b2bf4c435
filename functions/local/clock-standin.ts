/**
 * A time server for the local stack and tests: it answers `GET /` with `{ now }`, the real time moved by an offset.
 * `PUT / {now}` moves it to that instant (time then runs on from there), `DELETE /` puts it back to the real time.
 * An API started with CLOCK_URL pointing here reads its time from it on every invocation (adapters/clock).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RunningClock {
  url: string;
  stop(): Promise<void>;
}

export async function startClockStandin(port = 0): Promise<RunningClock> {
  let offsetMs = 0;
  const server: Server = createServer((req, res) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (data += c));
    req.on('end', () => {
      const answer = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.method === 'PUT') {
        const t = Date.parse((JSON.parse(data || '{}') as { now?: string }).now ?? '');
        if (Number.isNaN(t)) return answer(400, { error: 'now must be an ISO instant' });
        offsetMs = t - Date.now();
      } else if (req.method === 'DELETE') {
        offsetMs = 0;
      } else if (req.method !== 'GET') {
        return answer(405, { error: 'GET, PUT or DELETE' });
      }
      answer(200, { now: new Date(Date.now() + offsetMs).toISOString() });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
