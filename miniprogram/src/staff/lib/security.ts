/** What admins and supervisors read of staff security (the audit record, login records) and lifting a lock, through the typed client. */
import type { AuditEntry, LiftLockBody, LoginResult } from '../../../../shared/schemas/security';
import { api } from './api';

export const listAudit = (cursor?: string) => api.staff.audit({ query: { limit: 50, cursor } });
export const listLogins = (unknown: boolean, cursor?: string) => api.staff.logins({ query: { limit: 50, unknown: unknown ? 'true' : 'false', cursor } });
export const liftLock = (body: LiftLockBody) => api.staff.liftLock({ body });

export const AUDIT_SUBJECT_LABELS: Record<AuditEntry['subject'], string> = {
  user: '工作人员',
  node: '单位',
  department: '责任部门',
  category: '诉求类型',
  login_lock: '登录锁定',
  partner: '合作系统（12345 热线）',
};
export const AUDIT_ACTION_LABELS: Record<AuditEntry['action'], string> = {
  create: '新建',
  update: '修改',
  sign_out: '在所有设备上退出',
  password: '修改本人密码',
  lift_lock: '解锁',
  revoke: '停用',
};
const FIELD_LABELS: Record<string, string> = {
  name: '名称',
  role: '角色',
  scopeNodeId: '管辖范围',
  departmentId: '所属部门',
  active: '启用状态',
  password: '密码',
  limits: '时限',
  level: '层级',
  departmentKind: '部门类别',
  kind: '类别',
  centreId: '所属中心',
  centreName: '中心名称',
  parentId: '上级单位',
  path: '位置',
};
/** The changed fields in words: 角色、管辖范围、密码 */
export const changedText = (fields: readonly string[]) => fields.map((f) => FIELD_LABELS[f] ?? f).join('、');

export const LOGIN_RESULT_LABELS: Record<LoginResult, string> = {
  ok: '登录成功',
  wrong_password: '密码错误',
  unknown_user: '用户名不存在',
  throttled: '过于频繁，已拒绝',
  inactive: '账号已停用',
};
