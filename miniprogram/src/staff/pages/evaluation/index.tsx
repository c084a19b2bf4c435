import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { EvaluationAnswer } from '../../../../../shared/schemas/staff';
import { Button } from '../../../components/Button';
import { isWeapp } from '../../../lib/request';
import { useData } from '../../../lib/useData';
import { DatePicker } from '../../components/DatePicker';
import { ListState } from '../../components/Form';
import { ScopeTabs } from '../../components/ScopeTabs';
import { StaffPage } from '../../components/StaffPage';
import { api } from '../../lib/api';
import { percent } from '../../lib/figures';
import { chinaToday } from '../../lib/receptions';
// the print rules, in the browser only: the sheet alone, without the menu
import '../posters/print';

const isDay = (v: string | undefined): v is string => !!v && /^\d{4}-\d{2}-\d{2}$/.test(v);
/** 化解成效考评 is read over a year or a quarter: by default this China year up to today */
const yearToDate = () => ({ from: `${chinaToday().slice(0, 4)}-01-01`, to: chinaToday() });

type Row = EvaluationAnswer['rows'][number];
const COLUMNS: Array<{ key: string; label: string; cell: (r: Pick<Row, 'handled' | 'resolved' | 'onTime' | 'satisfaction' | 'backlogSettled'>) => string }> = [
  { key: 'handled', label: '承办件数', cell: (r) => String(r.handled) },
  { key: 'resolved', label: '办结件数', cell: (r) => String(r.resolved) },
  { key: 'onTime', label: '按期办结', cell: (r) => `${r.onTime.numerator}/${r.onTime.denominator}（${percent(r.onTime)}）` },
  { key: 'satisfaction', label: '满意评价', cell: (r) => `${r.satisfaction.numerator}/${r.satisfaction.denominator}（${percent(r.satisfaction)}）` },
  { key: 'backlogSettled', label: '积案化解', cell: (r) => String(r.backlogSettled) },
];

/**
 * 化解成效考评: each department's 承办, 办结, 按期办结, 满意评价 and 积案化解 over a period, for a township centre or the
 * county (or one of its townships), with the definitions of each figure; printed, the sheet alone. A 化解成效考评表
 * issued on a case cites its department's figures of the year from the same counters.
 */
function Evaluation({ params }: { params: Partial<Record<string, string>> }) {
  const [period, setPeriod] = useState(isDay(params.from) && isDay(params.to) ? { from: params.from, to: params.to } : yearToDate());
  const [township, setTownship] = useState(params.township ?? '');
  const [choices, setChoices] = useState<EvaluationAnswer['townships']>([]);
  const read = useData(() => api.staff.evaluation({ query: { from: period.from, to: period.to, townshipId: township || undefined } }), [period.from, period.to, township]);
  const data = read.data;
  useEffect(() => {
    if (data && data.townships.length) setChoices(data.townships);
  }, [data]);
  const print = () => {
    if (isWeapp()) void Taro.showModal({ title: '请在电脑上打印', content: '在电脑浏览器中登录工作台，打开化解成效考评后打印。', showCancel: false });
    else window.print();
  };
  return (
    <View>
      <View className='no-print'>
        <View className='staff-title'>化解成效考评</View>
        <View className='staff-card'>
          <ScopeTabs townships={choices} value={township} onChange={setTownship} />
          <View className='staff-field'>
            <Text className='staff-field-label'>考评期间</Text>
            <View className='staff-toolbar'>
              <DatePicker id='eval-from' label='开始日期' value={period.from} onChange={(v) => isDay(v) && setPeriod({ ...period, from: v })} text={`自 ${period.from}`} />
              <DatePicker id='eval-to' label='结束日期' value={period.to} onChange={(v) => isDay(v) && setPeriod({ ...period, to: v })} text={`至 ${period.to}`} />
            </View>
          </View>
          <Button id='evaluation-print' className='staff-btn primary' onClick={print}>
            打印
          </Button>
        </View>
        <ListState id='evaluation' loading={read.loading} error={read.error} empty={false} emptyText='' onRetry={() => void read.reload()} />
      </View>
      {data ? (
        <View id='evaluation-sheet' className='evalsheet'>
          <View className='evalsheet-title'>{data.scope.name}化解成效考评</View>
          <View id='evaluation-period' className='evalsheet-period'>
            考评期间：{data.period.from} 至 {data.period.to}
          </View>
          <View className='evalsheet-table' role='table' aria-label='各部门化解成效'>
            <View className='evalsheet-tr evalsheet-head' role='row'>
              <View className='evalsheet-th' role='columnheader'>
                部门
              </View>
              {COLUMNS.map((c) => (
                <View key={c.key} className='evalsheet-th' role='columnheader'>
                  {c.label}
                </View>
              ))}
            </View>
            {data.rows.map((r) => (
              <View key={r.departmentId} id={`evaluation-${r.departmentId}`} className='evalsheet-tr' role='row'>
                <View className='evalsheet-td evalsheet-name' role='rowheader'>
                  {r.name}
                  {r.centreName && !r.name.startsWith(r.centreName.replace(/综治中心$/, '')) ? `（${r.centreName}）` : ''}
                </View>
                {COLUMNS.map((c) => (
                  <View key={c.key} className='evalsheet-td' role='cell' data-col={c.key}>
                    {c.cell(r)}
                  </View>
                ))}
              </View>
            ))}
            <View id='evaluation-total' className='evalsheet-tr evalsheet-total' role='row'>
              <View className='evalsheet-td evalsheet-name' role='rowheader'>
                合计
              </View>
              {COLUMNS.map((c) => (
                <View key={c.key} className='evalsheet-td' role='cell' data-col={c.key}>
                  {c.cell(data.totals)}
                </View>
              ))}
            </View>
          </View>
          <View id='evaluation-definitions' className='evalsheet-defs'>
            <Text className='evalsheet-heading'>指标口径</Text>
            {Object.values(data.definitions).map((d) => (
              <Text key={d} className='evalsheet-def'>
                {d}
              </Text>
            ))}
          </View>
        </View>
      ) : null}
    </View>
  );
}

export default function EvaluationPage() {
  const { params } = useRouter();
  return <StaffPage current='evaluation'>{() => <Evaluation params={params} />}</StaffPage>;
}
