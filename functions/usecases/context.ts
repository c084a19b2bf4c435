import type { StaffRole } from '../../shared/schemas/common';
import type { Template } from '../../shared/notifications';
import type { SupervisionPolicy } from '../../shared/supervision';
import type { WarningPolicy } from '../../shared/warnings';
import type { ThrottlePolicy } from '../../shared/loginThrottle';
import type { AuditRepository, ExpertRepository, BookingRepository, HostReader, LoginRepository, PartnerRepository, Clock, Ids, OrgRepository, OutboxRepository, PetitionRepository, PhotoStore, WechatClient } from '../ports';

export interface Deps {
  petitions: PetitionRepository;
  org: OrgRepository;
  /** 专家库 */
  experts: ExpertRepository;
  wechat: WechatClient;
  clock: Clock;
  ids: Ids;
  /** tokens are signed with `secret`; during a rotation one signed with `previousSecret` is accepted until it expires */
  auth: { secret: string; previousSecret?: string; citizenHours: number; staffHours: number; devLogin: boolean };
  bookings: BookingRepository;
  /** the hosts and their slots, read (会诊会议 on a case) */
  hosts: HostReader;
  logins: LoginRepository;
  audit: AuditRepository;
  /** the staff login throttle, per username and per source address */
  loginThrottle: { user: ThrottlePolicy; address: ThrottlePolicy };
  /**
   * `roomUrlTemplate` has `{roomId}`; citizens may cancel or reschedule until `changeCutoffMinutes` before the start,
   * and hold at most `maxPerHostWeek` bookings with one host in a China week
   */
  booking: { roomUrlTemplate: string; changeCutoffMinutes: number; maxPerHostWeek: number };
  outbox: OutboxRepository;
  photos: PhotoStore;
  rateLimits: { perUserHour: number; perPostHour: number };
  /** Open311 partner systems, and how many requests one may make in a minute */
  partners: PartnerRepository;
  open311: { perMinute: number };
  /** WeChat subscribe-message template ids, by our template name */
  templates: Record<Template, string>;
  /** when a case counts as near due (NEAR_DUE_SHARE, NEAR_DUE_MIN_HOURS) and overdue: the sweeper's, the queue's and the badges' */
  supervision: SupervisionPolicy;
  /** 未诉先办: when a category rises and a place gathers a cluster (WARNING_* variables) */
  warning: WarningPolicy;
  /** 消息推送: the token WeChat signs its pushes with (unset: none is taken) */
  wechatPush: { token?: string };
}

export interface StaffCaller {
  kind: 'staff';
  id: string;
  /** the name they log in with; set on every caller the API builds from a token */
  username?: string;
  name: string;
  role: StaffRole;
  scopeNodeId: string;
  departmentId?: string;
}
export interface CitizenCaller {
  kind: 'citizen';
  openid: string;
  name?: string;
}
/** A partner system (Open311), known by its API key: it files and reads its own requests, nothing else. */
export interface PartnerCaller {
  kind: 'partner';
  id: string;
  name: string;
  countyId: string;
  channel: 'hotline';
}
export type Caller = StaffCaller | CitizenCaller | PartnerCaller;
