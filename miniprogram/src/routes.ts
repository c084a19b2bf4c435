/**
 * The one route registry: app.config.ts builds the page list from it, and every navigation goes through `urlOf`,
 * so a page's path and its parameters are written in one place.
 */
import { zh } from './i18n/zh';
import { pageUrl } from './lib/pageUrl';

/**
 * `main`: the pages a scan lands on (the home page, the form and its result) make the main package, the one WeChat
 * downloads before anything shows. Each other citizen page is a subpackage of its own under the same path
 * (app.config.ts), fetched when first opened.
 */
export const ROUTES = {
  home: { path: 'pages/index/index', title: zh.titles.home, main: true },
  report: { path: 'pages/report/index', title: zh.titles.report, main: true },
  result: { path: 'pages/result/index', title: zh.titles.result, main: true },
  mine: { path: 'pages/mine/index', title: zh.titles.mine },
  detail: { path: 'pages/detail/index', title: zh.titles.detail },
  track: { path: 'pages/track/index', title: zh.titles.track },
  claim: { path: 'pages/claim/index', title: zh.titles.claim },
  video: { path: 'pages/video/index', title: zh.titles.video },
} as const;

export type RouteName = keyof typeof ROUTES;

/** Query parameters each page accepts; `q` and `scene` are what WeChat passes when a code opens the app. */
export interface RouteParams {
  home: Record<string, never>;
  report: { postId?: string; q?: string; scene?: string; draft?: string };
  result: { id: string };
  mine: Record<string, never>;
  /** an anonymous report by its code: the secret stays in memory (lib/tracked.ts), never in the URL */
  detail: { id: string } | { code: string };
  track: { code?: string };
  /** a registration receipt's code: its secret stays in memory (lib/tracked.ts), never in this page's URL */
  claim: { code?: string };
  video: Record<string, never>;
}

export function urlOf<N extends RouteName>(name: N, params?: RouteParams[N]): string {
  return pageUrl(ROUTES[name].path, params);
}
