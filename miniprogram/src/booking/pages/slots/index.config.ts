import { BOOKING_ROUTES } from '../../routes';

export default definePageConfig({ navigationBarTitleText: BOOKING_ROUTES.slots.title });
