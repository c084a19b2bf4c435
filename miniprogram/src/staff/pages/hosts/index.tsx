import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { HOST_KIND_LABELS, WAY_LABELS } from '../../../../../shared/schemas/booking';
import { messageOf } from '../../../lib/request';
import { useData } from '../../../lib/useData';
import { CentreChips } from '../../components/CentreChips';
import { ListState } from '../../components/Form';
import { StaffPage } from '../../components/StaffPage';
import { chinaToday, percent, receptionsApi, shiftDay, type Figures, type StaffHost, type Totals } from '../../lib/receptions';
import { staffUrl } from '../../routes';
import { Button } from '../../../components/Button';
import { TextInput } from '../../../components/Field';

const WEEKDAY_NAMES = ['', '一', '二', '三', '四', '五', '六', '日'];
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** `周一 09:00–12:00；周三 14:00–17:00` */
function weeklySummary(h: StaffHost): string {
  const parts = h.availability.weekly
    .filter((w) => w.windows.length)
    .sort((a, b) => a.weekday - b.weekday)
    .map((w) => `周${WEEKDAY_NAMES[w.weekday]} ${w.windows.map((x) => `${x.from}–${x.to}`).join('、')}`);
  return parts.length ? parts.join('；') : '未设每周接访时间';
}

function FigureCells({ t }: { t: Totals }) {
  return (
    <>
      <Text className='staff-td'>{t.booked}</Text>
      <Text className='staff-td'>{t.attended}</Text>
      <Text className='staff-td'>{t.noShow}</Text>
      <Text className='staff-td'>{t.cancelled}</Text>
      <Text className='staff-td'>
        {t.satisfied} / {t.basically_satisfied} / {t.dissatisfied}
      </Text>
      <Text className='staff-td'>{percent(t.satisfaction)}</Text>
    </>
  );
}

/** The centre's hosts with their weekly hours, and the reception figures of a period, the centre's and each host's. */
export default function Hosts() {
  const list = useData(receptionsApi.hosts, [], { onShow: true });
  const hosts = list.data ?? [];
  const [figures, setFigures] = useState<Figures | undefined>();
  const [to, setTo] = useState(chinaToday());
  const [from, setFrom] = useState(shiftDay(chinaToday(), -29));
  const [figuresError, setFiguresError] = useState('');
  const [centreId, setCentreId] = useState<string | undefined>();

  async function loadFigures() {
    setFiguresError('');
    if (!DAY_RE.test(from) || !DAY_RE.test(to)) return setFiguresError('日期须为 YYYY-MM-DD');
    try {
      setFigures(await receptionsApi.figures({ from, to, centreId }));
    } catch (e) {
      setFiguresError(messageOf(e));
    }
  }
  // the figures follow the centre chosen; a new period waits for 统计
  useEffect(() => void loadFigures(), [centreId]);

  const rows = new Map((figures?.hosts ?? []).map((h) => [h.id, h]));
  const edit = (hostId?: string) => void Taro.navigateTo({ url: staffUrl('host', hostId ? { hostId } : {}) });

  return (
    <StaffPage current='receptions' wide>
      {(user) => (
        <View>
          <View className='staff-row'>
            <View className='staff-title'>接访人</View>
            <Button id='host-new' className='staff-btn primary' onClick={() => edit()}>
              新增接访人
            </Button>
            <Button id='to-schedule' className='staff-btn' onClick={() => void Taro.navigateTo({ url: staffUrl('receptions') })}>
              接访日程
            </Button>
          </View>

          <View className='staff-card'>
            <View className='staff-strong staff-field'>接访统计{figures ? `（${figures.centre.name}）` : ''}</View>
            {user.role !== 'centre_staff' && <CentreChips value={centreId} onChange={setCentreId} />}
            <View className='staff-row'>
              <Text className='staff-field-label'>从</Text>
              <TextInput id='figures-from' label='统计开始日期' className='staff-input staff-date' value={from} onInput={setFrom} />
              <Text className='staff-field-label'>到</Text>
              <TextInput id='figures-to' label='统计结束日期' className='staff-input staff-date' value={to} onInput={setTo} />
              <Button id='figures-apply' className='staff-btn' onClick={() => void loadFigures()}>
                统计
              </Button>
            </View>
            {figuresError && (
              <View id='figures-error' className='staff-error staff-field'>
                {figuresError}
              </View>
            )}
            {figures && (
              <View id='figures-totals' className='staff-figures'>
                <Text>预约 {figures.totals.booked}</Text>
                <Text>已接访 {figures.totals.attended}</Text>
                <Text>未到场 {figures.totals.noShow}</Text>
                <Text>已取消 {figures.totals.cancelled}</Text>
                <Text>评价 {figures.totals.rated}</Text>
                <Text>满意率 {percent(figures.totals.satisfaction)}</Text>
                <Text>到场率 {percent(figures.totals.attendance)}</Text>
              </View>
            )}
            {figures && (
              <View className='staff-muted'>
                {Object.values(figures.definitions).map((d) => (
                  <View key={d}>{d}</View>
                ))}
              </View>
            )}
          </View>

          <ListState id='hosts' loading={list.loading} error={list.error} empty={!hosts.length} emptyText='还没有接访人。点“新增接访人”添加领导、律师、法官、调解员或心理咨询师。' onRetry={() => void list.reload()} />
          {hosts.length > 0 && (
            <View className='staff-scroll'>
              <View id='host-list' className='staff-grid staff-hosts-grid'>
                <Text className='staff-th'>接访人</Text>
                <Text className='staff-th'>每周接访时间（北京时间）</Text>
                <Text className='staff-th'>预约</Text>
                <Text className='staff-th'>已接访</Text>
                <Text className='staff-th'>未到场</Text>
                <Text className='staff-th'>已取消</Text>
                <Text className='staff-th'>满意/基本/不满意</Text>
                <Text className='staff-th'>满意率</Text>
                {hosts.map((h) => {
                  const f = rows.get(h.id);
                  return (
                    <View key={h.id} id={`host-${h.id}`} className='staff-grid-row'>
                      <View className='staff-td'>
                        <Button id={`host-edit-${h.id}`} className='staff-strong staff-link' label={`${h.name}：修改接访人与接访时间`} onClick={() => edit(h.id)}>
                          {h.name}
                        </Button>
                        <View className='staff-muted'>
                          {HOST_KIND_LABELS[h.kind]}
                          {h.title ? ` · ${h.title}` : ''} · {h.ways.map((w) => WAY_LABELS[w]).join('、')}
                          {h.active ? '' : ' · 已停用'}
                        </View>
                      </View>
                      <Text className='staff-td'>{weeklySummary(h)}</Text>
                      {f ? <FigureCells t={f} /> : <Text className='staff-td staff-span'>—</Text>}
                    </View>
                  );
                })}
              </View>
            </View>
          )}
        </View>
      )}
    </StaffPage>
  );
}
