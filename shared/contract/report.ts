/**
 * The routes of the mini-program's main package: the logins, a scanned post, the townships, the uploads and the
 * report itself. Everything from a scan to a sent report, and nothing that needs the record's schemas (the step
 * table): a citizen's record is record.ts, in the subpackages.
 */
import { DevLoginBody, SubmitPetitionBody, SubmitPetitionResponse, SubscribeBody, UploadBody, WechatLoginBody } from '../schemas/api';
import { AudioUploadBody } from '../audio';
import { Id } from '../schemas/common';
import { Ok, PostInfo, TokenResponse, Townships, UploadTicket } from '../schemas/views';
import { IDEMPOTENT } from './common';
import { route } from './route';

export const CITIZEN_REPORT = {
  wechatLogin: route({ method: 'POST', path: '/auth/wechat', access: 'public', summary: '微信登录：小程序的登录凭证换取令牌', body: WechatLoginBody, answer: TokenResponse }),
  devLogin: route({ method: 'POST', path: '/auth/dev', access: 'public', summary: '本地调试登录（仅 local 环境）', body: DevLoginBody, answer: TokenResponse }),
  post: route({ method: 'GET', path: '/posts/{postId}', access: 'public', summary: '扫码所到的岗点、所属中心和可反映的类型', params: { postId: Id }, answer: PostInfo }),
  townships: route({ method: 'GET', path: '/townships', access: 'public', summary: '全县的苏木镇及其综治中心', answer: Townships }),
  upload: route({ method: 'POST', path: '/uploads', access: 'citizen', summary: '上传一张照片：取得直传地址', body: UploadBody, answer: UploadTicket }),
  uploadAudio: route({
    method: 'POST',
    path: '/uploads/audio',
    access: 'citizen',
    summary: '按住说话：上传一段语音（至多 1 MB、60 秒，MP3、AAC、M4A 或 WebM），取得直传地址',
    body: AudioUploadBody,
    answer: UploadTicket,
  }),
  subscribe: route({ method: 'POST', path: '/subscriptions', access: 'citizen', summary: '记录群众同意接收的订阅消息', body: SubscribeBody, answer: Ok }),
  submit: route({
    method: 'POST',
    path: '/petitions',
    access: 'citizen',
    summary: '吹哨：提交一件反映（同一 Idempotency-Key 只提交一次）',
    headers: IDEMPOTENT,
    body: SubmitPetitionBody,
    answer: SubmitPetitionResponse,
    ok: [201, 200],
  }),
};
