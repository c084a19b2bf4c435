/** Org tree, departments, categories (one small partition, cached per container), posts and staff users. */
import { GetCommand, PutCommand, TransactWriteCommand, type DynamoDBDocumentClient, type PutCommandInput } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { ConflictError } from '../../../shared/errors';
import type { Org } from '../../../shared/routing';
import { Category, Department, OrgNode, Post, StaffUser } from '../../../shared/schemas/org';
import type { Audited, OrgRepository, Page, StaffAccount } from '../../ports';
import { auditPut } from './audit';
import { queryAll } from './client';
import { indexPage } from './pages';
import { KEY_ATTRIBUTES, ROW, keys } from './keys';
import { inCountyOrder } from '../../../shared/countySettings';

type Item = Record<string, unknown>;
const POST_CACHE_SIZE = 2000;
const USER_CACHE_SIZE = 2000;

function strip(item: Item): Item {
  const out: Item = {};
  for (const [k, v] of Object.entries(item)) if (!KEY_ATTRIBUTES.has(k) && k !== 'passwordHash' && k !== 'tokenVersion' && k !== 'townshipId' && k !== 'countyId') out[k] = v;
  return out;
}

export class DynamoOrgRepository implements OrgRepository {
  private cache?: { org: Org; at: number };
  private readonly posts = new Map<string, { post: Post; at: number }>();
  private readonly users = new Map<string, { user: StaffAccount; at: number }>();

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly cacheMs = 60_000,
    private readonly now: () => number = Date.now,
    /** how long the token check may trust a user record this container read (STAFF_USER_CACHE_SECONDS, ≤ 60 s) */
    private readonly userCacheMs = 0,
  ) {}

  async load(opts: { fresh?: boolean } = {}): Promise<Org> {
    if (!opts.fresh && this.cache && this.now() - this.cache.at < this.cacheMs) return this.cache.org;
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.orgPartition },
    });
    const of = (prefix: string) => items.filter((i) => String(i.sk).startsWith(prefix)).map(strip);
    const nodes = new Map(of('N#').map((i) => OrgNode.parse(i)).map((n) => [n.id, n]));
    const org: Org = {
      nodes,
      departments: of('DEP#').map((i) => Department.parse(i)),
      // in the county's own order (its settings), so every list of categories shows them so
      categories: inCountyOrder(of('CAT#').map((i) => Category.parse(i)), nodes.values()),
    };
    this.cache = { org, at: this.now() };
    return org;
  }

  /** A write with its audit entry: one transaction, so neither stands without the other. */
  private async write(put: PutCommandInput, audit?: Audited) {
    if (audit) await this.db.send(new TransactWriteCommand({ TransactItems: [{ Put: put }, auditPut(this.table, audit)] }));
    else await this.db.send(new PutCommand(put));
  }

  private async put(item: Item, audit?: Audited) {
    await this.write({ TableName: this.table, Item: item }, audit);
    this.cache = undefined;
  }

  putNode(node: OrgNode, audit?: Audited) {
    return this.put({ ...node, ...keys.node(node.id) }, audit);
  }
  putDepartment(d: Department, audit?: Audited) {
    return this.put({ ...d, ...keys.department(d.id) }, audit);
  }
  putCategory(c: Category, audit?: Audited) {
    return this.put({ ...c, ...keys.category(c.id) }, audit);
  }

  /**
   * Posts are read on every report made at them and change rarely: a container keeps the ones it has read as
   * long as it keeps the org, up to POST_CACHE_SIZE of them, so a busy post costs no read.
   */
  async getPost(id: string) {
    const hit = this.posts.get(id);
    if (hit && this.now() - hit.at < this.cacheMs) return hit.post;
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.post(id) }));
    const post = out.Item ? Post.parse(strip(out.Item)) : undefined;
    if (post) {
      if (this.posts.size >= POST_CACHE_SIZE) this.posts.delete(this.posts.keys().next().value ?? '');
      this.posts.set(id, { post, at: this.now() });
    }
    return post;
  }

  async putPost(post: Post, townshipId: string) {
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: { ...post, townshipId, ...keys.post(post.id), [ROW]: post, cq_pk: keys.postsOfTownship(townshipId), q_sk: post.id },
      }),
    );
    this.posts.delete(post.id);
  }

  async listPosts(townshipId: string, page: { limit: number; cursor?: string }): Promise<Page<Post & { townshipId: string }>> {
    const out = await indexPage(this.db, this.table, { index: 'byCentre', partition: keys.postsOfTownship(townshipId), page, tableKey: keys.post, ascending: true });
    return { items: out.rows.map((r) => ({ ...Post.parse(r), townshipId })), cursor: out.cursor };
  }

  async getUser(username: string, opts: { cached?: boolean } = {}): Promise<StaffAccount | undefined> {
    const hit = opts.cached ? this.users.get(username) : undefined;
    if (hit && this.now() - hit.at < this.userCacheMs) return hit.user;
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.user(username) }));
    if (!out.Item) return undefined;
    const user = { ...StaffUser.parse(strip(out.Item)), passwordHash: String(out.Item.passwordHash), tokenVersion: Number(out.Item.tokenVersion ?? 0) };
    if (this.userCacheMs > 0) {
      if (this.users.size >= USER_CACHE_SIZE) this.users.delete(this.users.keys().next().value ?? '');
      this.users.set(username, { user, at: this.now() });
    }
    return user;
  }

  async putUser(user: StaffAccount, countyId: string, opts: { mustBeNew?: boolean; expectVersion?: number; audit?: Audited } = {}) {
    // seeded users were written before token versions: their version is 0
    const condition = opts.mustBeNew
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : opts.expectVersion !== undefined
        ? {
            ConditionExpression: opts.expectVersion === 0 ? 'attribute_exists(pk) AND (attribute_not_exists(tokenVersion) OR tokenVersion = :v)' : 'tokenVersion = :v',
            ExpressionAttributeValues: { ':v': opts.expectVersion },
          }
        : {};
    this.users.delete(user.username);
    try {
      await this.write(
        {
          TableName: this.table,
          Item: {
            ...user,
            ...keys.user(user.username),
            [ROW]: StaffUser.parse(user),
            kq_pk: keys.usersOfCounty(countyId),
            q_sk: user.username,
          },
          ...condition,
        },
        opts.audit,
      );
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException || err instanceof TransactionCanceledException) throw new ConflictError(opts.mustBeNew ? '该用户名已被使用' : '该用户刚被他人修改，请刷新后重试');
      throw err;
    } finally {
      this.users.delete(user.username);
    }
  }

  async listUsers(countyId: string, page: { limit: number; cursor?: string }): Promise<Page<StaffUser>> {
    const out = await indexPage(this.db, this.table, { index: 'byCounty', partition: keys.usersOfCounty(countyId), page, tableKey: keys.user, ascending: true });
    return { items: out.rows.map((r) => StaffUser.parse(r)), cursor: out.cursor };
  }

}
