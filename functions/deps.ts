/** Clients and adapters made once per container from the parsed config: for the API and the sweeper alike. */
import { randomInt } from 'node:crypto';
import { monotonicFactory } from 'ulid';
import { config, isLocalStage, type Config } from './config';
import { documentClient, newMeter, type DynamoOptions, type Meter } from './adapters/dynamo/client';
import { DynamoBookingRepository } from './adapters/dynamo/bookings';
import { DynamoAuditRepository } from './adapters/dynamo/audit';
import { DynamoLoginRepository } from './adapters/dynamo/logins';
import { DynamoPartnerRepository } from './adapters/dynamo/partners';
import { DynamoOrgRepository } from './adapters/dynamo/org';
import { DynamoOutboxRepository } from './adapters/dynamo/outbox';
import { S3PhotoStore } from './adapters/s3/photos';
import { DynamoPetitionRepository } from './adapters/dynamo/petitions';
import { DynamoExpertRepository } from './adapters/dynamo/experts';
import { HttpWechatClient } from './adapters/wechat/client';
import type { ThrottlePolicy } from '../shared/loginThrottle';
import { loadSecrets, plainSecrets, type Secrets } from './adapters/ssm/secrets';
import { systemClock, timeServerClock } from './adapters/clock/clock';
import type { SupervisionPolicy } from '../shared/supervision';
import type { WarningPolicy } from '../shared/warnings';
import type { Clock, Ids } from './ports';
import type { Deps } from './usecases/context';

/** No 0/O, 1/I: a tracking code is read aloud over the phone. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const pick = (n: number) => Array.from({ length: n }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

export const systemIds = (): Ids => {
  const ulid = monotonicFactory();
  return {
    id: () => ulid(),
    trackingCode: () => pick(10),
  };
};

export const meter: Meter = newMeter();

export const supervisionPolicy = (cfg: Config): SupervisionPolicy => ({
  nearDueShare: cfg.NEAR_DUE_SHARE,
  nearDueMinHours: cfg.NEAR_DUE_MIN_HOURS,
  overdueGraceHours: cfg.OVERDUE_GRACE_HOURS,
});

export const warningPolicy = (cfg: Config): WarningPolicy => ({
  ratio: cfg.WARNING_RISE_RATIO,
  minCount: cfg.WARNING_MIN_COUNT,
  cluster: { count: cfg.WARNING_CLUSTER_COUNT, days: cfg.WARNING_CLUSTER_DAYS },
});

export const loginThrottlePolicy = (cfg: Config): { user: ThrottlePolicy; address: ThrottlePolicy } => {
  const common = { delaySeconds: cfg.LOGIN_DELAY_SECONDS, maxDelaySeconds: cfg.LOGIN_MAX_DELAY_SECONDS, lockMinutes: cfg.LOGIN_LOCK_MINUTES, windowMinutes: cfg.LOGIN_WINDOW_MINUTES };
  return {
    user: { ...common, delayAfter: cfg.LOGIN_USER_DELAY_AFTER, lockAfter: cfg.LOGIN_USER_LOCK_AFTER },
    address: { ...common, delayAfter: cfg.LOGIN_ADDRESS_DELAY_AFTER, lockAfter: cfg.LOGIN_ADDRESS_LOCK_AFTER },
  };
};

interface Over {
  clock?: Clock;
  meter?: Meter;
  /** the Lambda entries trace the AWS SDK clients and count failed conditions (functions/telemetry.ts) */
  instrument?: <C extends object>(client: C) => C;
  /** from the parameter store (loadSecrets); else the plain variables */
  secrets?: Secrets;
}

/** The parts that hold a secret: made again when a rotated secret arrives. */
const secretParts = (cfg: Config, s: Secrets) => ({
  wechat: new HttpWechatClient(cfg.WECHAT_API_BASE, cfg.WECHAT_APPID, s.wechat),
  auth: {
    secret: s.jwt.current,
    previousSecret: s.jwt.previous,
    citizenHours: cfg.CITIZEN_TOKEN_HOURS,
    staffHours: cfg.STAFF_TOKEN_HOURS,
    devLogin: isLocalStage(cfg),
  },
});

/** Tests and the operator commands pass their own clock and meter; Lambda containers take the defaults. */
export function makeDeps(cfg: Config = config(), over: Over = {}): Deps {
  const secrets = over.secrets ?? plainSecrets(cfg);
  if (!secrets) throw new Error('no JWT_SECRET and WECHAT_SECRET: the Lambda entries read them from the parameter store (lambdaDeps)');
  const db = documentClient({ region: cfg.AWS_REGION, endpoint: cfg.DYNAMODB_ENDPOINT, meter: over.meter ?? meter, instrument: over.instrument as DynamoOptions['instrument'] });
  const supervision = supervisionPolicy(cfg);
  return {
    petitions: new DynamoPetitionRepository(db, cfg.TABLE_NAME, supervision),
    experts: new DynamoExpertRepository(db, cfg.TABLE_NAME),
    supervision,
    warning: warningPolicy(cfg),
    org: new DynamoOrgRepository(db, cfg.TABLE_NAME, cfg.ORG_CACHE_SECONDS * 1000, Date.now, cfg.STAFF_USER_CACHE_SECONDS * 1000),
    clock: over.clock ?? (cfg.CLOCK_URL ? timeServerClock(cfg.CLOCK_URL) : systemClock()),
    ids: systemIds(),
    ...secretParts(cfg, secrets),
    bookings: new DynamoBookingRepository(db, cfg.TABLE_NAME),
    logins: new DynamoLoginRepository(db, cfg.TABLE_NAME, cfg.LOGIN_RECORD_DAYS),
    audit: new DynamoAuditRepository(db, cfg.TABLE_NAME),
    loginThrottle: loginThrottlePolicy(cfg),
    outbox: new DynamoOutboxRepository(db, cfg.TABLE_NAME),
    rateLimits: { perUserHour: cfg.RATE_LIMIT_USER_PER_HOUR, perPostHour: cfg.RATE_LIMIT_POST_PER_HOUR },
    partners: new DynamoPartnerRepository(db, cfg.TABLE_NAME),
    open311: { perMinute: cfg.OPEN311_PER_MINUTE },
    photos: new S3PhotoStore(cfg.PHOTO_BUCKET, { region: cfg.AWS_REGION, endpoint: cfg.S3_ENDPOINT }),
    templates: { progress: cfg.WECHAT_TEMPLATE_PROGRESS, result: cfg.WECHAT_TEMPLATE_RESULT, reminder: cfg.WECHAT_TEMPLATE_REMINDER },
    booking: { roomUrlTemplate: cfg.VIDEO_ROOM_URL_TEMPLATE, changeCutoffMinutes: cfg.BOOKING_CHANGE_CUTOFF_MINUTES, maxPerHostWeek: cfg.BOOKING_MAX_PER_HOST_WEEK },
  };
}

let container: { deps: Deps; secrets: Secrets } | undefined;
const sameSecrets = (a: Secrets, b: Secrets) => a.jwt.current === b.jwt.current && a.jwt.previous === b.jwt.previous && a.wechat === b.wechat;

/**
 * The Lambda entries' deps: made once per container, traced and counted, with the secrets from the parameter store
 * (cached there for SECRETS_CACHE_SECONDS); when a rotated secret arrives, only the parts holding one are made again.
 */
export async function lambdaDeps(instrument: NonNullable<Over['instrument']>): Promise<Deps> {
  const cfg = config();
  const secrets = await loadSecrets(cfg, instrument);
  if (!container) container = { deps: makeDeps(cfg, { instrument, secrets }), secrets };
  else if (!sameSecrets(container.secrets, secrets)) container = { deps: { ...container.deps, ...secretParts(cfg, secrets) }, secrets };
  return container.deps;
}
