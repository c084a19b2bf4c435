/**
 * The booking subpackage's part of the catalogue (./index.ts): its words (./zh.booking.ts) and the names of the
 * booking codes the staff pages and the API share (shared/schemas/booking.ts). Imported by the booking pages only,
 * so none of it weighs on the main package.
 */
import { BOOKING_STATUS_LABELS, EXPERTISE_LABELS, HOST_KIND_LABELS, WAY_LABELS } from '../../../shared/schemas/booking';
import { zhBooking } from './zh.booking';

export const bookingWords: typeof zhBooking = zhBooking;

export const bookingLabels = { way: WAY_LABELS, hostKind: HOST_KIND_LABELS, expertise: EXPERTISE_LABELS, bookingStatus: BOOKING_STATUS_LABELS };
