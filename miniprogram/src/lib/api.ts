/**
 * The citizen app's client: the citizen routes of the contract (shared/contract/citizen.ts), each answer parsed with
 * its schema there, through the one transport (lib/request.ts). `api` keeps the calls the pages make short.
 */
import Taro from '@tarojs/taro';
import { CITIZEN } from '../../../shared/contract/citizen';
import type { RatingBody, SubmitPetitionBody } from '../../../shared/schemas/api';
import { clientOf } from './client';
import { ApiError, apiBaseUrl, isWeapp, request } from './request';

export type { MineItem, PetitionView, PostInfo, TimelineItem, Township } from '../../../shared/schemas/views';

/** Every citizen route, typed from the contract: `citizen.petition(id)`. */
export const citizen = clientOf(CITIZEN, request);

export const api = {
  post: citizen.post,
  /** the county's townships and what it calls its levels */
  townships: () => citizen.townships(),
  submit: (body: SubmitPetitionBody, idempotencyKey: string) => citizen.submit({ body, headers: { 'Idempotency-Key': idempotencyKey } }),
  mine: (cursor?: string) => citizen.mine({ query: { limit: 20, cursor } }),
  petition: citizen.petition,
  track: (code: string, secret: string) => citizen.track(code, { query: { secret } }),
  /** 认领: a case staff registered becomes this citizen's */
  claim: (trackingCode: string, secret: string) => citizen.claim({ body: { trackingCode, secret } }),
  rate: (id: string, body: RatingBody) => citizen.rate(id, { body }),
};

/** The photos route does not exist on this API (404): the form says so and sends without photos. */
export class PhotosUnavailable extends Error {
  constructor() {
    super('照片上传暂不可用，可以先不带照片提交');
    this.name = 'PhotosUnavailable';
  }
}

async function readPhoto(filePath: string): Promise<{ body: ArrayBuffer | Blob; size: number; contentType: string }> {
  if (isWeapp()) {
    const data = await new Promise<ArrayBuffer>((resolve, reject) => {
      Taro.getFileSystemManager().readFile({
        filePath,
        success: (r) => (typeof r.data === 'string' ? reject(new ApiError('http', '读取照片失败')) : resolve(r.data)),
        fail: () => reject(new ApiError('http', '读取照片失败')),
      });
    });
    // compressImage writes JPEG
    return { body: data, size: data.byteLength, contentType: /\.png$/i.test(filePath) ? 'image/png' : 'image/jpeg' };
  }
  // H5: chooseMedia hands out blob: URLs
  const blob = await (await fetch(filePath)).blob();
  return { body: blob, size: blob.size, contentType: blob.type || 'image/jpeg' };
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
  const url = /^https?:/.test(ticket.url) ? ticket.url : `${apiBaseUrl}${ticket.url}`;
  const headers = { 'Content-Type': photo.contentType, ...ticket.headers };
  let status: number;
  try {
    if (isWeapp()) {
      const res = await Taro.request({ url, method: 'PUT', data: photo.body, header: headers, responseType: 'text', timeout: 60_000 });
      status = res.statusCode;
    } else {
      status = (await fetch(url, { method: 'PUT', body: photo.body, headers })).status;
    }
  } catch {
    throw new ApiError('network', '照片上传失败，网络不好');
  }
  if (status < 200 || status >= 300) throw new ApiError('http', `照片上传失败（${status}）`, status);
  return ticket.key;
}
