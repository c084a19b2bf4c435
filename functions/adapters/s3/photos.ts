/** Photos go from the phone straight to S3 with a presigned PUT, and to staff with a presigned GET; the API never carries the bytes. */
import { GetObjectCommand, HeadObjectCommand, NotFound, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { PhotoStore } from '../../ports';

export class S3PhotoStore implements PhotoStore {
  private readonly s3: S3Client;

  constructor(
    private readonly bucket: string,
    opts: { region: string; endpoint?: string },
  ) {
    this.s3 = new S3Client({
      region: opts.region,
      // A presigned URL must not carry a checksum of an empty body: the phone's bytes would never match it.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      ...(opts.endpoint
        ? { endpoint: opts.endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } }
        : {}),
    });
  }

  /** A URL that accepts exactly this object: its key, type and size are part of the signature. */
  async presignPut(key: string, contentType: string, size: number, expiresSeconds: number) {
    const url = await getSignedUrl(
      this.s3,
      new PutObjectCommand({ Bucket: this.bucket, Key: key, ContentType: contentType, ContentLength: size }),
      { expiresIn: expiresSeconds, signableHeaders: new Set(['content-type', 'content-length']) },
    );
    return { url, headers: { 'Content-Type': contentType } };
  }

  async exists(key: string) {
    try {
      await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (err) {
      if (err instanceof NotFound || (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
      throw err;
    }
  }

  /** One ranged GET: the first bytes, and the whole size from Content-Range (one request, not a HEAD and a GET). */
  async peek(key: string, bytes: number) {
    try {
      const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=0-${bytes - 1}` }));
      const head = await out.Body!.transformToByteArray();
      const total = /\/(\d+)$/.exec(out.ContentRange ?? '')?.[1];
      return { size: total ? Number(total) : (out.ContentLength ?? head.length), head };
    } catch (err) {
      const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if ((err as { name?: string }).name === 'NoSuchKey' || status === 404) return undefined;
      throw err;
    }
  }

  /** Staff see a case's photos through links that expire: the bucket itself stays private. */
  async presignGet(key: string, expiresSeconds: number) {
    return getSignedUrl(this.s3, new GetObjectCommand({ Bucket: this.bucket, Key: key }), { expiresIn: expiresSeconds });
  }
}
