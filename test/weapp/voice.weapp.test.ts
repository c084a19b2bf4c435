// @vitest-environment jsdom
/**
 * 按住说话 in the weapp build against the local stack: the device's RecorderManager is played here (it starts when
 * asked, and stops with an MP3 in a temp file as WeChat's does); the page uploads the recording the way it uploads a
 * photo (POST /uploads/audio, then the PUT to the S3 stand-in) and sends a report by voice alone.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/api';
import { TEST_API_BASE, buildApp } from '../support/appBuild';
import { WeappRuntime, stackNetwork, type RecordedRequest } from '../support/appWeapp';
import { stack } from '../support/worker';

const POST_ID = 'babao-baiyanggou-p1';
const bodyOf = (r: RecordedRequest | undefined): Record<string, unknown> => JSON.parse(String(r?.data));
/** An MP3 as WeChat's recorder writes one: an ID3 tag, then frames. */
const MP3 = new Uint8Array([0x49, 0x44, 0x33, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, ...Array(3000).fill(0x55)]);

/** The phone's recorder: records when asked, and on stop hands back a temp MP3 of `seconds`. */
function simulatedRecorder(rt: WeappRuntime, seconds: number) {
  const asked: Array<Record<string, unknown>> = [];
  const handlers: Record<string, (res?: unknown) => void> = {};
  rt.stubWxApi('getRecorderManager', () => ({
    onStart: (f: () => void) => (handlers.start = f),
    onStop: (f: (r: unknown) => void) => (handlers.stop = f),
    onError: (f: (r: unknown) => void) => (handlers.error = f),
    onPause: () => undefined,
    onFrameRecorded: () => undefined,
    start: (opts: Record<string, unknown>) => {
      asked.push(opts);
      setTimeout(() => handlers.start?.(), 5);
    },
    stop: () => setTimeout(() => handlers.stop?.({ tempFilePath: 'wxfile://tmp/voice-1.mp3', duration: seconds * 1000, fileSize: MP3.byteLength }), 5),
  }));
  const read: string[] = [];
  rt.stubWxApi('getFileSystemManager', () => ({
    readFile: (o: { filePath: string; success: (r: unknown) => void }) => {
      read.push(o.filePath);
      queueMicrotask(() => o.success({ data: MP3.slice().buffer }));
    },
  }));
  return { asked, read };
}

let root: string;
beforeAll(async () => {
  root = await buildApp('weapp');
}, 600_000);

describe('按住说话 (weapp)', () => {
  it("records with WeChat's recorder while held, uploads the MP3 and sends a report by voice alone", async () => {
    const rt = new WeappRuntime(root, stackNetwork(stack().apiUrl));
    const device = simulatedRecorder(rt, 7.25);
    rt.launch();
    const page = await rt.open('pages/report/index', { postId: POST_ID });
    await page.settle(100);
    await page.tap('cat-land_dispute');
    expect(page.byId('hold-to-talk').dom.textContent).toContain('按住说话');

    page.byId('hold-to-talk').dispatchEvent('touchstart', { detail: {} });
    await page.settle(50);
    expect(page.text()).toContain('录音中 0 秒');
    // MP3, mono, a minute at most
    expect(device.asked).toEqual([{ duration: 60_000, format: 'mp3', sampleRate: 16000, numberOfChannels: 1, encodeBitRate: 24000 }]);
    page.byId('hold-to-talk').dispatchEvent('touchend', { detail: {} });
    await page.settle(100);

    // uploaded like a photo: a ticket for an MP3 of its size, the bytes PUT to storage
    expect(device.read).toEqual(['wxfile://tmp/voice-1.mp3']);
    const ticket = rt.requests.find((r) => r.url === `${TEST_API_BASE}/uploads/audio`);
    expect(bodyOf(ticket)).toEqual({ contentType: 'audio/mpeg', size: MP3.byteLength });
    const put = rt.requests.find((r) => r.method === 'PUT');
    expect(put?.answer).toMatchObject({ statusCode: 200 });
    expect(page.text()).toContain('已录语音 7 秒');
    expect(page.text()).toContain('重录');
    expect(page.text()).toContain('删除');

    await page.tap('send');
    await page.settle(100);
    const sent = rt.requests.filter((r) => r.method === 'POST' && r.url === `${TEST_API_BASE}/petitions`);
    expect(sent).toHaveLength(1);
    const body = bodyOf(sent[0]);
    expect(body.description).toBeUndefined();
    expect(body.audio).toEqual({ key: expect.stringMatching(/^audio\/\d{4}-\d{2}\/[0-9a-f]{20}\/[0-9A-Z]{26}\.mp3$/), seconds: 7.3 });
    const answer = sent[0]?.answer;
    if (!answer || answer === 'fail') throw new Error('no answer to the report');
    expect(answer.statusCode).toBe(201);

    // the API holds the recording: the citizen hears the same bytes back
    const token = (rt.storage.get('sg.token') as { token: string }).token;
    const held = await call('GET', `/petitions/${JSON.parse(answer.text).id}`, { token });
    expect(held.body.audio.seconds).toBe(7.3);
    expect(new Uint8Array(await (await fetch(held.body.audio.url)).arrayBuffer())).toEqual(MP3);
  }, 240_000);
});
