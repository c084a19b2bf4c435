/** The routes of the citizen's app (the main package of the mini-program): logins, the report, its record, the rating. */
import {
  ClaimBody,
  DevLoginBody,
  PageQuery,
  SubmitPetitionBody,
  SubmitPetitionResponse,
  SubscribeBody,
  TrackQuery,
  TrackingCode,
  UploadBody,
  WechatLoginBody,
} from '../schemas/api';
import { AudioUploadBody } from '../audio';
import { Id } from '../schemas/common';
import { MineItem, Ok, PageResponse, PetitionView, PostInfo, TokenResponse, Townships, UploadTicket } from '../schemas/views';
import { STEP_TABLE, stepPath } from '../steps';
import { ById, IDEMPOTENT } from './common';
import { route } from './route';


export const CITIZEN = {
  wechatLogin: route({ method: 'POST', path: '/auth/wechat', access: 'public', summary: '微信登录：小程序的登录凭证换取令牌', body: WechatLoginBody, answer: TokenResponse }),
  devLogin: route({ method: 'POST', path: '/auth/dev', access: 'public', summary: '本地调试登录（仅 local 环境）', body: DevLoginBody, answer: TokenResponse }),
  post: route({ method: 'GET', path: '/posts/{postId}', access: 'public', summary: '扫码所到的岗点、所属中心和可反映的类型', params: { postId: Id }, answer: PostInfo }),
  townships: route({ method: 'GET', path: '/townships', access: 'public', summary: '全县的苏木镇及其综治中心', answer: Townships }),
  track: route({
    method: 'GET',
    path: '/track/{trackingCode}',
    access: 'public',
    summary: '匿名反映凭跟踪码和查询密码查看进度',
    params: { trackingCode: TrackingCode },
    query: TrackQuery,
    answer: PetitionView,
  }),
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
  claim: route({
    method: 'POST',
    path: '/petitions/claim',
    access: 'citizen',
    summary: '认领：凭登记回执上的跟踪码和查询密码，把工作人员代为登记的诉求归到自己名下',
    body: ClaimBody,
    answer: PetitionView,
  }),
  mine: route({ method: 'GET', path: '/petitions/mine', access: 'citizen', summary: '我的反映', query: PageQuery, answer: PageResponse(MineItem) }),
  petition: route({ method: 'GET', path: '/petitions/{id}', access: 'citizen', summary: '我的一件反映及其公开的办理记录', params: ById, answer: PetitionView }),
  rate: route({ method: 'POST', path: stepPath('rate'), access: 'citizen', summary: '评哨：评价办理结果', params: ById, body: STEP_TABLE.rate.body, answer: PetitionView }),
};

