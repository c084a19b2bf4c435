/**
 * What a citizen may put in front of people: text another person reads is checked by WeChat's msgSecCheck (the
 * description, rating comments, booking topics, progress notes a citizen sees), and photos are only those this
 * citizen uploaded through POST /uploads.
 */
import { createHmac } from 'node:crypto';
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
