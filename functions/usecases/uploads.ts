/** A presigned PUT for one photo: the key is ours (the citizen's folder, a fresh id), the type and size are signed. */
import { AUDIO_TYPES, type AudioUploadBody } from '../../shared/audio';
import { uploaderFolder } from './content';
import type { CitizenCaller, Deps, StaffCaller } from './context';

const EXT = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf' } as const;
const EXPIRES_SECONDS = 15 * 60;

/** Citizens send photos; staff also a scanned letter as a PDF (the route's schema says which types). */
export async function presignPhoto(deps: Deps, caller: CitizenCaller | StaffCaller, body: { contentType: keyof typeof EXT; size: number }) {
  const month = deps.clock.now().toISOString().slice(0, 7);
  const key = `photos/${month}/${uploaderFolder(deps, caller)}/${deps.ids.id()}.${EXT[body.contentType]}`;
  const { url, headers } = await deps.photos.presignPut(key, body.contentType, body.size, EXPIRES_SECONDS);
  return { key, url, method: 'PUT' as const, headers, expiresInSeconds: EXPIRES_SECONDS };
}

/** 按住说话: one recording, the same way (the citizen's folder under audio/, the type and size signed). */
export async function presignAudio(deps: Deps, caller: CitizenCaller, body: AudioUploadBody) {
  const month = deps.clock.now().toISOString().slice(0, 7);
  const key = `audio/${month}/${uploaderFolder(deps, caller)}/${deps.ids.id()}.${AUDIO_TYPES[body.contentType]}`;
  const { url, headers } = await deps.photos.presignPut(key, body.contentType, body.size, EXPIRES_SECONDS);
  return { key, url, method: 'PUT' as const, headers, expiresInSeconds: EXPIRES_SECONDS };
}
