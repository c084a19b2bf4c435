/** Chinese labels for the codes. The app shows these; the API and the data keep the codes. */
import type { Channel, Level, Rating, Status } from './schemas/common';
import type { Action } from './schemas/petition';
import { STEP_TABLE } from './steps';

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

/** The record's events: the steps of the table, and what the system and the report itself write. */
const EVENTS = {
  submit: { label: '吹哨上报', stage: 'report' },
  claim: { label: '群众认领', stage: 'report' },
  remind: { label: '临期提示', stage: 'supervise' },
  urge: { label: '到期催办', stage: 'supervise' },
  overdue: { label: '逾期问责', stage: 'supervise' },
  consult_remind: { label: '会诊催报', stage: 'supervise' },
  rate_remind: { label: '提醒评价', stage: 'rate' },
  rate_close: { label: '逾期未评价归档', stage: 'rate' },
  ...STEP_TABLE,
} satisfies Record<Action, { label: string; stage: StepKey }>;
const eventsBy = <K extends 'label' | 'stage'>(key: K) =>
  Object.fromEntries(Object.entries(EVENTS).map(([a, e]) => [a, e[key]])) as Record<Action, (typeof EVENTS)[Action][K]>;

export const ACTION_LABELS: Record<Action, string> = eventsBy('label');

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
export const STEP_OF_ACTION: Record<Action, StepKey> = eventsBy('stage');

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
  hotline: '12345 热线',
  other: '其他',
};

export const LEVEL_LABELS: Record<Level, string> = { village: '村级', township: '镇级', county: '县级' };
