import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { usePages } from '../../../lib/useData';
import { formatTime } from '../../../../../shared/format';
import { CHANNEL_LABELS, STATUS_LABELS } from '../../../../../shared/labels';
import { OPEN_STATUSES, STATUS_GROUPS } from '../../../../../shared/schemas/common';
import { Button } from '../../../components/Button';
import { PagedList } from '../../components/Form';
import { StaffPage } from '../../components/StaffPage';
import { api } from '../../lib/api';
import { timeLeft } from '../../lib/petitions';
import { staffUrl } from '../../routes';

const PAGE = 20;

/**
 * 我代办的 (凡诉代办、阶段反馈): the cases the caller registered for citizens, newest first, each with its status and the
 * deadline of the step under way, and 有新进展 when it moved since they last opened it. Opening one shows the case file,
 * where they record 已告知群众 once they have told the citizen.
 */
export default function FiledPage() {
  // back from a case file, what the user just saw is no longer news
  const list = usePages((cursor) => api.staff.filed({ query: { limit: PAGE, cursor } }), [], { onShow: true });
  const rows = list.items;

  const news = rows.filter((r) => r.news).length;
  return (
    <StaffPage current='filed'>
      {() => (
        <View>
          <View className='staff-title'>我代办的</View>
          <View id='filed-summary' className='staff-muted staff-field'>
            {rows.length ? `${news} 件有新进展：请及时告知群众，并在诉求详情里记录“已告知群众”。` : ''}
          </View>
          <PagedList
            id='filed'
            list={list}
            cards
            emptyText='您还没有替群众登记过诉求：在“登记”页登记后，可在这里跟进。'
            row={(r) => (
              <Button key={r.id} id={`filed-${r.id}`} className='staff-card staff-filed' onClick={() => void Taro.navigateTo({ url: staffUrl('petition', { id: r.id }) })}>
                <View className='staff-badges'>
                  {r.news ? <Text className='staff-badge news'>有新进展</Text> : null}
                  <Text className='staff-badge status'>{STATUS_LABELS[r.status]}</Text>
                  {r.overdue && r.dueAt && OPEN_STATUSES.includes(r.status) ? <Text className='staff-badge overdue'>逾期</Text> : null}
                  {r.near ? <Text className='staff-badge near'>临期</Text> : null}
                </View>
                <View className='staff-filed-head'>
                  <Text>{r.categoryName}</Text>
                  <Text className='staff-muted'>
                    {' '}
                    · {CHANNEL_LABELS[r.channel]} · 跟踪码 {r.trackingCode}
                  </Text>
                </View>
                <View className='staff-muted'>{r.summary}</View>
                <View className='staff-muted'>
                  登记于 {formatTime(r.createdAt)}
                  {r.dueAt && OPEN_STATUSES.includes(r.status) ? `；本步时限 ${formatTime(r.dueAt)}（${timeLeft(r.dueAt)}）` : ''}
                  {r.departmentName && STATUS_GROUPS[r.status].atDepartment ? `；承办：${r.departmentName}` : ''}
                </View>
              </Button>
            )}
          />
        </View>
      )}
    </StaffPage>
  );
}
