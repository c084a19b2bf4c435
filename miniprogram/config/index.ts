/**
 * Taro build config. The CLI runs with cwd `miniprogram/` (see the build:* scripts in the root package.json);
 * outputs go to the top-level dist/ so that `dist/weapp` imports straight into WeChat DevTools.
 */
import path from 'node:path';
import { defineConfig } from '@tarojs/cli';
import { ReportPagePreload } from './firstPage';

// WeChat DevTools needs an appid; a tourist appid lets anyone open the build without an account.
process.env.TARO_APP_ID = process.env.WECHAT_APPID || 'touristappid';

const env = process.env.TARO_ENV === 'h5' ? 'h5' : 'weapp';
const apiBaseUrl = process.env.API_BASE_URL || 'http://127.0.0.1:3000';
const sharedDir = path.resolve(__dirname, '../../shared');

export default defineConfig<'webpack5'>(async () => ({
  projectName: 'shaogang',
  date: '2026-11-23',
  designWidth: 750,
  deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
  sourceRoot: 'src',
  // tests build into a folder of their own (test/support/appBuild.ts), so that runs never share an output
  outputRoot: process.env.SHAOGANG_OUTPUT_ROOT ?? `../dist/${env}`,
  plugins: [],
  defineConstants: {
    API_BASE_URL: JSON.stringify(apiBaseUrl),
    // the base of the link a post's printed QR code encodes: the app applies postLinkBase (shared/postLink.ts) to
    // these two, POST_LINK_BASE else the local H5 app on H5_PORT (this file cannot import TypeScript from shared/)
    POST_LINK_BASE: JSON.stringify(process.env.POST_LINK_BASE ?? ''),
    H5_PORT: JSON.stringify(process.env.H5_PORT ?? ''),
    // the dev login exists only on the local stage; a production build never offers it
    DEV_LOGIN: JSON.stringify(process.env.DEV_LOGIN !== 'false'),
    // subscribe-message template ids, the same variables as the API's
    WECHAT_TEMPLATE_PROGRESS: JSON.stringify(process.env.WECHAT_TEMPLATE_PROGRESS ?? 'local-template-progress'),
    WECHAT_TEMPLATE_RESULT: JSON.stringify(process.env.WECHAT_TEMPLATE_RESULT ?? 'local-template-result'),
    WECHAT_TEMPLATE_REMINDER: JSON.stringify(process.env.WECHAT_TEMPLATE_REMINDER ?? 'local-template-reminder'),
  },
  copy: { patterns: [], options: {} },
  // the pages are React code rendered by Preact (preact/compat): what a scan downloads first is the weapp's main
  // package (86 KiB lighter than with React's reconciler; `runtime` below) and, in a browser, the app's first
  // scripts (a post's link to its form: 138 → 108 KiB over the wire, issue 18's fast 3G budget)
  framework: 'preact',
  compiler: { type: 'webpack5', prebundle: { enable: false } },
  cache: { enable: false },
  logger: { quiet: true, stats: false },
  mini: {
    // shared/ is TypeScript outside src: compile it like the app's own code
    compile: { include: [sharedDir] },
    postcss: {
      pxtransform: { enable: true, config: {} },
      cssModules: { enable: false },
    },
    optimizeMainPackage: { enable: true },
    // Taro's DOM as the app needs it: Preact's diff asks a parent whether it holds a node (`contains`, off by default:
    // without it a page that moves a child throws and goes blank); no page sets innerHTML, so its parser is left out
    runtime: { enableInnerHTML: false, enableContains: true },
    // WeChat cannot recurse templates: Taro writes base.wxml's templates once per level of depth (16 by default) and
    // draws a deeper subtree inside its own `comp` component. 8 levels hold the citizen pages (home, form, track, mine,
    // claim, booking: no `comp` on them in the weapp simulator) and cut the file from 61 to 39 KB of the main
    // package; the staff dashboard's rates sit deeper, in `comp`
    baseLevel: 8,
    // Chinese text as UTF-8 (3 bytes a character), not Taro's default \uXXXX escapes (6): WeChat reads its
    // packages as UTF-8 (a development build, unminified, is UTF-8 too), and the main package is 7 KiB smaller
    terser: { enable: true, config: { output: { ascii_only: false } } },
  },
  h5: {
    publicPath: '/',
    // index.html asks for a scanned post while the code loads: it needs the API's address
    htmlPluginOption: { apiBase: apiBaseUrl.replace(/\/+$/, '') },
    staticDirectory: 'static',
    compile: { include: [sharedDir] },
    router: { mode: 'hash' },
    webpackChain(chain) {
      chain.plugin('reportPagePreload').use(ReportPagePreload);
    },
    devServer: { host: '127.0.0.1', port: 10086 },
    output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
    miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[contenthash:8].css', chunkFilename: 'css/[name].[contenthash:8].css' },
    postcss: { autoprefixer: { enable: true, config: {} }, cssModules: { enable: false } },
  },
}));
