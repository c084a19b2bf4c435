/**
 * The staff pages' client: every route of the contract (shared/contract) over the staff session (session.ts), e.g.
 * `api.staff.petition(id)`, `api.staff.step.accept(id, { body })`, `api.citizen.townships()`. Answers are parsed with
 * the contract's schemas; pages never build a URL.
 */
import { BOOKING } from '../../../../shared/contract/booking';
import { CITIZEN } from '../../../../shared/contract/citizen';
import { STAFF } from '../../../../shared/contract/staff';
import type { StepAnswer } from '../../../../shared/schemas/staff';
import type { StaffStep, StepAction } from '../../../../shared/steps';
import { clientOf } from '../../lib/client';
import { staffRequest } from './session';

export const api = {
  staff: clientOf(STAFF, staffRequest),
  /** the public routes staff pages read too (the county's townships, a host's free times) */
  citizen: clientOf(CITIZEN, staffRequest),
  booking: clientOf(BOOKING, staffRequest),
};

/**
 * Takes a form's staff step through its route (the form checked the body with the step's schema); a step that makes
 * something numbered (出具文书) sends the form's Idempotency-Key.
 */
export function takeStep(action: StepAction, id: string, body: Record<string, unknown>, idempotencyKey?: string): Promise<StepAnswer> {
  const send = api.staff.step[action as StaffStep] as (id: string, input: { body: unknown; headers?: Record<string, string> }) => Promise<StepAnswer>;
  return send(id, { body, ...(idempotencyKey ? { headers: { 'Idempotency-Key': idempotencyKey } } : {}) });
}
