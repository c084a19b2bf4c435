import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { useData } from '../../../lib/useData';
import { RATING_LABELS } from '../../../../../shared/labels';
import { BOOKING_STATUS_LABELS } from '../../../../../shared/schemas/booking';
import { ApiError } from '../../../lib/apiError';
import { confirm } from '../../../lib/confirm';
import { messageOf } from '../../../lib/request';
import { ListState } from '../../components/Form';
import { StaffPage } from '../../components/StaffPage';
import { chinaDayOf, chinaHm, dayLabel, receptionsApi, type StaffBooking } from '../../lib/receptions';
import { staffUrl } from '../../routes';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/Field';

type Attendance = 'attended' | 'no_show';

/**
 * One booking: who, when (China time), what about. While it is booked, staff record attendance and an outcome note
 * once the reception has begun, or cancel it with a reason the citizen reads.
 */
export default function BookingDetail() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const booking = useData(() => receptionsApi.booking(id), [id]);
  const b = booking.data;
  // what went wrong with 记录 or 取消 (a failed read shows with its retry instead)
  const [error, setError] = useState('');
  const [attendance, setAttendance] = useState<Attendance | undefined>();
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');

  async function run(action: () => Promise<StaffBooking>, message: string) {
    if (busy) return;
    setBusy(true);
    setError('');
    setFields({});
    try {
      booking.set(await action());
      setDone(message);
    } catch (e) {
      if (e instanceof ApiError) setFields(e.fieldMessages());
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  function record() {
    if (!attendance) return setFields({ attendance: '请选择 已接访 或 未到场' });
    if (!note.trim()) return setFields({ note: '请填写接访结果' });
    void run(() => receptionsApi.attendance(id, { attendance, note: note.trim() }), '已记录接访结果，群众可在“我的预约”中看到。');
  }

  async function cancel() {
    if (!reason.trim()) return setFields({ reason: '请填写取消原因，群众会看到' });
    const ok = await confirm({ title: '取消预约', content: '取消后群众会收到原因，时段将空出。确定取消吗？', confirmText: '确定取消', cancelText: '不取消' });
    if (ok) void run(() => receptionsApi.cancel(id, reason.trim()), '已取消，群众会看到取消原因。');
  }

  const started = b ? Date.now() >= Date.parse(b.start) : false;

  return (
    <StaffPage current='receptions'>
      {() => (
        <View>
          <ListState id='booking' loading={booking.loading} error={booking.error} empty={false} emptyText='' onRetry={() => void booking.reload()} />
          {b && (
            <View>
              <View className='staff-title'>
                {b.host.name}（{b.host.kindLabel}）· <Text id='booking-status'>{BOOKING_STATUS_LABELS[b.status]}</Text>
              </View>
              <View className='staff-card staff-facts' id='booking-facts'>
                <Text className='staff-muted'>时间</Text>
                <Text>
                  {dayLabel(chinaDayOf(b.start))} {chinaHm(b.start)}–{chinaHm(b.end)}（北京时间）
                </Text>
                <Text className='staff-muted'>方式</Text>
                <Text>{b.wayLabel}</Text>
                <Text className='staff-muted'>群众</Text>
                <Text>{b.citizenName}</Text>
                <Text className='staff-muted'>预约事项</Text>
                <Text>{b.topic}</Text>
                {b.petition && (
                  <>
                    <Text className='staff-muted'>关联诉求</Text>
                    <Text id='booking-petition'>
                      {b.petition.categoryName} · 跟踪码 {b.petition.trackingCode} · {b.petition.summary}
                    </Text>
                  </>
                )}
                {b.rescheduled > 0 && (
                  <>
                    <Text className='staff-muted'>改约</Text>
                    <Text>{b.rescheduled} 次</Text>
                  </>
                )}
                {b.roomUrl && (
                  <>
                    <Text className='staff-muted'>视频房间</Text>
                    <Text selectable>{b.roomUrl}</Text>
                  </>
                )}
                {b.cancel && (
                  <>
                    <Text className='staff-muted'>取消</Text>
                    <Text id='booking-cancel'>
                      {b.cancel.by === 'staff' ? '中心取消' : '群众取消'}
                      {b.cancel.reason ? `：${b.cancel.reason}` : ''}
                    </Text>
                  </>
                )}
                {b.outcome && (
                  <>
                    <Text className='staff-muted'>接访结果</Text>
                    <Text id='booking-outcome'>
                      {b.outcome.note}（{b.outcome.by}）
                    </Text>
                  </>
                )}
                {b.rating && (
                  <>
                    <Text className='staff-muted'>群众评价</Text>
                    <Text>
                      {RATING_LABELS[b.rating.rating]}
                      {b.rating.comment ? `：${b.rating.comment}` : ''}
                    </Text>
                  </>
                )}
              </View>

              {done && (
                <View id='booking-done' className='staff-ok staff-field'>
                  {done}
                </View>
              )}
              {error && (
                <View id='action-error' className='staff-error staff-field'>
                  {error}
                </View>
              )}

              <Button id='back-to-schedule' className='staff-btn' onClick={() => void Taro.redirectTo({ url: staffUrl('receptions', { from: chinaDayOf(b.start), view: 'day' }) })}>
                返回当天日程
              </Button>

              {b.status === 'booked' && (
                <View className='staff-card' id='attendance-form'>
                  <View className='staff-strong staff-field'>记录接访结果</View>
                  {!started && <View className='staff-muted staff-field'>接访开始后才能记录到场情况。</View>}
                  <View className='staff-tabs'>
                    {(['attended', 'no_show'] as const).map((a) => (
                      <Button key={a} id={`attendance-${a}`} className='staff-tab' pressed={attendance === a} onClick={() => setAttendance(a)}>
                        {BOOKING_STATUS_LABELS[a]}
                      </Button>
                    ))}
                  </View>
                  {fields.attendance && <Text className='staff-error staff-field'>{fields.attendance}</Text>}
                  <TextField look='staff' id='outcome-note' label='接访结果（群众可见）' multiline maxLength={1000} value={note} onInput={setNote} error={fields.note} />
                  <Button id='save-attendance' className={`staff-btn primary ${busy ? 'busy' : ''}`} onClick={record}>
                    保存接访结果
                  </Button>
                </View>
              )}

              {b.status === 'booked' && (
                <View className='staff-card' id='cancel-form'>
                  <View className='staff-strong staff-field'>取消这次预约</View>
                  <TextField look='staff' id='cancel-reason' label='取消原因（群众可见）' multiline maxLength={200} value={reason} onInput={setReason} error={fields.reason} />
                  <Button id='cancel-booking' className={`staff-btn ${busy ? 'busy' : ''}`} onClick={() => void cancel()}>
                    取消预约
                  </Button>
                </View>
              )}
            </View>
          )}
        </View>
      )}
    </StaffPage>
  );
}
