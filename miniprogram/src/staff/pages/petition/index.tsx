import { Image, Text, View } from '@tarojs/components';
import { levelNamesOf } from '../../../../../shared/countySettings';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { useData } from '../../../lib/useData';
import { ACTION_LABELS, CHANNEL_LABELS, STATUS_LABELS } from '../../../../../shared/labels';
import { OPEN_STATUSES } from '../../../../../shared/schemas/common';
import { ApiError } from '../../../lib/apiError';
import { formatTime } from '../../../lib/format';
import { messageOf } from '../../../lib/request';
import { StaffPage } from '../../components/StaffPage';
import { api, takeStep } from '../../lib/api';
import { ROLE_LABELS } from '../../lib/session';
import { timeLeft, type CaseFile, type StaffOrg } from '../../lib/petitions';
import { bodyOf, chosen, issuesOf, stepForms, toggled, type StepForm } from '../../lib/stepForms';
import { staffUrl } from '../../routes';
import { EXPERT_FIELD_LABELS } from '../../../../../shared/experts';
import type { ExpertRecommendations } from '../../../../../shared/schemas/expert';
import { Button } from '../../../components/Button';
import { TextField as SharedTextField } from '../../../components/Field';
import { AttachmentsCard, DocumentsCard } from './Documents';
import { BacklogCard } from './Backlog';
import { MeetingCard } from './Meeting';
import { VoiceCard } from './Voice';

const NOT_FOUND = '该反映不存在或您无权查看';
const roleLabel = (role: string) => (role in ROLE_LABELS ? ROLE_LABELS[role as keyof typeof ROLE_LABELS] : role === 'citizen' ? '群众' : role === 'system' ? '系统' : role);

/** One step's form: fields, templates, field errors from the shared schema or the API, and its submit button. */
function StepFormView({ form, busy, onSubmit }: { form: StepForm; busy: boolean; onSubmit: (body: Record<string, unknown>) => Promise<Record<string, string> | void> }) {
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(form.fields.map((f) => [f.name, f.initial ?? ''])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  // a choice prefilled from the case (the lead department) may wait for the organisation's read: fill it when it
  // arrives, unless the field was filled meanwhile
  const initials = form.fields.map((f) => f.initial ?? '').join('\n');
  useEffect(() => setValues((v) => ({ ...v, ...Object.fromEntries(form.fields.filter((f) => f.initial && !v[f.name]).map((f) => [f.name, f.initial!])) })), [initials]);
  const set = (name: string, value: string) => setValues((v) => ({ ...v, [name]: value, ...(name === 'departmentId' ? { handlerId: '' } : {}) }));
  const submit = async () => {
    if (busy) return;
    const body = bodyOf(form, values);
    const checked = form.schema.safeParse(body);
    if (!checked.success) {
      setErrors(issuesOf(checked.error));
      return;
    }
    setErrors((await onSubmit(body)) ?? {});
  };
  const id = (name: string) => `f-${form.action}-${name}`;
  return (
    <View id={`form-${form.action}`} className='staff-card'>
      <View className='staff-title'>{form.label}</View>
      {form.templates ? (
        <View className='staff-field'>
          <Text className='staff-field-label'>常用模板（选后可修改）</Text>
          <View className='staff-tabs'>
            {form.templates.map((t, i) => (
              <Button key={t.label} id={`${id('template')}-${i}`} className='staff-tab' onClick={() => setValues((v) => ({ ...v, ...t.values }))}>
                {t.label}
              </Button>
            ))}
          </View>
        </View>
      ) : null}
      {form.fields.map((f) =>
        f.kind === 'choice' || f.kind === 'choices' ? (
          <View key={f.name} className='staff-field' role='group' aria-label={f.label}>
            <Text className='staff-field-label'>{f.label}</Text>
            <View className='staff-tabs'>
              {(f.options?.(values) ?? []).map((o) => {
                // one of them (tapped again it clears), or several (each tap adds or takes away)
                const on = f.kind === 'choices' ? chosen(values[f.name]).includes(o.value) : values[f.name] === o.value;
                const next = f.kind === 'choices' ? toggled(values[f.name], o.value) : on ? '' : o.value;
                return (
                  <Button key={o.value} id={`${id(f.name)}-${o.value}`} className='staff-tab' pressed={on} onClick={() => set(f.name, next)}>
                    {o.label}
                  </Button>
                );
              })}
              {(f.options?.(values) ?? []).length === 0 ? <Text className='staff-muted'>无可选项</Text> : null}
            </View>
            {errors[f.name] ? (
              <Text id={`err-${form.action}-${f.name}`} className='staff-error'>
                {errors[f.name]}
              </Text>
            ) : null}
          </View>
        ) : (
          <SharedTextField
            key={f.name}
            look='staff'
            id={id(f.name)}
            label={f.label}
            multiline={f.kind === 'textarea'}
            kind={f.kind === 'number' ? 'number' : 'text'}
            value={values[f.name] ?? ''}
            placeholder={f.placeholder}
            maxLength={f.max ?? 500}
            onInput={(v) => set(f.name, v)}
            error={errors[f.name]}
            errorId={`err-${form.action}-${f.name}`}
          />
        ),
      )}
      {Object.entries(errors)
        .filter(([k]) => !form.fields.some((f) => f.name === k))
        .map(([k, m]) => (
          <View key={k} className='staff-error staff-field'>
            {m}
          </View>
        ))}
      <Button id={`submit-${form.action}`} className={`staff-btn primary ${busy ? 'busy' : ''}`} onClick={() => void submit()}>
        {busy ? '正在提交…' : `确认${form.label}`}
      </Button>
    </View>
  );
}

/** The consultation opinions a resolution cites, as its record holds them. */
function citesOf(e: CaseFile['timeline'][number]): Array<{ departmentId: string; name: string; opinion: string }> {
  const cites = e.action === 'resolve' ? e.data?.cites : undefined;
  return Array.isArray(cites) ? (cites as Array<{ departmentId: string; name: string; opinion: string }>) : [];
}

/** 联合会诊: the question, the lead department, the deadline, and each co-department's state and opinion. */
function ConsultationCard({ c, late }: { c: NonNullable<CaseFile['consultation']>; late: string[] }) {
  const reported = c.participants.filter((x) => x.reportedAt).length;
  return (
    <View className='staff-card' id='consultation'>
      <View className='staff-title'>联合会诊</View>
      <View className='staff-facts'>
        <Text className='staff-muted'>会诊议题</Text>
        <Text id='consultation-question'>{c.question}</Text>
        <Text className='staff-muted'>牵头部门</Text>
        <Text id='consultation-lead'>{c.leadName}</Text>
        <Text className='staff-muted'>报到期限</Text>
        <Text>{formatTime(c.dueAt)}</Text>
        <Text className='staff-muted'>报到情况</Text>
        <Text id='consultation-count'>
          已报到 {reported} / {c.participants.length}
        </Text>
      </View>
      {c.experts?.length ? (
        <View className='staff-field' id='consultation-experts'>
          <Text className='staff-muted'>受邀专家：</Text>
          <Text>{c.experts.map((x) => x.name).join('、')}</Text>
        </View>
      ) : null}
      {c.participants.map((x) => (
        <View key={x.departmentId} id={`participant-${x.departmentId}`} className='staff-timeline-item' data-state={x.reportedAt ? 'reported' : late.includes(x.departmentId) ? 'late' : 'waiting'}>
          <View>
            <Text className='staff-timeline-action'>{x.name}</Text>{' '}
            {x.reportedAt ? (
              <Text className='staff-badge'>{x.reportedAt > c.dueAt ? '逾期报到' : '已报到'}</Text>
            ) : late.includes(x.departmentId) ? (
              <Text className='staff-badge overdue'>逾期未报到{x.remindedAt ? '（已催报）' : ''}</Text>
            ) : (
              <Text className='staff-badge near'>待报到</Text>
            )}
          </View>
          {x.opinion ? <Text className='staff-description'>{x.opinion}</Text> : null}
          {x.reportedAt ? (
            <View className='staff-muted'>
              {formatTime(x.reportedAt)} · {x.reportedBy ?? ''}
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}

/** 推荐专家: the county's experts ranked for this case (fields, load, ratings); 邀请 puts one on the consultation. */
function ExpertsCard({ id, busy, onInvite }: { id: string; busy: boolean; onInvite: (expertId: string) => Promise<void> }) {
  const [rec, setRec] = useState<ExpertRecommendations | null>(null);
  const [error, setError] = useState('');
  const load = async () => {
    try {
      setRec(await api.staff.experts.recommend(id));
      setError('');
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <View className='staff-card' id='experts'>
      <View className='staff-title'>推荐专家</View>
      {rec ? (
        <View>
          <Text className='staff-muted'>本类诉求所需领域：{rec.fields.map((f) => EXPERT_FIELD_LABELS[f]).join('、')}</Text>
          {rec.items.length === 0 ? <View className='staff-muted'>专家库中没有相符的专家</View> : null}
          {rec.items.map((x) => (
            <View key={x.id} id={`expert-${x.id}`} className='staff-list-row'>
              <View className='staff-row-main'>
                <Text className='staff-row-name'>{x.name}</Text>
                <Text className='staff-muted'>
                  {' '}
                  · {x.title} · 相符：{x.matched.map((f) => EXPERT_FIELD_LABELS[f]).join('、')} · 在办会诊 {x.load} 件 · {x.average === undefined ? '暂无评价' : `评价 ${Math.round((x.average / 2) * 100)}%`}
                </Text>
              </View>
              {x.invited ? (
                <Text className='staff-badge'>已邀请</Text>
              ) : (
                <Button id={`invite-${x.id}`} className='staff-btn' onClick={() => (busy ? undefined : void onInvite(x.id).then(load))}>
                  邀请
                </Button>
              )}
            </View>
          ))}
        </View>
      ) : (
        <Button id='recommend-experts' className='staff-btn' onClick={() => void load()}>
          查看推荐专家
        </Button>
      )}
      {error ? <View className='staff-error staff-field'>{error}</View> : null}
    </View>
  );
}

function CaseView({ id }: { id: string }) {
  const read = useData(() => api.staff.petition(id), [id]);
  // handed over to another centre, or gone while open: the file is no longer the caller's
  const [gone, setGone] = useState('');
  const p = gone ? null : read.data;
  const error = gone || (read.failure instanceof ApiError && read.failure.code === 'not_found' ? NOT_FOUND : read.error);
  const [org, setOrg] = useState<StaffOrg | null>(null);
  const [townships, setTownships] = useState<Array<{ id: string; centreName: string }>>([]);
  const [notice, setNotice] = useState('');
  const [open, setOpen] = useState<StepForm['action'] | null>(null);
  const [busy, setBusy] = useState(false);
  const [phone, setPhone] = useState('');

  useEffect(() => {
    api.staff
      .org()
      .then(setOrg)
      .catch(() => setOrg(null));
    api.citizen
      .townships()
      .then((t) => setTownships(t.items))
      .catch(() => setTownships([]));
  }, [id]);

  const step = async (form: Pick<StepForm, 'action' | 'label'>, body: Record<string, unknown>, idempotencyKey?: string): Promise<Record<string, string> | void> => {
    setBusy(true);
    setNotice('');
    try {
      const answer = await takeStep(form.action, id, body, idempotencyKey);
      if ('handedOver' in answer) {
        setGone(`已${form.label}，该诉求已移交，您不再负责办理。`);
        return;
      }
      read.set(answer);
      setOpen(null);
      setNotice(`已${form.label}`);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'not_found') setGone(NOT_FOUND);
      setNotice('');
      const fields = e instanceof ApiError ? e.fieldMessages() : {};
      return Object.keys(fields).length ? fields : { _: messageOf(e) };
    } finally {
      setBusy(false);
    }
  };

  const invite = async (expertId: string) => {
    setBusy(true);
    setNotice('');
    try {
      const answer = await takeStep('invite_expert', id, { expertId });
      if (!('handedOver' in answer)) read.set(answer);
      setNotice('已邀请专家');
    } catch (e) {
      setNotice(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const reveal = async () => {
    if (busy) return;
    setBusy(true);
    try {
      setPhone((await api.staff.step.reveal_phone(id, { body: {} })).phone);
      await read.refresh(); // the timeline now shows the look
    } catch (e) {
      setNotice(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  if (!p) {
    return error ? (
      <View id={error === NOT_FOUND ? 'not-found' : 'case-error'} className='staff-card staff-error'>
        {error}
        {error === read.error ? (
          <Button className='staff-btn' id='case-retry' onClick={() => void read.reload()}>
            重试
          </Button>
        ) : null}
        <Button className='staff-btn' id='back-to-queue' onClick={() => void Taro.reLaunch({ url: staffUrl('queue') })}>
          返回待办
        </Button>
      </View>
    ) : (
      <View id='case-loading' className='staff-card staff-muted'>
        正在加载…
      </View>
    );
  }

  const forms = stepForms(p, org, townships);
  // the supervising centre by its name (a county names its own levels): the county's for a township's case
  const supervisorName = (centreId: string) => {
    const n = org?.nodes.find((x) => x.id === centreId);
    return n ? (n.centreName ?? n.name) : '上级';
  };
  const form = forms.find((f) => f.action === open);
  const possibleRepeat = p.repeatOf && !p.repeatConfirmed && p.actions.includes('link_repeat');

  return (
    <View className='staff-case'>
      <View>
        <View className='staff-card' id='report'>
          <View className='staff-badges'>
            <Text id='status' className='staff-badge status'>
              {STATUS_LABELS[p.status]}
            </Text>
            {p.overdue && p.dueAt && OPEN_STATUSES.includes(p.status) ? <Text className='staff-badge overdue'>{timeLeft(p.dueAt)}</Text> : null}
            {p.near && p.dueAt ? (
              <Text className='staff-badge near'>临期 · {timeLeft(p.dueAt)}</Text>
            ) : null}
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
                  {supervisorName(p.supervisedBy.centreId)}督办（自 {formatTime(p.supervisedBy.since)}），仍由{p.centreName}办理
                </Text>
              </>
            ) : null}
            <Text className='staff-muted'>上报时间</Text>
            <Text>{formatTime(p.createdAt)}</Text>
            <Text className='staff-muted'>本步期限</Text>
            <Text>{p.dueAt ? `${formatTime(p.dueAt)}（${timeLeft(p.dueAt)}）` : '—'}</Text>
            <Text className='staff-muted'>位置</Text>
            <Text id='location'>{p.location ? `纬度 ${p.location.lat.toFixed(5)}，经度 ${p.location.lng.toFixed(5)}` : '未提供'}</Text>
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
                <Button id='reveal-phone' className='staff-link' onClick={() => void reveal()}>
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

        {p.backlog ? (
          <BacklogCard key={p.version} p={p} canAssign={p.actions.includes('assign_team')} onAssign={(body) => step({ action: 'assign_team', label: '确定包案领导与专班' }, body)} />
        ) : null}
        {p.consultation ? <ConsultationCard c={p.consultation} late={p.consultationLate} /> : null}
        {p.consultation && (p.actions.includes('book_meeting') || p.meetings.length) ? (
          <MeetingCard key={p.version} p={p} canBook={p.actions.includes('book_meeting')} onBook={(body, key) => step({ action: 'book_meeting', label: '预约会诊会议' }, body, key)} />
        ) : null}

        <VoiceCard p={p} onTranscribe={p.actions.includes('progress') ? (body) => step({ action: 'progress', label: '保存语音转写' }, body) : undefined} />

        {p.photoUrls.length ? (
          <View className='staff-card'>
            <View className='staff-field-label'>照片（点击查看大图）</View>
            <View className='staff-photos' id='photos'>
              {p.photoUrls.map((url, i) => (
                <Button key={url} id={`photo-${i}`} className='staff-photo-btn' label={`查看第 ${i + 1} 张照片`} onClick={() => void Taro.previewImage({ current: url, urls: p.photoUrls })}>
                  <Image className='staff-photo' src={url} mode='aspectFill' nativeProps={{ alt: '' }} />
                </Button>
              ))}
            </View>
          </View>
        ) : null}

        <View className='staff-card' id='timeline'>
          <View className='staff-title'>办理记录</View>
          {p.timeline.map((e) => (
            <View key={e.seq} className={`staff-timeline-item ${e.visibility}`} id={`event-${e.seq}`} data-action={e.action}>
              <View>
                <Text className='staff-timeline-action'>{ACTION_LABELS[e.action]}</Text>
                {e.visibility === 'internal' ? <Text className='staff-badge'>仅内部</Text> : null}
                {e.from && e.from !== e.to ? <Text className='staff-muted'> {STATUS_LABELS[e.from]} → {STATUS_LABELS[e.to]}</Text> : null}
              </View>
              {e.note ? <Text className='staff-description'>{e.note}</Text> : null}
              {citesOf(e).map((c) => (
                <Text key={c.departmentId} className='staff-description staff-cite'>
                  引用{c.name}会诊意见：{c.opinion}
                </Text>
              ))}
              <View className='staff-muted'>
                {formatTime(e.at)} · {e.actor.name ?? roleLabel(e.actor.role)}（{roleLabel(e.actor.role)}）
              </View>
            </View>
          ))}
        </View>
      </View>

      <View>
        <View className='staff-card' id='actions'>
          <View className='staff-title'>办理</View>
          {notice ? (
            <View id='notice' className='staff-ok staff-field'>
              {notice}
            </View>
          ) : null}
          {possibleRepeat ? (
            <View className='staff-field'>
              <Text className='staff-muted'>系统发现这可能是 {p.repeatOfTrackingCode ?? '另一件诉求'} 的重复反映。</Text>
              <View className='staff-actions'>
                <Button id='confirm-repeat' className='staff-btn' onClick={() => void step(forms.find((f) => f.action === 'link_repeat')!, { repeatOf: p.repeatOf })}>
                  确认重复
                </Button>
              </View>
            </View>
          ) : null}
          {forms.length === 0 ? <View className='staff-muted'>该诉求当前没有您可以办理的步骤。</View> : null}
          <View className='staff-actions'>
            {forms.map((f) => (
              <Button key={f.action} id={`action-${f.action}`} className='staff-btn' pressed={open === f.action} onClick={() => setOpen(open === f.action ? null : f.action)}>
                {f.label}
              </Button>
            ))}
          </View>
        </View>
        {form ? <StepFormView key={`${form.action}-${p.version}`} form={form} busy={busy} onSubmit={(body) => step(form, body)} /> : null}
        {p.actions.includes('invite_expert') ? <ExpertsCard id={id} busy={busy} onInvite={invite} /> : null}
        {p.actions.includes('issue_document') || p.documents.length ? (
          <DocumentsCard p={p} canIssue={p.actions.includes('issue_document')} onIssue={(body, key) => step({ action: 'issue_document', label: '出具文书' }, body, key)} />
        ) : null}
        {p.actions.includes('attach') ? <AttachmentsCard p={p} onAttach={(body) => step({ action: 'attach', label: '上传附件' }, body)} /> : null}
      </View>
    </View>
  );
}

/** The case file: the report, photos, place and phone (masked until revealed), the whole record, and the steps the role may take now. */
export default function PetitionPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  return (
    // a case file opens from the queue, and for its filer from 我代办的: every role that may see the case
    <StaffPage current='queue' gate='petition' wide>
      {() =>
        id ? (
          <CaseView id={id} />
        ) : (
          <View id='not-found' className='staff-card staff-error'>
            {NOT_FOUND}
          </View>
        )
      }
    </StaffPage>
  );
}
