/**
 * 按住说话 on the case file: the citizen's recording, played from its short-lived link, and a transcription staff
 * write as an internal note (the 进展 step with 仅内部: the citizen never sees it). Before the case is dispatched
 * there is no step to carry the note yet, and the card says so.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { MEDIA_VERDICT_LABELS, voiceLabel } from '../../../../../shared/audio';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/Field';
import { PlayButton } from '../../../components/PlayButton';
import type { CaseFile } from '../../lib/petitions';

export const TRANSCRIPT_PREFIX = '语音转写：';

export function VoiceCard({ p, onTranscribe }: { p: CaseFile; onTranscribe?: (body: { note: string; visibility: 'internal' }) => Promise<Record<string, string> | void> }) {
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  if (!p.audio || !p.audioUrl) return null;
  const url = p.audioUrl;
  const transcripts = p.timeline.filter((e) => e.note?.startsWith(TRANSCRIPT_PREFIX));

  const save = async () => {
    if (busy || !onTranscribe) return;
    const note = text.trim();
    if (!note) {
      setError('请先写下语音的内容');
      return;
    }
    setBusy(true);
    const fields = await onTranscribe({ note: `${TRANSCRIPT_PREFIX}${note}`, visibility: 'internal' });
    setBusy(false);
    if (fields && Object.keys(fields).length) setError(Object.values(fields)[0] ?? '');
    else {
      setText('');
      setError('');
    }
  };

  return (
    <View className='staff-card' id='voice'>
      <View className='staff-title'>群众的语音 {voiceLabel(p.audio.seconds)}</View>
      <PlayButton id='play-audio' className='staff-btn' src={url} idle='播放语音' />
      <Text className='staff-muted'> 链接十分钟内有效，过期请刷新本页。</Text>
      <View id='audio-check' className={p.audio.check === 'pass' || !p.audio.check ? 'staff-muted' : 'staff-error'} data-check={p.audio.check ?? 'pending'}>
        {MEDIA_VERDICT_LABELS[p.audio.check ?? 'pending']}
      </View>
      {transcripts.map((e) => (
        <View key={e.seq} className='staff-description' id={`transcript-${e.seq}`}>
          {e.note}
        </View>
      ))}
      {onTranscribe ? (
        <View className='staff-field'>
          <TextField id='transcript' look='staff' label='语音转写（仅内部可见，群众看不到）' multiline maxLength={900} value={text} onInput={setText} error={error} />
          <Button id='save-transcript' className='staff-btn primary' disabled={busy} onClick={() => void save()}>
            保存转写
          </Button>
        </View>
      ) : (
        <Text className='staff-muted'>分派后，承办人和中心可以在这里写下语音的内容（仅内部可见）。</Text>
      )}
    </View>
  );
}
