/**
 * The case file's 附件 card: the files staff attached (a signed agreement, a scanned letter), uploaded the way 登记
 * sends its attachments.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/Field';
import { formatTime } from '../../../lib/format';
import { isWeapp, messageOf } from '../../../lib/request';
import { FilePick } from '../../components/FilePick';
import type { CaseFile } from '../../lib/petitions';
import { uploadAttachment, type PickedFile } from '../../lib/register';

/** 附件: the files on the case, each a short-lived link; a new one is uploaded, named and put on the record. */
export function AttachmentsCard({ p, onAttach }: { p: CaseFile; onAttach: (body: { key: string; name: string }) => Promise<Record<string, string> | void> }) {
  const [file, setFile] = useState<PickedFile | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const send = async () => {
    if (!file || busy) return;
    if (!name.trim()) return setError('请填写附件名称，如：签字的调解协议书');
    setBusy(true);
    setError('');
    try {
      const failed = await onAttach({ key: await uploadAttachment(file), name: name.trim() });
      if (failed) setError(Object.values(failed)[0] ?? '');
      else {
        setFile(null);
        setName('');
      }
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const open = (url: string, type: 'image' | 'pdf') => {
    if (type === 'image') void Taro.previewImage({ current: url, urls: [url] });
    // WeChat opens a PDF from a downloaded copy; the browser in a new tab
    else if (isWeapp()) void Taro.downloadFile({ url }).then((r) => Taro.openDocument({ filePath: r.tempFilePath, fileType: 'pdf' }));
    else window.open(url, '_blank', 'noopener');
  };
  return (
    <View className='staff-card' id='attachments'>
      <View className='staff-title'>附件</View>
      {p.attachments.length === 0 ? <View className='staff-muted'>尚无附件</View> : null}
      {p.attachments.map((a) => (
        <View key={a.eventSeq} id={`attachment-${a.eventSeq}`} className='staff-list-row'>
          <View className='staff-row-main'>
            <Text className='staff-row-name'>{a.name}</Text>
            <Text className='staff-muted'>
              {' '}
              · {a.type === 'pdf' ? 'PDF' : '图片'} · {formatTime(a.at)} · {a.by}
            </Text>
          </View>
          <Button id={`open-attachment-${a.eventSeq}`} className='staff-btn' onClick={() => open(a.url, a.type)}>
            查看
          </Button>
        </View>
      ))}
      <View className='staff-field'>
        <FilePick id='attach-pick' label={file ? `已选：${file.name}` : '选择图片或 PDF'} onPick={setFile} onError={setError} />
      </View>
      {file ? (
        <View>
          <TextField look='staff' id='attach-name' label='附件名称' value={name} placeholder='如：签字的调解协议书' maxLength={60} onInput={setName} />
          <Button id='attach-send' className={`staff-btn primary ${busy ? 'busy' : ''}`} onClick={() => void send()}>
            {busy ? '正在上传…' : '上传附件'}
          </Button>
        </View>
      ) : null}
      {error ? (
        <View id='attach-error' className='staff-error staff-field'>
          {error}
        </View>
      ) : null}
    </View>
  );
}
