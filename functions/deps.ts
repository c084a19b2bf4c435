/** Clients and adapters made once per container from the parsed config: for the HTTP functions and the sweeper alike. */
import { randomInt } from 'node:crypto';
import { monotonicFactory } from 'ulid';
import { config, isLocalStage, type Config } from './config';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { documentClient, newMeter, type DynamoOptions, type Meter } from './adapters/dynamo/client';
import { DynamoBookingRepository } from './adapters/dynamo/bookings';
import { DynamoHostReader } from './adapters/dynamo/hosts';
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

/** The parts of Deps that talk to something: the table, the photo bucket, WeChat. */
type Adapters = Pick<Deps, 'petitions' | 'experts' | 'org' | 'bookings' | 'hosts' | 'logins' | 'audit' | 'outbox' | 'partners' | 'photos' | 'wechat'>;
/** What an adapter is made from. */
interface Made {
  cfg: Config;
  db: DynamoDBDocumentClient;
  secrets: Secrets;
}
export type AdapterMakers = { [K in keyof Adapters]: (m: Made) => Adapters[K] };

/*
 * One maker per adapter, each exported by itself: a Lambda entry names those its routes use (lambdaDeps), and the
 * bundler leaves the others' code out of its bundle. An adapter a function was not given throws when touched, so a
 * route of the function that needs one fails its API test (the local stack runs these same entries).
 */
export const petitions = ({ db, cfg }: Made) => new DynamoPetitionRepository(db, cfg.TABLE_NAME, supervisionPolicy(cfg));
export const experts = ({ db, cfg }: Made) => new DynamoExpertRepository(db, cfg.TABLE_NAME);
export const org = ({ db, cfg }: Made) => new DynamoOrgRepository(db, cfg.TABLE_NAME, cfg.ORG_CACHE_SECONDS * 1000, Date.now, cfg.STAFF_USER_CACHE_SECONDS * 1000);
export const bookings = ({ db, cfg }: Made) => new DynamoBookingRepository(db, cfg.TABLE_NAME);
/** the hosts and their slots, read only: the case work's part of receptions (会诊会议), without the booking code */
export const hosts = ({ db, cfg }: Made) => new DynamoHostReader(db, cfg.TABLE_NAME);
export const logins = ({ db, cfg }: Made) => new DynamoLoginRepository(db, cfg.TABLE_NAME, cfg.LOGIN_RECORD_DAYS);
export const audit = ({ db, cfg }: Made) => new DynamoAuditRepository(db, cfg.TABLE_NAME);
export const outbox = ({ db, cfg }: Made) => new DynamoOutboxRepository(db, cfg.TABLE_NAME);
export const partners = ({ db, cfg }: Made) => new DynamoPartnerRepository(db, cfg.TABLE_NAME);
export const photos = ({ cfg }: Made) => new S3PhotoStore(cfg.PHOTO_BUCKET, { region: cfg.AWS_REGION, endpoint: cfg.S3_ENDPOINT });
/** holds a secret: made again when a rotated one arrives */
export const wechat = ({ cfg, secrets }: Made) => new HttpWechatClient(cfg.WECHAT_API_BASE, cfg.WECHAT_APPID, secrets.wechat);

const ALL: AdapterMakers = { petitions, experts, org, bookings, hosts, logins, audit, outbox, partners, photos, wechat };

/** Stands for an adapter the function was not given: any use of it is a bug of the function's list, said plainly. */
const absent = (name: string) =>
  new Proxy({}, { get: (_t, key) => { throw new Error(`${name}.${String(key)}: this function was not given the ${name} adapter (its entry's list in functions/http)`); } });

const authPolicy = (cfg: Config, s: Secrets): Deps['auth'] => ({
  secret: s.jwt.current,
  previousSecret: s.jwt.previous,
  citizenHours: cfg.CITIZEN_TOKEN_HOURS,
  staffHours: cfg.STAFF_TOKEN_HOURS,
  devLogin: isLocalStage(cfg),
});

function build(cfg: Config, over: Over, secrets: Secrets, makers: Partial<AdapterMakers>): { deps: Deps; made: Made } {
  const db = documentClient({ region: cfg.AWS_REGION, endpoint: cfg.DYNAMODB_ENDPOINT, meter: over.meter ?? meter, instrument: over.instrument as DynamoOptions['instrument'] });
  const made: Made = { cfg, db, secrets };
  const adapters = Object.fromEntries(
    (Object.keys(ALL_NAMES) as Array<keyof Adapters>).map((name) => [name, makers[name]?.(made) ?? absent(name)]),
  ) as unknown as Adapters;
  const deps: Deps = {
    ...adapters,
    supervision: supervisionPolicy(cfg),
    warning: warningPolicy(cfg),
    clock: over.clock ?? (cfg.CLOCK_URL ? timeServerClock(cfg.CLOCK_URL) : systemClock()),
    ids: systemIds(),
    auth: authPolicy(cfg, secrets),
    loginThrottle: loginThrottlePolicy(cfg),
    rateLimits: { perUserHour: cfg.RATE_LIMIT_USER_PER_HOUR, perPostHour: cfg.RATE_LIMIT_POST_PER_HOUR },
    open311: { perMinute: cfg.OPEN311_PER_MINUTE },
    wechatPush: { token: cfg.WECHAT_PUSH_TOKEN },
    templates: { progress: cfg.WECHAT_TEMPLATE_PROGRESS, result: cfg.WECHAT_TEMPLATE_RESULT, reminder: cfg.WECHAT_TEMPLATE_REMINDER },
    booking: { roomUrlTemplate: cfg.VIDEO_ROOM_URL_TEMPLATE, changeCutoffMinutes: cfg.BOOKING_CHANGE_CUTOFF_MINUTES, maxPerHostWeek: cfg.BOOKING_MAX_PER_HOST_WEEK },
  };
  return { deps, made };
}

/** Every adapter's name (the keys only: naming ALL here would pull every adapter into every bundle). */
const ALL_NAMES: Record<keyof Adapters, true> = { petitions: true, experts: true, org: true, bookings: true, hosts: true, logins: true, audit: true, outbox: true, partners: true, photos: true, wechat: true };

/** Every adapter, for tests and the operator commands: they pass their own clock and meter. */
export function makeDeps(cfg: Config = config(), over: Over = {}): Deps {
  const secrets = over.secrets ?? plainSecrets(cfg);
  if (!secrets) throw new Error('no JWT_SECRET and WECHAT_SECRET: the Lambda entries read them from the parameter store (lambdaDeps)');
  return build(cfg, over, secrets, ALL).deps;
}

let container: { deps: Deps; made: Made } | undefined;
const sameSecrets = (a: Secrets, b: Secrets) => a.jwt.current === b.jwt.current && a.jwt.previous === b.jwt.previous && a.wechat === b.wechat;

/**
 * A Lambda entry's deps, with the adapters it names: made once per container, traced and counted, with the secrets
 * from the parameter store (cached there for SECRETS_CACHE_SECONDS); when a rotated secret arrives, only the parts
 * holding one are made again.
 */
export async function lambdaDeps(instrument: NonNullable<Over['instrument']>, makers: Partial<AdapterMakers>): Promise<Deps> {
  const cfg = config();
  const secrets = await loadSecrets(cfg, instrument);
  if (!container) container = build(cfg, { instrument, secrets }, secrets, makers);
  else if (!sameSecrets(container.made.secrets, secrets)) {
    const made = { ...container.made, secrets };
    const rotated: Partial<Deps> = { auth: authPolicy(cfg, secrets) };
    if (makers.wechat) rotated.wechat = makers.wechat(made);
    container = { deps: { ...container.deps, ...rotated }, made };
  }
  return container.deps;
}
