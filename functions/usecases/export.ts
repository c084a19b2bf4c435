/**
 * The CSV export of a period's petitions in the caller's scope (the dashboard's scope): read page by page from the
 * queue index by registration time, one row per petition, phones masked, for Excel (UTF-8 with a BOM, CRLF).
 */
import { ValidationError } from '../../shared/errors';
import { CHANNEL_LABELS, RATING_LABELS, STATUS_LABELS } from '../../shared/labels';
import { EXPORT_MAX_DAYS, EXPORT_TOO_LONG } from '../../shared/schemas/staff';
import type { PetitionSummary } from '../../shared/schemas/petition';
import type { Deps, StaffCaller } from './context';
import { figureScope, periodOf } from './dashboard';
import { staffSummary } from './views';

/** Rows read per query, and the most one export may hold (a Lambda answer stays far below its 6 MB). */
const PAGE = 500;
export const EXPORT_MAX_ROWS = 10_000;

const HOUR = 3_600_000;
/** China time as `YYYY-MM-DD HH:mm`, empty when absent. */
const chinaTime = (iso?: string) => (iso ? new Date(Date.parse(iso) + 8 * HOUR).toISOString().slice(0, 16).replace('T', ' ') : '');

type Row = ReturnType<typeof staffSummary>;
const COLUMNS: Array<[header: string, cell: (r: Row) => string]> = [
  ['跟踪码', (r) => r.trackingCode],
  ['登记时间', (r) => chinaTime(r.createdAt)],
  ['乡镇（苏木）', (r) => r.townshipName],
  ['办理中心', (r) => r.centreName],
  ['诉求类型', (r) => r.categoryName],
  ['渠道', (r) => CHANNEL_LABELS[r.channel]],
  ['状态', (r) => STATUS_LABELS[r.status]],
  ['当前步骤期限', (r) => chinaTime(r.dueAt)],
  ['办理期限', (r) => chinaTime(r.resolveDueAt)],
  ['是否逾期', (r) => (r.overdue ? '是' : '否')],
  ['评价', (r) => (r.rating ? RATING_LABELS[r.rating] : '')],
  ['回访结果', (r) => (!r.followUpResult ? '' : !r.followUpResult.reached ? '未联系上' : r.followUpResult.rating ? `已回访：${RATING_LABELS[r.followUpResult.rating]}` : '已回访')],
  ['联系电话（已脱敏）', (r) => r.phoneMasked ?? ''],
];

/** One CSV cell: quoted when it must be, and never read by Excel as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: Row[]): string {
  const lines = [COLUMNS.map(([h]) => h), ...rows.map((r) => COLUMNS.map(([, f]) => f(r)))].map((cells) => cells.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function exportPetitions(deps: Deps, caller: StaffCaller, q: { from?: string; to?: string; townshipId?: string }) {
  const org = await deps.org.load();
  const { scope, id } = figureScope(caller, org, q.townshipId);
  const now = deps.clock.now();
  const { from, to } = periodOf(q, now, EXPORT_MAX_DAYS, EXPORT_TOO_LONG);
  const start = new Date(`${from}T00:00:00+08:00`).toISOString();
  const end = new Date(Date.parse(`${to}T00:00:00+08:00`) + 24 * HOUR - 1).toISOString();
  const found: PetitionSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.petitions.listRegistered(scope, start, end, { limit: PAGE, cursor });
    found.push(...page.items);
    cursor = page.cursor;
    if (found.length > EXPORT_MAX_ROWS) {
      const message = `该区间的诉求超过 ${EXPORT_MAX_ROWS} 条，请缩短区间分次导出`;
      throw new ValidationError(message, [{ path: 'query.to', message }]);
    }
  } while (cursor);
  return {
    filename: `shaogang-${id}-${from}-${to}.csv`,
    csv: toCsv(found.map((p) => staffSummary(p, org, now, deps.supervision))),
    rows: found.length,
  };
}
