/// <reference types="@tarojs/taro" />

declare module '*.css';

/** Set at build time by Taro's defineConstants (miniprogram/config/index.ts). */
declare const API_BASE_URL: string;
/** The variables of the same names at build time, maybe empty: postLinkBase (shared/postLink.ts) makes the base of a post's link. */
declare const POST_LINK_BASE: string;
declare const H5_PORT: string;
/** True on builds for the local stage, where POST /auth/dev exists. */
declare const DEV_LOGIN: boolean;
/** WeChat subscribe-message template ids (the same variables as the API's). */
declare const WECHAT_TEMPLATE_PROGRESS: string;
declare const WECHAT_TEMPLATE_RESULT: string;
declare const WECHAT_TEMPLATE_REMINDER: string;

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV?: 'weapp' | 'h5' | 'swan' | 'alipay' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn';
  }
}
