/** 按住说话: which recorder outputs the API takes, and whether a file's first bytes are of its format. */
import { describe, expect, it } from 'vitest';
import { audioBytesMatch, audioTypeOf } from '../../shared/audio';

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
});
