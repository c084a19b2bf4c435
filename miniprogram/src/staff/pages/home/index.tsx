import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { OPEN_STATUSES, STATUS_GROUPS, type Status } from '../../../../../shared/schemas/common';
import { STATUS_LABELS } from '../../../../../shared/labels';
import { useData } from '../../../lib/useData';
import { messageOf } from '../../../lib/request';
import { ListState } from '../../components/Form';
import { StaffPage } from '../../components/StaffPage';
import { api } from '../../lib/api';
import { DESK_PAGE, WAITING_LABELS, countText, dueTabs, waitingStatuses } from '../../lib/desk';
import { ROLE_LABELS, type StaffUser } from '../../lib/session';
import { mayOpen, navFor, staffUrl } from '../../routes';
import { Button } from '../../../components/Button';
import { Warnings } from '../../components/Warnings';
import { TEAM_ROLES } from '../../../../../shared/schemas/backlog';

interface Tile {
  id: string;
  label: string;
  hint: string;
  count: string;
  url: string;
  tone?: 'overdue' | 'near';
}

/** One count of the caller's queue: a page of it, no more (the page's size at most, "50+" beyond). */
async function counted(query: { status?: Status; due?: 'overdue' | 'near'; team?: 'true' }): Promise<string> {
  const page = await api.staff.queue({ query: { ...query, sort: 'newest', limit: DESK_PAGE } });
  return countText(page.items.length, !!page.cursor);
}

/** What waits on the user now, in their scope: the open cases by step, near due, overdue, and today's receptions. */
async function tilesFor(user: StaffUser): Promise<Tile[]> {
  const tiles: Array<Promise<Tile>> = [];
  if (mayOpen('queue', user.role)) {
    for (const s of waitingStatuses(user.role)) {
      tiles.push(
        counted({ status: s }).then((count) => ({
          id: `now-${s}`,
          label: WAITING_LABELS[STATUS_GROUPS[s].waitsOn ?? ''] ?? STATUS_LABELS[s],
          hint: STATUS_LABELS[s],
          count,
          url: staffUrl('queue', { status: s }),
        })),
      );
    }
    if (dueTabs(user.role).includes('near')) tiles.push(counted({ due: 'near' }).then((count) => ({ id: 'now-near', label: '临期', hint: '快到期限', count, url: staffUrl('queue', { due: 'near' }), tone: 'near' as const })));
    tiles.push(counted({ due: 'overdue' }).then((count) => ({ id: 'now-overdue', label: '逾期', hint: '已过期限', count, url: staffUrl('queue', { due: 'overdue' }), tone: 'overdue' as const })));
  }
  if (TEAM_ROLES.includes(user.role)) {
    // 专班积案: the backlog cases the user leads or works on, whatever their scope (shown when there are any)
    tiles.push(counted({ team: 'true' }).then((count) => ({ id: 'now-team', label: '专班积案', hint: '我包案或参加专班的', count, url: staffUrl('queue', { team: 'true' }) })));
  }
  if (user.role === 'agent') {
    // 凡诉代办: an agent's reminders are on what they filed (one page of 我代办的): what moved, what is near due or late
    const page = api.staff.filed({ query: { limit: DESK_PAGE } });
    const tile = (id: string, label: string, hint: string, keep: (r: Awaited<typeof page>['items'][number]) => boolean, tone?: 'overdue' | 'near') =>
      page.then((p) => ({ id, label, hint, count: countText(p.items.filter(keep).length, !!p.cursor), url: staffUrl('filed'), ...(tone ? { tone } : {}) }));
    tiles.push(tile('now-news', '有新进展', '我代办的', (r) => r.news));
    tiles.push(tile('now-near', '临期', '我代办的快到期限', (r) => r.near, 'near'));
    tiles.push(tile('now-overdue', '逾期', '我代办的已过期限', (r) => r.overdue && OPEN_STATUSES.includes(r.status), 'overdue'));
  }
  if (mayOpen('receptions', user.role)) {
    // today's schedule of the caller's centre, today as the API's clock has it
    tiles.push(
      api.staff.receptions.schedule({ query: { days: 1 } }).then((day) => ({
        id: 'now-receptions',
        label: '今日接访',
        hint: '已预约',
        count: String(day.items.filter((b) => b.status === 'booked').length),
        // the schedule opens on the day the API counted (its clock's today), not the device's
        url: staffUrl('receptions', { view: 'day', from: day.from }),
      })),
    );
  }
  return (await Promise.all(tiles)).filter((t) => t.id !== 'now-team' || t.count !== '0');
}

function Desk({ user }: { user: StaffUser }) {
  // 未诉先办: this month's warnings of the caller's township or county (one read), for those who read the figures
  const warned = useData(() => (mayOpen('dashboard', user.role) ? api.staff.warnings({ query: {} }) : Promise.resolve(undefined)), [], { onShow: true });
  const warnings = warned.data;
  // 新预警: the user says 知道了 and the mark goes until the sweep raises another
  const [saying, setSaying] = useState(false);
  const seen = async () => {
    if (saying || !warnings) return;
    setSaying(true);
    try {
      await api.staff.warningsSeen({ body: { month: warnings.month } });
      await warned.refresh();
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    } finally {
      setSaying(false);
    }
  };
  // back from a case or the schedule: the counts may have moved on
  const desk = useData(() => tilesFor(user), [], { onShow: true });
  const tiles = desk.data;
  const go = (url: string) => void Taro.navigateTo({ url });
  return (
    <View>
      <View className='staff-title'>{user.name}，您好</View>
      <View className='staff-muted staff-field'>
        <Text>{ROLE_LABELS[user.role]}</Text>
      </View>
      {tiles?.length || desk.error ? (
        <View className='staff-card' id='now'>
          <View className='staff-section-title'>现在要办的</View>
          <ListState id='now' loading={false} error={desk.error} empty={false} emptyText='' onRetry={() => void desk.reload()} />
          <View className='staff-desk-tiles'>
            {(tiles ?? []).map((t) => (
              <Button key={t.id} id={t.id} className={`staff-desk-tile ${t.tone ?? ''}`} onClick={() => go(t.url)}>
                <Text className='staff-desk-count'>{t.count}</Text>
                <Text className='staff-desk-label'>{t.label}</Text>
                <Text className='staff-muted'>{t.hint}</Text>
              </Button>
            ))}
          </View>
        </View>
      ) : desk.loading ? (
        <View className='staff-card staff-muted' id='now-loading'>
          正在加载…
        </View>
      ) : null}
      {warnings ? (
        <Warnings
          warnings={warnings.warnings}
          month={warnings.month}
          countyWide={warnings.townships.length > 0}
          seen={{ seenAt: warnings.seenAt, unseen: warnings.unseen, onSeen: () => void seen(), busy: saying }}
        />
      ) : null}
      <View className='staff-card'>
        {navFor(user.role)
          .filter((n) => n.name !== 'home')
          .map((n) => (
            <Button key={n.name} id={`desk-${n.name}`} className='staff-btn' onClick={() => go(staffUrl(n.name))}>
              {n.label}
            </Button>
          ))}
      </View>
    </View>
  );
}

/** The staff desk: what waits on the user now (each a link to it), then the pages their role may open. */
export default function StaffHome() {
  return <StaffPage current='home'>{(user) => <Desk user={user} />}</StaffPage>;
}
