/** 统计's figures for one period and scope: each rate with its definition, the trend, 批次/人次, receptions by way, channels, counts and what is overdue. */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { STATUS_LABELS } from '../../../../../shared/labels';
import type { DashboardAnswer } from '../../../../../shared/schemas/staff';
import { STATUSES } from '../../../../../shared/schemas/common';
import { formatTime } from '../../../lib/format';
import { Button } from '../../../components/Button';
import { Warnings } from '../../components/Warnings';
import { percent } from '../../lib/figures';
import { staffUrl } from '../../routes';
import { Breakdown, CountTable } from './Counts';
import { DAY, daysOf } from './period';

const FIGURES = [
  { key: 'timelyAcceptance', label: '及时受理率' },
  { key: 'onTimeCompletion', label: '按期办结率' },
  { key: 'satisfaction', label: '满意率' },
  { key: 'participation', label: '参评率' },
] as const;

/** the further figures of the seeds, shown like the four: a rate with its numerator, denominator and definition */
const MORE = [
  { key: 'resolution', label: '化解率' },
  { key: 'repeats', label: '重复信访占比' },
  { key: 'videoShare', label: '视频接访占比' },
  { key: 'mediation', label: '调处成功率' },
] as const;

export function Figures({ data }: { data: DashboardAnswer }) {
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

      <Breakdown id='by-way' heading={`接访次数（本期间，共 ${data.receptions} 次；上年同期 ${data.yearAgo.receptions} 次）`} unit='次' rows={data.byWay} definition={data.definitions.receptions} defId='def-receptions'>
        <View className='dash-row'>
          <Text>视频接访占比</Text>
          <Text id='by-way-video-share'>
            {percent(data.videoShare)}（{data.videoShare.numerator} / {data.videoShare.denominator}）
          </Text>
        </View>
      </Breakdown>

      <Breakdown
        id='by-channel'
        heading={`各渠道登记件数与占比（本期间，共 ${data.registered} 件；上年同期 ${data.yearAgo.registered} 件）`}
        unit='件'
        rows={data.byChannel}
        empty
        definition={data.definitions.channelShare}
      />

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
