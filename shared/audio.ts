/**
 * 按住说话: a report may carry one voice recording. The formats are what the two recorders give: WeChat's
 * RecorderManager (mp3, or aac as raw ADTS or in an m4a box) and Chromium's MediaRecorder (Opus in WebM). The
 * type is signed into the upload URL, and the bytes' start is checked again when the report names the key, so a
 * file of another kind uploaded under an audio type is refused.
 */
import * as z from 'zod/mini';

export const AUDIO_MAX_BYTES = 1024 * 1024;
export const AUDIO_MAX_SECONDS = 60;

/** The upload's Content-Type → the key's extension. */
export const AUDIO_TYPES = { 'audio/mpeg': 'mp3', 'audio/aac': 'aac', 'audio/mp4': 'm4a', 'audio/webm': 'webm' } as const;
export type AudioType = keyof typeof AUDIO_TYPES;
export type AudioExt = (typeof AUDIO_TYPES)[AudioType];
export const AUDIO_EXTS = Object.values(AUDIO_TYPES) as AudioExt[];

/** The type of a recorder's MIME type or file name (`audio/webm;codecs=opus`, `…/tmp_123.m4a`), if it is one we take. */
export function audioTypeOf(mimeOrName: string): AudioType | undefined {
  const s = mimeOrName.toLowerCase();
  const base = s.split(';')[0]?.trim() ?? '';
  if (base in AUDIO_TYPES) return base as AudioType;
  if (base === 'audio/mp3') return 'audio/mpeg';
  if (base === 'audio/x-m4a') return 'audio/mp4';
  const ext = /\.([a-z0-9]+)$/.exec(s)?.[1];
  return (Object.entries(AUDIO_TYPES) as Array<[AudioType, AudioExt]>).find(([, e]) => e === ext)?.[0];
}

/** Whether a file's first bytes are those of its extension's format (at least 12 bytes are looked at). */
export function audioBytesMatch(ext: AudioExt, head: Uint8Array): boolean {
  // a byte past the end is 0, which no signature's byte is (as -1 it matched an MPEG frame's bit masks: a one-byte
  // file of 0xff passed as MP3)
  const b = (i: number) => head[i] ?? 0;
  const ascii = (from: number, s: string) => [...s].every((c, i) => b(from + i) === c.charCodeAt(0));
  switch (ext) {
    case 'webm':
      return b(0) === 0x1a && b(1) === 0x45 && b(2) === 0xdf && b(3) === 0xa3;
    case 'm4a':
    case 'aac':
      // AAC in an MP4 box, or raw ADTS frames (the sync word and layer 00): WeChat's recorder names either kind by
      // the format asked for, not by the container it wrote
      return ascii(4, 'ftyp') || (b(0) === 0xff && (b(1) & 0xf6) === 0xf0);
    case 'mp3':
      // an ID3 tag, or an MPEG audio frame (sync word, a layer other than the reserved 00)
      return ascii(0, 'ID3') || (b(0) === 0xff && (b(1) & 0xe0) === 0xe0 && (b(1) & 0x06) !== 0);
  }
}

/** A recording is referenced by the object key the audio upload route handed out. */
export const AudioRef = z.string({ error: '缺少语音' }).check(z.regex(/^audio\/\d{4}-\d{2}\/[0-9a-f]{20}\/[0-9A-Z]{26}\.(mp3|aac|m4a|webm)$/, { error: '语音引用不正确，请重新录音' }));

/** The recording a report carries: its key and its length as the recorder measured it. */
export const AudioClip = z.strictObject({
  key: AudioRef,
  seconds: z
    .number({ error: '缺少语音时长' })
    .check(z.gt(0, { error: '语音是空的，请重新录音' }), z.lte(AUDIO_MAX_SECONDS, { error: `语音不能超过 ${AUDIO_MAX_SECONDS} 秒` })),
});
export type AudioClip = z.infer<typeof AudioClip>;

/** POST /uploads/audio: one recording the app is about to upload. */
export const AudioUploadBody = z.strictObject({
  contentType: z.enum(Object.keys(AUDIO_TYPES) as [AudioType, ...AudioType[]], { error: '语音须为 MP3、AAC、M4A 或 WebM 格式' }),
  size: z.int({ error: '缺少语音大小' }).check(z.gte(1, { error: '语音是空的，请重新录音' }), z.lte(AUDIO_MAX_BYTES, { error: '语音不能超过 1 MB' })),
});
export type AudioUploadBody = z.infer<typeof AudioUploadBody>;

/** How the case file and lists name a report that has only a recording. */
/**
 * WeChat's verdict on a recording (mediaCheckAsync v2's \`result.suggest\`), pushed to POST /wechat/push within 30
 * minutes of the report; none yet while it checks. Staff still hear a risky recording: it is a citizen's report to
 * its centre, never shown to anyone else; the verdict tells them to listen with care.
 */
export const MEDIA_VERDICTS = ['pass', 'review', 'risky'] as const;
export type MediaVerdict = (typeof MEDIA_VERDICTS)[number];
export const MEDIA_VERDICT_LABELS: Record<MediaVerdict | 'pending', string> = {
  pending: '微信内容安全检测中',
  pass: '已通过微信内容安全检测',
  review: '微信内容安全检测：建议人工复核',
  risky: '微信内容安全检测：疑似违规，请核实后处理',
};

export const voiceLabel = (seconds: number) => `［语音 ${Math.round(seconds)} 秒］`;
/** What a report says in one line of text: its description, or, for a report by voice alone, that it was spoken. */
export const reportText = (p: { description: string; audio?: { seconds: number } }) => p.description || (p.audio ? voiceLabel(p.audio.seconds) : '');
