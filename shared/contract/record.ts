/**
 * The routes of a citizen's record: 我的反映, one report with its public record, the anonymous tracking, 认领 and the
 * rating. The pages that use them are subpackages of the mini-program, so the step table these need stays out of its
 * main package (report.ts).
 */
import { ClaimBody, PageQuery, TrackQuery, TrackingCode } from '../schemas/api';
import { MineItem, PetitionView } from '../schemas/petitionView';
import { PageResponse } from '../schemas/views';
import { STEP_TABLE, stepPath } from '../steps';
import { ById } from './common';
import { route } from './route';

export const CITIZEN_RECORD = {
  track: route({
    method: 'GET',
    path: '/track/{trackingCode}',
    access: 'public',
    summary: '匿名反映凭跟踪码和查询密码查看进度',
    params: { trackingCode: TrackingCode },
    query: TrackQuery,
    answer: PetitionView,
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
