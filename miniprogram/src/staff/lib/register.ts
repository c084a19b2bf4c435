/**
 * 统一登记: what the 登记 page sends, and the file it attaches (a photo, or a scanned letter as a PDF) sent the way a
 * citizen's photo goes: a presigned PUT from POST /staff/uploads, the bytes straight to storage.
 */
import Taro from '@tarojs/taro';
import type { RegisterPetitionBody, StaffUploadBody } from '../../../../shared/schemas/api';
import { ApiError, apiBaseUrl, isWeapp } from '../../lib/request';
import { api } from './api';

export const registerCase = (body: RegisterPetitionBody, idempotencyKey: string) => api.staff.submit({ body, headers: { 'Idempotency-Key': idempotencyKey } });

/** A file picked on the page: its name to show, its type and its bytes (a Blob in the browser, an ArrayBuffer in WeChat). */
export interface PickedFile {
  name: string;
  contentType: StaffUploadBody['contentType'];
  size: number;
  body: Blob | ArrayBuffer;
}

/** Uploads one attachment; answers the key the registration refers to. */
export async function uploadAttachment(file: PickedFile): Promise<string> {
  const ticket = await api.staff.upload({ body: { contentType: file.contentType, size: file.size } });
  const url = /^https?:/.test(ticket.url) ? ticket.url : `${apiBaseUrl}${ticket.url}`;
  const headers = { 'Content-Type': file.contentType, ...ticket.headers };
  let status: number;
  try {
    if (isWeapp()) status = (await Taro.request({ url, method: 'PUT', data: file.body, header: headers, responseType: 'text', timeout: 60_000 })).statusCode;
    else status = (await fetch(url, { method: 'PUT', body: file.body as Blob, headers })).status;
  } catch {
    throw new ApiError('network', '附件上传失败，网络不好');
  }
  if (status < 200 || status >= 300) throw new ApiError('http', `附件上传失败（${status}）`, status);
  return ticket.key;
}

/** The type of a file from its name, for what WeChat hands over without one; undefined for a type we do not take. */
export function contentTypeOf(name: string): PickedFile['contentType'] | undefined {
  const ext = name.toLowerCase().split('.').pop();
  return ext === 'pdf' ? 'application/pdf' : ext === 'png' ? 'image/png' : ext === 'webp' ? 'image/webp' : ext === 'jpg' || ext === 'jpeg' ? 'image/jpeg' : undefined;
}
