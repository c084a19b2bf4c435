/**
 * H5: the browser's MediaRecorder (Opus in WebM on Chromium; MP4 where only that is offered), about 32 kbit/s, so
 * a minute is some 240 KB, well under the 1 MB the API takes.
 */
import { audioTypeOf } from '../../../shared/audio';
import { RecorderError, type Playback, type Recording, type RecordingSession } from './recording';
import { words } from '../i18n';

const TYPES = ['audio/webm;codecs=opus', 'audio/webm', 'audio/mp4'];

export async function startRecording(maxSeconds: number): Promise<RecordingSession> {
  if (typeof MediaRecorder === 'undefined' || !navigator.mediaDevices?.getUserMedia) throw new RecorderError(words.voice.browserCannot);
  const mimeType = TYPES.find((t) => MediaRecorder.isTypeSupported(t));
  if (!mimeType) throw new RecorderError(words.voice.browserCannot);
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  } catch {
    throw new RecorderError(words.voice.noMicBrowser);
  }
  const recorder = new MediaRecorder(stream, { mimeType, audioBitsPerSecond: 32_000 });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (e) => {
    if (e.data.size) chunks.push(e.data);
  };
  const started = Date.now();
  const done = new Promise<Recording>((resolve, reject) => {
    recorder.onstop = () => {
      stream.getTracks().forEach((t) => t.stop());
      const contentType = audioTypeOf(recorder.mimeType || mimeType);
      const blob = new Blob(chunks, { type: recorder.mimeType || mimeType });
      if (!contentType || !blob.size) return reject(new RecorderError(words.voice.nothingHeard));
      resolve({ path: URL.createObjectURL(blob), seconds: Math.min(maxSeconds, (Date.now() - started) / 1000), contentType, size: blob.size });
    };
    recorder.onerror = () => reject(new RecorderError(words.voice.failed));
  });
  recorder.start(1000);
  const limit = setTimeout(() => stop(), maxSeconds * 1000);
  function stop() {
    clearTimeout(limit);
    if (recorder.state !== 'inactive') recorder.stop();
  }
  return { done, stop };
}

export function play(path: string): Playback {
  const audio = new Audio(path);
  const playing = new Promise<void>((resolve) => (audio.onplaying = () => resolve()));
  const ended = new Promise<void>((resolve) => {
    audio.onended = () => resolve();
    audio.onpause = () => resolve();
    audio.onerror = () => resolve();
  });
  void audio.play().catch(() => undefined);
  return { playing, ended, stop: () => audio.pause() };
}
