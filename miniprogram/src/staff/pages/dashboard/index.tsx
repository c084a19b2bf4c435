import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { STATUS_LABELS } from '../../../../../shared/labels';
import type { DashboardAnswer } from '../../../../../shared/schemas/staff';
import { STATUSES } from '../../../../../shared/schemas/common';
import { formatTime } from '../../../lib/format';
import { messageOf } from '../../../lib/request';
import { useData } from '../../../lib/useData';
import { DatePicker } from '../../components/DatePicker';
import { ListState } from '../../components/Form';
import { ScopeTabs } from '../../components/ScopeTabs';
import { StaffPage } from '../../components/StaffPage';
import { downloadFile } from '../../lib/download';
import { api } from '../../lib/api';
import { staffUrl } from '../../routes';
import { Button } from '../../../components/Button';
import { Ranking } from '../../components/Ranking';
import { Warnings } from '../../components/Warnings';
import { percent } from '../../lib/figures';
import { chinaToday } from '../../lib/receptions';

/**
 * 统计: the four figures of a period for the caller's scope (a county supervisor may choose one township), each with
 * its numerator, denominator and definition; 化解率, repeats, the share of video receptions and 调处成功率 likewise;
 * batches and persons (批次/人次); receptions held by way (视频、现场、电话); counts by
 * channel (with shares), status, category, village and township beside the same period a year before; the daily trend
 * drawn as bars; what is overdue now; the county's ranking of its townships; and the period's petitions as a CSV file.
 */
export default function StaffDashboard() {
  const { params } = useRouter();
  return <StaffPage current='dashboard'>{() => <Dashboard params={params} />}</StaffPage>;
}

const FIGURES = [
  { key: 'timelyAcceptance', label: '及时受理率' },
  { key: 'onTimeCompletion', label: '按期办结率' },
  { key: 'satisfaction', label: '满意率' },
  { key: 'participation', label: '参评率' },
] as const;

type Period = { from: string; to: string };

const DAY = 86_400_000;
const isDay = (s: string | undefined): s is string => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s);
const isMonth = (s: string | undefined): s is string => !!s && /^\d{4}-(0[1-9]|1[0-2])$/.test(s);

function monthPeriod(month: string): Period {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}
function shiftMonth(month: string, by: number): string {
  const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + by, 1));
  return d.toISOString().slice(0, 7);
}
function daysOf(p: Period): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${p.from}T00:00:00Z`); t <= Date.parse(`${p.to}T00:00:00Z`) && out.length < 400; t += DAY) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}
/** the further figures of the seeds, shown like the four: a rate with its numerator, denominator and definition */
const MORE = [
  { key: 'resolution', label: '化解率' },
  { key: 'repeats', label: '重复信访占比' },
  { key: 'videoShare', label: '视频接访占比' },
  { key: 'mediation', label: '调处成功率' },
] as const;
const query = (p: Period, township: string) => ({ from: p.from, to: p.to, townshipId: township || undefined });

function Dashboard({ params }: { params: Partial<Record<string, string>> }) {
  const [mode, setMode] = useState<'month' | 'range'>(isDay(params.from) && isDay(params.to) ? 'range' : 'month');
  const [month, setMonth] = useState(isMonth(params.month) ? params.month : chinaToday().slice(0, 7));
  const [range, setRange] = useState<Period>(
    isDay(params.from) && isDay(params.to) ? { from: params.from, to: params.to } : monthPeriod(chinaToday().slice(0, 7)),
  );
  const [township, setTownship] = useState(params.township ?? '');
  /** the last answer's scope and choices stay on screen while the next period loads */
  const [scope, setScope] = useState<Pick<DashboardAnswer, 'scope' | 'townships'>>();
  const [exporting, setExporting] = useState<'' | 'busy' | { error: string }>('');
  const period = mode === 'month' ? monthPeriod(month) : range;
  const figures = useData(() => api.staff.dashboard({ query: query(period, township) }), [period.from, period.to, township]);
  useEffect(() => {
    if (figures.data) setScope({ scope: figures.data.scope, townships: figures.data.townships });
  }, [figures.data]);

  const exportCsv = async () => {
    if (exporting === 'busy') return;
    setExporting('busy');
    try {
      await downloadFile(() => api.staff.export({ query: query(period, township) }), `shaogang-${township || scope?.scope.id || 'export'}-${period.from}-${period.to}.csv`);
      setExporting('');
    } catch (e) {
      setExporting({ error: messageOf(e) });
    }
  };

  return (
    <View>
      <View className='staff-title'>统计{scope ? ` · ${scope.scope.name}` : ''}</View>
      <View className='staff-card'>
        <ScopeTabs townships={scope?.townships ?? []} value={township} onChange={setTownship} />
        <View className='staff-field'>
          <Text className='staff-field-label'>统计期间</Text>
          <View className='staff-tabs'>
            <Button id='mode-month' className='staff-tab' pressed={mode === 'month'} onClick={() => setMode('month')}>
              按月
            </Button>
            <Button id='mode-range' className='staff-tab' pressed={mode === 'range'} onClick={() => setMode('range')}>
              按日期
            </Button>
          </View>
          {mode === 'month' ? (
            <View className='dash-period'>
              <Button id='month-prev' className='staff-btn' onClick={() => setMonth(shiftMonth(month, -1))}>
                上月
              </Button>
              <DatePicker id='month' label='月份' month value={month} onChange={(v) => isMonth(v) && setMonth(v)} text={`${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`} />
              <Button id='month-next' className='staff-btn' onClick={() => setMonth(shiftMonth(month, 1))}>
                下月
              </Button>
            </View>
          ) : (
            <View className='dash-period'>
              <DatePicker id='range-from' label='开始日期' value={range.from} onChange={(v) => isDay(v) && setRange({ ...range, from: v })} text={`自 ${range.from}`} />
              <DatePicker id='range-to' label='结束日期' value={range.to} onChange={(v) => isDay(v) && setRange({ ...range, to: v })} text={`至 ${range.to}`} />
            </View>
          )}
        </View>
        {scope?.scope.kind === 'agent' ? (
          // 凡诉代办: an agent's own figures, of the cases they registered for citizens; nothing to export
          <View id='dash-agent' className='staff-muted'>
            以下是您替群众登记（代办）的诉求的统计：登记件数、办结件数（参评率的分母）、参评件数和满意件数。
          </View>
        ) : (
          <View className='dash-period'>
            <Button id='export' className={`staff-btn primary ${exporting === 'busy' ? 'busy' : ''}`} onClick={() => void exportCsv()}>
              {exporting === 'busy' ? '正在导出…' : '导出 CSV'}
            </Button>
            <Text className='staff-muted'>导出本期间登记的全部诉求，电话号码已脱敏；最长 93 天。</Text>
          </View>
        )}
        {typeof exporting === 'object' ? (
          <View id='export-error' className='staff-error'>
            {exporting.error}
          </View>
        ) : null}
      </View>

      {figures.loading ? (
        <View id='dash-loading' className='staff-card staff-muted'>
          正在统计…
        </View>
      ) : (
        <ListState id='dash' loading={false} error={figures.error} empty={false} emptyText='' onRetry={() => void figures.reload()} />
      )}
      {!figures.loading && figures.data ? <Figures data={figures.data} /> : null}
      {scope && scope.scope.kind === 'county' && township === '' ? <Ranking from={period.from} to={period.to} /> : null}
    </View>
  );
}

function Figures({ data }: { data: DashboardAnswer }) {
  const days = daysOf(data.period);
  const byDay = new Map(data.daily.map((d) => [d.day, d]));
  const max = Math.max(1, ...data.daily.map((d) => Math.max(d.registered, d.resolved)));
  const registered = data.daily.reduce((n, d) => n + d.registered, 0);
  const now = new Date().toISOString();
  return (
    <View id='dash-figures' data-scope={data.scope.id} data-from={data.period.from} data-to={data.period.to}>
      <View className='staff-muted staff-field'>
        期间 {data.period.from} 至 {data.period.to}，按中国日历日计。
      </View>
      <View className='dash-rates'>
        {[...FIGURES, ...MORE].map(({ key, label }) => {
          const r = data[key];
          return (
            <View key={key} id={`figure-${key}`} className='staff-card dash-rate'>
              <View className='dash-rate-label'>{label}</View>
              <View id={`rate-${key}`} className='dash-rate-value'>
                {percent(r)}
              </View>
              <View className='dash-rate-ratio'>
                <Text id={`num-${key}`}>{r.numerator}</Text> / <Text id={`den-${key}`}>{r.denominator}</Text>
              </View>
              <View id={`def-${key}`} className='dash-def'>
                {data.definitions[key]}
              </View>
            </View>
          );
        })}
      </View>

      <Warnings warnings={data.warnings} month={data.period.to.slice(0, 7)} countyWide={data.scope.kind === 'county'} />

      <View className='staff-card'>
        <View className='dash-heading'>每日趋势</View>
        {registered === 0 && data.daily.every((d) => d.resolved === 0) ? (
          <View id='trend-empty' className='staff-muted'>
            本期间没有登记或办结的诉求。
          </View>
        ) : null}
        <View className='dash-legend'>
          <Text className='dash-key reg' /> 登记　<Text className='dash-key res' /> 办结　<Text className='staff-muted'>最高 {max} 件/日</Text>
        </View>
        <View id='trend' className='dash-trend'>
          {days.map((day) => {
            const d = byDay.get(day) ?? { registered: 0, resolved: 0 };
            return (
              <View key={day} className='dash-day' data-day={day} data-registered={d.registered} data-resolved={d.resolved}>
                <View className='dash-bar reg' style={{ height: `${(d.registered / max) * 100}%` }} />
                <View className='dash-bar res' style={{ height: `${(d.resolved / max) * 100}%` }} />
              </View>
            );
          })}
        </View>
        <View className='dash-axis'>
          <Text>{days[0]}</Text>
          <Text>{days[days.length - 1]}</Text>
        </View>
      </View>

      <View id='batches' className='staff-card'>
        <View className='dash-heading'>批次与人次（本期间）</View>
        <View className='dash-row'>
          <Text>登记</Text>
          <Text>
            <Text id='batches-count' className='dash-count'>{data.registered}</Text> 批次 · <Text id='persons-count' className='dash-count'>{data.persons}</Text> 人次
          </Text>
        </View>
        <View className='dash-row'>
          <Text>上年同期</Text>
          <Text id='batches-year-ago'>
            {data.yearAgo.registered} 批次 · {data.yearAgo.persons} 人次
          </Text>
        </View>
        <View id='def-batches' className='dash-def'>
          {data.definitions.batches}
        </View>
      </View>

      <View id='by-way' className='staff-card'>
        <View className='dash-heading'>
          接访次数（本期间，共 {data.receptions} 次；上年同期 {data.yearAgo.receptions} 次）
        </View>
        {data.byWay.map((w) => (
          <View key={w.id} id={`by-way-${w.id}`} className='dash-row'>
            <Text>{w.name}</Text>
            <Text>
              <Text className='dash-count'>{w.count}</Text> 次 · 上年同期 {w.yearAgo}
            </Text>
          </View>
        ))}
        <View className='dash-row'>
          <Text>视频接访占比</Text>
          <Text id='by-way-video-share'>
            {percent(data.videoShare)}（{data.videoShare.numerator} / {data.videoShare.denominator}）
          </Text>
        </View>
        <View id='def-receptions' className='dash-def'>
          {data.definitions.receptions}
        </View>
      </View>

      <View id='by-channel' className='staff-card'>
        <View className='dash-heading'>各渠道登记件数与占比（本期间，共 {data.registered} 件；上年同期 {data.yearAgo.registered} 件）</View>
        {data.byChannel.length === 0 ? <View className='staff-muted'>暂无</View> : null}
        {data.byChannel.map((c) => (
          <View key={c.id} id={`by-channel-${c.id}`} className='dash-row'>
            <Text>{c.name}</Text>
            <Text>
              <Text className='dash-count'>{c.count}</Text> 件 · 占 <Text id={`share-${c.id}`}>{percent(c.share)}</Text> · 上年同期 {c.yearAgo}
            </Text>
          </View>
        ))}
        <View className='dash-def'>{data.definitions.channelShare}</View>
      </View>

      <View className='dash-tables'>
        <CountTable
          id='by-status'
          title='各状态件数（当前）'
          rows={STATUSES.filter((s) => data.byStatus[s]).map((s) => ({ id: s, name: STATUS_LABELS[s], count: data.byStatus[s] ?? 0 }))}
        />
        <CountTable id='by-category' title='各类型登记件数（本期间，同比）' rows={data.byCategory} />
        <CountTable id='by-village' title='各村（社区）登记件数（本期间，同比）' rows={data.byVillage} />
        <CountTable id='by-township' title='各乡镇（苏木）登记件数（本期间，同比）' rows={data.byTownship} />
      </View>
      <View className='dash-def staff-field'>{data.definitions.yearOnYear}（上年同期：{data.yearAgo.period.from} 至 {data.yearAgo.period.to}）</View>

      <View id='overdue' className='staff-card'>
        <View className='dash-heading'>逾期未办结（当前）</View>
        {data.overdue.length === 0 ? <View className='staff-muted'>没有逾期的诉求。</View> : null}
        {data.overdue.map((p) => (
          <Button
            key={p.id}
            id={`overdue-${p.id}`}
            className='dash-overdue'
            dataUrl={staffUrl('petition', { id: p.id })}
            onClick={() => void Taro.navigateTo({ url: staffUrl('petition', { id: p.id }) })}
          >
            <View>
              <Text className='staff-badge overdue'>逾期{p.dueAt && p.dueAt < now ? ` ${Math.ceil((Date.parse(now) - Date.parse(p.dueAt)) / DAY)} 天` : ''}</Text>
              <Text className='staff-badge status'>{STATUS_LABELS[p.status]}</Text>
              <Text className='staff-code'>{p.trackingCode}</Text> {p.townshipName} · {p.categoryName}
            </View>
            <View className='staff-muted'>
              {p.summary}
              {p.dueAt ? ` · 期限 ${formatTime(p.dueAt)}` : ''}
            </View>
          </Button>
        ))}
      </View>
    </View>
  );
}

function CountTable({ id, title, rows }: { id: string; title: string; rows: ReadonlyArray<{ id: string; name: string; count: number; yearAgo?: number }> }) {
  const sorted = [...rows].sort((a, b) => b.count - a.count);
  return (
    <View id={id} className='staff-card'>
      <View className='dash-heading'>{title}</View>
      {sorted.length === 0 ? <View className='staff-muted'>暂无</View> : null}
      {sorted.map((r) => (
        <View key={r.id} id={`${id}-${r.id}`} className='dash-row'>
          <Text>{r.name}</Text>
          <Text>
            <Text className='dash-count'>{r.count}</Text>
            {r.yearAgo !== undefined ? (
              <Text id={`${id}-${r.id}-yoy`} className='staff-muted dash-yoy'>
                {' '}
                同比 {r.yearAgo}
                {r.count !== r.yearAgo ? `（${r.count > r.yearAgo ? '+' : '−'}${Math.abs(r.count - r.yearAgo)}）` : ''}
              </Text>
            ) : null}
          </Text>
        </View>
      ))}
    </View>
  );
}
