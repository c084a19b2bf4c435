/** 统计's tables of counts: by one thing with last year's beside (way, channel), and a table of counts sorted, most first. */
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { percent } from '../../lib/figures';

/** Counts by one thing (way, channel): a row each with its count, its share where it has one, and last year's; `empty`: say 暂无 when there are none. */
export function Breakdown(props: {
  id: string;
  heading: string;
  unit: string;
  rows: ReadonlyArray<{ id: string; name: string; count: number; yearAgo: number; share?: Parameters<typeof percent>[0] }>;
  empty?: boolean;
  definition: string;
  defId?: string;
  children?: ReactNode;
}) {
  const { id, rows } = props;
  return (
    <View id={id} className='staff-card'>
      <View className='dash-heading'>{props.heading}</View>
      {props.empty && rows.length === 0 ? <View className='staff-muted'>暂无</View> : null}
      {rows.map((r) => (
        <View key={r.id} id={`${id}-${r.id}`} className='dash-row'>
          <Text>{r.name}</Text>
          <Text>
            <Text className='dash-count'>{r.count}</Text> {props.unit}
            {r.share ? (
              <>
                {' '}
                · 占 <Text id={`share-${r.id}`}>{percent(r.share)}</Text>
              </>
            ) : null}{' '}
            · 上年同期 {r.yearAgo}
          </Text>
        </View>
      ))}
      {props.children}
      <View id={props.defId} className='dash-def'>
        {props.definition}
      </View>
    </View>
  );
}

export function CountTable({ id, title, rows }: { id: string; title: string; rows: ReadonlyArray<{ id: string; name: string; count: number; yearAgo?: number }> }) {
  const sorted = [...rows].sort((a, b) => b.count - a.count);
  return (
    <View id={id} className='staff-card'>
      <View className='dash-heading'>{title}</View>
      {sorted.length === 0 ? <View className='staff-muted'>暂无</View> : null}
      {sorted.map((r) => (
        <View key={r.id} id={`${id}-${r.id}`} className='dash-row'>
          <Text>{r.name}</Text>
          <Text>
            <Text className='dash-count'>{r.count}</Text>
            {r.yearAgo !== undefined ? (
              <Text id={`${id}-${r.id}-yoy`} className='staff-muted dash-yoy'>
                {' '}
                同比 {r.yearAgo}
                {r.count !== r.yearAgo ? `（${r.count > r.yearAgo ? '+' : '−'}${Math.abs(r.count - r.yearAgo)}）` : ''}
              </Text>
            ) : null}
          </Text>
        </View>
      ))}
    </View>
  );
}
