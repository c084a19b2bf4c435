/**
 * The deployed functions' secrets come from SSM Parameter Store SecureStrings (functions/adapters/ssm/secrets.ts),
 * read through Powertools Parameters and the real SSM client, here pointed at a stand-in of the parameter store.
 * During a rotation the previous JWT secret is read too, and a token signed with it stays valid until it expires.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadSecrets } from '../../functions/adapters/ssm/secrets';
import { signToken, verifyToken } from '../../functions/auth/tokens';
import { config } from '../../functions/config';
import { startSsmStandin, type SsmStandin } from '../support/ssm';

const OLD = 'old-jwt-secret-'.padEnd(40, 'o');
const NEW = 'new-jwt-secret-'.padEnd(40, 'n');
const WECHAT = 'wechat-app-secret-0123456789';
const CITIZEN = { kind: 'citizen', sub: 'wx_abc', name: '牧民' } as const;

/** The deployed stage's settings: secrets by parameter name only, none in plain variables. */
const deployed = (names: { jwt: string; previous?: string; wechat: string }, cacheSeconds = 300) =>
  config({
    STAGE: 'prod',
    AWS_REGION: 'cn-northwest-1',
    TABLE_NAME: 'shaogang-prod',
    WECHAT_APPID: 'wx0123456789abcdef',
    JWT_SECRET_PARAMETER: names.jwt,
    WECHAT_SECRET_PARAMETER: names.wechat,
    ...(names.previous ? { JWT_PREVIOUS_SECRET_PARAMETER: names.previous } : {}),
    SECRETS_CACHE_SECONDS: String(cacheSeconds),
  });

describe('secrets from the parameter store', () => {
  let ssm: SsmStandin;
  const saved = { ...process.env };

  beforeAll(async () => {
    ssm = await startSsmStandin();
    // the SDK's own per-service endpoint setting, and keys for it to sign with (the stand-in checks a signature is there)
    process.env.AWS_ENDPOINT_URL_SSM = ssm.endpoint;
    process.env.AWS_ACCESS_KEY_ID ??= 'local';
    process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  });
  // a fresh log and store per test: a test sees only the requests it made
  beforeEach(() => {
    ssm.requests.length = 0;
    ssm.parameters.clear();
  });
  afterAll(async () => {
    vi.useRealTimers();
    process.env = saved;
    await ssm?.stop();
  });

  it('are read by name, decrypted, in one signed request', async () => {
    ssm.parameters.set('/shaogang/prod/jwt', NEW);
    ssm.parameters.set('/shaogang/prod/wechat', WECHAT);
    const secrets = await loadSecrets(deployed({ jwt: '/shaogang/prod/jwt', wechat: '/shaogang/prod/wechat' }));
    expect(secrets).toEqual({ jwt: { current: NEW, previous: undefined }, wechat: WECHAT });
    expect(ssm.requests).toEqual([{ names: expect.arrayContaining(['/shaogang/prod/jwt', '/shaogang/prod/wechat']), decrypt: true, signed: true }]);
  });

  it('are kept for SECRETS_CACHE_SECONDS; a rotation then signs new tokens with the new secret and still accepts the old', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-01T08:00:00Z') });
    const names = { jwt: '/shaogang/rot/jwt', previous: '/shaogang/rot/jwt-previous', wechat: '/shaogang/rot/wechat' };
    const cfg = deployed(names, 300);
    ssm.parameters.set(names.jwt, OLD);
    ssm.parameters.set(names.wechat, WECHAT);
    const before = await loadSecrets(cfg);
    expect(before.jwt).toEqual({ current: OLD, previous: undefined });
    const issued = await signToken(CITIZEN, before.jwt.current, new Date(), 24);

    // the operator rotates: the new secret in, the old one kept as the previous
    ssm.parameters.set(names.jwt, NEW);
    ssm.parameters.set(names.previous, OLD);
    const asked = ssm.requests.length;
    vi.setSystemTime(new Date('2026-12-01T08:04:00Z'));
    expect((await loadSecrets(cfg)).jwt.current).toBe(OLD);
    expect(ssm.requests.length).toBe(asked);

    vi.setSystemTime(new Date('2026-12-01T08:05:01Z'));
    const after = await loadSecrets(cfg);
    expect(after.jwt).toEqual({ current: NEW, previous: OLD });
    expect(ssm.requests.length).toBe(asked + 1);
    const keys = { secret: after.jwt.current, previousSecret: after.jwt.previous };
    // a token from before the rotation still opens the app; new ones are signed with the new secret
    expect(await verifyToken(issued.token, keys, new Date('2026-12-01T09:00:00Z'))).toMatchObject(CITIZEN);
    const fresh = await signToken(CITIZEN, after.jwt.current, new Date('2026-12-01T09:00:00Z'), 24);
    await expect(verifyToken(fresh.token, { secret: OLD }, new Date('2026-12-01T09:00:00Z'))).rejects.toThrow('登录凭证无效');
    vi.useRealTimers();
  });

  it('name a missing or short parameter in the error, never a value', async () => {
    ssm.parameters.set('/shaogang/bad/wechat', WECHAT);
    const missing = await loadSecrets(deployed({ jwt: '/shaogang/bad/jwt', wechat: '/shaogang/bad/wechat' })).catch((e: Error) => e.message);
    expect(missing).toBe('the SSM parameter /shaogang/bad/jwt is missing or empty');

    ssm.parameters.set('/shaogang/short/jwt', 'too-short');
    ssm.parameters.set('/shaogang/short/wechat', WECHAT);
    const short = await loadSecrets(deployed({ jwt: '/shaogang/short/jwt', wechat: '/shaogang/short/wechat' })).catch((e: Error) => e.message);
    expect(short).toBe('the SSM parameter /shaogang/short/jwt must be at least 32 characters');
    expect(`${missing} ${short}`).not.toContain(WECHAT);
    expect(short).not.toContain('too-short');
  });
});
