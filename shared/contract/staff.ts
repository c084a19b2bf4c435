/**
 * The routes of the staff pages (工作台): the case work (caseWork.ts: the queue, the case file and its steps), figures,
 * posts, people and receptions.
 */
import * as z from 'zod/mini';
import { PageQuery, StaffLoginBody } from '../schemas/api';
import { AttendanceBody, BookingFigures, BookingFiguresQuery, HostBody, Schedule, ScheduleQuery, StaffBooking, StaffCancelBody, StaffHost } from '../schemas/booking';
import { EmptyBody, Id } from '../schemas/common';
import { Partner, PartnerBody, PartnerCreated } from '../schemas/open311';
import { CategoryBody, Category, ChangePasswordBody, CountySettingsBody, Department, DepartmentBody, EditUser, NewUser, NodeBody, OrgNode, Post, PostBody, StaffUser, Username } from '../schemas/org';
import { DashboardAnswer, DashboardQuery, EvaluationAnswer, RankingAnswer, RankingQuery, ExportQuery, StaffMe, StaffOrg, StaffPost, StaffSession, WarningCasesAnswer, WarningCasesQuery } from '../schemas/staff';
import { WarningsAnswer, WarningsQuery, WarningsSeenAnswer, WarningsSeenBody } from '../schemas/warnings';
import { AuditEntry, LiftLockBody, LoginRecord, LoginsQuery } from '../schemas/security';
import { PageResponse } from '../schemas/views';
import { ById } from './common';
import { CASE_WORK_ROUTES } from './caseWork';
import { route } from './route';

export const STAFF = {
  login: route({ method: 'POST', path: '/staff/login', access: 'public', summary: '工作人员登录', body: StaffLoginBody, answer: StaffSession }),
  logins: route({ method: 'GET', path: '/staff/logins', access: 'staff', summary: '全县工作人员的登录记录（管理员）', query: LoginsQuery, answer: PageResponse(LoginRecord) }),
  liftLock: route({
    method: 'POST',
    path: '/staff/login-locks/lift',
    access: 'staff',
    summary: '解除一个用户名或来源地址的登录锁定（管理员）',
    body: LiftLockBody,
    answer: z.object({ lifted: z.boolean() }),
  }),
  audit: route({ method: 'GET', path: '/staff/audit', access: 'staff', summary: '人员与组织的变更记录（县级）', query: PageQuery, answer: PageResponse(AuditEntry) }),
  me: route({ method: 'GET', path: '/staff/me', access: 'staff', summary: '当前登录的工作人员', answer: StaffMe }),
  queue: CASE_WORK_ROUTES.queue,
  petition: CASE_WORK_ROUTES.petition,
  submit: CASE_WORK_ROUTES.submit,
  upload: CASE_WORK_ROUTES.upload,
  step: CASE_WORK_ROUTES.step,
  meetingHosts: CASE_WORK_ROUTES.meetingHosts,
  filed: CASE_WORK_ROUTES.filed,
  tasks: CASE_WORK_ROUTES.tasks,
  dashboard: route({ method: 'GET', path: '/staff/dashboard', access: 'staff', summary: '统计：四项指标、分布、趋势和逾期清单', query: DashboardQuery, answer: DashboardAnswer }),
  warnings: route({ method: 'GET', path: '/staff/warnings', access: 'staff', summary: '未诉先办：某月的预警和下月的季节性提示', query: WarningsQuery, answer: WarningsAnswer }),
  warningsSeen: route({
    method: 'POST',
    path: '/staff/warnings/seen',
    access: 'staff',
    summary: '未诉先办：本月预警已阅（工作台的“新预警”标记到下一条新预警前不再显示）',
    body: WarningsSeenBody,
    answer: WarningsSeenAnswer,
  }),
  warningCases: route({
    method: 'GET',
    path: '/staff/warnings/cases',
    access: 'staff',
    summary: '未诉先办：一条预警背后的诉求（某类型本月登记的，或聚集地点窗口内登记的），分页',
    query: WarningCasesQuery,
    answer: WarningCasesAnswer,
  }),
  evaluation: route({
    method: 'GET',
    path: '/staff/evaluation',
    access: 'staff',
    summary: '化解成效考评：各部门期内承办、办结、按期办结、满意评价和积案化解（县或一个乡镇）',
    query: DashboardQuery,
    answer: EvaluationAnswer,
  }),
  townshipRanking: route({ method: 'GET', path: '/staff/township-ranking', access: 'staff', summary: '统计：全县各乡镇（苏木）的指标排名', query: RankingQuery, answer: RankingAnswer }),
  export: route({ method: 'GET', path: '/staff/export', access: 'staff', summary: '导出期内的反映（CSV，电话打码）', query: ExportQuery, answer: { file: 'text/csv; charset=utf-8' } }),
  org: route({ method: 'GET', path: '/staff/org', access: 'staff', summary: '管辖范围内的组织、部门、类型和承办人', answer: StaffOrg }),
  posts: route({
    method: 'GET',
    path: '/staff/townships/{townshipId}/posts',
    access: 'staff',
    summary: '一个苏木镇的岗点',
    params: { townshipId: Id },
    query: PageQuery,
    answer: PageResponse(z.extend(Post, { townshipId: z.string() })),
  }),
  post: route({ method: 'GET', path: '/staff/posts/{postId}', access: 'staff', summary: '一个岗点及其海报上的名称', params: { postId: Id }, answer: StaffPost }),
  savePost: route({ method: 'PUT', path: '/staff/posts/{postId}', access: 'staff', summary: '新建或修改岗点', params: { postId: Id }, body: PostBody, answer: Post }),
  saveNode: route({ method: 'PUT', path: '/staff/nodes/{nodeId}', access: 'staff', summary: '新建或改名苏木镇、嘎查村、网格', params: { nodeId: Id }, body: NodeBody, answer: OrgNode }),
  saveCountySettings: route({
    method: 'PUT',
    path: '/staff/counties/{countyId}/settings',
    access: 'staff',
    summary: '本县的设置：乡镇、村两级的叫法，诉求类型的顺序',
    params: { countyId: Id },
    body: CountySettingsBody,
    answer: OrgNode,
  }),
  saveDepartment: route({
    method: 'PUT',
    path: '/staff/departments/{departmentId}',
    access: 'staff',
    summary: '新建或修改责任部门',
    params: { departmentId: Id },
    body: DepartmentBody,
    answer: Department,
  }),
  saveCategory: route({
    method: 'PUT',
    path: '/staff/categories/{categoryId}',
    access: 'staff',
    summary: '新建或修改诉求类型及其时限',
    params: { categoryId: Id },
    body: CategoryBody,
    answer: Category,
  }),
  users: route({ method: 'GET', path: '/staff/users', access: 'staff', summary: '工作人员账号', query: PageQuery, answer: PageResponse(StaffUser) }),
  createUser: route({ method: 'POST', path: '/staff/users', access: 'staff', summary: '新建工作人员账号', body: NewUser, answer: StaffUser, ok: [201] }),
  editUser: route({ method: 'PUT', path: '/staff/users/{username}', access: 'staff', summary: '修改、停用或启用工作人员账号', params: { username: Username }, body: EditUser, answer: StaffUser }),
  signOutUser: route({
    method: 'POST',
    path: '/staff/users/{username}/sign-out',
    access: 'staff',
    summary: '让一位工作人员在所有设备上退出登录',
    params: { username: Username },
    body: EmptyBody,
    answer: z.object({ username: z.string(), signedOut: z.literal(true) }),
  }),
  changePassword: route({ method: 'POST', path: '/staff/me/password', access: 'staff', summary: '修改自己的密码（须填原密码）', body: ChangePasswordBody, answer: StaffSession }),
  signOutEverywhere: route({
    method: 'POST',
    path: '/staff/me/sign-out-everywhere',
    access: 'staff',
    summary: '自己在所有设备上退出登录',
    body: EmptyBody,
    answer: z.object({ signedOut: z.literal(true) }),
  }),
  board: CASE_WORK_ROUTES.board,
  experts: CASE_WORK_ROUTES.experts,
  partners: {
    list: route({ method: 'GET', path: '/staff/partners', access: 'staff', summary: '合作系统（Open311，如 12345 热线）', answer: PageResponse(Partner) }),
    create: route({ method: 'POST', path: '/staff/partners', access: 'staff', summary: '新建合作系统：其 api_key 只在此时显示一次', body: PartnerBody, answer: PartnerCreated, ok: [201] }),
    revoke: route({ method: 'POST', path: '/staff/partners/{partnerId}/revoke', access: 'staff', summary: '停用合作系统的 api_key', params: { partnerId: Id }, body: EmptyBody, answer: Partner }),
  },
  receptions: {
    hosts: route({ method: 'GET', path: '/staff/hosts', access: 'staff', summary: '接访人', answer: PageResponse(StaffHost) }),
    host: route({ method: 'GET', path: '/staff/hosts/{hostId}', access: 'staff', summary: '一位接访人及其时间', params: { hostId: Id }, answer: StaffHost }),
    saveHost: route({ method: 'PUT', path: '/staff/hosts/{hostId}', access: 'staff', summary: '新建或修改接访人', params: { hostId: Id }, body: HostBody, answer: StaffHost }),
    figures: route({ method: 'GET', path: '/staff/booking-figures', access: 'staff', summary: '接访统计', query: BookingFiguresQuery, answer: BookingFigures }),
    schedule: route({ method: 'GET', path: '/staff/bookings', access: 'staff', summary: '一个中心一天或一周的接访安排', query: ScheduleQuery, answer: Schedule }),
    booking: route({ method: 'GET', path: '/staff/bookings/{id}', access: 'staff', summary: '一次预约', params: ById, answer: StaffBooking }),
    cancel: route({ method: 'POST', path: '/staff/bookings/{id}/cancel', access: 'staff', summary: '取消预约（须说明原因）', params: ById, body: StaffCancelBody, answer: StaffBooking }),
    attendance: route({ method: 'POST', path: '/staff/bookings/{id}/attendance', access: 'staff', summary: '记录到场和接访结果', params: ById, body: AttendanceBody, answer: StaffBooking }),
  },
};
