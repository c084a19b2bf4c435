/**
 * The case file: the report, photos, place and phone (masked until revealed), the whole record, and the steps the role
 * may take now. This container reads the case and what its forms need, takes the steps and lays out the sections
 * (Report, Record, Steps, Consultation, Backlog, Meeting, Voice, Documents); their view rules are in caseFile.ts.
 */
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { Button } from '../../../components/Button';
import { ApiError } from '../../../lib/apiError';
import { messageOf } from '../../../lib/request';
import { useData } from '../../../lib/useData';
import { StaffPage } from '../../components/StaffPage';
import { api, takeStep } from '../../lib/api';
import type { CaseFile, StaffOrg } from '../../lib/petitions';
import { stepForms, type StepForm } from '../../lib/stepForms';
import { staffUrl } from '../../routes';
import { BacklogCard } from './Backlog';
import { NOT_FOUND } from './caseFile';
import { ConsultationCard, ExpertsCard } from './Consultation';
import { AttachmentsCard } from './Attachments';
import { DocumentsCard } from './Documents';
import { MeetingCard } from './Meeting';
import { PhotosCard, TimelineCard } from './Record';
import { ReportCard } from './Report';
import { ActionsCard, StepFormView } from './Steps';
import { VoiceCard } from './Voice';

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
  const form = forms.find((f) => f.action === open);
  const can = (action: CaseFile['actions'][number]) => p.actions.includes(action);

  return (
    <View className='staff-case'>
      <View>
        <ReportCard p={p} org={org} phone={phone} onReveal={() => void reveal()} />
        {p.backlog ? <BacklogCard key={p.version} p={p} canAssign={can('assign_team')} onAssign={(body) => step({ action: 'assign_team', label: '确定包案领导与专班' }, body)} /> : null}
        {p.consultation ? <ConsultationCard c={p.consultation} late={p.consultationLate} /> : null}
        {p.consultation && (can('book_meeting') || p.meetings.length) ? (
          <MeetingCard key={p.version} p={p} canBook={can('book_meeting')} onBook={(body, key) => step({ action: 'book_meeting', label: '预约会诊会议' }, body, key)} />
        ) : null}
        <VoiceCard p={p} onTranscribe={can('progress') ? (body) => step({ action: 'progress', label: '保存语音转写' }, body) : undefined} />
        <PhotosCard urls={p.photoUrls} />
        <TimelineCard timeline={p.timeline} />
      </View>

      <View>
        <ActionsCard p={p} forms={forms} notice={notice} open={open} onOpen={setOpen} onStep={step} />
        {form ? <StepFormView key={`${form.action}-${p.version}`} form={form} busy={busy} onSubmit={(body) => step(form, body)} /> : null}
        {can('invite_expert') ? <ExpertsCard id={id} busy={busy} onInvite={invite} /> : null}
        {can('issue_document') || p.documents.length ? (
          <DocumentsCard p={p} canIssue={can('issue_document')} onIssue={(body, key) => step({ action: 'issue_document', label: '出具文书' }, body, key)} />
        ) : null}
        {can('attach') ? <AttachmentsCard p={p} onAttach={(body) => step({ action: 'attach', label: '上传附件' }, body)} /> : null}
      </View>
    </View>
  );
}

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
