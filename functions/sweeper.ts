/** The scheduled sweep's Lambda entry: counts only in the log, never a petition's content. */
import { config } from './config';
import { makeDeps, supervisionPolicy } from './http/deps';
import { sendDue } from './usecases/notifications';
import { sweep } from './usecases/supervision';

let deps: ReturnType<typeof makeDeps> | undefined;

/** Supervise what fell due, then send what the steps and alerts wrote to the outbox. */
export async function handler(): Promise<{ examined: number; acted: number; sent: number }> {
  const cfg = config();
  deps ??= makeDeps(cfg);
  const now = deps.clock.now();
  const report = await sweep(deps, supervisionPolicy(cfg), now);
  const sends = await sendDue(deps, now);
  const counts = report.acted.flatMap((a) => a.alerts).reduce<Record<string, number>>((m, a) => ({ ...m, [a]: (m[a] ?? 0) + 1 }), {});
  console.log(
    JSON.stringify({
      sweep: report.at,
      examined: report.examined,
      acted: report.acted.length,
      ...counts,
      sent: sends.sent.length,
      retrying: sends.retrying.length,
      failed: sends.failed.length,
      skipped: sends.skipped.length,
    }),
  );
  return { examined: report.examined, acted: report.acted.length, sent: sends.sent.length };
}
