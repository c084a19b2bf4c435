/** The ports use cases receive, so a test can pass a fixed clock and the real DynamoDB adapter alike. */
import type { Org } from '../shared/routing';
import type { Petition, PetitionSummary, PetitionWithTimeline, TimelineEvent } from '../shared/schemas/petition';
import type { Post, StaffUser, Category, Department, OrgNode } from '../shared/schemas/org';
import type { Status } from '../shared/schemas/common';

export interface Clock {
  now(): Date;
}

export interface Ids {
  /** sortable, unique */
  id(): string;
  /** 10 characters a person can read over the phone */
  trackingCode(): string;
  secret(): string;
}

export interface Page<T> {
  items: T[];
  cursor?: string;
}

export interface NewPetition {
  petition: Petition;
  event: TimelineEvent;
  secretHash?: string;
  /** the anonymous secret rides on the idempotency record so a retried send can show it again */
  idempotency: { scope: string; key: string; requestHash: string; secret?: string };
}

export type QueueScope =
  | { kind: 'centre'; centreId: string }
  | { kind: 'county'; countyId: string }
  | { kind: 'department'; departmentId: string };

export interface PetitionRepository {
  /** Creates the petition with its first event, tracking code and idempotency record in one transaction. */
  create(input: NewPetition): Promise<{ created: true } | { created: false; existingId: string; requestHash: string; secret?: string }>;
  get(id: string): Promise<Petition | undefined>;
  getWithTimeline(id: string): Promise<PetitionWithTimeline | undefined>;
  /** Writes the next version and its event; false when another write got there first. */
  applyTransition(before: Petition, after: Petition, event: TimelineEvent): Promise<boolean>;
  findByTrackingCode(code: string): Promise<{ id: string; secretHash?: string } | undefined>;
  listByReporter(openid: string, page: { limit: number; cursor?: string }): Promise<Page<PetitionSummary>>;
  listQueue(scope: QueueScope, filter: { status?: Status }, page: { limit: number; cursor?: string }): Promise<Page<PetitionSummary>>;
  listOverdue(countyId: string, now: Date, filter: { centreId?: string; departmentId?: string }, page: { limit: number; cursor?: string }): Promise<Page<PetitionSummary>>;
  /** open petitions that may be repeats of a new one */
  findRepeatCandidates(q: { openid?: string; postId?: string; categoryId: string; since: Date }): Promise<PetitionSummary[]>;
}

export interface OrgRepository {
  load(): Promise<Org>;
  getPost(id: string): Promise<Post | undefined>;
  listPosts(townshipId: string, page: { limit: number; cursor?: string }): Promise<Page<Post & { townshipId: string }>>;
  putPost(post: Post, townshipId: string, countyId: string): Promise<void>;
  putNode(node: OrgNode): Promise<void>;
  putDepartment(d: Department): Promise<void>;
  putCategory(c: Category): Promise<void>;
  getUser(username: string): Promise<(StaffUser & { passwordHash: string }) | undefined>;
  listUsers(countyId: string, page: { limit: number; cursor?: string }): Promise<Page<StaffUser>>;
  putUser(user: StaffUser & { passwordHash: string }, countyId: string, opts?: { mustBeNew?: boolean }): Promise<void>;
}

export interface WechatClient {
  code2session(code: string): Promise<{ openid: string }>;
  /** true when WeChat passes the text */
  checkText(content: string, openid?: string): Promise<boolean>;
}

export type { TimelineEvent };
