/** Chinese labels for the codes. The app shows these; the API and the data keep the codes. */
import type { Channel, Level, Rating, Status } from './schemas/common';
import type { Action } from './schemas/petition';

export const STATUS_LABELS: Record<Status, string> = {
  submitted: '已上报',
  accepted: '已受理',
  declined: '不予受理',
  dispatched: '已分派',
  in_progress: '办理中',
  resolved: '已办结',
  rated: '已评价',
  closed: '已归档',
  reopened: '重新办理',
};

export const ACTION_LABELS: Record<Action, string> = {
  submit: '吹哨上报',
  accept: '接哨受理',
  decline: '不予受理',
  dispatch: '分哨派单',
  progress: '办理进展',
  resolve: '办结',
  rate: '评哨评价',
  transfer: '转办',
  escalate: '上报上级',
  reopen: '重新办理',
  close: '归档',
  remind: '临期提示',
  urge: '到期催办',
  overdue: '逾期问责',
  extend: '延期',
  link_repeat: '标记重复',
  unlink_repeat: '取消重复',
  reveal_phone: '查看电话',
  follow_up: '回访',
};

export const STEPS = [
  { key: 'report', label: '吹哨' },
  { key: 'accept', label: '接哨' },
  { key: 'dispatch', label: '分哨' },
  { key: 'handle', label: '办哨' },
  { key: 'supervise', label: '督哨' },
  { key: 'rate', label: '评哨' },
] as const;
export type StepKey = (typeof STEPS)[number]['key'];

/** Which of the six steps a timeline event belongs to. */
export const STEP_OF_ACTION: Record<Action, StepKey> = {
  submit: 'report',
  accept: 'accept',
  decline: 'accept',
  transfer: 'accept',
  dispatch: 'dispatch',
  progress: 'handle',
  resolve: 'handle',
  reopen: 'handle',
  close: 'rate',
  rate: 'rate',
  escalate: 'supervise',
  remind: 'supervise',
  urge: 'supervise',
  overdue: 'supervise',
  extend: 'supervise',
  link_repeat: 'report',
  unlink_repeat: 'report',
  reveal_phone: 'supervise',
  follow_up: 'rate',
};

export const RATING_LABELS: Record<Rating, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
};

export const CHANNEL_LABELS: Record<Channel, string> = {
  scan: '扫码',
  online: '网上',
  phone: '电话',
  letter: '来信',
  visit: '来访',
  video: '视频',
  agent: '代办',
};

export const LEVEL_LABELS: Record<Level, string> = { village: '村级', township: '镇级', county: '县级' };
