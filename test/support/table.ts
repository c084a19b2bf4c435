/** A fresh table per test file, made from the serverless.yml definition, dropped afterwards. */
import { randomBytes } from 'node:crypto';
import { dropTable, ensureTable } from '../../functions/local/table';

export async function freshTable(endpoint: string): Promise<{ name: string; drop: () => Promise<void> }> {
  const name = `t-${randomBytes(6).toString('hex')}`;
  await ensureTable(endpoint, name);
  return { name, drop: () => dropTable(endpoint, name) };
}
