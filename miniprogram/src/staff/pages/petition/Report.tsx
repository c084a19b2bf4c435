/**
 * The report on the case file: its marks (status, deadline, 督办, repeat), what the citizen said, the facts (channel,
 * township, centre, supervision, times, place) and the phone, masked until a role that may reveals it.
 */
import { Text, View } from '@tarojs/components';
import { levelNamesOf } from '../../../../../shared/countySettings';
import { CHANNEL_LABELS, STATUS_LABELS } from '../../../../../shared/labels';
import { OPEN_STATUSES } from '../../../../../shared/schemas/common';
import { Button } from '../../../components/Button';
import { formatTime } from '../../../lib/format';
import { timeLeft, type CaseFile, type StaffOrg } from '../../lib/petitions';
import { locationText, supervisorName } from './caseFile';

export function ReportCard({ p, org, phone, onReveal }: { p: CaseFile; org: StaffOrg | null; phone: string; onReveal: () => void }) {
  return (
    <View className='staff-card' id='report'>
      <View className='staff-badges'>
        <Text id='status' className='staff-badge status'>
          {STATUS_LABELS[p.status]}
        </Text>
        {p.overdue && p.dueAt && OPEN_STATUSES.includes(p.status) ? <Text className='staff-badge overdue'>{timeLeft(p.dueAt)}</Text> : null}
        {p.near && p.dueAt ? <Text className='staff-badge near'>临期 · {timeLeft(p.dueAt)}</Text> : null}
        {p.supervisedBy ? (
          <Text id='supervised-mark' className='staff-badge supervised'>
            上级督办
          </Text>
        ) : null}
        {p.repeatOf ? (
          <Text id='repeat-mark' className='staff-badge repeat'>
            {p.repeatConfirmed ? '重复' : '疑似重复'}
            {p.repeatOfTrackingCode ? ` · ${p.repeatOfTrackingCode}` : ''}
          </Text>
        ) : null}
      </View>
      <View className='staff-title'>
        {p.categoryName} · <Text className='staff-code'>{p.trackingCode}</Text>
      </View>
      <Text id='description' className='staff-description' userSelect>
        {p.description || (p.audio ? '（群众用语音反映，请听下方“群众的语音”）' : '')}
      </Text>
      <View className='staff-facts'>
        <Text className='staff-muted'>渠道</Text>
        <Text id='channel'>{CHANNEL_LABELS[p.channel]}</Text>
        <Text className='staff-muted'>{levelNamesOf(org?.nodes ?? []).township}</Text>
        <Text>{p.townshipName}</Text>
        <Text className='staff-muted'>办理中心</Text>
        <Text>
          {p.centreName}
          {p.departmentName ? ` · ${p.departmentName}` : ''}
        </Text>
        {p.supervisedBy ? (
          <>
            <Text className='staff-muted'>督办</Text>
            <Text id='supervised-by'>
              {supervisorName(org, p.supervisedBy.centreId)}督办（自 {formatTime(p.supervisedBy.since)}），仍由{p.centreName}办理
            </Text>
          </>
        ) : null}
        <Text className='staff-muted'>上报时间</Text>
        <Text>{formatTime(p.createdAt)}</Text>
        <Text className='staff-muted'>本步期限</Text>
        <Text>{p.dueAt ? `${formatTime(p.dueAt)}（${timeLeft(p.dueAt)}）` : '—'}</Text>
        <Text className='staff-muted'>位置</Text>
        <Text id='location'>{locationText(p.location)}</Text>
        <Text className='staff-muted'>联系电话</Text>
        <View>
          {p.anonymous && !p.phone ? <Text>匿名</Text> : null}
          {p.phone ? (
            <Text id='phone' className='staff-code'>
              {phone || p.phone}
            </Text>
          ) : !p.anonymous ? (
            <Text>未留电话</Text>
          ) : null}
          {p.phone && !phone && p.actions.includes('reveal_phone') ? (
            <Button id='reveal-phone' className='staff-link' onClick={onReveal}>
              查看电话
            </Button>
          ) : null}
        </View>
      </View>
      {p.decline ? (
        <View className='staff-field staff-error'>
          不予受理：{p.decline.reason}（建议：{p.decline.redirect}）
        </View>
      ) : null}
      {p.resolution ? <View className='staff-field'>办理结果：{p.resolution}</View> : null}
    </View>
  );
}
