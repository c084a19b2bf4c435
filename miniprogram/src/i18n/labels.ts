/**
 * The names of the codes (a status, a record's action, a rating, the six steps), shared with the staff pages and the
 * API's own messages (shared/labels.ts). Apart from ./index.ts because they come from the step table, which the
 * pages that show a record (subpackages) need and the main package does not.
 */
import { ACTION_LABELS, RATING_LABELS, STATUS_LABELS, STEPS } from '../../../shared/labels';

export const labels = { status: STATUS_LABELS, action: ACTION_LABELS, rating: RATING_LABELS, step: STEPS.map((s) => s.label) };
