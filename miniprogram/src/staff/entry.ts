/**
 * The staff subpackage's root and its door. The citizen home page links to the login from here, so the staff page
 * registry (routes.ts, with every title and menu) stays out of the main package.
 */
export const STAFF_ROOT = 'staff';
export const STAFF_LOGIN_PATH = 'pages/login/index';
export const STAFF_LOGIN_URL = `/${STAFF_ROOT}/${STAFF_LOGIN_PATH}`;
