import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { usePages } from '../../../lib/useData';
import { formatTime } from '../../../lib/format';
import { messageOf } from '../../../lib/request';
import { Button } from '../../../components/Button';
import { PagedList } from '../../components/Form';
import type { AuditEntry } from '../../../../../shared/schemas/security';
import { ROLE_LABELS } from '../../lib/session';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_SUBJECT_LABELS,
  LOGIN_RESULT_LABELS,
  changedText,
  liftLock,
  listAudit,
  listLogins,
} from '../../lib/security';

/** What the entry is about: its name and id (a user: name and username). */
function nameOf(e: AuditEntry): string {
  const name = e.after?.name ?? e.before?.name;
  return typeof name === 'string' ? `${name}（${e.subjectId}）` : e.subjectId;
}

/** 操作记录: who changed which user, place, department or category, when, and what changed. */
export function AuditTab() {
  const list = usePages(listAudit, []);
  return (
    <View>
      <PagedList
        id='audit'
        list={list}
        emptyText='还没有操作记录'
        row={(e) => (
          <View key={e.id} id={`audit-${e.subjectId}`} className='staff-list-row'>
            <View className='staff-row-main'>
              <Text className='staff-row-name'>
                {AUDIT_ACTION_LABELS[e.action]}{AUDIT_SUBJECT_LABELS[e.subject]} {nameOf(e)}
              </Text>
              <View className='staff-muted'>
                {formatTime(e.at)} · {e.actor.name}（{ROLE_LABELS[e.actor.role]}）{e.action !== 'create' && e.changed.length ? ` · 改动：${changedText(e.changed)}` : ''}
              </View>
            </View>
          </View>
        )}
      />
    </View>
  );
}

/** 登录记录 (admins): every staff login attempt with its result and source address; a refused one can be unlocked. */
export function LoginsTab() {
  const [unknown, setUnknown] = useState(false);
  const [note, setNote] = useState('');
  const list = usePages((cursor) => listLogins(unknown, cursor), [unknown]);
  const lift = async (body: { username: string } | { address: string }) => {
    setNote('');
    try {
      const out = await liftLock(body);
      setNote(out.lifted ? `已解锁：${'username' in body ? body.username : body.address}` : '没有需要解锁的限制');
    } catch (e) {
      setNote(messageOf(e));
    }
  };
  return (
    <View>
      <Button id='logins-unknown' className='staff-btn' onClick={() => setUnknown(!unknown)}>
        {unknown ? '看本县用户的登录' : '看不存在的用户名的尝试'}
      </Button>
      {note ? (
        <View id='logins-note' className='staff-ok staff-field'>
          {note}
        </View>
      ) : null}
      <PagedList
        id='logins'
        list={list}
        emptyText='还没有登录记录'
        row={(r) => (
          <View key={r.id} id={`login-${r.id}`} className='staff-list-row'>
            <View className='staff-row-main'>
              <Text className='staff-row-name'>{r.username ?? '（用户名不存在）'}</Text>
              <Text className='staff-muted'> · {LOGIN_RESULT_LABELS[r.result]}</Text>
              <View className='staff-muted'>
                {formatTime(r.at)} · 来源 {r.address}
              </View>
            </View>
            {r.result === 'throttled' && r.username ? (
              <Button id={`login-lift-${r.id}`} className='staff-btn' onClick={() => void lift({ username: r.username ?? '' })}>
                解锁该用户
              </Button>
            ) : null}
            {r.result !== 'ok' ? (
              <Button id={`login-lift-address-${r.id}`} className='staff-btn' onClick={() => void lift({ address: r.address })}>
                解锁该来源
              </Button>
            ) : null}
          </View>
        )}
      />
    </View>
  );
}
