/**
 * The case file's 文书 card: the documents issued on the case (一单一书一承诺一表一函一考评), each opened as its
 * printable A4 page, with a form to issue the kinds the case is ready for. 附件 is Attachments.tsx.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { DOCUMENT_LABELS, documentRefusal } from '../../../../../shared/documents';
import { DOCUMENT_KINDS, IssueDocumentBody, type DocumentKind } from '../../../../../shared/schemas/document';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/Field';
import { keyFor, type Send } from '../../../lib/draft';
import { formatTime } from '../../../lib/format';
import type { CaseFile } from '../../lib/petitions';
import { issuesOf } from '../../lib/stepForms';
import { staffUrl } from '../../routes';

type Field = { name: string; label: string; multiline?: boolean; max: number; placeholder?: string };
/** What each kind asks for; the rest comes from the record. */
const FIELDS: Record<DocumentKind, Field[]> = {
  dispatch_slip: [{ name: 'requirements', label: '交办要求（可不填，默认：按期办结并反馈）', multiline: true, max: 1000 }],
  agreement: [
    { name: 'partyA', label: '甲方（姓名或名称）', max: 40 },
    { name: 'partyB', label: '乙方（姓名或名称）', max: 40 },
    { name: 'facts', label: '纠纷事实', multiline: true, max: 2000 },
    { name: 'terms', label: '协议内容', multiline: true, max: 2000 },
  ],
  commitment: [
    { name: 'commitment', label: '承诺事项', multiline: true, max: 1000 },
    { name: 'by', label: '完成时限', max: 10, placeholder: '如 2026-12-31' },
  ],
  feedback: [{ name: 'basis', label: '法律政策依据', multiline: true, max: 1000 }],
  reminder_letter: [{ name: 'request', label: '提示事项（可不填）', multiline: true, max: 500 }],
  evaluation: [{ name: 'remark', label: '考评意见（可不填）', multiline: true, max: 500 }],
};

/** The body of `issue_document` from the form's values: blanks left out, the two parties as the schema has them. */
export function documentBody(kind: DocumentKind, v: Record<string, string>): Record<string, unknown> {
  const filled = Object.fromEntries(Object.entries(v).filter(([k, x]) => x.trim() !== '' && k !== 'partyA' && k !== 'partyB').map(([k, x]) => [k, x.trim()]));
  if (kind !== 'agreement') return { kind, ...filled };
  const parties = [
    ['甲方', v.partyA],
    ['乙方', v.partyB],
  ].map(([role, name]) => ({ role, name: (name ?? '').trim() }));
  return { kind, ...filled, parties };
}

/** The documents issued on the case; those who may issue (the centre) also choose a kind the case is ready for. */
export function DocumentsCard({
  p,
  canIssue,
  onIssue,
}: {
  p: CaseFile;
  canIssue: boolean;
  onIssue: (body: Record<string, unknown>, idempotencyKey: string) => Promise<Record<string, string> | void>;
}) {
  const ready = canIssue ? DOCUMENT_KINDS.filter((k) => !documentRefusal(k, p)) : [];
  const [kind, setKind] = useState<DocumentKind | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const lastSend = useRef<Send | null>(null);
  const choose = (k: DocumentKind) => {
    setKind(kind === k ? null : k);
    setValues({});
    setErrors({});
  };
  const submit = async () => {
    if (!kind || busy) return;
    const body = documentBody(kind, values);
    const checked = IssueDocumentBody.safeParse(body);
    if (!checked.success) {
      // a party's error is shown under the party it names
      const found = issuesOf(checked.error);
      const party = checked.error.issues.find((i) => i.path[0] === 'parties');
      setErrors(party ? { ...found, [party.path[1] === 1 ? 'partyB' : 'partyA']: party.message } : found);
      return;
    }
    setBusy(true);
    lastSend.current = keyFor(lastSend.current, body);
    const failed = await onIssue(body, lastSend.current.key);
    setBusy(false);
    setErrors(failed ?? {});
    if (!failed) {
      // issued: the next document is a new request
      lastSend.current = null;
      setKind(null);
    }
  };
  return (
    <View className='staff-card' id='documents'>
      <View className='staff-title'>文书</View>
      {p.documents.length === 0 ? <View className='staff-muted'>尚未出具文书</View> : null}
      {p.documents.map((d) => (
        <View key={d.eventSeq} id={`document-${d.kind}-${d.seq}`} className='staff-list-row'>
          <View className='staff-row-main'>
            <Text className='staff-row-name'>{d.title}</Text>
            <Text className='staff-muted'>
              {' '}
              · {d.number} · {formatTime(d.issuedAt)} · {d.issuedBy}
            </Text>
          </View>
          <Button id={`open-document-${d.eventSeq}`} className='staff-btn' onClick={() => void Taro.navigateTo({ url: staffUrl('document', { id: p.id, seq: String(d.eventSeq) }) })}>
            查看并打印
          </Button>
        </View>
      ))}
      {ready.length ? (
        <View className='staff-field' role='group' aria-label='出具文书'>
          <Text className='staff-field-label'>出具文书</Text>
          <View className='staff-tabs'>
            {ready.map((k) => (
              <Button key={k} id={`issue-${k}`} className='staff-tab' pressed={kind === k} onClick={() => choose(k)}>
                {DOCUMENT_LABELS[k]}
              </Button>
            ))}
          </View>
        </View>
      ) : null}
      {kind ? (
        <View id='document-form'>
          {FIELDS[kind].map((f) => (
            <TextField
              key={f.name}
              look='staff'
              id={`doc-${f.name}`}
              label={f.label}
              multiline={f.multiline}
              value={values[f.name] ?? ''}
              placeholder={f.placeholder}
              maxLength={f.max}
              onInput={(v) => setValues((x) => ({ ...x, [f.name]: v }))}
              error={errors[f.name]}
              errorId={`err-doc-${f.name}`}
            />
          ))}
          {Object.entries(errors)
            .filter(([k]) => !FIELDS[kind].some((f) => f.name === k))
            .map(([k, m]) => (
              <View key={k} className='staff-error staff-field'>
                {m}
              </View>
            ))}
          <Button id='issue-document' className={`staff-btn primary ${busy ? 'busy' : ''}`} onClick={() => void submit()}>
            {busy ? '正在出具…' : `出具${DOCUMENT_LABELS[kind]}`}
          </Button>
        </View>
      ) : null}
    </View>
  );
}
