/**
 * 按住说话: the report form's voice card. Hold the big button to record (up to AUDIO_MAX_SECONDS; the seconds show
 * while it records), let go to stop; the recording goes up at once like a photo, and its key stays in the draft, so a
 * send that fails keeps it. Then 播放, 重录 or 删除. A draft reopened later has the key but no local file to play.
 */
import { Text, View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import { AUDIO_MAX_SECONDS } from '../../../../shared/audio';
import { Button } from '../../components/Button';
import { ErrorText } from '../../components/Field';
import { HoldButton } from '../../components/HoldButton';
import { uploadAudio } from '../../lib/api';
import { PlayButton } from '../../components/PlayButton';
import { startRecording } from '../../lib/recorder';
import { RecorderError, type Recording, type RecordingSession } from '../../lib/recording';
import { messageOf } from '../../lib/request';
import type { DraftForm } from '../../lib/draft';
import { fill, words } from '../../i18n';

const w = words.voice;

/** Shorter than this is a slip of the finger, not a message. */
const MIN_SECONDS = 1;

export function VoiceSection({ form, locked, error, update, onBusy }: { form: DraftForm; locked: boolean; error?: string; update: (patch: Partial<DraftForm>) => void; onBusy: (busy: boolean) => void }) {
  const [recordingSeconds, setRecordingSeconds] = useState<number | null>(null);
  const [local, setLocal] = useState<Recording | null>(null);
  const [uploading, setUploading] = useState(false);
  const [note, setNote] = useState('');
  const session = useRef<RecordingSession | null>(null);
  const held = useRef(false);
  const tick = useRef<ReturnType<typeof setInterval>>();

  useEffect(() => onBusy(uploading || recordingSeconds !== null), [uploading, recordingSeconds]);
  useEffect(() => () => clearInterval(tick.current), []);

  async function upload(recording: Recording) {
    setUploading(true);
    setNote('');
    try {
      const key = await uploadAudio(recording);
      update({ audio: { key, seconds: Math.max(0.1, Math.min(AUDIO_MAX_SECONDS, Math.round(recording.seconds * 10) / 10)) } });
    } catch (e) {
      setNote(fill(w.uploadFailed, { reason: messageOf(e) }));
    } finally {
      setUploading(false);
    }
  }

  async function hold() {
    if (locked || uploading || session.current || held.current) return;
    held.current = true;
    setNote('');
    let s: RecordingSession;
    try {
      s = await startRecording(AUDIO_MAX_SECONDS);
    } catch (e) {
      held.current = false;
      setNote(e instanceof RecorderError ? e.message : w.failed);
      return;
    }
    session.current = s;
    const startedAt = Date.now();
    setRecordingSeconds(0);
    tick.current = setInterval(() => setRecordingSeconds(Math.min(AUDIO_MAX_SECONDS, Math.floor((Date.now() - startedAt) / 1000))), 250);
    // let go before the microphone was ready: stop now
    if (!held.current) s.stop();
    try {
      const recording = await s.done;
      if (recording.seconds < MIN_SECONDS) {
        setNote(w.tooShort);
        return;
      }
      setLocal(recording);
      update({ audio: undefined });
      await upload(recording);
    } catch (e) {
      setNote(e instanceof RecorderError ? e.message : w.failed);
    } finally {
      clearInterval(tick.current);
      session.current = null;
      setRecordingSeconds(null);
    }
  }

  function release() {
    held.current = false;
    session.current?.stop();
  }

  function remove() {
    setLocal(null);
    setNote('');
    update({ audio: undefined });
  }

  const seconds = form.audio?.seconds ?? local?.seconds;
  const has = Boolean(form.audio || local);
  const recording = recordingSeconds !== null;
  return (
    <View className='card' id='voice'>
      <Text className='label'>{fill(w.title, { max: AUDIO_MAX_SECONDS })}</Text>
      <View className='voice-status' id='voice-status' role='status' aria-live='polite'>
        {recording
          ? fill(w.recording, { n: recordingSeconds })
          : uploading
            ? w.uploading
            : has && seconds !== undefined
              ? fill(form.audio ? w.recorded : w.recordedNotSent, { n: Math.round(seconds) })
              : w.howTo}
      </View>
      {(!has || recording) && (
        <HoldButton id='hold-to-talk' className={`btn primary big hold ${recording ? 'recording' : ''}`} disabled={locked || uploading} onHold={hold} onRelease={release}>
          {recording ? fill(w.recordingButton, { n: recordingSeconds }) : w.hold}
        </HoldButton>
      )}
      {has && !recording && (
        <View className='voice-actions'>
          {/* a new player per recording: the old one stops as it goes */}
          {local && <PlayButton key={local.path} id='play-voice' src={local.path} />}
          {local && !form.audio && !uploading && (
            <Button className='btn' id='retry-voice' onClick={() => void upload(local)}>
              {w.reupload}
            </Button>
          )}
          <Button className='btn' id='redo-voice' disabled={locked || uploading} onClick={remove}>
            {w.redo}
          </Button>
          <Button className='btn' id='delete-voice' disabled={locked || uploading} onClick={remove}>
            {w.remove}
          </Button>
        </View>
      )}
      {note && <ErrorText>{note}</ErrorText>}
      {error && <ErrorText>{error}</ErrorText>}
    </View>
  );
}
