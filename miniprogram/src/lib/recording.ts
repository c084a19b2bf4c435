/**
 * 按住说话: what both recorders give the report form. The recorder itself is per platform (Taro picks the file):
 * `recorder.ts` is WeChat's RecorderManager, `recorder.h5.ts` the browser's MediaRecorder; both import their types
 * from here, never from './recorder' (in the H5 build that name is the H5 file itself).
 */
import type { AudioType } from '../../../shared/audio';

/** A finished recording on the device: where it is, how long, its upload type and size. */
export interface Recording {
  /** a temp file (WeChat) or a blob: URL (H5) */
  path: string;
  seconds: number;
  contentType: AudioType;
  size: number;
}

/** A recording under way: `done` settles when it stops, by `stop()` or at the limit. */
export interface RecordingSession {
  done: Promise<Recording>;
  stop(): void;
}

/** Playing a recording back: `playing` settles once sound plays, `ended` when it has played through, failed or was stopped. */
export interface Playback {
  playing: Promise<void>;
  ended: Promise<void>;
  stop(): void;
}

/** Recording could not start or went wrong: the message is for the citizen. */
export class RecorderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecorderError';
  }
}
