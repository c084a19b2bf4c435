/** `serverless package` builds the AWS stack here with no AWS account; its template has the table and every route. */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { INDEXES } from '../../functions/adapters/dynamo/keys';
import { ROUTES } from '../../functions/http/routes';
import { ROOT } from '../../functions/local/table';

const out = mkdtempSync(join(tmpdir(), 'sls-'));
// its own build folder: the running stack's handlers stay where serverless offline loads them
const work = `.esbuild-package-${process.pid}`;
afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(join(ROOT, work), { recursive: true, force: true });
});

const APP_ORIGINS = ['https://sg.example.cn', 'https://staff.sg.example.cn'];

interface Template {
  Resources: Record<string, { Type: string; Properties: Record<string, any> }>;
}

describe('the packaged AWS stack', () => {
  let template: Template;
  it('packages with serverless for the prod stage', () => {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/serverless/bin/serverless.js'), 'package', '--stage', 'prod', '--package', out], {
      cwd: ROOT,
      env: { ...process.env, SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off', TABLE_NAME_OVERRIDE: '', ESBUILD_WORK_FOLDER: work, APP_ORIGINS: APP_ORIGINS.join(',') },
      stdio: 'pipe',
      timeout: 180_000,
    });
    template = JSON.parse(readFileSync(join(out, 'cloudformation-template-update-stack.json'), 'utf8'));
    expect(template.Resources).toBeDefined();
  }, 200_000);

  it('has one on-demand table with every index the key module uses', () => {
    const tables = Object.values(template.Resources).filter((r) => r.Type === 'AWS::DynamoDB::Table');
    expect(tables).toHaveLength(1);
    const t = tables[0]!.Properties;
    expect(t.BillingMode).toBe('PAY_PER_REQUEST');
    const indexes = Object.fromEntries(
      (t.GlobalSecondaryIndexes as Array<{ IndexName: string; KeySchema: Array<{ AttributeName: string }> }>).map((g) => [g.IndexName, g.KeySchema.map((k) => k.AttributeName)]),
    );
    expect(indexes).toEqual(Object.fromEntries(Object.entries(INDEXES).map(([name, k]) => [name, [k.pk, k.sk]])));
    expect(t.TimeToLiveSpecification).toEqual({ AttributeName: 'ttl', Enabled: true });
  });

  it('declares every route of the route table, and no other', () => {
    const routes = Object.values(template.Resources)
      .filter((r) => r.Type === 'AWS::ApiGatewayV2::Route')
      .map((r) => String(r.Properties.RouteKey))
      .sort();
    expect(routes).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('lets browsers call it only from the app origins in APP_ORIGINS', () => {
    const apis = Object.values(template.Resources).filter((r) => r.Type === 'AWS::ApiGatewayV2::Api');
    expect(apis).toHaveLength(1);
    expect(apis[0]!.Properties.CorsConfiguration.AllowOrigins).toEqual(APP_ORIGINS);
  });

  it('refuses to package a stage other than local without APP_ORIGINS, or with *', async () => {
    const origins = createRequire(import.meta.url)('../../functions/http/cors.cjs') as (o: { resolveVariable: (v: string) => Promise<string> }) => Promise<string[]>;
    const at = async (stage: string, value: string | undefined) => {
      const was = process.env.APP_ORIGINS;
      if (value === undefined) delete process.env.APP_ORIGINS;
      else process.env.APP_ORIGINS = value;
      try {
        return await origins({ resolveVariable: async () => stage });
      } finally {
        if (was === undefined) delete process.env.APP_ORIGINS;
        else process.env.APP_ORIGINS = was;
      }
    };
    await expect(at('prod', undefined)).rejects.toThrow(/APP_ORIGINS is required/);
    await expect(at('prod', '*')).rejects.toThrow(/not an origin/);
    await expect(at('local', undefined)).resolves.toEqual(['*']);
    await expect(at('prod', 'https://sg.example.cn, http://127.0.0.1:10086')).resolves.toEqual(['https://sg.example.cn', 'http://127.0.0.1:10086']);
  });

  it('runs on nodejs22.x and may touch only its table and its indexes', () => {
    const fns = Object.values(template.Resources).filter((r) => r.Type === 'AWS::Lambda::Function');
    expect(fns.length).toBeGreaterThan(0);
    for (const f of fns) expect(f.Properties.Runtime).toBe('nodejs22.x');
    const role = Object.values(template.Resources).find((r) => r.Type === 'AWS::IAM::Role');
    const statements = (role?.Properties.Policies as Array<{ PolicyDocument: { Statement: Array<{ Action: string[]; Resource: unknown[] }> } }>)
      .flatMap((p) => p.PolicyDocument.Statement)
      .filter((s) => s.Action.some((a) => a.startsWith('dynamodb:')));
    expect(statements).toHaveLength(1);
    expect(JSON.stringify(statements[0]!.Resource)).toContain('"Table","Arn"');
    // The table and `<table arn>/index/*`, never a bare wildcard.
    expect(statements[0]!.Resource).not.toContain('*');
    expect(JSON.stringify(statements[0]!.Resource)).toContain('"index","*"');
  });
});
