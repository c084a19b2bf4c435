/**
 * What a citizen may put in front of people: text another person reads is checked by WeChat's msgSecCheck (the
 * description, rating comments, booking topics, progress notes a citizen sees), and photos are only those this
 * citizen uploaded through POST /uploads.
 */
import { createHmac } from 'node:crypto';
import { AUDIO_MAX_BYTES, audioBytesMatch, type AudioClip, type AudioExt } from '../../shared/audio';
import { RejectedContentError, ValidationError } from '../../shared/errors';
import type { CitizenCaller, Deps, StaffCaller } from './context';

/** Each field's text through WeChat, one call each; the first that fails is named. Empty fields are skipped. */
export async function requireCleanText(deps: Deps, openid: string | undefined, fields: Record<string, string | undefined>) {
  for (const [path, text] of Object.entries(fields)) {
    if (!text) continue;
    if (!(await deps.wechat.checkText(text, openid))) {
      throw new RejectedContentError('内容未通过内容安全检查，请修改后再提交', [{ path, message: '内容含有不当信息，请修改后再提交' }]);
    }
  }
}

/**
 * The folder of a caller's uploads: a keyed hash of a citizen's openid, or of a staff user's id (what they attach to
 * a registration), so a key names whose it is without saying who.
 */
export function uploaderFolder(deps: Deps, caller: CitizenCaller | StaffCaller): string {
  const owner = caller.kind === 'citizen' ? `photo-owner\n${caller.openid}` : `staff-upload\n${caller.id}`;
  return createHmac('sha256', deps.auth.secret).update(owner).digest('hex').slice(0, 20);
}

/** The keys an upload route issues to this caller: their folder, a fresh id; staff may also send a PDF. */
function issuedKey(deps: Deps, caller: CitizenCaller | StaffCaller): RegExp {
  const types = caller.kind === 'citizen' ? 'jpg|png|webp' : 'jpg|png|webp|pdf';
  return new RegExp(`^photos/\\d{4}-\\d{2}/${uploaderFolder(deps, caller)}/[0-9A-Z]{26}\\.(${types})$`);
}

/** A file key as an upload route issued it to this caller: their folder, a fresh id; and the file is there. Staff may attach a PDF (a scanned letter). */
export async function requirePhotosOf(deps: Deps, caller: CitizenCaller | StaffCaller, photos: readonly string[]) {
  const issued = issuedKey(deps, caller);
  const checks = await Promise.all(photos.map(async (key) => issued.test(key) && (await deps.photos.exists(key))));
  const bad = checks.indexOf(false);
  if (bad >= 0) throw new ValidationError('照片无效，请重新上传', [{ path: `photos.${bad}`, message: '照片或附件未上传成功或不是您上传的，请重新上传' }]);
}

/** A file staff attach to a case: a key the upload route issued to this caller (their folder), and the file is there. */
export async function requireAttachmentOf(deps: Deps, caller: StaffCaller, key: string) {
  if (!issuedKey(deps, caller).test(key) || !(await deps.photos.exists(key))) throw new ValidationError('附件无效，请重新上传', [{ path: 'key', message: '附件未上传成功或不是您上传的，请重新上传' }]);
}

/** How long WeChat may take to fetch a recording for its media check (it answers within 30 minutes). */
const MEDIA_CHECK_LINK_SECONDS = 60 * 60;

/**
 * 按住说话: the recording is one this citizen uploaded through POST /uploads/audio (their folder), it is there, at most
 * AUDIO_MAX_BYTES (the signed size, checked again), and its first bytes are of its format; then it goes to WeChat's
 * asynchronous media check, whose trace id the report keeps. (The length in seconds is the recorder's, as the app sends it.)
 */
export async function requireAudioOf(deps: Deps, caller: CitizenCaller, audio: AudioClip): Promise<{ checkTraceId: string }> {
  const refuse = (message: string): never => {
    throw new ValidationError('语音无效，请重新录音', [{ path: 'audio.key', message }]);
  };
  const owned = new RegExp(`^audio/\\d{4}-\\d{2}/${uploaderFolder(deps, caller)}/[0-9A-Z]{26}\\.(mp3|aac|m4a|webm)$`).exec(audio.key);
  if (!owned) return refuse('语音未上传成功或不是您录的，请重新录音');
  const file = await deps.photos.peek(audio.key, 16);
  if (!file) return refuse('语音未上传成功或不是您录的，请重新录音');
  if (file.size > AUDIO_MAX_BYTES) return refuse('语音不能超过 1 MB');
  if (!audioBytesMatch(owned[1] as AudioExt, file.head)) return refuse('语音格式不正确，请重新录音');
  const url = await deps.photos.presignGet(audio.key, MEDIA_CHECK_LINK_SECONDS);
  return { checkTraceId: (await deps.wechat.checkMediaAsync({ url, type: 'audio', openid: caller.openid })).traceId };
}
