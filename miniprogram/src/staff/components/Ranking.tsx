import { Text, View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import type { RankingAnswer } from '../../../../shared/schemas/staff';
import { Button } from '../../components/Button';
import { messageOf } from '../../lib/request';
import { api } from '../lib/api';
import { percent, rankBy, RANKED_LABELS, type Ranked } from '../lib/figures';

/**
 * 各乡镇（苏木）排名: the county's townships side by side on one figure of the period, highest first (a township with
 * nothing to divide by last), each with its numerator and denominator and its registrations and persons (批次、人次);
 * the figure is chosen with the tabs.
 */
export function Ranking({ from, to }: { from: string; to: string }) {
  const [data, setData] = useState<RankingAnswer | { error: string }>();
  const [by, setBy] = useState<Ranked>('resolution');
  const latest = useRef(0);
  useEffect(() => {
    const mine = ++latest.current;
    setData(undefined);
    api.staff
      .townshipRanking({ query: { from, to } })
      .then((d) => mine === latest.current && setData(d))
      .catch((e: unknown) => mine === latest.current && setData({ error: messageOf(e) }));
  }, [from, to]);
  return (
    <View id='ranking' className='staff-card'>
      <View className='dash-heading'>各乡镇（苏木）排名（本期间）</View>
      <View className='staff-tabs'>
        {(Object.keys(RANKED_LABELS) as Ranked[]).map((k) => (
          <Button key={k} id={`rank-by-${k}`} className='staff-tab' pressed={by === k} onClick={() => setBy(k)}>
            {RANKED_LABELS[k]}
          </Button>
        ))}
      </View>
      {!data ? <View className='staff-muted'>正在统计…</View> : null}
      {data && 'error' in data ? <View className='staff-error'>{data.error}</View> : null}
      {data && !('error' in data) ? (
        <View id='ranking-rows' data-by={by}>
          {rankBy(data.townships, by).map((t, i) => (
            <View key={t.id} id={`rank-${t.id}`} className='dash-row' data-rank={i + 1}>
              <Text>
                {i + 1}. {t.name}
              </Text>
              <Text>
                <Text className='dash-count'>{percent(t[by])}</Text>
                <Text className='staff-muted'>
                  {' '}
                  （{t[by].numerator} / {t[by].denominator}）
                </Text>
                <Text id={`rank-${t.id}-persons`} className='staff-muted dash-yoy'>
                  {' '}
                  {t.registered} 批次 · {t.persons} 人次
                </Text>
              </Text>
            </View>
          ))}
          <View className='dash-def'>{data.definitions[by]}</View>
        </View>
      ) : null}
    </View>
  );
}
