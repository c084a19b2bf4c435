import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { DashboardAnswer } from '../../../../../shared/schemas/staff';
import { messageOf } from '../../../lib/request';
import { useData } from '../../../lib/useData';
import { DatePicker } from '../../components/DatePicker';
import { ListState } from '../../components/Form';
import { ScopeTabs } from '../../components/ScopeTabs';
import { StaffPage } from '../../components/StaffPage';
import { downloadFile } from '../../lib/download';
import { api } from '../../lib/api';
import { Button } from '../../../components/Button';
import { Ranking } from '../../components/Ranking';
import { chinaToday } from '../../lib/receptions';
import { Figures } from './Figures';
import { isDay, isMonth, monthPeriod, shiftMonth, type Period } from './period';

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
