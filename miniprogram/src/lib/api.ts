/** The API routes the citizen app calls, each answer parsed with a schema (never cast). */
import Taro from '@tarojs/taro';
import * as z from 'zod/mini';
import { SubmitPetitionResponse, type RatingBody, type SubmitPetitionBody } from '../../../shared/schemas/api';
import { Rating, Status } from '../../../shared/schemas/common';
import { Action } from '../../../shared/schemas/petition';
import { parseAnswer } from './apiError';
import { ApiError, apiBaseUrl, isWeapp, request } from './request';

const Named = z.object({ id: z.string(), name: z.string() });

export const PostInfo = z.object({
  post: z.object({
    id: z.string(),
    name: z.string(),
    address: z.optional(z.string()),
    location: z.optional(z.object({ lat: z.number(), lng: z.number() })),
  }),
  township: Named,
  centreName: z.string(),
  categories: z.array(Named),
});
export type PostInfo = z.infer<typeof PostInfo>;

export const Townships = z.object({ items: z.array(z.extend(Named, { categories: z.array(Named) })) });
export type Township = z.infer<typeof Townships>['items'][number];

export const MineItem = z.object({
  id: z.string(),
  trackingCode: z.string(),
  status: Status,
  categoryId: z.optional(z.string()),
  categoryName: z.optional(z.string()),
  summary: z.optional(z.string()),
  createdAt: z.string(),
  dueAt: z.optional(z.string()),
  overdue: z._default(z.boolean(), false),
});
export type MineItem = z.infer<typeof MineItem>;
const MinePage = z.object({ items: z.array(MineItem), cursor: z.optional(z.string()) });

export const TimelineItem = z.object({
  seq: z.number(),
  at: z.string(),
  action: Action,
  from: z.optional(z.nullable(Status)),
  to: Status,
  note: z.optional(z.string()),
  actor: z.optional(z.object({ role: z.string(), name: z.optional(z.string()) })),
  dueAt: z.optional(z.string()),
});
export type TimelineItem = z.infer<typeof TimelineItem>;

export const PetitionView = z.object({
  id: z.string(),
  trackingCode: z.string(),
  status: Status,
  categoryName: z.optional(z.string()),
  centreName: z.optional(z.string()),
  departmentName: z.optional(z.string()),
  description: z.string(),
  photos: z._default(z.array(z.string()), []),
  createdAt: z.string(),
  dueAt: z.optional(z.string()),
  overdue: z._default(z.boolean(), false),
  anonymous: z.optional(z.boolean()),
  rating: z.optional(z.object({ rating: Rating, comment: z.optional(z.string()), at: z.optional(z.string()) })),
  decline: z.optional(z.object({ reason: z.string(), redirect: z.string() })),
  resolution: z.optional(z.string()),
  timeline: z._default(z.array(TimelineItem), []),
});
export type PetitionView = z.infer<typeof PetitionView>;

export const api = {
  async post(postId: string): Promise<PostInfo> {
    return parseAnswer(PostInfo, await request(`/posts/${encodeURIComponent(postId)}`));
  },
  async townships(): Promise<Township[]> {
    return parseAnswer(Townships, await request('/townships')).items;
  },
  async submit(body: SubmitPetitionBody, idempotencyKey: string): Promise<SubmitPetitionResponse> {
    const res = await request('/petitions', { method: 'POST', data: body, headers: { 'Idempotency-Key': idempotencyKey } });
    return parseAnswer(SubmitPetitionResponse, res);
  },
  async mine(cursor?: string): Promise<{ items: MineItem[]; cursor?: string }> {
    const qs = cursor ? `?limit=20&cursor=${encodeURIComponent(cursor)}` : '?limit=20';
    return parseAnswer(MinePage, await request(`/petitions/mine${qs}`));
  },
  async petition(id: string): Promise<PetitionView> {
    return parseAnswer(PetitionView, await request(`/petitions/${encodeURIComponent(id)}`));
  },
  async track(code: string, secret: string): Promise<PetitionView> {
    const path = `/track/${encodeURIComponent(code)}?secret=${encodeURIComponent(secret)}`;
    return parseAnswer(PetitionView, await request(path, { auth: false }));
  },
  async rate(id: string, body: RatingBody): Promise<PetitionView> {
    return parseAnswer(PetitionView, await request(`/petitions/${encodeURIComponent(id)}/rating`, { method: 'POST', data: body }));
  },
};

/** The photos route does not exist on this API (404): the form says so and sends without photos. */
export class PhotosUnavailable extends Error {
  constructor() {
    super('照片上传暂不可用，可以先不带照片提交');
    this.name = 'PhotosUnavailable';
  }
}

const UploadTicket = z.object({
  key: z.string(),
  url: z.string(),
  method: z._default(z.enum(['PUT']), 'PUT'),
  headers: z._default(z.record(z.string(), z.string()), {}),
});

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
  let ticketBody: unknown;
  try {
    ticketBody = await request('/uploads', { method: 'POST', data: { contentType: photo.contentType, size: photo.size } });
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) throw new PhotosUnavailable();
    throw e;
  }
  const ticket = parseAnswer(UploadTicket, ticketBody);
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
