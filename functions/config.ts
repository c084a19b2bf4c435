/** Config is parsed once per container from the environment; a missing variable fails at start with its name. */
import * as z from 'zod/mini';

/** A required string, a string with a default, and whole numbers from the environment's text. */
const str = () => z.string().check(z.minLength(1));
const strOr = (fallback: string) => z._default(str(), fallback);
const count = (fallback: number, min = 0) => z._default(z.coerce.number().check(z.multipleOf(1), z.gte(min)), fallback);
const hours = (fallback: number) => z._default(z.coerce.number().check(z.gte(0)), fallback);
const share = (fallback: number) => z._default(z.coerce.number().check(z.gt(0), z.lte(1)), fallback);
const optionalUrl = () => z.pipe(z.transform((v: unknown) => (v === '' ? undefined : v)), z.optional(z.url()));
const unsetIfEmpty = <T extends z.ZodMiniType>(schema: T) => z.pipe(z.transform((v: unknown) => (v === '' ? undefined : v)), z.optional(schema));
const jwtSecret = (name: string) => z.string().check(z.minLength(32, { error: `${name} must be at least 32 characters` }));

const Env = z.object({
  STAGE: strOr('local'),
  TABLE_NAME: str(),
  AWS_REGION: strOr('cn-northwest-1'),
  /** set only for DynamoDB Local */
  DYNAMODB_ENDPOINT: optionalUrl(),
  /**
   * Secrets: plain values (the local stage) or the names of SSM SecureString parameters the Lambda entries read through
   * Powertools Parameters, cached SECRETS_CACHE_SECONDS (functions/adapters/ssm/secrets.ts). A token signed with the
   * previous JWT secret stays valid until it expires: rotation keeps the old one there.
   */
  JWT_SECRET: unsetIfEmpty(jwtSecret('JWT_SECRET')),
  JWT_PREVIOUS_SECRET: unsetIfEmpty(jwtSecret('JWT_PREVIOUS_SECRET')),
  JWT_SECRET_PARAMETER: unsetIfEmpty(str()),
  JWT_PREVIOUS_SECRET_PARAMETER: unsetIfEmpty(str()),
  WECHAT_SECRET_PARAMETER: unsetIfEmpty(str()),
  SECRETS_CACHE_SECONDS: count(300),
  WECHAT_API_BASE: z._default(z.url(), 'https://api.weixin.qq.com'),
  WECHAT_APPID: str(),
  WECHAT_SECRET: unsetIfEmpty(str()),
  /**
   * 消息推送's Token, set in the mini-program's console beside the push address (…/wechat/push): WeChat signs each push
   * with it. Unset: the push route answers 404 (no push configured).
   */
  WECHAT_PUSH_TOKEN: unsetIfEmpty(str()),
  /** subscribe-message template ids from the WeChat console: progress (进度), result (结果), reminder (预约提醒) */
  WECHAT_TEMPLATE_PROGRESS: strOr('local-template-progress'),
  WECHAT_TEMPLATE_RESULT: strOr('local-template-result'),
  WECHAT_TEMPLATE_REMINDER: strOr('local-template-reminder'),
  /** the private bucket photos are uploaded to, with a presigned PUT */
  PHOTO_BUCKET: strOr('shaogang-photos'),
  /** set only for the local S3 stand-in (s3rver) */
  S3_ENDPOINT: optionalUrl(),
  /** set only for the local stack's time server (functions/local/clock-standin.ts): the time a test moves */
  CLOCK_URL: optionalUrl(),
  /** how long a container keeps the org tree and categories before reading them again */
  ORG_CACHE_SECONDS: count(60),
  /**
   * How long a container may trust a staff user's record when it checks a staff token (role, scope, token version,
   * active). At most 60: a demoted or signed-out user's token is refused everywhere within this time, at once in the
   * container that made the change.
   */
  STAFF_USER_CACHE_SECONDS: z._default(z.coerce.number().check(z.multipleOf(1), z.gte(0), z.lte(60, { error: 'STAFF_USER_CACHE_SECONDS must be at most 60' })), 60),
  /** 临期: the last share of a step's own limit in which it is near due and the handler and centre are reminded */
  NEAR_DUE_SHARE: share(0.25),
  /** … and at least this many hours before the deadline */
  NEAR_DUE_MIN_HOURS: hours(1),
  /** 逾期: how long after a deadline an unfinished step is escalated and marked overdue */
  OVERDUE_GRACE_HOURS: hours(24),
  /** 未诉先办: a category's count this month rising to this many times the mean of the three months before, or the same month a year before */
  WARNING_RISE_RATIO: z._default(z.coerce.number().check(z.gt(1)), 1.5),
  /** … and to at least this many cases */
  WARNING_MIN_COUNT: count(5, 1),
  /** 聚集: this many cases at one post or village within WARNING_CLUSTER_DAYS days */
  WARNING_CLUSTER_COUNT: count(3, 2),
  WARNING_CLUSTER_DAYS: count(7, 1),
  /** how many reports one user, and one post, may send in an hour before 429 */
  RATE_LIMIT_USER_PER_HOUR: count(10, 1),
  RATE_LIMIT_POST_PER_HOUR: count(200, 1),
  /** requests one Open311 partner system may make in a minute (429 beyond) */
  OPEN311_PER_MINUTE: count(120, 1),
  /**
   * Staff login throttle (shared/loginThrottle.ts), per username and per source address: failures before each
   * attempt must wait (LOGIN_DELAY_SECONDS, doubling up to LOGIN_MAX_DELAY_SECONDS), failures that lock for
   * LOGIN_LOCK_MINUTES (an admin may lift it), and how long a counter is kept after its last failure.
   */
  LOGIN_USER_DELAY_AFTER: count(5, 1),
  LOGIN_USER_LOCK_AFTER: count(10, 1),
  LOGIN_ADDRESS_DELAY_AFTER: count(10, 1),
  LOGIN_ADDRESS_LOCK_AFTER: count(50, 1),
  LOGIN_DELAY_SECONDS: count(2, 1),
  LOGIN_MAX_DELAY_SECONDS: count(60, 1),
  LOGIN_LOCK_MINUTES: count(15, 1),
  LOGIN_WINDOW_MINUTES: count(15, 1),
  /** how long staff login records are kept for admins to read */
  LOGIN_RECORD_DAYS: count(90, 1),
  CITIZEN_TOKEN_HOURS: count(24 * 30, 1),
  STAFF_TOKEN_HOURS: count(8, 1),
  /** the video provider's room link; `{roomId}` is replaced by the room the host and the citizen share */
  VIDEO_ROOM_URL_TEMPLATE: z._default(
    z.string().check(
      z.refine((s) => s.includes('{roomId}') && URL.canParse(s.replace('{roomId}', 'x')), { error: 'VIDEO_ROOM_URL_TEMPLATE must be a URL with {roomId}' }),
    ),
    'https://meet.example.invalid/{roomId}',
  ),
  /** citizens may cancel or reschedule a booking until this many minutes before its start */
  BOOKING_CHANGE_CUTOFF_MINUTES: count(120),
  /** how many receptions one citizen may book with one host in a China week (Monday to Sunday) */
  BOOKING_MAX_PER_HOST_WEEK: count(2, 1),
}).check(
  z.refine((e) => e.JWT_SECRET !== undefined || e.JWT_SECRET_PARAMETER !== undefined, { error: 'JWT_SECRET or JWT_SECRET_PARAMETER must be set', path: ['JWT_SECRET'] }),
  z.refine((e) => e.WECHAT_SECRET !== undefined || e.WECHAT_SECRET_PARAMETER !== undefined, { error: 'WECHAT_SECRET or WECHAT_SECRET_PARAMETER must be set', path: ['WECHAT_SECRET'] }),
);
export type Config = z.infer<typeof Env>;

let cached: Config | undefined;

export function config(env: NodeJS.ProcessEnv = process.env): Config {
  if (cached && env === process.env) return cached;
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const names = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${names}`);
  }
  if (env === process.env) cached = parsed.data;
  return parsed.data;
}

export const isLocalStage = (c: Config) => c.STAGE === 'local';
