import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { WarningRow } from '../../../../shared/schemas/warnings';
import { Button } from '../../components/Button';
import { warningText } from '../lib/figures';
import { staffUrl } from '../routes';

/**
 * 未诉先办: a month's warnings with their numbers, by township, each township with a link to its printable 预警提示 and
 * each warning with one to the cases behind it (预警诉求).
 * The 工作台 and the 统计 page show it; nothing when there is no warning.
 */
export function Warnings({ warnings, month }: { warnings: readonly WarningRow[]; month: string }) {
  if (warnings.length === 0) return null;
  const townships = [...new Map(warnings.map((w) => [w.townshipId, w.townshipName])).entries()];
  return (
    <View id='warnings' className='staff-card warn-card'>
      <View className='dash-heading'>
        未诉先办预警（{Number(month.slice(0, 4))}年{Number(month.slice(5, 7))}月，{warnings.length} 条）
      </View>
      {townships.map(([id, name]) => (
        <View key={id} className='staff-field'>
          <View className='warn-township'>
            <Text className='warn-township-name'>{name}</Text>
            <Button
              id={`notice-${id}`}
              className='staff-btn'
              dataUrl={staffUrl('notice', { township: id, month })}
              onClick={() => void Taro.navigateTo({ url: staffUrl('notice', { township: id, month }) })}
            >
              预警提示（打印）
            </Button>
          </View>
          {warnings
            .filter((w) => w.townshipId === id)
            .map((w) => (
              <View key={w.key} className={`dash-row warn-${w.kind}`}>
                <Text id={`warning-${id}-${w.key}`}>
                  <Text className={`staff-badge ${w.kind === 'rise' ? 'overdue' : 'status'}`}>{w.kind === 'rise' ? '上升' : '聚集'}</Text> {warningText(w)}
                </Text>
                <Button
                  id={`warning-cases-${id}-${w.key}`}
                  className='staff-btn'
                  dataUrl={staffUrl('warning', { township: id, month, key: w.key })}
                  onClick={() => void Taro.navigateTo({ url: staffUrl('warning', { township: id, month, key: w.key }) })}
                >
                  查看诉求
                </Button>
              </View>
            ))}
        </View>
      ))}
    </View>
  );
}
