import { Text, View } from '@tarojs/components';
import { levelNamesOf } from '../../../../../shared/countySettings';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { CHANNEL_LABELS, STATUS_LABELS } from '../../../../../shared/labels';
import { CHANNELS, OPEN_STATUSES, STATUSES, type Channel } from '../../../../../shared/schemas/common';
import { ApiError } from '../../../lib/apiError';
import { formatTime } from '../../../lib/format';
import { usePages } from '../../../lib/useData';
import { DatePicker } from '../../components/DatePicker';
import { StaffPage } from '../../components/StaffPage';
import { api } from '../../lib/api';
import type { StaffUser } from '../../lib/session';
import { dueTabs, queueStatuses } from '../../lib/desk';
import { TEAM_ROLES } from '../../../../../shared/schemas/backlog';
import { timeLeft, type QueueRow, type QueueView, type StaffOrg } from '../../lib/petitions';
import { staffUrl } from '../../routes';
import { Button } from '../../../components/Button';
import { TextInput } from '../../../components/Field';

const PAGE = 20;
const DUE_LABELS = { overdue: '逾期', near: '临期' } as const;

function Badges({ row }: { row: QueueRow }) {
  return (
    <View className='staff-badges'>
      <Text className='staff-badge status'>{STATUS_LABELS[row.status]}</Text>
      {/* a resolved case past its rating window waits on the citizen, not on staff */}
      {row.overdue && row.dueAt && OPEN_STATUSES.includes(row.status) ? <Text className='staff-badge overdue'>逾期 · {timeLeft(row.dueAt).replace('逾期 ', '')}</Text> : null}
      {row.near && row.dueAt ? <Text className='staff-badge near'>临期 · {timeLeft(row.dueAt)}</Text> : null}
      {row.repeatOf ? <Text className='staff-badge repeat'>{row.repeatConfirmed ? '重复' : '疑似重复'}</Text> : null}
      {/* 首接首办: escalated, the case stays with its owner and the next level supervises it */}
      {row.supervisedBy ? <Text className='staff-badge supervised'>上级督办</Text> : null}
    </View>
  );
}

/** A row of choices; the one on is highlighted, tapping it again clears it. */
function Chips<T extends string>(props: { id: string; label: string; options: ReadonlyArray<{ value: T; label: string }>; value?: T; onChange: (v: T | undefined) => void }) {
  return (
    <View className='staff-field'>
      <Text className='staff-field-label'>{props.label}</Text>
      <View className='staff-tabs'>
        <Button id={`${props.id}-all`} className='staff-tab' pressed={props.value === undefined} onClick={() => props.onChange(undefined)}>
          全部
        </Button>
        {props.options.map((o) => (
          <Button key={o.value} id={`${props.id}-${o.value}`} className='staff-tab' pressed={props.value === o.value} onClick={() => props.onChange(props.value === o.value ? undefined : o.value)}>
            {o.label}
          </Button>
        ))}
      </View>
    </View>
  );
}

function Queue({ user }: { user: StaffUser }) {
  const { params } = useRouter();
  const [view, setView] = useState<QueueView>(() => ({
    sort: 'newest',
    status: STATUSES.find((s) => s === params.status),
    due: params.due === 'overdue' || params.due === 'near' ? params.due : undefined,
    supervised: params.supervised === 'true' ? 'true' : undefined,
    consulting: params.consulting === 'true' ? 'true' : undefined,
    team: params.team === 'true' ? 'true' : undefined,
  }));
  const [code, setCode] = useState('');
  const [org, setOrg] = useState<StaffOrg | null>(null);
  const [showFilters, setShowFilters] = useState(false);

  // back from a case file: its row may have moved on
  const list = usePages((after) => api.staff.queue({ query: { ...view, limit: PAGE, cursor: after } }), [view], { onShow: true });
  const rows = list.items;
  const fields = list.failure instanceof ApiError ? list.failure.fieldMessages() : {};
  const show = (patch: Partial<QueueView>) => {
    setView({ ...view, ...patch });
  };

  useEffect(() => {
    api.staff
      .org()
      .then(setOrg)
      .catch(() => setOrg(null));
  }, []);

  const open = (row: QueueRow) => void Taro.navigateTo({ url: staffUrl('petition', { id: row.id }) });
  const search = () => show({ code: code.trim() || undefined });
  const townships = org?.nodes.filter((n) => n.kind === 'township') ?? [];

  return (
    <View>
      <View className='staff-queue-head'>
        <View className='staff-title'>待办</View>
        <View className='staff-search'>
          <TextInput
            id='code'
            label='跟踪码'
            className='staff-input'
            placeholder='输入 10 位跟踪码查找'
            value={code}
            maxLength={10}
            onInput={(v) => setCode(v.toUpperCase())}
            onConfirm={search}
          />
          <Button id='search' className='staff-btn primary' onClick={search}>
            查找
          </Button>
          {view.code ? (
            <Button
              id='clear-search'
              className='staff-btn'
              onClick={() => {
                setCode('');
                show({ code: undefined });
              }}
            >
              清除
            </Button>
          ) : null}
        </View>
        {fields.code ? <Text className='staff-error'>{fields.code}</Text> : null}
      </View>

      <View className='staff-tabs' id='status-tabs'>
        <Button
          id='tab-all'
          className='staff-tab'
          pressed={!view.status && !view.due && !view.supervised && !view.consulting && !view.team}
          onClick={() => show({ status: undefined, due: undefined, supervised: undefined, consulting: undefined, team: undefined })}
        >
          全部
        </Button>
        {/* a village's queue has no near-due tab (the API keeps near due per centre and department) */}
        {dueTabs(user.role).map((d) => (
          <Button key={d} id={`tab-${d}`} className={`staff-tab ${d}`} pressed={view.due === d} onClick={() => show({ due: view.due === d ? undefined : d, supervised: undefined, consulting: undefined, team: undefined })}>
            {DUE_LABELS[d]}
          </Button>
        ))}
        {/* the cases escalated to this centre, which it supervises: a centre's list, in the order they came in */}
        {user.role === 'village_staff' ? null : user.role !== 'handler' ? (
          <Button
            id='tab-supervised'
            className='staff-tab'
            pressed={!!view.supervised}
            onClick={() => show(view.supervised ? { supervised: undefined } : { supervised: 'true', due: undefined, team: undefined, sort: 'newest' })}
          >
            督办
          </Button>
        ) : (
          // 联合会诊: the cases this handler's department is called into as a co-department
          <Button
            id='tab-consulting'
            className='staff-tab'
            pressed={!!view.consulting}
            onClick={() => show(view.consulting ? { consulting: undefined } : { consulting: 'true', due: undefined, team: undefined, sort: 'newest' })}
          >
            会诊
          </Button>
        )}
        {/* 专班: the backlog cases the user is on (a member, or the lead official), whatever their scope */}
        {TEAM_ROLES.includes(user.role) ? (
          <Button
            id='tab-team'
            className='staff-tab'
            pressed={!!view.team}
            onClick={() => show(view.team ? { team: undefined } : { team: 'true', due: undefined, supervised: undefined, consulting: undefined, sort: 'newest' })}
          >
            专班积案
          </Button>
        ) : null}
        {/* only the statuses this role's cases can have: a handler's start at 已分派 */}
        {queueStatuses(user.role).map((s) => (
          <Button key={s} id={`tab-${s}`} className='staff-tab' pressed={view.status === s} onClick={() => show({ status: view.status === s ? undefined : s })}>
            {STATUS_LABELS[s]}
          </Button>
        ))}
      </View>

      <View className='staff-toolbar'>
        {view.supervised || view.consulting || view.team ? null : (
          <Button id='sort' className='staff-btn' onClick={() => show({ sort: view.sort === 'newest' ? 'urgent' : 'newest' })}>
            {view.sort === 'newest' ? '排序：最新在前' : '排序：最紧急在前'}
          </Button>
        )}
        <Button id='toggle-filters' className='staff-btn' onClick={() => setShowFilters(!showFilters)}>
          {showFilters ? '收起筛选' : '筛选'}
          {view.categoryId || view.townshipId || view.channel || view.from || view.to ? '（已筛选）' : ''}
        </Button>
      </View>

      {showFilters ? (
        <View className='staff-card' id='filters'>
          <Chips id='category' label='诉求类型' options={(org?.categories ?? []).map((c) => ({ value: c.id, label: c.name }))} value={view.categoryId} onChange={(categoryId) => show({ categoryId })} />
          {user.role === 'county_supervisor' || user.role === 'admin' ? (
            <Chips id='township' label={levelNamesOf(org?.nodes ?? []).township} options={townships.map((t) => ({ value: t.id, label: t.name }))} value={view.townshipId} onChange={(townshipId) => show({ townshipId })} />
          ) : null}
          <Chips<Channel> id='channel' label='渠道' options={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))} value={view.channel} onChange={(channel) => show({ channel })} />
          <View className='staff-field'>
            <Text className='staff-field-label'>上报日期</Text>
            <View className='staff-toolbar'>
              <DatePicker id='from' label='开始日期' value={view.from ?? ''} onChange={(from) => show({ from })} text={view.from ? `从 ${view.from}` : '开始日期'} />
              <DatePicker id='to' label='结束日期' value={view.to ?? ''} onChange={(to) => show({ to })} text={view.to ? `到 ${view.to}` : '结束日期'} />
              {view.from || view.to ? (
                <Button id='clear-dates' className='staff-btn' onClick={() => show({ from: undefined, to: undefined })}>
                  不限日期
                </Button>
              ) : null}
            </View>
            {fields.from || fields.to ? <Text className='staff-error'>{fields.from ?? fields.to}</Text> : null}
          </View>
        </View>
      ) : null}

      {list.error ? (
        <View id='queue-error' className='staff-card staff-error' role='alert'>
          {list.error}
          <Button className='staff-btn' onClick={() => void list.reload()}>
            重试
          </Button>
        </View>
      ) : null}
      {list.loading ? (
        <View id='queue-loading' className='staff-card staff-muted'>
          正在加载…
        </View>
      ) : rows.length === 0 && !list.error ? (
        <View id='queue-empty' className='staff-card staff-muted'>
          {view.code ? '没有找到这个跟踪码的诉求（只能查找本中心的诉求）' : '这里没有诉求'}
        </View>
      ) : null}

      {rows.length > 0 ? (
        <View>
          {/* a dense table at 1280 px and wider */}
          <View className='staff-qtable' id='queue-table'>
            <View className='staff-qrow head'>
              <Text>跟踪码</Text>
              <Text>内容</Text>
              <Text>类型</Text>
              <Text>{levelNamesOf(org?.nodes ?? []).township}</Text>
              <Text>渠道</Text>
              <Text>电话</Text>
              <Text>上报时间</Text>
              <Text>期限</Text>
              <Text>状态</Text>
            </View>
            {rows.map((r) => (
              <Button key={r.id} id={`row-${r.id}`} className='staff-qrow' onClick={() => open(r)}>
                <Text className='staff-code'>{r.trackingCode}</Text>
                <Text className='staff-summary'>{r.summary}</Text>
                <Text>{r.categoryName}</Text>
                <Text>{r.townshipName}</Text>
                <Text>{CHANNEL_LABELS[r.channel]}</Text>
                <Text>{r.phoneMasked ?? '—'}</Text>
                <Text>{formatTime(r.createdAt)}</Text>
                <Text>{r.dueAt ? formatTime(r.dueAt) : '—'}</Text>
                <Badges row={r} />
              </Button>
            ))}
          </View>
          {/* a list of cards on a phone */}
          <View className='staff-qcards' id='queue-cards'>
            {rows.map((r) => (
              <Button key={r.id} id={`card-${r.id}`} className='staff-card staff-qcard' onClick={() => open(r)}>
                <Badges row={r} />
                <View className='staff-summary'>{r.summary}</View>
                <View className='staff-muted'>
                  {r.categoryName} · {r.townshipName} · {CHANNEL_LABELS[r.channel]}
                  {r.phoneMasked ? ` · ${r.phoneMasked}` : ''}
                </View>
                <View className='staff-muted'>
                  <Text className='staff-code'>{r.trackingCode}</Text> · {formatTime(r.createdAt)}
                  {r.dueAt ? ` · 期限 ${formatTime(r.dueAt)}` : ''}
                </View>
              </Button>
            ))}
          </View>
        </View>
      ) : null}

      {list.cursor && !list.loading ? (
        <Button id='more' className={`staff-btn staff-more ${list.loadingMore ? 'busy' : ''}`} onClick={() => void list.more()}>
          {list.loadingMore ? '正在加载…' : '加载更多'}
        </Button>
      ) : null}
    </View>
  );
}

/** 待办: the caller's queue, as a table on a desktop and cards on a phone; a row opens its case file. */
export default function QueuePageView() {
  return (
    <StaffPage current='queue' wide>
      {(user) => <Queue user={user} />}
    </StaffPage>
  );
}
