/** Org tree, departments, categories (one small partition, cached per container), posts and staff users. */
import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { ConflictError, ValidationError } from '../../../shared/errors';
import type { Org } from '../../../shared/routing';
import { Category, Department, OrgNode, Post, StaffUser } from '../../../shared/schemas/org';
import type { OrgRepository, Page } from '../../ports';
import { INDEXES, KEY_ATTRIBUTES, ROW, decodeCursor, encodeCursor, keys } from './keys';

type Item = Record<string, unknown>;

function strip(item: Item): Item {
  const out: Item = {};
  for (const [k, v] of Object.entries(item)) if (!KEY_ATTRIBUTES.has(k) && k !== 'passwordHash' && k !== 'townshipId' && k !== 'countyId') out[k] = v;
  return out;
}

export class DynamoOrgRepository implements OrgRepository {
  private cache?: { org: Org; at: number };

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly cacheMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  async load(): Promise<Org> {
    if (this.cache && this.now() - this.cache.at < this.cacheMs) return this.cache.org;
    const items: Item[] = [];
    let start: Item | undefined;
    do {
      const out = await this.db.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.orgPartition },
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
    } while (start);
    const of = (prefix: string) => items.filter((i) => String(i.sk).startsWith(prefix)).map(strip);
    const org: Org = {
      nodes: new Map(of('N#').map((i) => OrgNode.parse(i)).map((n) => [n.id, n])),
      departments: of('DEP#').map((i) => Department.parse(i)),
      categories: of('CAT#').map((i) => Category.parse(i)),
    };
    this.cache = { org, at: this.now() };
    return org;
  }

  private async put(item: Item) {
    await this.db.send(new PutCommand({ TableName: this.table, Item: item }));
    this.cache = undefined;
  }

  putNode(node: OrgNode) {
    return this.put({ ...node, ...keys.node(node.id) });
  }
  putDepartment(d: Department) {
    return this.put({ ...d, ...keys.department(d.id) });
  }
  putCategory(c: Category) {
    return this.put({ ...c, ...keys.category(c.id) });
  }

  async getPost(id: string) {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.post(id) }));
    return out.Item ? Post.parse(strip(out.Item)) : undefined;
  }

  async putPost(post: Post, townshipId: string, countyId: string) {
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: { ...post, townshipId, countyId, ...keys.post(post.id), [ROW]: post, cq_pk: keys.postsOfTownship(townshipId), q_sk: post.id },
      }),
    );
  }

  async listPosts(townshipId: string, page: { limit: number; cursor?: string }): Promise<Page<Post & { townshipId: string }>> {
    const out = await this.indexPage('byCentre', keys.postsOfTownship(townshipId), page, (id) => keys.post(id));
    return { items: out.items.map((i) => ({ ...Post.parse(i), townshipId })), cursor: out.cursor };
  }

  async getUser(username: string) {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.user(username) }));
    if (!out.Item) return undefined;
    return { ...StaffUser.parse(strip(out.Item)), passwordHash: String(out.Item.passwordHash) };
  }

  async putUser(user: StaffUser & { passwordHash: string }, countyId: string, opts: { mustBeNew?: boolean } = {}) {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            ...user,
            ...keys.user(user.username),
            [ROW]: StaffUser.parse(user),
            kq_pk: keys.usersOfCounty(countyId),
            q_sk: user.username,
          },
          ...(opts.mustBeNew ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}),
        }),
      );
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) throw new ConflictError('该用户名已被使用');
      throw err;
    }
  }

  async listUsers(countyId: string, page: { limit: number; cursor?: string }): Promise<Page<StaffUser>> {
    const out = await this.indexPage('byCounty', keys.usersOfCounty(countyId), page, (u) => keys.user(u));
    return { items: out.items.map((i) => StaffUser.parse(i)), cursor: out.cursor };
  }

  private async indexPage(
    index: 'byCentre' | 'byCounty',
    partition: string,
    page: { limit: number; cursor?: string },
    tableKey: (sortKey: string) => { pk: string; sk: string },
  ): Promise<Page<Item>> {
    const { pk, sk } = INDEXES[index];
    let start: Item | undefined;
    if (page.cursor) {
      const s = decodeCursor(page.cursor);
      if (!s) throw new ValidationError('翻页参数不正确', [{ path: 'cursor', message: '翻页参数不正确，请从第一页重新查看' }]);
      start = { [pk]: partition, [sk]: s, ...tableKey(s) };
    }
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: index,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': pk },
        ExpressionAttributeValues: { ':pk': partition },
        Limit: page.limit,
        ExclusiveStartKey: start,
      }),
    );
    const last = out.LastEvaluatedKey?.[sk];
    return { items: (out.Items ?? []).map((i) => i[ROW] as Item), cursor: typeof last === 'string' ? encodeCursor(last) : undefined };
  }
}
