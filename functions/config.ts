/** Config is parsed once per container from the environment; a missing variable fails at start with its name. */
import * as z from 'zod';

const Env = z.object({
  STAGE: z.string().min(1).default('local'),
  TABLE_NAME: z.string().min(1),
  AWS_REGION: z.string().min(1).default('cn-northwest-1'),
  /** set only for DynamoDB Local */
  DYNAMODB_ENDPOINT: z.preprocess((v) => (v === '' ? undefined : v), z.url().optional()),
  JWT_SECRET: z.string().min(32, { error: 'JWT_SECRET must be at least 32 characters' }),
  WECHAT_API_BASE: z.url().default('https://api.weixin.qq.com'),
  WECHAT_APPID: z.string().min(1),
  WECHAT_SECRET: z.string().min(1),
  /** subscribe-message template ids from the WeChat console: progress (进度), result (结果), reminder (预约提醒) */
  WECHAT_TEMPLATE_PROGRESS: z.string().min(1).default('local-template-progress'),
  WECHAT_TEMPLATE_RESULT: z.string().min(1).default('local-template-result'),
  WECHAT_TEMPLATE_REMINDER: z.string().min(1).default('local-template-reminder'),
  /** the private bucket photos are uploaded to, with a presigned PUT */
  PHOTO_BUCKET: z.string().min(1).default('shaogang-photos'),
  /** set only for the local S3 stand-in (s3rver) */
  S3_ENDPOINT: z.preprocess((v) => (v === '' ? undefined : v), z.url().optional()),
  /** how long a container keeps the org tree and categories before reading them again */
  ORG_CACHE_SECONDS: z.coerce.number().int().min(0).default(60),
  /** 临期提示: how long before a deadline the handler and centre are reminded */
  NEAR_DUE_HOURS: z.coerce.number().min(0).default(24),
  /** 逾期: how long after a deadline an unfinished step is escalated and marked overdue */
  OVERDUE_GRACE_HOURS: z.coerce.number().min(0).default(24),
  /** how many reports one user, and one post, may send in an hour before 429 */
  RATE_LIMIT_USER_PER_HOUR: z.coerce.number().int().positive().default(10),
  RATE_LIMIT_POST_PER_HOUR: z.coerce.number().int().positive().default(200),
  CITIZEN_TOKEN_HOURS: z.coerce.number().int().positive().default(24 * 30),
  STAFF_TOKEN_HOURS: z.coerce.number().int().positive().default(8),
  /** the video provider's room link; `{roomId}` is replaced by the room the host and the citizen share */
  VIDEO_ROOM_URL_TEMPLATE: z
    .string()
    .default('https://meet.example.invalid/{roomId}')
    .refine((s) => s.includes('{roomId}') && URL.canParse(s.replace('{roomId}', 'x')), { error: 'VIDEO_ROOM_URL_TEMPLATE must be a URL with {roomId}' }),
  /** citizens may cancel or reschedule a booking until this many minutes before its start */
  BOOKING_CHANGE_CUTOFF_MINUTES: z.coerce.number().int().min(0).default(120),
});
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
