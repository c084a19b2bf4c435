/** The scheduled sweep's Lambda entry: what it acted on, as counts in its log line and its metrics, never a petition's content. */
import type { Context } from 'aws-lambda';
import { config } from './config';
import { lambdaDeps, org, outbox, petitions, supervisionPolicy, wechat } from './deps';
import type { Alert } from '../shared/supervision';
import { count, invocation, logger, observeAws } from './telemetry';
import { sendDue } from './usecases/notifications';
import { sweep } from './usecases/supervision';
import { warnSweep } from './usecases/warnings';

/** Metric names of the alerts a sweep raises (shared/supervision.ts `Alert`). */
const ALERT_METRIC: Record<Alert, string> = { remind: 'NearDueReminders', urge: 'DueUrges', overdue: 'OverdueMarks', consult_remind: 'ConsultReminders', rate_remind: 'RatingReminders', rate_close: 'RatingTimeouts' };

/** Supervise what fell due, then send what the steps and alerts wrote to the outbox. */
export function handler(_event?: unknown, context?: Context): Promise<{ examined: number; acted: number; sent: number }> {
  return invocation('sweeper', context, async () => {
    const cfg = config();
    const deps = await lambdaDeps(observeAws, { petitions, org, outbox, wechat });
    await deps.clock.sync?.();
    const now = deps.clock.now();
    const report = await sweep(deps, supervisionPolicy(cfg), now);
    const sends = await sendDue(deps, now);
    // 未诉先办 once an hour (the first sweep of each hour): its reads follow the townships, not the petitions
    const warned = now.getUTCMinutes() < 5 ? await warnSweep(deps, now) : undefined;
    const counts: Record<string, number> = {
      SweepExamined: report.examined,
      SweepActedOn: report.acted.length,
      ...Object.fromEntries(Object.values(ALERT_METRIC).map((name) => [name, 0])),
      NotificationsSent: sends.sent.length,
      NotificationsRetrying: sends.retrying.length,
      NotificationsFailed: sends.failed.length,
      NotificationsSkipped: sends.skipped.length,
      WarningsRaised: warned?.raised.length ?? 0,
    };
    for (const a of report.acted.flatMap((x) => x.alerts)) counts[ALERT_METRIC[a]] = (counts[ALERT_METRIC[a]] ?? 0) + 1;
    // every count, zeros too: an alarm on failures needs a value in each period, not a gap
    for (const [name, n] of Object.entries(counts)) count(name, n);
    logger.info('sweep', { sweep: report.at, ...counts });
    return { examined: report.examined, acted: report.acted.length, sent: sends.sent.length };
  });
}
