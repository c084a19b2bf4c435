/**
 * The sender: every message due in the outbox goes out as a WeChat subscribe message, spending one of the citizen's
 * consents for its template. Without a consent nothing is sent (the platform's rule). A failed send is tried again
 * after 1, 5, 15 and 60 minutes, then parked as failed with WeChat's reason.
 */
import { MAX_ATTEMPTS, RETRY_MINUTES, TEMPLATES, type Template } from '../../shared/notifications';
import { chinaDate } from '../../shared/timeLimits';
import type { Deps } from './context';

export interface SendReport {
  sent: string[];
  retrying: string[];
  failed: string[];
  skipped: string[];
}

const MINUTE = 60_000;
const LEASE_MINUTES = 2;

export async function sendDue(deps: Pick<Deps, 'outbox' | 'org' | 'wechat' | 'templates'>, now: Date): Promise<SendReport> {
  const report: SendReport = { sent: [], retrying: [], failed: [], skipped: [] };
  const org = await deps.org.load();
  for (const county of [...org.nodes.values()].filter((n) => n.kind === 'county')) {
    let cursor: string | undefined;
    do {
      const page = await deps.outbox.due(county.id, now, { limit: 50, cursor });
      for (const m of page.items) {
        const claimed = await deps.outbox.claim(m.id, new Date(now.getTime() + LEASE_MINUTES * MINUTE));
        if (!claimed) continue;
        const { message, attempts } = claimed;
        // Booking reminders written before templates existed carry no template: they are reminders.
        const template: Template = TEMPLATES.includes(message.template) ? message.template : 'reminder';
        if (!(await deps.outbox.takeConsent(message.openid, template))) {
          await deps.outbox.park(message.id, 'skipped', 'not_subscribed');
          report.skipped.push(message.id);
          continue;
        }
        const result = await deps.wechat.sendSubscribeMessage({
          openid: message.openid,
          templateId: deps.templates[template],
          page: message.page ?? 'pages/index/index',
          data: { thing1: message.title, thing2: message.body, date3: chinaDate(new Date(message.dueAt)) },
        });
        if (result.ok) {
          await deps.outbox.sent(message.id);
          report.sent.push(message.id);
          continue;
        }
        // The consent was not used up by a send that did not happen; a refusal is final and keeps nothing back.
        if (!result.permanent) await deps.outbox.refundConsent(message.openid, template);
        const wait = RETRY_MINUTES[attempts - 1];
        if (result.permanent || attempts >= MAX_ATTEMPTS || wait === undefined) {
          await deps.outbox.park(message.id, 'failed', result.reason);
          report.failed.push(message.id);
        } else {
          await deps.outbox.retryAt(message.id, new Date(now.getTime() + wait * MINUTE), result.reason);
          report.retrying.push(message.id);
        }
      }
      cursor = page.cursor;
    } while (cursor);
  }
  return report;
}

export async function subscribe(deps: Pick<Deps, 'outbox'>, openid: string, templates: Template[]) {
  await deps.outbox.addConsent(openid, [...new Set(templates)]);
  return { ok: true as const };
}
