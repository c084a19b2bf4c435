/** View logic of the dashboard's figures: how a rate reads, and the county's ranking of its townships. */
import type { WarningRow } from '../../../../shared/schemas/warnings';

type Ratio = { numerator: number; denominator: number };

/** a rate as the page shows it, one decimal; a dash when there is nothing to divide by */
export const percent = (r: { numerator: number; denominator: number }) => (r.denominator > 0 ? `${((r.numerator / r.denominator) * 100).toFixed(1)}%` : '—');

export const RANKED_LABELS = {
  resolution: '化解率',
  timelyAcceptance: '及时受理率',
  onTimeCompletion: '按期办结率',
  satisfaction: '满意率',
  participation: '参评率',
  repeats: '重复信访占比',
  videoShare: '视频接访占比',
  mediation: '调处成功率',
} as const;
export type Ranked = keyof typeof RANKED_LABELS;

/** Highest rate first; a township with nothing to divide by last; ties by name. */
export function rankBy<T extends { name: string } & Record<Ranked, Ratio>>(rows: readonly T[], by: Ranked): T[] {
  const value = (r: T) => (r[by].denominator > 0 ? r[by].numerator / r[by].denominator : -1);
  return [...rows].sort((a, b) => value(b) - value(a) || a.name.localeCompare(b.name, 'zh'));
}

/** What a warning of 未诉先办 says, with its numbers (no township: the list or sheet names it). */
export function warningText(w: WarningRow): string {
  if (w.kind === 'rise') {
    const against = [w.against?.includes('mean3') ? '前三个月月均' : '', w.against?.includes('yearAgo') ? '上年同月' : ''].filter(Boolean).join('和');
    return `${w.subject}：本月至今 ${w.count} 件，前三个月月均 ${w.mean3 ?? 0} 件，上年同月 ${w.yearAgo ?? 0} 件（高于${against}）`;
  }
  return `${w.subject}：${w.from} 至 ${w.to} 登记 ${w.count} 件（聚集）`;
}
