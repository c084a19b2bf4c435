/** Photos: a presigned PUT from the API, the bytes straight to the S3 stand-in, the key on the petition. */
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { call, citizenToken, register, report, staffToken } from '../support/api';
import { stack } from '../support/worker';

const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2048, 7), Buffer.from([0xff, 0xd9])]);

describe('photo uploads', () => {
  it('hands out a presigned PUT that stores the photo, which the petition then refers to', async () => {
    const herder = await citizenToken();
    const ticket = await call('POST', '/uploads', { token: herder, body: { contentType: 'image/jpeg', size: jpeg.length } });
    expect(ticket.status).toBe(200);
    // the citizen's folder (a keyed hash, not their openid) and a fresh id
    expect(ticket.body.key).toMatch(/^photos\/\d{4}-\d{2}\/[0-9a-f]{20}\/[0-9A-Z]{26}\.jpg$/);
    const put = await fetch(ticket.body.url, { method: 'PUT', body: jpeg, headers: ticket.body.headers });
    expect(put.status).toBe(200);

    const { s3Endpoint, photoBucket } = stack();
    const s3 = new S3Client({ region: 'local', endpoint: s3Endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
    const stored = await s3.send(new GetObjectCommand({ Bucket: photoBucket, Key: ticket.body.key }));
    expect(Buffer.from(await stored.Body!.transformToByteArray())).toEqual(jpeg);

    const sent = await report(herder, { photos: [ticket.body.key] });
    expect(sent.status).toBe(201);
    expect((await call('GET', `/petitions/${sent.body.id}`, { token: herder })).body.photos).toEqual([ticket.body.key]);

    // the photo is the herder's: another citizen, or staff, who send its key are refused, in words
    const [neighbour, babao] = await Promise.all([citizenToken(), staffToken('babao')]);
    const theirs = await report(neighbour, { photos: [ticket.body.key] });
    expect(theirs.status).toBe(400);
    expect(theirs.body.error).toMatchObject({ message: '照片无效，请重新上传', issues: [{ path: 'photos.0', message: '照片或附件未上传成功或不是您上传的，请重新上传' }] });
    expect((await register(babao, { photos: [ticket.body.key] })).status).toBe(400);
  });

  it('signs the type and size into the URL, and no checksum of an empty body', async () => {
    // s3rver does not check signatures, so this reads the signature's terms; S3 itself enforces them.
    const herder = await citizenToken();
    const ticket = await call('POST', '/uploads', { token: herder, body: { contentType: 'image/png', size: 1234 } });
    const url = new URL(ticket.body.url);
    expect(url.searchParams.get('X-Amz-SignedHeaders')?.split(';')).toEqual(expect.arrayContaining(['content-length', 'content-type', 'host']));
    expect(Number(url.searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(900);
    expect([...url.searchParams.keys()].some((k) => k.includes('checksum'))).toBe(false);
    expect(ticket.body.headers).toEqual({ 'Content-Type': 'image/png' });
  });

  it('refuses other file types, photos over 5 MB, and callers who are not logged in', async () => {
    const herder = await citizenToken();
    const pdf = await call('POST', '/uploads', { token: herder, body: { contentType: 'application/pdf', size: 100 } });
    expect(pdf.status).toBe(400);
    expect(pdf.body.error.issues[0]).toMatchObject({ path: 'contentType', message: '照片须为 JPG、PNG 或 WebP 格式' });
    const huge = await call('POST', '/uploads', { token: herder, body: { contentType: 'image/png', size: 6 * 1024 * 1024 } });
    expect(huge.body.error.issues[0]).toMatchObject({ path: 'size', message: '照片不能超过 5 MB' });
    expect((await call('POST', '/uploads', { body: { contentType: 'image/png', size: 100 } })).status).toBe(401);
  });
});
