import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { formatTime } from '../../../../../shared/format';
import { STATUS_LABELS } from '../../../../../shared/labels';
import type { WarningRow } from '../../../../../shared/schemas/warnings';
import { usePages } from '../../../lib/useData';
import { Button } from '../../../components/Button';
import { PagedList } from '../../components/Form';
import { StaffPage } from '../../components/StaffPage';
import { api } from '../../lib/api';
import { warningText } from '../../lib/figures';
import { staffUrl } from '../../routes';

const PAGE = 20;

/**
 * 预警诉求 (未诉先办): the cases behind one warning, newest first, a page at a time: a rising category's cases of the
 * month at the township, or those registered at a cluster's post or village in its window. Each opens its case file.
 */
export default function WarningCasesPage() {
  const { params } = useRouter();
  const [warning, setWarning] = useState<WarningRow>();
  const query = { month: params.month ?? '', townshipId: params.township || undefined, key: params.key ?? '' };
  const list = usePages(
    async (cursor) => {
      const page = await api.staff.warningCases({ query: { ...query, limit: PAGE, cursor } });
      setWarning(page.warning);
      return page;
    },
    [query.month, query.townshipId, query.key],
  );
  return (
    <StaffPage current='home' gate='dashboard'>
      {() => (
        <View>
          <View className='staff-title'>预警诉求</View>
          {warning ? (
            <View id='warning-head' className='staff-card warn-card'>
              <View className='warn-township-name'>{warning.townshipName}</View>
              <View>
                <Text className={`staff-badge ${warning.kind === 'rise' ? 'overdue' : 'status'}`}>{warning.kind === 'rise' ? '上升' : '聚集'}</Text> {warningText(warning)}
              </View>
              <View className='staff-muted'>
                {warning.kind === 'rise' ? '下列为本月在本乡镇（苏木）登记的该类诉求，按登记时间从新到旧。' : '下列为预警期间在该地点登记的诉求，按登记时间从新到旧。'}
              </View>
            </View>
          ) : null}
          <PagedList
            id='warning-cases'
            listId='warning-cases'
            list={list}
            emptyText='这条预警背后的诉求已不在本乡镇（苏木）的待办中（可能已转办）。'
            row={(r) => (
              <Button key={r.id} id={`case-${r.id}`} className='dash-overdue' dataUrl={staffUrl('petition', { id: r.id })} onClick={() => void Taro.navigateTo({ url: staffUrl('petition', { id: r.id }) })}>
                <View>
                  <Text className='staff-badge status'>{STATUS_LABELS[r.status]}</Text>
                  {r.overdue ? <Text className='staff-badge overdue'>逾期</Text> : null}
                  <Text className='staff-code'>{r.trackingCode}</Text> {r.categoryName}
                </View>
                <View className='staff-muted'>
                  {r.summary} · 登记于 {formatTime(r.createdAt)}
                </View>
              </Button>
            )}
          />
        </View>
      )}
    </StaffPage>
  );
}
