import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { formatTime } from '../../../../../shared/format';
import { STATUS_LABELS } from '../../../../../shared/labels';
import { RESOLVED_STATUSES } from '../../../../../shared/schemas/common';
import { Button } from '../../../components/Button';
import { messageOf } from '../../../lib/request';
import { usePages } from '../../../lib/useData';
import { PagedList } from '../../components/Form';
import { StaffPage } from '../../components/StaffPage';
import { api } from '../../lib/api';
import { staffUrl } from '../../routes';

const PAGE = 20;
const CLASS_DAYS = { A: 90, B: 60, C: 30 } as const;

/**
 * 揭榜领案: the backlog cases the county posted to its board (category, township, class, age; no personal data), newest
 * posting first, who claimed each and how it stands now. 揭榜 makes the caller its lead official (包案领导): of several
 * at once one wins, the others are told it was taken, and the list is read again.
 */
export default function BoardPage() {
  const list = usePages((cursor) => api.staff.board({ query: { limit: PAGE, cursor } }), [], { onShow: true });
  const [busy, setBusy] = useState('');
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const claim = async (id: string, code: string) => {
    if (busy) return;
    setBusy(id);
    setNotice(null);
    try {
      await api.staff.step.claim_lead(id, { body: {} });
      setNotice({ ok: true, text: `已揭榜 ${code}：您是该积案的包案领导` });
    } catch (e) {
      setNotice({ ok: false, text: messageOf(e) });
    } finally {
      setBusy('');
      await list.refresh();
    }
  };
  return (
    <StaffPage current='board'>
      {() => (
        <View>
          <View className='staff-title'>揭榜领案</View>
          <View className='staff-muted staff-field'>县里挂榜的积案。揭榜后您即为该案的包案领导，须在积案期限内化解。</View>
          {notice ? (
            <View id='board-notice' className={`staff-field ${notice.ok ? 'staff-ok' : 'staff-error'}`}>
              {notice.text}
            </View>
          ) : null}
          <PagedList
            id='board'
            list={list}
            cards
            emptyText='榜上暂无积案。'
            row={(r) => (
              <View key={r.id} id={`board-${r.trackingCode}`} className='staff-card' data-claimed={r.lead ? 'yes' : 'no'}>
                <View className='staff-badges'>
                  <Text className='staff-badge overdue'>
                    {r.backlogClass} 类积案（{CLASS_DAYS[r.backlogClass]} 天）
                  </Text>
                  <Text className='staff-badge status'>{STATUS_LABELS[r.status]}</Text>
                </View>
                <View className='staff-filed-head'>
                  <Text>{r.categoryName}</Text>
                  <Text className='staff-muted'>
                    {' '}
                    · {r.townshipName} · 跟踪码 {r.trackingCode} · 已 {r.ageDays} 天
                  </Text>
                </View>
                <View className='staff-muted'>挂榜于 {formatTime(r.boardSince)}</View>
                {r.lead ? (
                  <View id={`board-lead-${r.trackingCode}`} className='staff-field'>
                    揭榜人：{r.lead.name}
                    {r.lead.claimedAt ? `（${formatTime(r.lead.claimedAt)}）` : ''}；{RESOLVED_STATUSES.includes(r.status) ? `结果：${STATUS_LABELS[r.status]}` : '正在化解'}
                  </View>
                ) : null}
                <View className='staff-actions'>
                  {r.lead ? null : (
                    <Button id={`claim-${r.trackingCode}`} className={`staff-btn primary ${busy === r.id ? 'busy' : ''}`} onClick={() => void claim(r.id, r.trackingCode)}>
                      {busy === r.id ? '正在揭榜…' : '揭榜'}
                    </Button>
                  )}
                  <Button id={`board-open-${r.trackingCode}`} className='staff-btn' onClick={() => void Taro.navigateTo({ url: staffUrl('petition', { id: r.id }) })}>
                    查看案卷
                  </Button>
                </View>
              </View>
            )}
          />
        </View>
      )}
    </StaffPage>
  );
}
