/// <reference types="@tarojs/taro" />

declare module '*.css';

/** Set at build time by Taro's defineConstants (miniprogram/config/index.ts). */
declare const API_BASE_URL: string;
/** The base of the URL a post's QR code encodes: `<base>/?postId=<id>` (shared/postLink.ts). */
declare const POST_LINK_BASE: string;
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
