/** Tokens through `jose`: the same claims and errors as before, and a rotation that signs no one out. */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signToken, verifyToken } from '../../functions/auth/tokens';
import { UnauthorizedError } from '../../shared/errors';

const OLD = 'o'.repeat(32);
const NEW = 'n'.repeat(32);
const now = new Date('2026-12-01T08:00:00Z');
const later = (hours: number) => new Date(now.getTime() + hours * 3600_000);
const citizen = { kind: 'citizen', sub: 'wx_abc', name: '牧民' } as const;

async function rejection(p: Promise<unknown>): Promise<string> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(UnauthorizedError);
  return (err as Error).message;
}

describe('tokens', () => {
  it('carry the claims they were signed with, and their expiry', async () => {
    const { token, expiresAt } = await signToken(citizen, NEW, now, 2);
    expect(expiresAt).toBe('2026-12-01T10:00:00.000Z');
    expect(await verifyToken(token, { secret: NEW }, later(1))).toEqual({ ...citizen, iat: now.getTime() / 1000, exp: now.getTime() / 1000 + 7200 });
  });

  it('are refused once expired, and when signed with another secret, changed or unsigned', async () => {
    const { token } = await signToken(citizen, NEW, now, 2);
    expect(await rejection(verifyToken(token, { secret: NEW }, later(2)))).toBe('登录已过期，请重新登录');
    expect(await rejection(verifyToken(token, { secret: OLD }, later(1)))).toBe('登录凭证无效，请重新登录');
    const [h, p, s] = token.split('.') as [string, string, string];
    const forged = Buffer.from(JSON.stringify({ ...citizen, sub: 'wx_other', iat: 0, exp: 9e9 })).toString('base64url');
    expect(await rejection(verifyToken(`${h}.${forged}.${s}`, { secret: NEW }, later(1)))).toBe('登录凭证无效，请重新登录');
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect(await rejection(verifyToken(`${none}.${p}.`, { secret: NEW }, later(1)))).toBe('登录凭证无效，请重新登录');
    expect(await rejection(verifyToken('not-a-token', { secret: NEW }, later(1)))).toBe('登录凭证无效，请重新登录');
  });

  it('refuse claims of the wrong shape even when signed', async () => {
    const { token } = await signToken({ kind: 'staff', sub: 'u1', name: '值班员' } as never, NEW, now, 2);
    expect(await rejection(verifyToken(token, { secret: NEW }, later(1)))).toBe('登录凭证无效，请重新登录');
  });

  it('signed with the previous secret stay valid during a rotation until they expire', async () => {
    const before = await signToken(citizen, OLD, now, 2);
    const rotated = { secret: NEW, previousSecret: OLD };
    expect((await verifyToken(before.token, rotated, later(1))).sub).toBe('wx_abc');
    expect(await rejection(verifyToken(before.token, rotated, later(2)))).toBe('登录已过期，请重新登录');
    // once the previous secret is dropped, they are not
    expect(await rejection(verifyToken(before.token, { secret: NEW }, later(1)))).toBe('登录凭证无效，请重新登录');
  });

  it('issued by the hand-written signer before jose are still read', async () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const iat = now.getTime() / 1000;
    const head = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ ...citizen, iat, exp: iat + 3600 })}`;
    const legacy = `${head}.${createHmac('sha256', NEW).update(head).digest('base64url')}`;
    expect((await verifyToken(legacy, { secret: NEW }, later(0.5))).sub).toBe('wx_abc');
  });
});
