/**
 * The sweep (督哨): for each county, read only the petitions whose next alert has fallen due (the byAlert index),
 * and apply what `supervise` decides under the same version condition as every other step. A second sweep, or
 * one running at the same moment, re-reads and finds nothing left to do, so each alert is raised once.
 */
import { messageFor } from '../../shared/notifications';
import { supervisingCentres, type Org } from '../../shared/routing';
import { supervise, type Alert, type SupervisionPolicy } from '../../shared/supervision';
import type { Petition } from '../../shared/schemas/petition';
import type { Clock, OrgRepository, PetitionRepository } from '../ports';

export interface SweepReport {
  at: string;
  examined: number;
  /** what each petition acted on was told, and the level that supervises it now (none: nobody above its owner) */
  acted: Array<{ id: string; trackingCode: string; alerts: Alert[]; supervisedBy?: Petition['level'] }>;
}

const ATTEMPTS = 5;

export async function sweep(
  deps: { petitions: PetitionRepository; org: OrgRepository; clock: Clock },
  policy: SupervisionPolicy,
  now: Date = deps.clock.now(),
): Promise<SweepReport> {
  const org = await deps.org.load();
  const report: SweepReport = { at: now.toISOString(), examined: 0, acted: [] };
  for (const county of [...org.nodes.values()].filter((n) => n.kind === 'county')) {
    let cursor: string | undefined;
    do {
      const page = await deps.petitions.listAlerts(county.id, now, { limit: 100, cursor });
      for (const row of page.items) {
        report.examined += 1;
        const acted = await superviseOne(deps.petitions, row.id, now, policy, org);
        if (acted) report.acted.push(acted);
      }
      cursor = page.cursor;
    } while (cursor);
  }
  return report;
}

async function superviseOne(
  petitions: PetitionRepository,
  id: string,
  now: Date,
  policy: SupervisionPolicy,
  org: Org,
) {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const p = await petitions.get(id);
    if (!p) return undefined;
    const decisions = supervise(p, now, policy, supervisingCentres(org, p));
    if (decisions.length === 0) return undefined;
    const next: Petition = decisions.reduce((acc, d) => ({ ...acc, ...d.patch }), p);
    next.version = p.version + decisions.length;
    const events = decisions.map((d, i) => ({ ...d.event, seq: p.version + 1 + i }));
    // The citizen hears of the latest public alert only: one message per sweep, however late the sweep.
    const message = events.map((e) => messageFor(next, e)).filter((m) => m !== undefined).at(-1);
    if (await petitions.applyTransition(p, next, events, message ? [message] : [])) {
      return { id: p.id, trackingCode: p.trackingCode, alerts: events.map((e) => e.action as Alert), supervisedBy: next.supervisedBy?.level };
    }
  }
  return undefined;
}
