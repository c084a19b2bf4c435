/** 按住说话: which recorder outputs the API takes, and whether a file's first bytes are of its format. */
import { describe, expect, it } from 'vitest';
import { AUDIO_MAX_BYTES, AudioUploadBody, audioBytesMatch, audioTypeOf, reportText } from '../../shared/audio';

const bytes = (...b: number[]) => Uint8Array.from([...b, ...Array(12).fill(0)]);
const ascii = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

describe('audio formats', () => {
  it("maps each recorder's type or file name to an upload type, and nothing else", () => {
    expect(audioTypeOf('audio/webm;codecs=opus')).toBe('audio/webm');
    expect(audioTypeOf('audio/mp4')).toBe('audio/mp4');
    expect(audioTypeOf('wxfile://tmp_a1b2.mp3')).toBe('audio/mpeg');
    expect(audioTypeOf('http://tmp/abc.aac')).toBe('audio/aac');
    expect(audioTypeOf('http://tmp/abc.m4a')).toBe('audio/mp4');
    expect(audioTypeOf('audio/ogg;codecs=opus')).toBeUndefined();
    expect(audioTypeOf('audio/wav')).toBeUndefined();
    expect(audioTypeOf('http://tmp/abc.wav')).toBeUndefined();
    // the older names of mp3 and m4a, a type with spaces before its parameters, a name whose folder has a dot
    expect(audioTypeOf('audio/mp3')).toBe('audio/mpeg');
    expect(audioTypeOf('audio/x-m4a')).toBe('audio/mp4');
    expect(audioTypeOf('audio/webm ; codecs=opus')).toBe('audio/webm');
    expect(audioTypeOf('wxfile://tmp.v2/a1b2.mp3')).toBe('audio/mpeg');
  });

  it('takes an upload of up to 1 MB', () => {
    expect(AUDIO_MAX_BYTES).toBe(1_048_576);
    expect(AudioUploadBody.safeParse({ contentType: 'audio/mpeg', size: 1_048_576 }).success).toBe(true);
    expect(AudioUploadBody.safeParse({ contentType: 'audio/mpeg', size: 1_048_577 }).success).toBe(false);
  });

  it('names a report that has only a recording by its length', () => {
    expect(reportText({ description: '草场被占', audio: { seconds: 12 } })).toBe('草场被占');
    expect(reportText({ description: '', audio: { seconds: 12.4 } })).toBe('［语音 12 秒］');
    expect(reportText({ description: '' })).toBe('');
  });

  it('knows each format by its first bytes', () => {
    expect(audioBytesMatch('webm', bytes(0x1a, 0x45, 0xdf, 0xa3))).toBe(true);
    expect(audioBytesMatch('mp3', ascii('ID3\u0004\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000'))).toBe(true);
    expect(audioBytesMatch('mp3', bytes(0xff, 0xfb, 0x90))).toBe(true);
    expect(audioBytesMatch('aac', bytes(0xff, 0xf1, 0x50))).toBe(true);
    expect(audioBytesMatch('m4a', Uint8Array.from([0, 0, 0, 0x20, ...ascii('ftypM4A ')]))).toBe(true);
    // WeChat's aac may come boxed: either container is AAC
    expect(audioBytesMatch('aac', Uint8Array.from([0, 0, 0, 0x20, ...ascii('ftypM4A ')]))).toBe(true);
  });

  it('refuses a photo, a WebM named MP3, an ADTS frame named MP3, and an empty file', () => {
    const jpeg = bytes(0xff, 0xd8, 0xff, 0xe0);
    for (const ext of ['webm', 'mp3', 'aac', 'm4a'] as const) expect(audioBytesMatch(ext, jpeg)).toBe(false);
    expect(audioBytesMatch('mp3', bytes(0x1a, 0x45, 0xdf, 0xa3))).toBe(false);
    expect(audioBytesMatch('mp3', bytes(0xff, 0xf1, 0x50))).toBe(false);
    expect(audioBytesMatch('webm', new Uint8Array())).toBe(false);
  });

  it('looks at every byte of a signature', () => {
    const webm = [0x1a, 0x45, 0xdf, 0xa3];
    for (let i = 0; i < 4; i++) expect(audioBytesMatch('webm', bytes(...webm.map((b, j) => (j === i ? 0 : b))))).toBe(false);
    expect(audioBytesMatch('mp3', ascii('IDX\u0004\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000'))).toBe(false);
    // an ADTS sync word needs its first byte, an MPEG frame its first byte and a layer
    expect(audioBytesMatch('aac', bytes(0x00, 0xf1, 0x50))).toBe(false);
    expect(audioBytesMatch('mp3', bytes(0x00, 0xfb, 0x90))).toBe(false);
    expect(audioBytesMatch('mp3', bytes(0xff, 0x1b, 0x90))).toBe(false);
  });

  it('refuses a file too short to hold a signature', () => {
    for (const ext of ['webm', 'mp3', 'aac', 'm4a'] as const) expect([ext, audioBytesMatch(ext, Uint8Array.from([0xff]))]).toEqual([ext, false]);
  });
});
