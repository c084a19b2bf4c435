/** Clients and adapters made once per container from the parsed config. */
import { randomBytes, randomInt } from 'node:crypto';
import { monotonicFactory } from 'ulid';
import { config, isLocalStage, type Config } from '../config';
import { documentClient, newMeter, type Meter } from '../adapters/dynamo/client';
import { DynamoOrgRepository } from '../adapters/dynamo/org';
import { DynamoPetitionRepository } from '../adapters/dynamo/petitions';
import { HttpWechatClient } from '../adapters/wechat/client';
import type { Ids } from '../ports';
import type { Deps } from '../usecases/context';

/** No 0/O, 1/I: a tracking code is read aloud over the phone. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const pick = (n: number) => Array.from({ length: n }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

export const systemIds = (): Ids => {
  const ulid = monotonicFactory();
  return {
    id: () => ulid(),
    trackingCode: () => pick(10),
    secret: () => randomBytes(9).toString('base64url'),
  };
};

export const meter: Meter = newMeter();

export function makeDeps(cfg: Config = config()): Deps {
  const db = documentClient({ region: cfg.AWS_REGION, endpoint: cfg.DYNAMODB_ENDPOINT, meter });
  return {
    petitions: new DynamoPetitionRepository(db, cfg.TABLE_NAME),
    org: new DynamoOrgRepository(db, cfg.TABLE_NAME, cfg.ORG_CACHE_SECONDS * 1000),
    wechat: new HttpWechatClient(cfg.WECHAT_API_BASE, cfg.WECHAT_APPID, cfg.WECHAT_SECRET),
    clock: { now: () => new Date() },
    ids: systemIds(),
    auth: {
      secret: cfg.JWT_SECRET,
      citizenHours: cfg.CITIZEN_TOKEN_HOURS,
      staffHours: cfg.STAFF_TOKEN_HOURS,
      devLogin: isLocalStage(cfg),
    },
  };
}
