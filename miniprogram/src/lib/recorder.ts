/**
 * WeChat: the RecorderManager (MP3, 16 kHz mono at 24 kbit/s: a minute is some 180 KB) and an inner audio context
 * to play it back. There is one recorder manager per mini-program, so one recording at a time.
 */
import Taro from '@tarojs/taro';
import { audioTypeOf } from '../../../shared/audio';
import { RecorderError, type Playback, type Recording, type RecordingSession } from './recording';
import { words } from '../i18n';

export function startRecording(maxSeconds: number): Promise<RecordingSession> {
  const manager = Taro.getRecorderManager();
  return new Promise<RecordingSession>((started, refused) => {
    let settle: { resolve: (r: Recording) => void; reject: (e: Error) => void } | undefined;
    const done = new Promise<Recording>((resolve, reject) => (settle = { resolve, reject }));
    const session: RecordingSession = { done, stop: () => manager.stop() };
    let running = false;
    manager.onStart(() => {
      running = true;
      started(session);
    });
    manager.onStop((res) => {
      const contentType = audioTypeOf(res.tempFilePath) ?? 'audio/mpeg';
      if (!res.tempFilePath || !res.fileSize) return settle?.reject(new RecorderError(words.voice.nothingHeard));
      settle?.resolve({ path: res.tempFilePath, seconds: Math.min(maxSeconds, res.duration / 1000), contentType, size: res.fileSize });
    });
    manager.onError((err) => {
      const e = new RecorderError(/auth|deny|permission/i.test(err.errMsg ?? '') ? words.voice.noMicWeChat : words.voice.failed);
      if (running) settle?.reject(e);
      else refused(e);
    });
    manager.start({ duration: maxSeconds * 1000, format: 'mp3', sampleRate: 16000, numberOfChannels: 1, encodeBitRate: 24000 });
  });
}

export function play(path: string): Playback {
  const audio = Taro.createInnerAudioContext();
  const playing = new Promise<void>((resolve) => audio.onPlay(() => resolve()));
  const ended = new Promise<void>((resolve) => {
    audio.onEnded(() => resolve());
    audio.onStop(() => resolve());
    audio.onError(() => resolve());
  });
  audio.src = path;
  audio.play();
  return {
    playing,
    ended: ended.then(() => audio.destroy()),
    stop: () => audio.stop(),
  };
}
