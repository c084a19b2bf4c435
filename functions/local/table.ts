/** The table as serverless.yml defines it, created in DynamoDB Local: one definition, not two. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  type CreateTableCommandInput,
} from '@aws-sdk/client-dynamodb';
import yaml from 'js-yaml';

export const ROOT = join(__dirname, '..', '..');

interface TableResource {
  Properties: CreateTableCommandInput & { TimeToLiveSpecification?: { AttributeName: string; Enabled: boolean } };
}

export function serverlessConfig(): Record<string, unknown> {
  // serverless variables (${...}) stay strings; the table resource uses none but its name.
  return yaml.load(readFileSync(join(ROOT, 'serverless.yml'), 'utf8')) as Record<string, unknown>;
}

export function tableDefinition(tableName: string): { create: CreateTableCommandInput; ttlAttribute?: string } {
  const resources = serverlessConfig().resources as { Resources: { Table: TableResource } };
  const p = resources.Resources.Table.Properties;
  return {
    create: {
      TableName: tableName,
      BillingMode: p.BillingMode,
      AttributeDefinitions: p.AttributeDefinitions,
      KeySchema: p.KeySchema,
      GlobalSecondaryIndexes: p.GlobalSecondaryIndexes,
    },
    ttlAttribute: p.TimeToLiveSpecification?.Enabled ? p.TimeToLiveSpecification.AttributeName : undefined,
  };
}

export function localClient(endpoint: string) {
  return new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
}

/** Creates the table unless it is there; answers whether it made it. */
export async function ensureTable(endpoint: string, tableName: string): Promise<boolean> {
  const db = localClient(endpoint);
  const def = tableDefinition(tableName);
  try {
    await db.send(new CreateTableCommand(def.create));
  } catch (err) {
    if (err instanceof ResourceInUseException) return false;
    throw err;
  }
  if (def.ttlAttribute) {
    await db.send(new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { AttributeName: def.ttlAttribute, Enabled: true } }));
  }
  await db.send(new DescribeTableCommand({ TableName: tableName }));
  return true;
}

export async function dropTable(endpoint: string, tableName: string) {
  try {
    await localClient(endpoint).send(new DeleteTableCommand({ TableName: tableName }));
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException)) throw err;
  }
}
