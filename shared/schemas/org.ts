import * as z from 'zod/mini';
import { GeoPoint, Id, idOf, Level, LevelNames, Limit, StaffRole, strict, text } from './common';

export const ORG_KINDS = ['county', 'township', 'village', 'grid'] as const;

// what a county calls its levels is in common.ts: a citizen's answers carry it, and need none of the rest of this file
export { LevelNames } from './common';

/** A row of the county's calendar of seasonal topics (未诉先办): the categories to look out for in a month. */
export const SeasonalTopic = z.strictObject({
  month: z.int({ error: '月份须为 1 到 12' }).check(z.gte(1, { error: '月份须为 1 到 12' }), z.lte(12, { error: '月份须为 1 到 12' })),
  categoryIds: z.array(idOf('诉求类型')).check(z.maxLength(20, { error: '每月最多 20 个诉求类型' })),
  note: text('提示', 100),
});
/** A county's own settings, on its node (shared/countySettings.ts reads them). */
export const CountySettings = z.object({
  levelNames: LevelNames,
  /** the order citizens and staff see the categories in; categories not listed follow (其他诉求 is listed last) */
  categoryOrder: z._default(z.array(Id), []),
  /** the calendar of seasonal topics the monthly 预警提示 names; unset: shared/warnings.ts DEFAULT_SEASONAL_CALENDAR */
  seasonal: z.optional(z.array(SeasonalTopic)),
  /** 调处成功率: the categories whose cases are mediated (调解类); unset: shared/countySettings.ts isMediationCategory */
  mediationCategoryIds: z.optional(z.array(Id)),
});
export type CountySettings = z.infer<typeof CountySettings>;
/**
 * The body of `PUT /staff/counties/{countyId}/settings`: what the county calls its levels, its categories' order, its
 * calendar of seasonal topics and its mediation categories; the whole settings (a field left out is unset).
 */
export const CountySettingsBody = z.strictObject({
  levelNames: z.strictObject({ township: text('乡镇一级的名称', 10), village: text('村一级的名称', 10) }),
  categoryOrder: z._default(z.array(idOf('诉求类型')).check(z.maxLength(100, { error: '诉求类型最多 100 个' })), []),
  seasonal: z.optional(z.array(SeasonalTopic).check(z.maxLength(36, { error: '季节性提示最多 36 条' }))),
  mediationCategoryIds: z.optional(z.array(idOf('调解类诉求类型')).check(z.maxLength(100, { error: '诉求类型最多 100 个' }))),
});
export type CountySettingsBody = z.infer<typeof CountySettingsBody>;

/** county → township → village/community → grid. A county and each township have a centre whose id is the node id. */
export const OrgNode = z.object({
  id: Id,
  kind: z.enum(ORG_KINDS),
  name: text('名称', 60),
  parentId: z.optional(Id),
  /** `county/township/village`: the ids from the root, used for scope checks. */
  path: z.string(),
  centreName: z.optional(z.string()),
  /** a county's settings: names of its levels, order of its categories */
  settings: z.optional(CountySettings),
});
export type OrgNode = z.infer<typeof OrgNode>;

export const DEPARTMENT_KINDS = [
  'justice', // 司法所
  'police', // 派出所
  'natural_resources', // 自然资源
  'human_resources', // 人社
  'housing', // 住建
  'agriculture', // 农牧
  'ecology', // 生态环境 / 林草
  'market', // 市场监管
  'women', // 妇联
  'letters', // 信访 / 综治
] as const;
export const DepartmentKind = z.enum(DEPARTMENT_KINDS, { error: '请选择部门类别' });
export type DepartmentKind = z.infer<typeof DepartmentKind>;

export const Department = z.object({
  id: Id,
  /** the township or county node whose centre it belongs to */
  centreId: idOf('所属中心'),
  kind: DepartmentKind,
  name: text('部门名称', 60),
});
export type Department = z.infer<typeof Department>;

/** The rating limit of a category that sets none: 7 days. */
export const DEFAULT_RATE_LIMIT = { amount: 7, unit: 'days' } as const;

export const CategoryLimits = z.object({
  accept: Limit,
  dispatch: Limit,
  resolve: Limit,
  /** 评哨: how long the citizen has to rate a resolved case; reminded once in its last share, then closed as not rated */
  rate: z._default(Limit, DEFAULT_RATE_LIMIT),
  review: Limit,
  /** 回访: how long after resolution staff call the citizen back */
  followUp: z._default(Limit, { amount: 7, unit: 'days' }),
});
export type CategoryLimits = z.infer<typeof CategoryLimits>;

export const Category = z.object({
  id: Id,
  name: text('类型名称', 30),
  departmentKind: DepartmentKind,
  level: Level,
  limits: CategoryLimits,
});
export type Category = z.infer<typeof Category>;

export const Post = z.object({
  id: Id,
  name: text('岗点名称', 60),
  address: text('地址', 120),
  location: GeoPoint,
  /** the village or grid the post stands in */
  nodeId: idOf('所在村（嘎查、社区）或网格'),
  /** categories offered at this post; empty means all */
  categoryIds: z._default(z.array(idOf('诉求类型')), []),
});
export type Post = z.infer<typeof Post>;

/** The name a staff user logs in with; also the key of their record. */
export const Username = z.string({ error: '请填写用户名' }).check(z.regex(/^[a-z0-9_.-]{3,32}$/, { error: '用户名为 3 到 32 位小写字母、数字或 _ . -' }));

export const StaffUser = z.object({
  id: Id,
  username: Username,
  name: text('姓名', 30),
  role: StaffRole,
  /** the org node the user acts for: a township (its centre) or the county */
  scopeNodeId: idOf('管辖范围'),
  /** handlers act for one department */
  departmentId: z.optional(idOf('部门')),
  /** false once deactivated (停用): no login, and every token of the user is refused; absent means active */
  active: z.optional(z.boolean({ error: '启用状态须为是或否' })),
});
export type StaffUser = z.infer<typeof StaffUser>;

const Password = z.string({ error: '请设置密码' }).check(z.minLength(8, { error: '密码至少 8 位' }), z.maxLength(128, { error: '密码不能超过 128 位' }));
/** `POST /staff/users`: a new user and the password they first log in with. */
export const NewUser = z.strictObject({ ...z.omit(StaffUser, { id: true, active: true }).shape, password: Password });
/**
 * `PUT /staff/users/{username}`: everything but the name they log in with; a password only to reset it, `active`
 * only to deactivate or reactivate (left out, it stays as it was).
 */
export const EditUser = z.strictObject({ ...z.omit(StaffUser, { id: true, username: true }).shape, password: z.optional(Password) });
export type NewUser = z.infer<typeof NewUser>;
export type EditUser = z.infer<typeof EditUser>;
/** `POST /staff/me/password`: one's own password, with the current one. */
export const ChangePasswordBody = z.strictObject({
  oldPassword: z.string({ error: '请填写原密码' }).check(z.minLength(1, { error: '请填写原密码' }), z.maxLength(128, { error: '密码不能超过 128 位' })),
  newPassword: Password,
});

/** What staff may add under the county: a township under the county, a village under a township, a grid under a village. */
export const NODE_PARENT_KIND = { township: 'county', village: 'township', grid: 'village' } as const;

/** The body of `PUT /staff/nodes/{nodeId}`: the path is derived from the parent, never sent. */
export const NodeBody = z.strictObject({
  kind: z.enum(['township', 'village', 'grid'], { error: '请选择类别：乡镇（苏木）、村（嘎查、社区）或网格' }),
  name: text('名称', 60),
  parentId: idOf('上级单位'),
  /** a township's centre, e.g. 八宝镇综治中心; defaults to the name + 综治中心 */
  centreName: z.optional(text('中心名称', 60)),
});
export type NodeBody = z.infer<typeof NodeBody>;

/** The bodies of `PUT /staff/posts|departments|categories/{id}`: the record without its id, which is in the path. */
export const PostBody = strict(z.omit(Post, { id: true }));
export const DepartmentBody = strict(z.omit(Department, { id: true }));
export const CategoryBody = strict(z.omit(Category, { id: true }));
