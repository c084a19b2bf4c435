/**
 * 联合会诊 on the case file: the question, the lead department, the deadline and each co-department's state and
 * opinion; and 推荐专家, the county's experts ranked for this case, each to invite onto the consultation.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { EXPERT_FIELD_LABELS } from '../../../../../shared/experts';
import type { ExpertRecommendations } from '../../../../../shared/schemas/expert';
import { Button } from '../../../components/Button';
import { formatTime } from '../../../lib/format';
import { messageOf } from '../../../lib/request';
import { api } from '../../lib/api';
import type { CaseFile } from '../../lib/petitions';
import { participantState, ratingText } from './caseFile';

export function ConsultationCard({ c, late }: { c: NonNullable<CaseFile['consultation']>; late: string[] }) {
  const reported = c.participants.filter((x) => x.reportedAt).length;
  return (
    <View className='staff-card' id='consultation'>
      <View className='staff-title'>联合会诊</View>
      <View className='staff-facts'>
        <Text className='staff-muted'>会诊议题</Text>
        <Text id='consultation-question'>{c.question}</Text>
        <Text className='staff-muted'>牵头部门</Text>
        <Text id='consultation-lead'>{c.leadName}</Text>
        <Text className='staff-muted'>报到期限</Text>
        <Text>{formatTime(c.dueAt)}</Text>
        <Text className='staff-muted'>报到情况</Text>
        <Text id='consultation-count'>
          已报到 {reported} / {c.participants.length}
        </Text>
      </View>
      {c.experts?.length ? (
        <View className='staff-field' id='consultation-experts'>
          <Text className='staff-muted'>受邀专家：</Text>
          <Text>{c.experts.map((x) => x.name).join('、')}</Text>
        </View>
      ) : null}
      {c.participants.map((x) => {
        const s = participantState(x, late, c.dueAt);
        return (
          <View key={x.departmentId} id={`participant-${x.departmentId}`} className='staff-timeline-item' data-state={s.state}>
            <View>
              <Text className='staff-timeline-action'>{x.name}</Text> <Text className={s.tone ? `staff-badge ${s.tone}` : 'staff-badge'}>{s.badge}</Text>
            </View>
            {x.opinion ? <Text className='staff-description'>{x.opinion}</Text> : null}
            {x.reportedAt ? (
              <View className='staff-muted'>
                {formatTime(x.reportedAt)} · {x.reportedBy ?? ''}
              </View>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}

/** 推荐专家: ranked by fields, load and ratings; 邀请 puts one on the consultation. */
export function ExpertsCard({ id, busy, onInvite }: { id: string; busy: boolean; onInvite: (expertId: string) => Promise<void> }) {
  const [rec, setRec] = useState<ExpertRecommendations | null>(null);
  const [error, setError] = useState('');
  const load = async () => {
    try {
      setRec(await api.staff.experts.recommend(id));
      setError('');
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const fields = (list: Array<keyof typeof EXPERT_FIELD_LABELS>) => list.map((f) => EXPERT_FIELD_LABELS[f]).join('、');
  return (
    <View className='staff-card' id='experts'>
      <View className='staff-title'>推荐专家</View>
      {rec ? (
        <View>
          <Text className='staff-muted'>本类诉求所需领域：{fields(rec.fields)}</Text>
          {rec.items.length === 0 ? <View className='staff-muted'>专家库中没有相符的专家</View> : null}
          {rec.items.map((x) => (
            <View key={x.id} id={`expert-${x.id}`} className='staff-list-row'>
              <View className='staff-row-main'>
                <Text className='staff-row-name'>{x.name}</Text>
                <Text className='staff-muted'>
                  {' '}
                  · {x.title} · 相符：{fields(x.matched)} · 在办会诊 {x.load} 件 · {ratingText(x.average)}
                </Text>
              </View>
              {x.invited ? (
                <Text className='staff-badge'>已邀请</Text>
              ) : (
                <Button id={`invite-${x.id}`} className='staff-btn' onClick={() => (busy ? undefined : void onInvite(x.id).then(load))}>
                  邀请
                </Button>
              )}
            </View>
          ))}
        </View>
      ) : (
        <Button id='recommend-experts' className='staff-btn' onClick={() => void load()}>
          查看推荐专家
        </Button>
      )}
      {error ? <View className='staff-error staff-field'>{error}</View> : null}
    </View>
  );
}
