import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { isNewWarning, type WarningRow } from '../../../../shared/schemas/warnings';
import { Button } from '../../components/Button';
import { warningText } from '../lib/figures';
import { staffUrl } from '../routes';

/** The 工作台's 新预警 mark: when the user last saw the month's warnings, how many came since, and how to say seen. */
export interface SeenMark {
  seenAt?: string;
  unseen: number;
  onSeen(): void;
  busy?: boolean;
}

/**
 * 未诉先办: a month's warnings with their numbers, by township, each township with a link to its printable 预警提示 and
 * each warning with one to the cases behind it (预警诉求); for the county, a link to print every township's at once.
 * The 工作台 and the 统计 page show it; nothing when there is no warning. On the 工作台 (`seen`), the warnings raised
 * since the user last said 知道了 are marked 新预警: how the centre is told of a warning.
 */
export function Warnings({ warnings, month, countyWide, seen }: { warnings: readonly WarningRow[]; month: string; countyWide?: boolean; seen?: SeenMark }) {
  if (warnings.length === 0) return null;
  const townships = [...new Map(warnings.map((w) => [w.townshipId, w.townshipName])).entries()];
  return (
    <View id='warnings' className='staff-card warn-card'>
      <View className='dash-heading'>
        未诉先办预警（{Number(month.slice(0, 4))}年{Number(month.slice(5, 7))}月，{warnings.length} 条）
        {seen && seen.unseen > 0 ? (
          <Text id='warnings-new' className='staff-badge overdue warn-new-count'>
            新预警 {seen.unseen} 条
          </Text>
        ) : null}
      </View>
      {seen && seen.unseen > 0 ? (
        <View className='warn-township'>
          <Text className='staff-muted'>新预警在您点“知道了”之前一直标出。</Text>
          <Button id='warnings-seen' className={`staff-btn primary ${seen.busy ? 'busy' : ''}`} onClick={seen.onSeen}>
            {seen.busy ? '正在保存…' : '知道了'}
          </Button>
        </View>
      ) : null}
      {countyWide ? (
        <View className='warn-township'>
          <Text className='staff-muted'>全县各乡镇（苏木）的预警提示，每个一张 A4 纸</Text>
          <Button
            id='notice-all'
            className='staff-btn'
            dataUrl={staffUrl('notice', { month })}
            onClick={() => void Taro.navigateTo({ url: staffUrl('notice', { month }) })}
          >
            全县预警提示（打印）
          </Button>
        </View>
      ) : null}
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
                <Text>
                  {seen && isNewWarning(w, seen.seenAt) ? (
                    <Text id={`warning-new-${id}-${w.key}`} className='staff-badge near'>
                      新
                    </Text>
                  ) : null}
                  <Text id={`warning-${id}-${w.key}`}>
                    <Text className={`staff-badge ${w.kind === 'rise' ? 'overdue' : 'status'}`}>{w.kind === 'rise' ? '上升' : '聚集'}</Text> {warningText(w)}
                  </Text>
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
