/**
 * Signed bearer tokens (JWT, HS256, with `jose`) for citizens and staff. During a rotation of the secret a token
 * signed with the previous one is still accepted until it expires; new tokens are signed with the current one.
 */
import { SignJWT, errors, jwtVerify } from 'jose';
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

/** The secrets tokens are signed and checked with (Deps['auth'] has both). */
export interface TokenKeys {
  secret: string;
  previousSecret?: string;
}

const key = (secret: string) => new TextEncoder().encode(secret);
const INVALID = '登录凭证无效，请重新登录';

export async function signToken(claims: Unsigned, secret: string, now: Date, hours: number): Promise<{ token: string; expiresAt: string }> {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + hours * 3600;
  const token = await new SignJWT({ ...claims }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuedAt(iat).setExpirationTime(exp).sign(key(secret));
  return { token, expiresAt: new Date(exp * 1000).toISOString() };
}

/** The claims of a token signed with the current secret or, during a rotation, the previous one; else a 401. */
export async function verifyToken(token: string, keys: TokenKeys, now: Date): Promise<Claims> {
  const secrets = [keys.secret, ...(keys.previousSecret ? [keys.previousSecret] : [])];
  for (const [i, secret] of secrets.entries()) {
    try {
      const { payload } = await jwtVerify(token, key(secret), { algorithms: ['HS256'], currentDate: now });
      const claims = Claims.safeParse(payload);
      if (!claims.success) throw new UnauthorizedError(INVALID);
      return claims.data;
    } catch (err) {
      if (err instanceof errors.JWTExpired) throw new UnauthorizedError('登录已过期，请重新登录');
      // a signature that does not match this secret may match the previous one
      if (err instanceof errors.JWSSignatureVerificationFailed && i < secrets.length - 1) continue;
      if (err instanceof UnauthorizedError) throw err;
      throw new UnauthorizedError(INVALID);
    }
  }
  throw new UnauthorizedError(INVALID);
}
