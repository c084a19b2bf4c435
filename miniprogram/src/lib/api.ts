/**
 * The citizen app's client for a report: the routes of shared/contract/report.ts (a citizen's record is ./record.ts,
 * for the subpackage pages), each answer parsed with its schema there, through the one transport (lib/request.ts).
 * `api` keeps the calls the pages make short.
 */
import Taro from '@tarojs/taro';
import { CITIZEN_REPORT } from '../../../shared/contract/report';
import type { SubmitPetitionBody } from '../../../shared/schemas/api';
import { clientOf } from './client';
import type { Recording } from './recording';
import { ApiError, apiBaseUrl, isWeapp, request } from './request';
import { fill, words } from '../i18n';

export type { PostInfo, Township } from '../../../shared/schemas/views';

/** The report's routes, typed from the contract: `citizen.post(id)`. */
export const citizen = clientOf(CITIZEN_REPORT, request);

export const api = {
  post: citizen.post,
  /** the county's townships and what it calls its levels */
  townships: () => citizen.townships(),
  submit: (body: SubmitPetitionBody, idempotencyKey: string) => citizen.submit({ body, headers: { 'Idempotency-Key': idempotencyKey } }),
};

/** The photos route does not exist on this API (404): the form says so and sends without photos. */
export class PhotosUnavailable extends Error {
  constructor() {
    super(words.errors.photosUnavailable);
    this.name = 'PhotosUnavailable';
  }
}

/** A file on the device as bytes: a temp file in WeChat, a blob: URL in H5. */
async function readLocal(filePath: string, what: string): Promise<ArrayBuffer | Blob> {
  if (isWeapp()) {
    return new Promise<ArrayBuffer>((resolve, reject) => {
      Taro.getFileSystemManager().readFile({
        filePath,
        success: (r) => (typeof r.data === 'string' ? reject(new ApiError('http', fill(words.errors.readFailed, { what }))) : resolve(r.data)),
        fail: () => reject(new ApiError('http', fill(words.errors.readFailed, { what }))),
      });
    });
  }
  return (await fetch(filePath)).blob();
}

async function readPhoto(filePath: string): Promise<{ body: ArrayBuffer | Blob; size: number; contentType: string }> {
  const body = await readLocal(filePath, words.errors.photo);
  if (body instanceof ArrayBuffer) {
    // compressImage writes JPEG
    return { body, size: body.byteLength, contentType: /\.png$/i.test(filePath) ? 'image/png' : 'image/jpeg' };
  }
  // H5: chooseMedia hands out blob: URLs
  return { body, size: body.size, contentType: body.type || 'image/jpeg' };
}

/** The bytes to the presigned PUT a ticket names (straight to storage, not through the API). */
async function putFile(ticket: { url: string; headers: Record<string, string> }, body: ArrayBuffer | Blob, contentType: string, what: string): Promise<void> {
  const url = /^https?:/.test(ticket.url) ? ticket.url : `${apiBaseUrl}${ticket.url}`;
  const headers = { 'Content-Type': contentType, ...ticket.headers };
  let status: number;
  try {
    if (isWeapp()) {
      const res = await Taro.request({ url, method: 'PUT', data: body, header: headers, responseType: 'text', timeout: 60_000 });
      status = res.statusCode;
    } else {
      status = (await fetch(url, { method: 'PUT', body, headers })).status;
    }
  } catch {
    throw new ApiError('network', fill(words.errors.uploadNetwork, { what }));
  }
  if (status < 200 || status >= 300) throw new ApiError('http', fill(words.errors.uploadFailed, { what, status }), status);
}

/**
 * The whole photo flow behind one function: ask the API for a presigned PUT (POST /uploads with the type and
 * size), then PUT the compressed file straight to storage. Returns the object key the petition refers to.
 * Throws PhotosUnavailable when the API has no upload route.
 */
export async function uploadPhoto(filePath: string): Promise<string> {
  const photo = await readPhoto(filePath);
  let ticket;
  try {
    ticket = await citizen.upload({ body: { contentType: photo.contentType as 'image/jpeg', size: photo.size } });
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) throw new PhotosUnavailable();
    throw e;
  }
  await putFile(ticket, photo.body, photo.contentType, words.errors.photo);
  return ticket.key;
}

/** 按住说话: a recording goes up the way a photo does (POST /uploads/audio, then the PUT). Returns its key. */
export async function uploadAudio(recording: Recording): Promise<string> {
  const body = await readLocal(recording.path, words.errors.audio);
  const size = body instanceof ArrayBuffer ? body.byteLength : body.size;
  const ticket = await citizen.uploadAudio({ body: { contentType: recording.contentType, size } });
  await putFile(ticket, body, recording.contentType, words.errors.audio);
  return ticket.key;
}
