/**
 * The staff subpackage's root, its pages and its door. The citizen home page links to the login from here, and the
 * app's config (app.config.ts) lists the pages from here, so the staff page registry (routes.ts: each page's title and
 * menu) stays out of the main package: Taro's build counts whatever app.config.ts imports as the main package's.
 */
export const STAFF_ROOT = 'staff';

/** Each staff page's path in the subpackage, by its name in the registry (routes.ts). */
export const STAFF_PAGES = {
  login: 'pages/login/index',
  home: 'pages/home/index',
  register: 'pages/register/index',
  filed: 'pages/filed/index',
  tasks: 'pages/tasks/index',
  queue: 'pages/queue/index',
  petition: 'pages/petition/index',
  dashboard: 'pages/dashboard/index',
  receptions: 'pages/receptions/index',
  hosts: 'pages/hosts/index',
  host: 'pages/host/index',
  booking: 'pages/booking/index',
  posts: 'pages/posts/index',
  postEdit: 'pages/posts/edit',
  posters: 'pages/posters/index',
  notice: 'pages/notice/index',
  evaluation: 'pages/evaluation/index',
  board: 'pages/board/index',
  document: 'pages/document/index',
  warning: 'pages/warning/index',
  org: 'pages/org/index',
} as const;
export type StaffPageName = keyof typeof STAFF_PAGES;

export const STAFF_SUBPACKAGE = { root: STAFF_ROOT, pages: Object.values(STAFF_PAGES) };
export const STAFF_LOGIN_URL = `/${STAFF_ROOT}/${STAFF_PAGES.login}`;
