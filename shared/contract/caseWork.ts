/**
 * The routes of the case work (functions/http/functions.ts CASE_WORK): the queue, the case file and its steps, 登记, a
 * consultation's meeting, the board and the expert pool. Apart from the rest of the staff contract (staff.ts, which
 * holds them too) so that the staff function's bundle carries only these routes' schemas.
 */
import * as z from 'zod/mini';
import { PageQuery, RegisterPetitionBody, StaffUploadBody, SubmitPetitionResponse } from '../schemas/api';
import { MeetingHosts, MeetingHostsQuery } from '../schemas/booking';
import { BoardRow } from '../schemas/backlog';
import { Expert, ExpertBody, ExpertRecommendations } from '../schemas/expert';
import { Id } from '../schemas/common';
import { CaseFile, FiledRow, PhoneAnswer, QueueRow, StaffQueueQuery, StepAnswer, TaskRow } from '../schemas/staff';
import { PageResponse, UploadTicket } from '../schemas/views';
import { STAFF_STEPS, STEP_TABLE, stepPath, type StaffStep, type StepTable } from '../steps';
import { ById, IDEMPOTENT } from './common';
import { route } from './route';

/** A step answers the case file as written (or where it went), unless it says otherwise here. */
const STEP_ANSWERS = { reveal_phone: PhoneAnswer } satisfies Partial<Record<StaffStep, z.ZodMiniType>>;
/** A step that makes something a client may send twice (a numbered document) takes an Idempotency-Key. */
const STEP_HEADERS = { issue_document: IDEMPOTENT, book_meeting: IDEMPOTENT } satisfies Partial<Record<StaffStep, typeof IDEMPOTENT>>;
type StepRoute<A extends StaffStep> = {
  method: 'POST';
  path: string;
  access: 'staff';
  summary: string;
  params: typeof ById;
  body: StepTable[A]['body'];
  answer: A extends keyof typeof STEP_ANSWERS ? (typeof STEP_ANSWERS)[A] : typeof StepAnswer;
} & (A extends keyof typeof STEP_HEADERS ? { headers: (typeof STEP_HEADERS)[A] } : unknown);
/** One route per staff step of the table: POST /staff/petitions/{id}/<path> with the step's body. */
const STEPS = Object.fromEntries(
  STAFF_STEPS.map((a) => [
    a,
    {
      method: 'POST',
      path: stepPath(a),
      access: 'staff',
      summary: a in STEP_HEADERS ? `${STEP_TABLE[a].label}（同一 Idempotency-Key 只办一次）` : STEP_TABLE[a].label,
      params: ById,
      body: STEP_TABLE[a].body,
      answer: (STEP_ANSWERS as Partial<Record<StaffStep, z.ZodMiniType>>)[a] ?? StepAnswer,
      ...(a in STEP_HEADERS ? { headers: STEP_HEADERS[a as keyof typeof STEP_HEADERS] } : {}),
    },
  ]),
) as { [A in StaffStep]: StepRoute<A> };

export const CASE_WORK_ROUTES = {
  queue: route({ method: 'GET', path: '/staff/petitions', access: 'staff', summary: '待办：管辖范围内的反映', query: StaffQueueQuery, answer: PageResponse(QueueRow) }),
  petition: route({ method: 'GET', path: '/staff/petitions/{id}', access: 'staff', summary: '诉求详情：案卷、记录和现在可办的步骤', params: ById, answer: CaseFile }),
  submit: route({
    method: 'POST',
    path: '/staff/petitions',
    access: 'staff',
    summary: '统一登记：替群众登记来访、来电、来信、12345 热线等诉求（回执上有跟踪码和查询密码）',
    headers: IDEMPOTENT,
    body: RegisterPetitionBody,
    answer: SubmitPetitionResponse,
    ok: [201, 200],
  }),
  upload: route({ method: 'POST', path: '/staff/uploads', access: 'staff', summary: '登记的附件：照片或来信扫描件（PDF），取得直传地址', body: StaffUploadBody, answer: UploadTicket }),
  step: STEPS,
  meetingHosts: route({
    method: 'GET',
    path: '/staff/petitions/{id}/meeting-hosts',
    access: 'staff',
    summary: '会诊会议：牵头部门和会诊部门的视频接访人某天的空闲时段',
    params: ById,
    query: MeetingHostsQuery,
    answer: MeetingHosts,
  }),
  filed: route({ method: 'GET', path: '/staff/filed', access: 'staff', summary: '我代办的：自己替群众登记的诉求及其新进展（阶段反馈）', query: PageQuery, answer: PageResponse(FiledRow) }),
  tasks: route({ method: 'GET', path: '/staff/tasks', access: 'staff', summary: '复查和回访任务', query: PageQuery, answer: PageResponse(TaskRow) }),
  board: route({ method: 'GET', path: '/staff/board', access: 'staff', summary: '揭榜领案：本县挂榜的积案（不含个人信息）和揭榜情况', query: PageQuery, answer: PageResponse(BoardRow) }),
  // 专家库: the county's experts; 推荐专家 ranks them for a case
  experts: {
    list: route({ method: 'GET', path: '/staff/experts', access: 'staff', summary: '专家库：本县的专家', query: PageQuery, answer: PageResponse(Expert) }),
    save: route({ method: 'PUT', path: '/staff/experts/{expertId}', access: 'staff', summary: '新建或修改专家（县级）', params: { expertId: Id }, body: ExpertBody, answer: Expert }),
    recommend: route({ method: 'GET', path: '/staff/petitions/{id}/experts', access: 'staff', summary: '推荐专家：与该诉求类型和乡镇相符的专家，按领域、负荷、评价排序', params: ById, answer: ExpertRecommendations }),
  },
};
