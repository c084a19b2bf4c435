import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useData } from '../../../lib/useData';
import { Button } from '../../../components/Button';
import { isWeapp } from '../../../lib/request';
import { ListState } from '../../components/Form';
import { StaffPage } from '../../components/StaffPage';
import { api } from '../../lib/api';
import { warningText } from '../../lib/figures';
// the print rules, in the browser only: one A4 sheet, without the menu
import '../posters/print';

const isMonth = (s: string | undefined): s is string => !!s && /^\d{4}-(0[1-9]|1[0-2])$/.test(s);
const monthText = (m: string) => `${Number(m.slice(0, 4))}年${Number(m.slice(5, 7))}月`;

/**
 * 预警提示 (未诉先办): a township's monthly early-warning sheet, one printable A4 page: the categories rising this
 * month with their numbers, the coming month's seasonal topics from the county's calendar, and the places where
 * cases gathered (聚集); the rule with the county's numbers at its foot.
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
  const rising = data?.warnings.filter((w) => w.kind === 'rise') ?? [];
  const clusters = data?.warnings.filter((w) => w.kind === 'cluster') ?? [];
  return (
    <StaffPage current='dashboard' wide>
      {() => (
        <View>
          <View className='no-print'>
            <View className='staff-title'>预警提示</View>
            <View className='staff-muted staff-field'>一张 A4 纸；打印时只打印提示，不打印菜单。</View>
            <Button id='notice-print' className='staff-btn primary' onClick={print}>
              打印
            </Button>
            <ListState id='notice' loading={read.loading} error={read.error} empty={false} emptyText='' onRetry={() => void read.reload()} />
          </View>
          {data ? (
            <View id='notice-sheet' className='notice' data-month={data.month} data-scope={data.scope.id}>
              <View className='notice-title'>
                {data.scope.name}“未诉先办”工作预警提示
              </View>
              <View className='notice-month'>{monthText(data.month)}</View>

              <View className='notice-heading'>一、本月上升的诉求类型</View>
              {rising.length === 0 ? <View className='notice-line'>本月暂无上升明显的诉求类型。</View> : null}
              {rising.map((w, i) => (
                <View key={w.key} id={`notice-rise-${w.categoryId}`} className='notice-line'>
                  {i + 1}. {warningText(w)}
                </View>
              ))}

              <View className='notice-heading'>二、{monthText(data.seasonal.month)}季节性提示</View>
              {data.seasonal.categories.length === 0 ? <View className='notice-line'>下月没有列入本县季节性提示的诉求类型。</View> : null}
              {data.seasonal.categories.length > 0 ? (
                <View id='notice-seasonal' className='notice-line'>
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
                <View key={w.key} id={`notice-cluster-${w.place?.kind}-${w.place?.id}`} className='notice-line'>
                  {i + 1}. {warningText(w)}
                </View>
              ))}

              <View className='notice-foot'>
                <View>{data.rules.rise}；{data.rules.cluster}。</View>
                <View>季节性提示取自本县设置的季节性诉求日历。</View>
              </View>
            </View>
          ) : null}
        </View>
      )}
    </StaffPage>
  );
}
