import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { formatTime } from '../../../../../shared/format';
import { RATING_LABELS } from '../../../../../shared/labels';
import { RATINGS, type Rating } from '../../../../../shared/schemas/common';
import type { TaskRow } from '../../../../../shared/schemas/staff';
import { STEP_TABLE } from '../../../../../shared/steps';
import { Button } from '../../../components/Button';
import { messageOf } from '../../../lib/request';
import { Chips, Field, FormFoot, ListState, TextField } from '../../components/Form';
import { StaffPage } from '../../components/StaffPage';
import { api, takeStep } from '../../lib/api';
import { errorAt, useSubmit } from '../../lib/form';
import { staffUrl } from '../../routes';

const PAGE = 50;
/** A call not made this many days after it fell due is shown as 逾期 (the centre's own rule of thumb, not the law's). */
const FOLLOW_UP_GRACE_DAYS = 3;
const DAY = 86_400_000;

/** How long a task has waited, and whether it is late. */
function waited(row: TaskRow, now = Date.now()) {
  const since = row.task === 'follow_up' ? row.followUpAt : row.updatedAt;
  const days = since ? Math.floor((now - Date.parse(since)) / DAY) : 0;
  return { since, days, late: row.task === 'follow_up' && days >= FOLLOW_UP_GRACE_DAYS };
}

/** The form of one call: reached or not, the citizen's rating if they gave one, and what was said. */
function FollowUpForm({ row, onDone }: { row: TaskRow; onDone: (row: TaskRow) => void }) {
  const [reached, setReached] = useState<'' | 'yes' | 'no'>('');
  const [rating, setRating] = useState<'' | Rating>('');
  const [note, setNote] = useState('');
  const form = useSubmit();
  const save = async () => {
    const value = { reached: reached === '' ? undefined : reached === 'yes', rating: reached === 'yes' && rating ? rating : undefined, note };
    const out = await form.submit(STEP_TABLE.follow_up.body, value, (body) => takeStep('follow_up', row.id, body));
    if (out) onDone(row);
  };
  const e = form.errors;
  return (
    <View id={`visit-form-${row.id}`} className='staff-field'>
      <Field id={`visit-reached-${row.id}`} label='是否联系上群众' error={errorAt(e, 'reached')}>
        <Chips
          idPrefix={`reached-${row.id}`}
          options={[
            { value: 'yes', label: '联系上了' },
            { value: 'no', label: '没有联系上' },
          ]}
          selected={[reached]}
          onToggle={(v) => setReached(v as 'yes' | 'no')}
        />
      </Field>
      {reached === 'yes' ? (
        <Field id={`visit-rating-${row.id}`} label='群众的评价（未评价可不选；群众未在小程序评价的，计入满意率和参评率）' error={errorAt(e, 'rating')}>
          <Chips idPrefix={`rating-${row.id}`} options={RATINGS.map((r) => ({ value: r, label: RATING_LABELS[r] }))} selected={[rating]} onToggle={(v) => setRating(rating === v ? '' : v)} />
        </Field>
      ) : null}
      <TextField id={`visit-note-${row.id}`} label='回访情况' multiline maxLength={1000} value={note} onInput={setNote} error={errorAt(e, 'note')} placeholder='如：电话回访，群众表示问题已解决' />
      <FormFoot id={`visit-save-${row.id}`} busy={form.busy} message={form.message} label='记录回访' onSave={() => void save()} />
    </View>
  );
}

/**
 * 回访 (and 复查): the follow-up calls due in the caller's scope, the longest waiting first, each recorded here (reached
 * or not, the citizen's rating, a note); a call waiting FOLLOW_UP_GRACE_DAYS days or more is marked 逾期. A reopened
 * case's review (复查) opens its file.
 */
export default function TasksPage() {
  const [rows, setRows] = useState<TaskRow[]>([]);
  const [cursor, setCursor] = useState<string | undefined>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const [notice, setNotice] = useState('');

  const load = async (more = false) => {
    setLoading(true);
    setError('');
    try {
      const page = await api.staff.tasks({ query: { limit: PAGE, cursor: more ? cursor : undefined } });
      setRows((r) => (more ? [...r, ...page.items] : page.items));
      setCursor(page.cursor);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setLoading(false);
    }
  };
  useDidShow(() => void load());

  const done = (row: TaskRow) => {
    setRows((r) => r.filter((x) => x.id !== row.id));
    setOpen(null);
    setNotice(`已记录回访：跟踪码 ${row.trackingCode}`);
  };

  const late = rows.filter((r) => waited(r).late).length;
  return (
    <StaffPage current='tasks'>
      {() => (
        <View>
          <View className='staff-title'>回访与复查</View>
          <View id='tasks-summary' className='staff-muted staff-field'>
            {rows.length ? `共 ${rows.length} 件待办，其中 ${late} 件回访已逾期（到期 ${FOLLOW_UP_GRACE_DAYS} 天仍未回访）。` : ''}
          </View>
          {notice ? (
            <View id='tasks-notice' className='staff-ok staff-field' role='status'>
              {notice}
            </View>
          ) : null}
          <View id='tasks-list'>
            {rows.map((r) => {
              const w = waited(r);
              return (
                <View key={r.id} id={`task-${r.id}`} className='staff-card'>
                  <View className='staff-badges'>
                    <Text className='staff-badge status'>{r.task === 'follow_up' ? '回访' : '复查'}</Text>
                    {w.late ? <Text className='staff-badge overdue'>逾期 {w.days} 天</Text> : null}
                  </View>
                  <View className='staff-filed-head'>
                    <Text>{r.categoryName}</Text>
                    <Text className='staff-muted'> · {r.townshipName} · 跟踪码 {r.trackingCode}</Text>
                  </View>
                  <View className='staff-muted'>{r.summary}</View>
                  <View className='staff-muted'>
                    {r.task === 'follow_up' ? `应于 ${formatTime(w.since)} 起回访` : `${formatTime(w.since)} 群众评价不满意，重新办理`}
                    {r.phoneMasked ? `；电话 ${r.phoneMasked}（在诉求详情中查看完整号码）` : ''}
                  </View>
                  <View className='staff-actions'>
                    {r.task === 'follow_up' ? (
                      <Button id={`visit-${r.id}`} className='staff-btn primary' pressed={open === r.id} onClick={() => setOpen(open === r.id ? null : r.id)}>
                        记录回访
                      </Button>
                    ) : null}
                    <Button id={`open-${r.id}`} className='staff-btn' onClick={() => void Taro.navigateTo({ url: staffUrl('petition', { id: r.id }) })}>
                      诉求详情
                    </Button>
                  </View>
                  {open === r.id ? <FollowUpForm row={r} onDone={done} /> : null}
                </View>
              );
            })}
          </View>
          <ListState id='tasks' loading={loading} error={error} empty={!rows.length} emptyText='现在没有到期的回访或复查。' onRetry={() => void load()} />
          {cursor && !loading ? (
            <Button id='tasks-more' className='staff-btn' onClick={() => void load(true)}>
              加载更多
            </Button>
          ) : null}
        </View>
      )}
    </StaffPage>
  );
}
