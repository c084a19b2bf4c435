/**
 * The secrets the functions hold: plain values from the environment where there is no parameter store (the local
 * stage), else SSM SecureString parameters read by name through Powertools Parameters, decrypted, in one GetParameters
 * call, and kept SECRETS_CACHE_SECONDS so a rotated secret reaches every container within that time.
 */
import { SSMProvider } from '@aws-lambda-powertools/parameters/ssm';
import { SSMClient } from '@aws-sdk/client-ssm';
import type { Config } from '../../config';

export interface Secrets {
  /** tokens are signed with `current`; one signed with `previous` is still accepted until it expires */
  jwt: { current: string; previous?: string };
  wechat: string;
}

/** The plain values, or undefined when a secret is to come from the parameter store. */
export function plainSecrets(cfg: Config): Secrets | undefined {
  if (cfg.JWT_SECRET === undefined || cfg.WECHAT_SECRET === undefined) return undefined;
  return { jwt: { current: cfg.JWT_SECRET, previous: cfg.JWT_PREVIOUS_SECRET }, wechat: cfg.WECHAT_SECRET };
}

let provider: SSMProvider | undefined;
/**
 * What was read, for SECRETS_CACHE_SECONDS. Powertools caches the parameters it found but not one that is missing,
 * and the previous JWT secret is missing except during a rotation: without this every request would ask SSM again.
 */
let kept: { names: string; until: number; secrets: Secrets } | undefined;

export async function loadSecrets(cfg: Config, instrument: (client: SSMClient) => SSMClient = (c) => c): Promise<Secrets> {
  const plain = plainSecrets(cfg);
  if (plain) return plain;
  provider ??= new SSMProvider({ awsSdkV3Client: instrument(new SSMClient({ region: cfg.AWS_REGION })) });
  const named = (name: string | undefined, what: string) => {
    if (!name) throw new Error(`${what} is not set`);
    return name;
  };
  const jwt = cfg.JWT_SECRET ?? named(cfg.JWT_SECRET_PARAMETER, 'JWT_SECRET_PARAMETER');
  const wechat = cfg.WECHAT_SECRET ?? named(cfg.WECHAT_SECRET_PARAMETER, 'WECHAT_SECRET_PARAMETER');
  const previous = cfg.JWT_PREVIOUS_SECRET_PARAMETER;
  const wanted = [cfg.JWT_SECRET ? undefined : jwt, cfg.WECHAT_SECRET ? undefined : wechat, previous].filter((n): n is string => !!n);
  if (kept && kept.names === wanted.join('\n') && Date.now() < kept.until) return kept.secrets;
  const got = await provider.getParametersByName<string>(Object.fromEntries(wanted.map((n) => [n, {}])), {
    decrypt: true,
    maxAge: cfg.SECRETS_CACHE_SECONDS,
    throwOnError: false,
  });
  const value = (name: string) => {
    const v = got[name];
    // the name only: never a value
    if (typeof v !== 'string' || v === '') throw new Error(`the SSM parameter ${name} is missing or empty`);
    return v;
  };
  const current = cfg.JWT_SECRET ?? value(jwt);
  if (current.length < 32) throw new Error(`the SSM parameter ${jwt} must be at least 32 characters`);
  // the previous secret is there only during a rotation
  const old = previous !== undefined && typeof got[previous] === 'string' && got[previous] !== '' ? (got[previous] as string) : undefined;
  const secrets = { jwt: { current, previous: old }, wechat: cfg.WECHAT_SECRET ?? value(wechat) };
  kept = { names: wanted.join('\n'), until: Date.now() + cfg.SECRETS_CACHE_SECONDS * 1000, secrets };
  return secrets;
}
