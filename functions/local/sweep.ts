/**
 * `npm run sweep -- --now 2026-12-01T09:00:00+08:00`: the supervision sweep against the local stack (`npm start`)
 * as if it were that time, printing what it did. Without --now it sweeps at the present moment.
 */
import { config } from '../config';
import { makeDeps, supervisionPolicy } from '../deps';
import { warnSweep } from '../usecases/warnings';
import { sendDue } from '../usecases/notifications';
import { sweep } from '../usecases/supervision';
import { LOCAL_JWT_SECRET } from './ports';

async function main() {
  const i = process.argv.indexOf('--now');
  const nowArg = i >= 0 ? process.argv[i + 1] : undefined;
  const now = nowArg ? new Date(nowArg) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error(`--now must be a date and time, e.g. 2026-12-01T09:00:00+08:00 (got ${nowArg})`);
  const cfg = config({
    STAGE: 'local',
    TABLE_NAME: process.env.TABLE_NAME_OVERRIDE ?? 'shaogang-local',
    DYNAMODB_ENDPOINT: process.env.DYNAMODB_ENDPOINT ?? `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? 8000}`,
    JWT_SECRET: LOCAL_JWT_SECRET,
    WECHAT_APPID: 'wx-local-appid',
    WECHAT_SECRET: 'local-secret',
    WECHAT_API_BASE: `http://127.0.0.1:${process.env.WECHAT_PORT ?? 3100}`,
    NEAR_DUE_SHARE: process.env.NEAR_DUE_SHARE,
    NEAR_DUE_MIN_HOURS: process.env.NEAR_DUE_MIN_HOURS,
    OVERDUE_GRACE_HOURS: process.env.OVERDUE_GRACE_HOURS,
  });
  const deps = makeDeps(cfg);
  const report = await sweep(deps, supervisionPolicy(cfg), now);
  console.log(`swept at ${report.at}: ${report.examined} due, ${report.acted.length} acted on`);
  for (const a of report.acted) console.log(`  ${a.trackingCode}  ${a.alerts.join(' → ')}${a.supervisedBy ? `  (supervised by the ${a.supervisedBy} level)` : ''}`);
  const sends = await sendDue(deps, now);
  const warned = await warnSweep(deps, now);
  console.log(`early warnings (未诉先办) up to ${warned.day}: ${warned.townships} townships read, ${warned.raised.length} raised`);
  for (const w of warned.raised) console.log(`  ${w.townshipId} ${w.key}: ${w.count}`);
  console.log(
    `notifications: ${sends.sent.length} sent, ${sends.retrying.length} to retry, ${sends.failed.length} failed, ${sends.skipped.length} not subscribed`,
  );
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
