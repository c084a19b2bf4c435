import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useData } from '../../../lib/useData';
import { Button } from '../../../components/Button';
import { isWeapp } from '../../../lib/request';
import { ListState } from '../../components/Form';
import { StaffPage } from '../../components/StaffPage';
import { api } from '../../lib/api';
import { warningText } from '../../lib/figures';
import type { WarningsAnswer } from '../../../../../shared/schemas/warnings';
// the print rules, in the browser only: one A4 sheet, without the menu
import '../posters/print';

const isMonth = (s: string | undefined): s is string => !!s && /^\d{4}-(0[1-9]|1[0-2])$/.test(s);
const monthText = (m: string) => `${Number(m.slice(0, 4))}年${Number(m.slice(5, 7))}月`;

/**
 * 预警提示 (未诉先办): a township's monthly early-warning sheet, one printable A4 page: the categories rising this
 * month with their numbers, the coming month's seasonal topics from the county's calendar, and the places where
 * cases gathered (聚集); the rule with the county's numbers at its foot. A county supervisor who opens it without a
 * township prints every township's sheet at once, one A4 page each (the county's warnings item holds them all: one read).
 */
export default function NoticePage() {
  const { params } = useRouter();
  const month = isMonth(params.month) ? params.month : undefined;
  const read = useData(() => api.staff.warnings({ query: { month, townshipId: params.township || undefined } }), []);
  const data = read.data;
  const print = () => {
    if (isWeapp()) void Taro.showModal({ title: '请在电脑上打印', content: '在电脑浏览器中登录工作台，打开统计页的预警提示后打印。', showCancel: false });
    else window.print();
  };
  // a county read without a township: every township of the county, a sheet each; else the one scope read
  const sheets = data ? (data.townships.length > 0 ? data.townships : [data.scope]) : [];
  const all = !!data && data.townships.length > 0;
  return (
    <StaffPage current='dashboard' wide>
      {() => (
        <View>
          <View className='no-print'>
            <View className='staff-title'>{all ? '全县预警提示' : '预警提示'}</View>
            <View className='staff-muted staff-field'>
              {all ? `每个乡镇（苏木）一张 A4 纸，共 ${sheets.length} 张；打印时只打印提示，不打印菜单。` : '一张 A4 纸；打印时只打印提示，不打印菜单。'}
            </View>
            <Button id='notice-print' className='staff-btn primary' onClick={print}>
              {all ? '全部打印' : '打印'}
            </Button>
            <ListState id='notice' loading={read.loading} error={read.error} empty={false} emptyText='' onRetry={() => void read.reload()} />
          </View>
          {data ? (
            <View id='notice-sheets' data-count={sheets.length}>
              {sheets.map((t) => (
                <Sheet key={t.id} id={all ? `notice-sheet-${t.id}` : 'notice-sheet'} data={data} township={t} warnings={all ? data.warnings.filter((w) => w.townshipId === t.id) : data.warnings} />
              ))}
            </View>
          ) : null}
        </View>
      )}
    </StaffPage>
  );
}

/** One township's sheet of the month. */
function Sheet({ id, data, township, warnings }: { id: string; data: WarningsAnswer; township: { id: string; name: string }; warnings: WarningsAnswer['warnings'] }) {
  const rising = warnings.filter((w) => w.kind === 'rise');
  const clusters = warnings.filter((w) => w.kind === 'cluster');
  const at = (prefix: string) => (id === 'notice-sheet' ? prefix : `${prefix}-${township.id}`);
  return (
    <View id={id} className='notice' data-month={data.month} data-scope={township.id}>
      <View className='notice-title'>{township.name}“未诉先办”工作预警提示</View>
      <View className='notice-month'>{monthText(data.month)}</View>

      <View className='notice-heading'>一、本月上升的诉求类型</View>
      {rising.length === 0 ? <View className='notice-line'>本月暂无上升明显的诉求类型。</View> : null}
      {rising.map((w, i) => (
        <View key={w.key} id={`${at('notice-rise')}-${w.categoryId}`} className='notice-line'>
          {i + 1}. {warningText(w)}
        </View>
      ))}

      <View className='notice-heading'>二、{monthText(data.seasonal.month)}季节性提示</View>
      {data.seasonal.categories.length === 0 ? <View className='notice-line'>下月没有列入本县季节性提示的诉求类型。</View> : null}
      {data.seasonal.categories.length > 0 ? (
        <View id={at('notice-seasonal')} className='notice-line'>
          请提前关注：{data.seasonal.categories.map((c) => c.name).join('、')}
        </View>
      ) : null}
      {data.seasonal.notes.map((n) => (
        <View key={n} className='notice-line'>
          {n}
        </View>
      ))}

      <View className='notice-heading'>三、诉求聚集的地点</View>
      {clusters.length === 0 ? <View className='notice-line'>本月暂无诉求聚集的地点。</View> : null}
      {clusters.map((w, i) => (
        <View key={w.key} id={`${at('notice-cluster')}-${w.place?.kind}-${w.place?.id}`} className='notice-line'>
          {i + 1}. {warningText(w)}
        </View>
      ))}

      <View className='notice-foot'>
        <View>
          {data.rules.rise}；{data.rules.cluster}。
        </View>
        <View>季节性提示取自本县设置的季节性诉求日历。</View>
      </View>
    </View>
  );
}
