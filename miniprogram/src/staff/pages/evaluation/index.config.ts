import { STAFF_ROUTES } from '../../routes';

export default definePageConfig({ navigationBarTitleText: STAFF_ROUTES.evaluation.title });
