/** What several parts of the contract declare alike: a route by its `{id}`, and a write a retry must not repeat. */
import { IdempotencyKey } from '../schemas/api';
import { Id } from '../schemas/common';

export const ById = { id: Id };
export const IDEMPOTENT = { 'Idempotency-Key': IdempotencyKey };
