/** Signed bearer tokens (JWT, HS256) for citizens and staff. */
import { createHmac, timingSafeEqual } from 'node:crypto';
import * as z from 'zod/mini';
import { StaffRole } from '../../shared/schemas/common';
import { UnauthorizedError } from '../../shared/errors';

export const Claims = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('citizen'), sub: z.string().check(z.minLength(1)), name: z.optional(z.string()), exp: z.number(), iat: z.number() }),
  z.object({
    kind: z.literal('staff'),
    sub: z.string().check(z.minLength(1)),
    /** the username the record is stored under, read on every call to check `ver` */
    usr: z.string().check(z.minLength(1)),
    /** the user's token version when the token was issued: a token whose version is not current is refused */
    ver: z.int().check(z.nonnegative()),
    name: z.string(),
    role: StaffRole,
    scope: z.string(),
    dept: z.optional(z.string()),
    exp: z.number(),
    iat: z.number(),
  }),
]);
export type Claims = z.infer<typeof Claims>;
type Unsigned = z.infer<typeof Claims> extends infer C ? (C extends unknown ? Omit<C, 'exp' | 'iat'> : never) : never;

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64url');
const HEADER = b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

export function signToken(claims: Unsigned, secret: string, now: Date, hours: number): { token: string; expiresAt: string } {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + hours * 3600;
  const payload = b64(JSON.stringify({ ...claims, iat, exp }));
  const sig = createHmac('sha256', secret).update(`${HEADER}.${payload}`).digest('base64url');
  return { token: `${HEADER}.${payload}.${sig}`, expiresAt: new Date(exp * 1000).toISOString() };
}

export function verifyToken(token: string, secret: string, now: Date): Claims {
  const parts = token.split('.');
  if (parts.length !== 3) throw new UnauthorizedError('登录凭证无效，请重新登录');
  const [header, payload, sig] = parts as [string, string, string];
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(sig, 'base64url');
  if (header !== HEADER || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new UnauthorizedError('登录凭证无效，请重新登录');
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw new UnauthorizedError('登录凭证无效，请重新登录');
  }
  const claims = Claims.safeParse(json);
  if (!claims.success) throw new UnauthorizedError('登录凭证无效，请重新登录');
  if (claims.data.exp * 1000 <= now.getTime()) throw new UnauthorizedError('登录已过期，请重新登录');
  return claims.data;
}
