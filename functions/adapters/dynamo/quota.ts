/** A rate-limit counter (keys.quota): one more, unless it already holds `max`; DynamoDB's TTL removes it after its window. */
import { keys } from './keys';

export function quotaUpdate(table: string, q: { key: string; max: number; expiresAt: number }) {
  return {
    TableName: table,
    Key: keys.quota(q.key),
    UpdateExpression: 'ADD #n :one SET #ttl = if_not_exists(#ttl, :ttl)',
    ConditionExpression: 'attribute_not_exists(#n) OR #n < :max',
    ExpressionAttributeNames: { '#n': 'n', '#ttl': 'ttl' },
    ExpressionAttributeValues: { ':one': 1, ':max': q.max, ':ttl': q.expiresAt },
  };
}
