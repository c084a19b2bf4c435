/** The scheduled sweep's Lambda entry: counts only in the log, never a petition's content. */
import { config } from './config';
import { makeDeps, supervisionPolicy } from './http/deps';
import { sweep } from './usecases/supervision';

let deps: ReturnType<typeof makeDeps> | undefined;

export async function handler(): Promise<{ examined: number; acted: number }> {
  const cfg = config();
  deps ??= makeDeps(cfg);
  const report = await sweep(deps, supervisionPolicy(cfg));
  const counts = report.acted.flatMap((a) => a.alerts).reduce<Record<string, number>>((m, a) => ({ ...m, [a]: (m[a] ?? 0) + 1 }), {});
  console.log(JSON.stringify({ sweep: report.at, examined: report.examined, acted: report.acted.length, ...counts }));
  return { examined: report.examined, acted: report.acted.length };
}
