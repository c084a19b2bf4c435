import type { StaffRole } from '../../shared/schemas/common';
import type { Clock, Ids, OrgRepository, PetitionRepository, WechatClient } from '../ports';

export interface Deps {
  petitions: PetitionRepository;
  org: OrgRepository;
  wechat: WechatClient;
  clock: Clock;
  ids: Ids;
  auth: { secret: string; citizenHours: number; staffHours: number; devLogin: boolean };
}

export interface StaffCaller {
  kind: 'staff';
  id: string;
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
export type Caller = StaffCaller | CitizenCaller;
