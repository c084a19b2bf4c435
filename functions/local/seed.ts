/** Loads a seed file (functions/seed/demo.json by default) into the table. Safe to run again: it overwrites. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { Host } from '../../shared/schemas/booking';
import { Category, Department, OrgNode, Post, StaffUser } from '../../shared/schemas/org';
import { DynamoBookingRepository } from '../adapters/dynamo/bookings';
import { documentClient } from '../adapters/dynamo/client';
import { DynamoOrgRepository } from '../adapters/dynamo/org';
import { hashPassword } from '../auth/passwords';
import { ROOT } from './table';

export const Seed = z.object({
  nodes: z.array(OrgNode),
  departments: z.array(Department),
  categories: z.array(Category),
  posts: z.array(Post),
  users: z.array(z.extend(StaffUser, { password: z.string().check(z.minLength(8)) })),
  /** hosts of video receptions (预约接访), each at a township's or the county's centre */
  hosts: z._default(z.array(Host), []),
});
export type Seed = z.infer<typeof Seed>;

export function readSeed(file = join(ROOT, 'functions', 'seed', 'demo.json')): Seed {
  return Seed.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/**
 * Each seeded user's password hash, by user id. scrypt is slow by design (about 50 ms a hash on an idle core, seconds
 * for the nine under load): a test run makes them once and reseeds every file's table with them (loadSeed's `hashes`).
 */
export async function passwordHashes(seed: Seed = readSeed()): Promise<Record<string, string>> {
  return Object.fromEntries(await Promise.all(seed.users.map(async (u) => [u.id, await hashPassword(u.password)] as const)));
}

/** `hashes`: the users' password hashes made before (passwordHashes); a user without one is hashed here. */
export async function loadSeed(endpoint: string, table: string, seed: Seed = readSeed(), hashes: Record<string, string> = {}) {
  const db = documentClient({ region: 'local', endpoint });
  const repo = new DynamoOrgRepository(db, table);
  const hosts = new DynamoBookingRepository(db, table);
  const byId = new Map(seed.nodes.map((n) => [n.id, n]));
  const countyOf = (nodeId: string) => byId.get(nodeId)?.path.split('/')[0] ?? '';
  const townshipOf = (nodeId: string) => byId.get(nodeId)?.path.split('/')[1] ?? '';
  await Promise.all(seed.nodes.map((n) => repo.putNode(n)));
  await Promise.all(seed.departments.map((d) => repo.putDepartment(d)));
  await Promise.all(seed.categories.map((c) => repo.putCategory(c)));
  await Promise.all(seed.posts.map((p) => repo.putPost(p, townshipOf(p.nodeId))));
  await Promise.all(
    seed.users.map(async ({ password, ...u }) => repo.putUser({ ...u, passwordHash: hashes[u.id] ?? (await hashPassword(password)), tokenVersion: 0 }, countyOf(u.scopeNodeId))),
  );
  await Promise.all(seed.hosts.map((host) => hosts.putHost({ host, centrePath: byId.get(host.centreId)?.path ?? host.centreId, countyId: countyOf(host.centreId) })));
}
