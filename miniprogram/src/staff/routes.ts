/**
 * The staff subpackage (工作台): each page's title, its place in the menu and how to reach it. Its paths are in
 * ./entry.ts, which the app's config lists, so staff pages never weigh on the citizen main package; navigation inside
 * it goes through `staffUrl`.
 * `nav` puts a page in the staff menu, for the roles listed (all staff when absent).
 */
import type { StaffRole } from '../../../shared/schemas/common';
import { pageUrl } from '../lib/pageUrl';
import { STAFF_PAGES, STAFF_ROOT, type StaffPageName } from './entry';

export { STAFF_ROOT };

/** Receptions are the centres' and the county's; handlers and agents work cases. */
const RECEPTION_ROLES: readonly StaffRole[] = ['centre_staff', 'county_supervisor', 'admin'];

interface StaffRoute {
  path: string;
  title: string;
  nav?: { label: string; roles?: readonly StaffRole[] };
}

export const STAFF_ROUTES = {
  login: { path: STAFF_PAGES.login, title: '工作人员登录' },
  home: { path: STAFF_PAGES.home, title: '工作台', nav: { label: '工作台' } },
  /** 统一登记: a visit, call, letter or 12345 case registered for a citizen, and its printed receipt (回执) */
  register: { path: STAFF_PAGES.register, title: '统一登记', nav: { label: '登记', roles: ['centre_staff', 'agent', 'county_supervisor', 'admin'] } },
  /** 我代办的: what the caller registered for citizens, with what moved since they last looked (阶段反馈) */
  filed: { path: STAFF_PAGES.filed, title: '我代办的', nav: { label: '我代办的', roles: ['centre_staff', 'agent', 'county_supervisor', 'admin'] } },
  /** 回访 and 复查: the follow-up calls and reviews due in scope (GET /staff/tasks), each call recorded there */
  tasks: { path: STAFF_PAGES.tasks, title: '回访与复查', nav: { label: '回访', roles: ['centre_staff', 'county_supervisor', 'admin'] } },
  queue: { path: STAFF_PAGES.queue, title: '待办', nav: { label: '待办', roles: ['centre_staff', 'handler', 'village_staff', 'county_supervisor', 'admin'] } },
  /** the case file; the dashboard links its overdue list here with `?id=` */
  petition: { path: STAFF_PAGES.petition, title: '诉求详情' },
  /** a village's staff read their village's own figures (小事不出村), an agent what they filed (凡诉代办) */
  dashboard: { path: STAFF_PAGES.dashboard, title: '统计', nav: { label: '统计', roles: ['centre_staff', 'village_staff', 'agent', 'county_supervisor', 'admin'] } },
  // video receptions (接访): the schedule is the menu's entry; hosts, a host's form and a booking open from it
  receptions: { path: STAFF_PAGES.receptions, title: '接访日程', nav: { label: '接访', roles: RECEPTION_ROLES } },
  hosts: { path: STAFF_PAGES.hosts, title: '接访人' },
  host: { path: STAFF_PAGES.host, title: '接访人与接访时间' },
  booking: { path: STAFF_PAGES.booking, title: '预约详情' },
  posts: { path: STAFF_PAGES.posts, title: '岗点', nav: { label: '岗点', roles: ['centre_staff', 'county_supervisor', 'admin'] } },
  postEdit: { path: STAFF_PAGES.postEdit, title: '编辑岗点' },
  posters: { path: STAFF_PAGES.posters, title: '岗点二维码海报' },
  /** the monthly 预警提示 of a township (未诉先办), one printable A4 page; the 工作台 and 统计 link to it */
  notice: { path: STAFF_PAGES.notice, title: '预警提示' },
  /** 化解成效考评: each department's figures over a period (GET /staff/evaluation), printable */
  evaluation: { path: STAFF_PAGES.evaluation, title: '化解成效考评', nav: { label: '考评', roles: ['centre_staff', 'county_supervisor', 'admin'] } },
  /** 揭榜领案: the county's board of posted backlog cases, who claimed what and how it went; a claim is taken here */
  board: { path: STAFF_PAGES.board, title: '揭榜领案', nav: { label: '揭榜领案', roles: ['centre_staff', 'county_supervisor', 'admin'] } },
  /** a case document (交办单 …) as one printable A4 page, opened from the case file's 文书 */
  document: { path: STAFF_PAGES.document, title: '文书' },
  /** the cases behind one warning (GET /staff/warnings/cases); each warning on the 工作台 and 统计 links here */
  warning: { path: STAFF_PAGES.warning, title: '预警诉求' },
  org: { path: STAFF_PAGES.org, title: '人员与组织', nav: { label: '人员与组织', roles: ['county_supervisor', 'admin'] } },
} as const satisfies Record<StaffPageName, StaffRoute>;
export type StaffRouteName = keyof typeof STAFF_ROUTES;

export interface StaffRouteParams {
  login: { next?: string };
  home: Record<string, never>;
  register: Record<string, never>;
  filed: Record<string, never>;
  evaluation: { from?: string; to?: string; township?: string };
  tasks: Record<string, never>;
  queue: { status?: string; due?: string; team?: 'true' };
  petition: { id: string };
  /** a month (YYYY-MM) or a period of days; a county caller's township */
  dashboard: { month?: string; from?: string; to?: string; township?: string };
  receptions: { from?: string; view?: 'day' | 'week' };
  hosts: Record<string, never>;
  host: { hostId?: string };
  booking: { id: string };
  posts: { township?: string };
  postEdit: { id?: string; township?: string };
  /** post ids, comma-separated: one A4 poster each */
  posters: { ids: string };
  /** a township (the county's callers; centre staff: their own) and a month (YYYY-MM, default this one) */
  notice: { township?: string; month?: string };
  board: Record<string, never>;
  /** the case, and the record line (eventSeq) of the document */
  document: { id: string; seq: string };
  /** a warning of a township's month, by its key (`rise_<category>`, `cl_post_<post>`, `cl_village_<village>`) */
  warning: { township: string; month: string; key: string };
  org: { tab?: 'nodes' | 'departments' | 'categories' | 'users' | 'audit' | 'logins' | 'settings' };
}


export function staffUrl<N extends StaffRouteName>(name: N, params?: StaffRouteParams[N]): string {
  return pageUrl(`${STAFF_ROOT}/${STAFF_ROUTES[name].path}`, params);
}

/** Whether a role may open a page: a page in the menu of some roles only is for those roles only. */
export function mayOpen(name: StaffRouteName, role: StaffRole): boolean {
  const route: StaffRoute = STAFF_ROUTES[name];
  return !route.nav?.roles || route.nav.roles.includes(role);
}

/** The menu a role sees, in registry order. */
export function navFor(role: StaffRole): Array<{ name: StaffRouteName; label: string }> {
  return (Object.entries(STAFF_ROUTES) as Array<[StaffRouteName, StaffRoute]>)
    .filter(([, r]) => r.nav && (!r.nav.roles || r.nav.roles.includes(role)))
    .map(([name, r]) => ({ name, label: r.nav!.label }));
}
