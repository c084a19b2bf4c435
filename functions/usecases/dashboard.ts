/**
 * The dashboard of a centre or the county: the four figures with numerator and denominator, counts by status,
 * category and township, the daily trend and what is overdue, all from counters and the due index.
 */
import { NotFoundError, ValidationError } from '../../shared/errors';
import { DASHBOARD_MAX_DAYS } from '../../shared/schemas/staff';
import { dashboardMonths, figuresOf, filerScope, monthsOf, periodYearBefore, ratio, type Ratio } from '../../shared/figures';
import { CHANNEL_LABELS } from '../../shared/labels';
import { CHANNELS } from '../../shared/schemas/common';
import { WAYS, WAY_LABELS } from '../../shared/schemas/booking';
import { townshipsOf, type Org } from '../../shared/routing';
import { chinaDate } from '../../shared/timeLimits';
import { onePerPlace } from '../../shared/warnings';
import type { FigureScope } from '../ports';
import type { Deps, StaffCaller } from './context';
import { queueScope } from './petitions';
import { staffSummary } from './views';

/** The definitions shown on the page beside the figures, in Chinese only (the English meaning is in shared/figures.ts). */
export const DEFINITIONS = {
  timelyAcceptance: '及时受理率 = 期内登记的诉求中，在受理时限内受理或依法不予受理的件数 ÷ 期内登记件数',
  onTimeCompletion: '按期办结率 = 办理期限落在期内的诉求中，按期办结的件数 ÷ 办理期限落在期内的件数（逾期未办结的计入分母）',
  satisfaction: '满意率 = （满意 + 基本满意）÷ 期内参评件数（群众未在小程序评价的，计回访时的评价）',
  participation: '参评率 = 期内参评件数 ÷ 期内办结件数（参评含群众未在小程序评价、回访时评价的）',
  resolution: '化解率 = 期内受理的诉求中，已办结且未被复诊（重新办理）的件数 ÷ 期内受理件数',
  repeats: '重复信访 = 期内登记的诉求中，标记为重复反映的件数；占比 = 该件数 ÷ 期内登记件数',
  videoShare: '视频接访占比 = 期内已接访的视频接访（云视讯）次数 ÷ （期内已接访的各方式接访次数 + 期内来访登记件数）',
  receptions: '接访次数 = 期内预约接访中记为“已接访”的次数，按接访日期（北京时间）和接访方式（视频、现场、电话）统计；取消和未到场的不计',
  channelShare: '渠道占比 = 该渠道期内登记件数 ÷ 期内登记件数',
  yearOnYear: '同比 = 上年同期（同月同日）的件数；增减 = 本期件数 − 上年同期件数',
  mediation:
    '调处成功率 = 期内首次办结的调解类诉求中，办结时记为“调解成功，达成协议”的件数 ÷ 期内首次办结的调解类诉求件数（调解类诉求类型由本县设定，未设定的为司法所办理的类型；办结时未记为调解成功的计为未成功）',
  batches: '批次 = 期内登记的件数（一次来访、来电、来信或一次反映为一批）；人次 = 这些登记记录的人数之和（登记时未填人数的计 1 人）',
};
const DAY = 86_400_000;

/**
 * Whose figures a caller asks for: centre staff their own township centre; a county supervisor or admin the county,
 * or one of its townships when they name it. Anything else does not exist for them (404).
 */
export function figureScope(caller: StaffCaller, org: Org, townshipId?: string): { scope: FigureScope; countyId: string; id: string; countyWide: boolean } {
  if (caller.role === 'handler' || caller.role === 'agent') throw new NotFoundError('未找到');
  const own = queueScope(caller, org);
  // 小事不出村: a village's staff read what their village holds and handled (its own counters)
  if (own.kind === 'village') {
    if (townshipId) throw new NotFoundError('未找到该乡镇（苏木）');
    return { scope: own, countyId: own.countyId, id: own.villageId, countyWide: false };
  }
  if (own.kind === 'department') throw new NotFoundError('未找到');
  const countyOf = (id: string) => org.nodes.get(id)?.path.split('/')[0] ?? '';
  if (own.kind === 'centre') {
    if (townshipId && townshipId !== own.centreId) throw new NotFoundError('未找到该乡镇（苏木）');
    return { scope: own, countyId: countyOf(own.centreId), id: own.centreId, countyWide: false };
  }
  if (!townshipId) return { scope: own, countyId: own.countyId, id: own.countyId, countyWide: true };
  const township = org.nodes.get(townshipId);
  if (!township || township.kind !== 'township' || countyOf(township.id) !== own.countyId) throw new NotFoundError('未找到该乡镇（苏木）');
  return { scope: { kind: 'centre', centreId: township.id }, countyId: own.countyId, id: township.id, countyWide: true };
}

/** The period in China calendar days: by default the 30 days up to today; at most `maxDays` days. */
export function periodOf(q: { from?: string; to?: string }, now: Date, maxDays: number, tooLong: string): { from: string; to: string } {
  const to = q.to ?? chinaDate(now);
  const from = q.from ?? chinaDate(new Date(Date.parse(`${to}T00:00:00+08:00`) - 29 * DAY));
  if (from > to) throw new ValidationError('开始日期不能晚于结束日期', [{ path: 'query.from', message: '开始日期不能晚于结束日期' }]);
  if ((Date.parse(to) - Date.parse(from)) / DAY + 1 > maxDays) throw new ValidationError(tooLong, [{ path: 'query.to', message: tooLong }]);
  return { from, to };
}

/**
 * An agent's figures (凡诉代办): what they filed for citizens, from their own counters (filed, resolved, rated,
 * satisfied and the rest of a centre's figures), no overdue list (their 我代办的 marks it), no township to choose.
 */
function agentScope(caller: StaffCaller, townshipId?: string) {
  if (townshipId) throw new NotFoundError('未找到该乡镇（苏木）');
  return { kind: 'agent' as const, id: filerScope(caller.id), name: caller.name };
}

export async function dashboard(deps: Deps, caller: StaffCaller, q: { from?: string; to?: string; townshipId?: string }) {
  const org = await deps.org.load();
  const agent = caller.role === 'agent' ? agentScope(caller, q.townshipId) : undefined;
  const { scope, countyId, id: scopeId, countyWide } = agent
    ? { scope: undefined, countyId: org.nodes.get(caller.scopeNodeId)?.path.split('/')[0] ?? '', id: agent.id, countyWide: false }
    : figureScope(caller, org, q.townshipId);
  const now = deps.clock.now();
  const { from, to } = periodOf(q, now, DASHBOARD_MAX_DAYS, '统计区间最长一年');
  // Two reads whatever the period: one BatchGetItem of the counters (the period's months and the same months a year
  // before, every shard, and now: at most 81 keys) with the warnings of the period's last month (one key more), and
  // one page of the overdue cases.
  const [counters, overdue] = await Promise.all([
    deps.petitions.figures(scopeId, dashboardMonths(from, to), to.slice(0, 7)),
    scope ? deps.petitions.listOverdue(scope, now, { limit: 50 }) : { items: [] },
  ]);
  const { byPost: _places, ...figures } = figuresOf(counters.months, counters.now, from, to);
  const before = periodYearBefore({ from, to });
  const lastYear = figuresOf(counters.months, counters.now, before.from, before.to);
  const name = (id: string, list: ReadonlyArray<{ id: string; name: string }>) => list.find((x) => x.id === id)?.name ?? id;
  const townships = townshipsOf(org, countyId);
  const villages = [...org.nodes.values()].filter((n) => n.kind === 'village');
  /** rows of this period with the same period a year before beside them, every id either period counted */
  const compared = (now: Record<string, number>, then: Record<string, number>, names: ReadonlyArray<{ id: string; name: string }>) =>
    [...new Set([...Object.keys(now), ...Object.keys(then)])].map((id) => ({ id, name: name(id, names), count: now[id] ?? 0, yearAgo: then[id] ?? 0 }));
  const share = (n: number): Ratio => ratio(n, figures.registered);
  return {
    scope: agent ?? { kind: scope!.kind, id: scopeId, name: org.nodes.get(scopeId)?.centreName ?? org.nodes.get(scopeId)?.name ?? scopeId },
    /** the townships a county caller may choose; centre staff see only their own */
    townships: countyWide ? townships.map((t) => ({ id: t.id, name: t.name })) : [],
    period: { from, to },
    ...figures,
    byCategory: compared(figures.byCategory, lastYear.byCategory, org.categories),
    byTownship: compared(figures.byTownship, lastYear.byTownship, townships),
    byVillage: compared(figures.byVillage, lastYear.byVillage, villages),
    byChannel: CHANNELS.filter((c) => (figures.byChannel[c] ?? 0) + (lastYear.byChannel[c] ?? 0) > 0).map((c) => ({
      id: c,
      name: CHANNEL_LABELS[c],
      count: figures.byChannel[c] ?? 0,
      yearAgo: lastYear.byChannel[c] ?? 0,
      share: share(figures.byChannel[c] ?? 0),
    })),
    /** 接访: the receptions held by way (video, in person, phone), each beside a year before */
    byWay: WAYS.map((w) => ({ id: w, name: WAY_LABELS[w], count: figures.byWay[w] ?? 0, yearAgo: lastYear.byWay[w] ?? 0 })),
    yearAgo: { period: before, registered: lastYear.registered, repeats: lastYear.repeats.numerator, persons: lastYear.persons, receptions: lastYear.receptions },
    // a row of the list, no more: the page reads these, and the case file has the rest
    overdue: overdue.items.map((p) => {
      const { id, trackingCode, status, townshipName, categoryName, summary, dueAt } = staffSummary(p, org, now, deps.supervision);
      return { id, trackingCode, status, townshipName, categoryName, summary, dueAt };
    }),
    /** 未诉先办: the warnings raised in the period's last month in this scope */
    warnings: onePerPlace(counters.warnings),
    definitions: DEFINITIONS,
  };
}

/** The figures the county's ranking of its townships compares, each a rate with numerator and denominator. */
export const RANKED = ['timelyAcceptance', 'onTimeCompletion', 'satisfaction', 'participation', 'resolution', 'repeats', 'videoShare', 'mediation'] as const;

/**
 * 各乡镇排名: for a county supervisor or admin, each township's four rates and the new figures of the period, from the
 * townships' own counters (months × shards keys a township, read 100 to a request: bounded by the county's size and
 * the period, never by the petitions stored). Centre staff have no county view (404).
 */
export async function townshipRanking(deps: Deps, caller: StaffCaller, q: { from?: string; to?: string }) {
  const org = await deps.org.load();
  const { countyId, countyWide, scope } = figureScope(caller, org);
  if (!countyWide || scope.kind !== 'county') throw new NotFoundError('未找到');
  const { from, to } = periodOf(q, deps.clock.now(), DASHBOARD_MAX_DAYS, '统计区间最长一年');
  const townships = townshipsOf(org, countyId);
  const counters = await deps.petitions.monthFigures(townships.map((t) => t.id), monthsOf(from, to));
  return {
    period: { from, to },
    townships: townships.map((t) => {
      const f = figuresOf(counters.get(t.id) ?? [], {}, from, to);
      return { id: t.id, name: t.name, registered: f.registered, persons: f.persons, ...Object.fromEntries(RANKED.map((k) => [k, f[k]])) } as { id: string; name: string; registered: number; persons: number } & Record<(typeof RANKED)[number], Ratio>;
    }),
    definitions: DEFINITIONS,
  };
}
