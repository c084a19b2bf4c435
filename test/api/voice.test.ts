/**
 * 按住说话 (issue 18): a report by voice. The recording goes up like a photo (a presigned PUT into the citizen's
 * folder), the report names it, the API checks it is this citizen's, there, small enough and of its format, and hands
 * it to WeChat's asynchronous media check (the stand-in fetches it as WeChat would). Staff and the citizen hear it
 * through short-lived links.
 */
import { describe, expect, it } from 'vitest';
import { call, citizenToken, report, staffToken } from '../support/api';
import { STANDIN_PUSH_TOKEN } from '../../functions/local/wechat-standin';
import { pushSignature } from '../../functions/usecases/wechatPush';
import { stack } from '../support/worker';

/** The start of a WebM file (EBML magic), as Chromium's MediaRecorder writes it, and some bytes after. */
const webm = (size = 4096) => Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01]), Buffer.alloc(size - 9, 3)]);
/** An MP3 as WeChat's recorder writes it: an ID3 tag first. */
const mp3 = Buffer.concat([Buffer.from('ID3'), Buffer.from([0x04, 0x00, 0x00]), Buffer.alloc(2000, 0x55)]);
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2048, 7), Buffer.from([0xff, 0xd9])]);

async function uploadAudio(token: string, bytes: Buffer, contentType = 'audio/webm', signedSize = bytes.length): Promise<string> {
  const ticket = await call('POST', '/uploads/audio', { token, body: { contentType, size: signedSize } });
  expect(ticket.status).toBe(200);
  const put = await fetch(ticket.body.url, { method: 'PUT', body: new Uint8Array(bytes), headers: ticket.body.headers });
  expect(put.status).toBe(200);
  return ticket.body.key;
}

const voiceOnly = (key: string, seconds = 12) => ({ description: undefined, audio: { key, seconds } });

async function mediaChecks(): Promise<Array<{ traceId: string; mediaType: number; openid: string; fetched: number; bytes: number }>> {
  return (await (await fetch(`${stack().wechatUrl}/__standin/media-checks`)).json()).checks;
}

describe('a report by voice', () => {
  it('takes a recording instead of a description: checked by WeChat, heard by staff and the citizen', async () => {
    const name = `herder-voice-${Date.now()}`;
    const herder = await citizenToken(name);
    const bytes = webm();
    const key = await uploadAudio(herder, bytes);
    expect(key).toMatch(/^audio\/\d{4}-\d{2}\/[0-9a-f]{20}\/[0-9A-Z]{26}\.webm$/);

    const sent = await report(herder, voiceOnly(key, 12.4));
    expect(sent.status).toBe(201);

    // WeChat's media check got a link it could fetch, the whole recording, as audio (media_type 1)
    const check = (await mediaChecks()).find((c) => c.bytes === bytes.length && c.mediaType === 1);
    expect(check).toMatchObject({ fetched: 200, mediaType: 1 });
    expect(check?.openid).toBe(`dev:${name}`);

    const mine = await call('GET', `/petitions/${sent.body.id}`, { token: herder });
    expect(mine.body.description).toBe('');
    expect(mine.body.audio.seconds).toBe(12.4);
    expect(Buffer.from(await (await fetch(mine.body.audio.url)).arrayBuffer())).toEqual(bytes);

    const centre = await staffToken('babao');
    const file = await call('GET', `/staff/petitions/${sent.body.id}`, { token: centre });
    expect(file.status).toBe(200);
    expect(file.body.audio).toMatchObject({ key, seconds: 12.4, checkTraceId: check?.traceId });
    expect(Buffer.from(await (await fetch(file.body.audioUrl)).arrayBuffer())).toEqual(bytes);
    // lists name a spoken report for what it is
    const listed = (await call('GET', '/petitions/mine', { token: herder })).body.items.find((p: { id: string }) => p.id === sent.body.id);
    expect(listed.summary).toBe('［语音 12 秒］');
  });

  it("takes WeChat's MP3 beside a typed description", async () => {
    const herder = await citizenToken();
    const key = await uploadAudio(herder, mp3, 'audio/mpeg');
    expect(key).toMatch(/\.mp3$/);
    const sent = await report(herder, { audio: { key, seconds: 60 } });
    expect(sent.status).toBe(201);
    const mine = await call('GET', `/petitions/${sent.body.id}`, { token: herder });
    expect(mine.body.description).toContain('网围栏');
    expect(mine.body.audio.seconds).toBe(60);
  });

  it('refuses a report with neither a description nor a recording, naming the description', async () => {
    const herder = await citizenToken();
    const none = await report(herder, { description: undefined });
    expect(none.status).toBe(400);
    expect(none.body.error.issues).toContainEqual({ path: 'description', message: '请填写问题描述，或按住说话录一段语音' });
  });

  it('refuses foreign formats and files over 1 MB at the upload, and recordings over 60 seconds', async () => {
    const herder = await citizenToken();
    const wav = await call('POST', '/uploads/audio', { token: herder, body: { contentType: 'audio/wav', size: 1000 } });
    expect(wav.status).toBe(400);
    expect(wav.body.error.issues[0]).toMatchObject({ path: 'contentType', message: '语音须为 MP3、AAC、M4A 或 WebM 格式' });
    const huge = await call('POST', '/uploads/audio', { token: herder, body: { contentType: 'audio/webm', size: 1024 * 1024 + 1 } });
    expect(huge.status).toBe(400);
    expect(huge.body.error.issues[0]).toMatchObject({ path: 'size', message: '语音不能超过 1 MB' });
    expect((await call('POST', '/uploads/audio', { body: { contentType: 'audio/webm', size: 100 } })).status).toBe(401);

    const key = await uploadAudio(herder, webm());
    const long = await report(herder, voiceOnly(key, 61));
    expect(long.status).toBe(400);
    expect(long.body.error.issues).toContainEqual({ path: 'audio.seconds', message: '语音不能超过 60 秒' });
  });

  it('refuses a file whose bytes are not of its format, and one larger than 1 MB whatever the ticket said', async () => {
    const herder = await citizenToken();
    // a photo put under an audio type (S3 signs the type, not what the bytes are)
    const photo = await uploadAudio(herder, jpeg, 'audio/webm');
    const foreign = await report(herder, voiceOnly(photo));
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.issues).toEqual([{ path: 'audio.key', message: '语音格式不正确，请重新录音' }]);

    // S3 enforces the signed length; a file over the limit that got there anyway is still refused
    const big = await uploadAudio(herder, webm(1024 * 1024 + 10), 'audio/webm', 1000);
    const oversize = await report(herder, voiceOnly(big));
    expect(oversize.status).toBe(400);
    expect(oversize.body.error.issues).toEqual([{ path: 'audio.key', message: '语音不能超过 1 MB' }]);
  });

  it("refuses another citizen's recording, one never uploaded, and a key outside the audio folder", async () => {
    const [herder, neighbour] = [await citizenToken(), await citizenToken()];
    const theirs = await uploadAudio(neighbour, webm());
    const stolen = await report(herder, voiceOnly(theirs));
    expect(stolen.status).toBe(400);
    expect(stolen.body.error.issues).toEqual([{ path: 'audio.key', message: '语音未上传成功或不是您录的，请重新录音' }]);
    expect(stolen.body.error.message).toBe('语音无效，请重新录音');

    const mineButMissing = theirs.replace(/[0-9A-Z]{26}\.webm$/, '01J00000000000000000000000.webm');
    expect((await report(neighbour, voiceOnly(mineButMissing))).body.error.issues).toEqual([{ path: 'audio.key', message: '语音未上传成功或不是您录的，请重新录音' }]);

    const traversal = await report(herder, voiceOnly('photos/2026-11/abc/../x.webm'));
    expect(traversal.status).toBe(400);
    expect(traversal.body.error.issues[0]).toMatchObject({ path: 'audio.key', message: '语音引用不正确，请重新录音' });
  });

  it("keeps WeChat's verdict, pushed later and signed, on the case: staff see it; an unsigned push changes nothing", async () => {
    const herder = await citizenToken();
    const bytes = webm(5000 + Math.floor(Math.random() * 1000));
    const sent = await report(herder, voiceOnly(await uploadAudio(herder, bytes), 8));
    expect(sent.status).toBe(201);
    const centre = await staffToken('babao');
    const caseFile = async () => (await call('GET', `/staff/petitions/${sent.body.id}`, { token: centre })).body;
    const before = await caseFile();
    const traceId = before.audio.checkTraceId as string;
    expect(before.audio.check).toBeUndefined();
    const push = async (body: Record<string, unknown>) =>
      (await (await fetch(`${stack().wechatUrl}/__standin/push`, { method: 'POST', body: JSON.stringify({ url: stack().apiUrl, traceId, ...body }) })).json()) as { status: number; body: string };

    // signed with another token: not WeChat, nobody we know, and the case is as it was
    expect(await push({ suggest: 'risky', token: 'not-the-token' })).toMatchObject({ status: 404 });
    expect((await caseFile()).audio.check).toBeUndefined();

    // WeChat's push: acknowledged as WeChat asks (the text `success`), and the verdict is on the case
    expect(await push({ suggest: 'risky' })).toEqual({ status: 200, body: 'success' });
    const after = await caseFile();
    expect(after.audio).toMatchObject({ check: 'risky', checkTraceId: traceId, seconds: 8 });
    expect(after.version).toBe(before.version + 1);
    // a trace no report has is acknowledged too (WeChat would push it again otherwise) and touches nothing
    expect(await push({ suggest: 'pass', traceId: 'no-such-trace' })).toEqual({ status: 200, body: 'success' });
    expect((await caseFile()).audio.check).toBe('risky');
    // the citizen's own view says nothing of it
    expect((await call('GET', `/petitions/${sent.body.id}`, { token: herder })).body.audio).not.toHaveProperty('check');
  });

  it('acknowledges WeChat’s other signed pushes and leaves the case as it was: another event, a verdict it does not know, a check without its result', async () => {
    const herder = await citizenToken();
    const sent = await report(herder, voiceOnly(await uploadAudio(herder, webm(5000 + Math.floor(Math.random() * 1000))), 8));
    expect(sent.status).toBe(201);
    const centre = await staffToken('babao');
    const caseFile = async () => (await call('GET', `/staff/petitions/${sent.body.id}`, { token: centre })).body;
    const before = await caseFile();
    const trace_id = before.audio.checkTraceId as string;
    const signedPush = async (event: Record<string, unknown>) => {
      const [timestamp, nonce] = [String(Math.floor(Date.now() / 1000)), '7'];
      const res = await fetch(`${stack().apiUrl}/wechat/push?signature=${pushSignature(STANDIN_PUSH_TOKEN, timestamp, nonce)}&timestamp=${timestamp}&nonce=${nonce}`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ MsgType: 'event', ...event }),
      });
      return { status: res.status, body: await res.text() };
    };
    for (const event of [
      { Event: 'user_enter_tempsession', trace_id, result: { suggest: 'risky' } },
      { Event: 'wxa_media_check', trace_id, result: { suggest: 'maybe' } },
      { Event: 'wxa_media_check', trace_id },
    ]) {
      expect(await signedPush(event), JSON.stringify(event)).toEqual({ status: 200, body: 'success' });
      expect((await caseFile()).version, JSON.stringify(event)).toBe(before.version);
    }
    expect((await caseFile()).audio.check).toBeUndefined();
  });

  it('answers the push address check with its echostr when WeChat signed it, else 404', async () => {
    const { createHash } = await import('node:crypto');
    const sign = (token: string, timestamp: string, nonce: string) => createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');
    const url = (signature: string) => `${stack().apiUrl}/wechat/push?signature=${signature}&timestamp=1764460800&nonce=42&echostr=hello-wechat`;
    const good = await fetch(url(sign('local-push-token', '1764460800', '42')));
    expect(good.status).toBe(200);
    expect(await good.text()).toBe('hello-wechat');
    expect(good.headers.get('content-disposition')).toBeNull();
    const other = await fetch(url(sign('another-token', '1764460800', '42')));
    expect(other.status).toBe(404);
    expect(((await other.json()) as { error: { message: string } }).error.message).toBe('未找到');
    // no signature at all: a bad request, named
    const unsigned = await fetch(`${stack().apiUrl}/wechat/push?echostr=x`);
    expect(unsigned.status).toBe(400);
  });
});
