import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { CHANNEL_LABELS } from '../../../../../shared/labels';
import { RegisterPetitionBody } from '../../../../../shared/schemas/api';
import { REGISTER_CHANNELS, type RegisterChannel } from '../../../../../shared/schemas/common';
import { Button } from '../../../components/Button';
import { newIdempotencyKey } from '../../../lib/draft';
import { isWeapp, messageOf } from '../../../lib/request';
import Taro from '@tarojs/taro';
import { FilePick } from '../../components/FilePick';
import { Chips, Field, FormFoot, ListState, TextField, YesNo } from '../../components/Form';
import { DatePicker } from '../../components/DatePicker';
import { StaffPage } from '../../components/StaffPage';
import { errorAt, useSubmit } from '../../lib/form';
import { loadOrg, placesOf, type OrgView } from '../../lib/org';
import { chinaDay } from '../../lib/petitions';
import { registerCase, uploadAttachment, type PickedFile } from '../../lib/register';
import { Receipt, type ReceiptOf } from './Receipt';
// the print rules, in the browser only (print.h5.ts)
import './print';

/** How the 登记 page names the channels (来电 is the record's 电话). */
const CHANNEL_CHOICES: Record<RegisterChannel, string> = { visit: '来访', phone: '来电', letter: '来信', hotline: '12345 热线', other: '其他' };
const ATTACHMENTS_MAX = 5;

/**
 * 统一登记: a case that came in by a visit, a call, a letter, the 12345 hotline or another way, registered for the
 * citizen (who may stay anonymous) into the same workflow, then its receipt (回执) to print and hand over. Centre staff
 * register in their township, agents in their village: the places offered are the caller's scope.
 */
export default function RegisterPage() {
  const [org, setOrg] = useState<OrgView | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState('');
  const [channel, setChannel] = useState<RegisterChannel>('visit');
  const [anonymous, setAnonymous] = useState(false);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [placeId, setPlaceId] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const [description, setDescription] = useState('');
  /** 人次: how many came, called or signed together (one registration is one 批次) */
  const [persons, setPersons] = useState('1');
  const [letterDay, setLetterDay] = useState(() => chinaDay(new Date().toISOString()));
  const [files, setFiles] = useState<Array<{ name: string; key: string }>>([]);
  const [fileMessage, setFileMessage] = useState('');
  const [uploading, setUploading] = useState(false);
  // one key per case: a resend after a lost answer registers it once
  const [key, setKey] = useState(() => newIdempotencyKey());
  const [receipt, setReceipt] = useState<ReceiptOf | null>(null);
  const form = useSubmit();

  const load = async () => {
    setLoading(true);
    setLoadError('');
    try {
      const o = await loadOrg();
      setOrg(o);
      // a township's staff or a village's agent register there unless they choose otherwise
      if (o.scope.kind === 'township' || o.scope.kind === 'village') setPlaceId(o.scope.id);
    } catch (e) {
      setLoadError(messageOf(e));
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => void load(), []);

  const places = org ? placesOf(org, ['township', 'village']) : [];
  const place = places.find((p) => p.id === placeId);

  const attach = async (file: PickedFile) => {
    setFileMessage('');
    if (files.length >= ATTACHMENTS_MAX) return setFileMessage(`最多 ${ATTACHMENTS_MAX} 个附件`);
    setUploading(true);
    try {
      const k = await uploadAttachment(file);
      setFiles((f) => [...f, { name: file.name, key: k }]);
    } catch (e) {
      setFileMessage(messageOf(e));
    } finally {
      setUploading(false);
    }
  };

  const send = async () => {
    const value = {
      channel,
      anonymous,
      name: anonymous ? undefined : name.trim() || undefined,
      phone: anonymous ? undefined : phone.trim() || undefined,
      ...(place?.kind === 'village' ? { villageId: place.id } : { townshipId: place?.id }),
      categoryId: categoryId || undefined,
      description,
      photos: files.map((f) => f.key),
      letterReceivedOn: channel === 'letter' ? letterDay : undefined,
      persons: persons.trim() === '' ? undefined : Number(persons.trim()),
    };
    const answer = await form.submit(RegisterPetitionBody, value, (body) => registerCase(body, key));
    if (!answer) return;
    setReceipt({
      answer,
      registeredAt: new Date().toISOString(),
      channelLabel: CHANNEL_LABELS[channel] === '电话' ? '来电' : CHANNEL_LABELS[channel],
      categoryName: org?.categories.find((c) => c.id === categoryId)?.name ?? '',
      placeLabel: place?.label ?? '',
    });
  };

  const another = () => {
    setReceipt(null);
    setKey(newIdempotencyKey());
    setName('');
    setPhone('');
    setAnonymous(false);
    setDescription('');
    setPersons('1');
    setFiles([]);
    form.reset();
  };

  const print = () => {
    if (isWeapp()) void Taro.showModal({ title: '请在电脑上打印', content: '在电脑浏览器中登录工作台登记，即可打印回执；手机上可以让群众直接扫屏幕上的二维码。', showCancel: false });
    else window.print();
  };

  const e = form.errors;
  return (
    <StaffPage current='register'>
      {() =>
        receipt ? (
          <View>
            <View className='no-print'>
              <View id='register-done' className='staff-title' role='status'>
                已登记，跟踪码 {receipt.answer.trackingCode}
              </View>
              {receipt.answer.similarExists ? (
                <View id='register-similar' className='staff-card staff-muted'>
                  30 天内有同一电话、同类的诉求，已标记为可能重复，受理时请核对。
                </View>
              ) : null}
              <Button id='receipt-print' className='staff-btn primary' onClick={print}>
                打印回执
              </Button>
              <Button id='register-another' className='staff-btn' onClick={another}>
                再登记一件
              </Button>
            </View>
            <Receipt of={receipt} />
          </View>
        ) : (
          <View>
            <View className='staff-title'>统一登记</View>
            <ListState id='register-form' loading={loading} error={loadError} empty={false} emptyText='' onRetry={() => void load()} />
            {!loading && !loadError && org ? (
              <View className='staff-card'>
                <Field id='register-channel' label='来源渠道' error={errorAt(e, 'channel')}>
                  <Chips idPrefix='channel' options={REGISTER_CHANNELS.map((c) => ({ value: c, label: CHANNEL_CHOICES[c] }))} selected={[channel]} onToggle={setChannel} />
                </Field>
                {channel === 'letter' ? (
                  <View className='staff-field'>
                    <DatePicker id='register-letter-day' label='收信日期' value={letterDay} text={`收信日期 ${letterDay}`} onChange={setLetterDay} />
                    {errorAt(e, 'letterReceivedOn') ? (
                      <Text id='register-letter-error' className='staff-error staff-field-error'>
                        {errorAt(e, 'letterReceivedOn')}
                      </Text>
                    ) : null}
                  </View>
                ) : null}
                <Field id='register-who' label='群众是否留下姓名和电话'>
                  <YesNo idPrefix='who' yes={{ value: 'named', label: '实名' }} no={{ value: 'anonymous', label: '匿名' }} value={!anonymous} onChange={(named) => setAnonymous(!named)} />
                </Field>
                {!anonymous ? (
                  <View className='staff-pair'>
                    <TextField id='register-name' label='群众姓名（可不填）' value={name} maxLength={32} onInput={setName} error={errorAt(e, 'name')} />
                    <TextField id='register-phone' label='联系电话（可不填）' digit value={phone} maxLength={11} onInput={setPhone} error={errorAt(e, 'phone')} placeholder='11 位手机号' />
                  </View>
                ) : null}
                <TextField id='register-persons' label='人数（一同来访、来电或联名来信的人数）' digit value={persons} maxLength={3} onInput={setPersons} error={errorAt(e, 'persons')} />
                <Field id='register-place' label='所在地点' error={errorAt(e, 'townshipId') ?? errorAt(e, 'villageId')}>
                  <Chips idPrefix='place' options={places.map((n) => ({ value: n.id, label: n.label }))} selected={[placeId]} onToggle={setPlaceId} />
                </Field>
                <Field id='register-category' label='诉求类型' error={errorAt(e, 'categoryId')}>
                  <Chips idPrefix='category' options={org.categories.map((c) => ({ value: c.id, label: c.name }))} selected={[categoryId]} onToggle={setCategoryId} />
                </Field>
                <TextField id='register-description' label='问题描述' multiline maxLength={2000} value={description} onInput={setDescription} error={errorAt(e, 'description')} placeholder='群众反映的问题、诉求和经过' />
                <Field id='register-files' label='照片或来信扫描件（可不传，最多 5 个）' error={fileMessage || errorAt(e, 'photos')}>
                  <View className='staff-files'>
                    {files.map((f, i) => (
                      <View key={f.key} id={`file-${i}`} className='staff-muted'>
                        <Text>{f.name}</Text>
                        <Button id={`file-${i}-remove`} className='staff-link' onClick={() => setFiles((all) => all.filter((x) => x.key !== f.key))}>
                          移除
                        </Button>
                      </View>
                    ))}
                  </View>
                  <FilePick id='register-attach' label={uploading ? '正在上传…' : '添加照片或 PDF'} onPick={(f) => void attach(f)} onError={setFileMessage} />
                </Field>
                <FormFoot id='register-send' busy={form.busy || uploading} message={form.message} label='登记并生成回执' onSave={() => void send()} />
              </View>
            ) : null}
          </View>
        )
      }
    </StaffPage>
  );
}
