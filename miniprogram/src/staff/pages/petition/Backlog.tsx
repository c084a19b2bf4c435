/**
 * The case file's 积案 card (一个案件、一名领导、一个专班): the class and its deadline, the lead official (包案领导) and
 * the team (专班). The county names both from its staff list: one lead and 1 to 10 members, each a staff user who
 * then sees the case and finds it under 专班积案 in the queue.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { TEAM_ROLES } from '../../../../../shared/schemas/backlog';
import type { StaffUser } from '../../../../../shared/schemas/org';
import { Button } from '../../../components/Button';
import { formatTime } from '../../../lib/format';
import { messageOf } from '../../../lib/request';
import { api } from '../../lib/api';
import type { CaseFile } from '../../lib/petitions';
import { ROLE_LABELS } from '../../lib/session';

const CLASS_DAYS = { A: 90, B: 60, C: 30 } as const;
/** 专班最多 10 人 (the step's schema says so too) */
export const MAX_TEAM = 10;

/** The active staff of the caller's scope who work cases, 100 a page (a county has dozens). */
async function staffList(): Promise<StaffUser[]> {
  const out: StaffUser[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.staff.users({ query: { limit: 100, cursor } });
    out.push(...page.items);
    cursor = page.cursor;
  } while (cursor && out.length < 2000);
  return out.filter((u) => u.active !== false && TEAM_ROLES.includes(u.role));
}

type Assign = { usernames: string[]; lead?: string };

export function BacklogCard({ p, canAssign, onAssign }: { p: CaseFile; canAssign: boolean; onAssign: (body: Assign) => Promise<Record<string, string> | void> }) {
  const b = p.backlog;
  const [users, setUsers] = useState<StaffUser[] | null>(null);
  const [team, setTeam] = useState<string[]>([]);
  const [lead, setLead] = useState<string | undefined>(undefined);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  if (!b) return null;
  const claimed = b.leadOfficial?.claimedAt !== undefined;

  const start = async () => {
    setError('');
    try {
      const list = await staffList();
      const onTeam = new Set((b.team ?? []).map((m) => m.id));
      setTeam(list.filter((u) => onTeam.has(u.id)).map((u) => u.username));
      setLead(list.find((u) => u.id === b.leadOfficial?.id)?.username);
      setUsers(list);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const toggle = (username: string) => {
    setError('');
    if (team.includes(username)) setTeam(team.filter((x) => x !== username));
    else if (team.length >= MAX_TEAM) setError(`专班最多 ${MAX_TEAM} 人`);
    else setTeam([...team, username]);
  };
  const save = async () => {
    if (busy) return;
    if (team.length === 0) return setError('请至少选择一名专班成员');
    setBusy(true);
    const failed = await onAssign({ usernames: team, ...(lead && !claimed ? { lead } : {}) });
    setBusy(false);
    if (failed) setError(Object.values(failed)[0] ?? '');
    else setUsers(null);
  };
  const label = (u: StaffUser) => `${u.name}（${ROLE_LABELS[u.role]}）`;

  return (
    <View className='staff-card' id='backlog'>
      <View className='staff-title'>积案：包案领导与专班</View>
      <View className='staff-facts'>
        <Text className='staff-muted'>积案等级</Text>
        <Text id='backlog-class'>
          {b.backlogClass} 类积案（{CLASS_DAYS[b.backlogClass]} 天）
        </Text>
        <Text className='staff-muted'>化解期限</Text>
        <Text id='backlog-due'>{formatTime(b.dueAt)}</Text>
        <Text className='staff-muted'>包案领导</Text>
        <Text id='backlog-lead'>{b.leadOfficial ? `${b.leadOfficial.name}${claimed ? '（揭榜领办）' : ''}` : '尚未确定'}</Text>
        <Text className='staff-muted'>专班</Text>
        <Text id='backlog-team'>{b.team?.length ? b.team.map((m) => m.name).join('、') : '尚未组建'}</Text>
      </View>
      {canAssign && !users ? (
        <Button id='assign-team' className='staff-btn' onClick={() => void start()}>
          {b.team?.length ? '调整包案领导与专班' : '确定包案领导与专班'}
        </Button>
      ) : null}
      {users ? (
        <View id='team-form'>
          {claimed ? null : (
            <View className='staff-field' role='group' aria-label='包案领导'>
              <Text className='staff-field-label'>包案领导（选一人，可不选）</Text>
              <View className='staff-tabs'>
                {users.map((u) => (
                  <Button key={u.username} id={`lead-${u.username}`} className='staff-tab' pressed={lead === u.username} onClick={() => setLead(lead === u.username ? undefined : u.username)}>
                    {label(u)}
                  </Button>
                ))}
              </View>
            </View>
          )}
          <View className='staff-field' role='group' aria-label='专班成员'>
            <Text className='staff-field-label'>
              专班成员（1 到 {MAX_TEAM} 人，已选 {team.length} 人）
            </Text>
            <View className='staff-tabs'>
              {users.map((u) => (
                <Button key={u.username} id={`member-${u.username}`} className='staff-tab' pressed={team.includes(u.username)} onClick={() => toggle(u.username)}>
                  {label(u)}
                </Button>
              ))}
            </View>
          </View>
          <View className='staff-actions'>
            <Button id='save-team' className={`staff-btn primary ${busy ? 'busy' : ''}`} onClick={() => void save()}>
              {busy ? '正在保存…' : '保存'}
            </Button>
            <Button id='cancel-team' className='staff-btn' onClick={() => setUsers(null)}>
              取消
            </Button>
          </View>
        </View>
      ) : null}
      {error ? (
        <View id='team-error' className='staff-error staff-field'>
          {error}
        </View>
      ) : null}
    </View>
  );
}
