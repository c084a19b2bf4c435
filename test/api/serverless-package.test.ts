/**
 * `serverless package` builds the AWS stack here with no AWS account; its template has the table and every route, the
 * secrets' parameters and least-privilege IAM, alarms to one topic, a dashboard, protection of the data, and the H5
 * hosting.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDEXES } from '../../functions/adapters/dynamo/keys';
import { ROUTES } from '../support/routes';
import { ROOT } from '../../functions/local/table';

const out = mkdtempSync(join(tmpdir(), 'sls-'));
// its own build folder: the running stack's handlers stay where serverless offline loads them
const work = `.esbuild-package-${process.pid}`;
afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(join(ROOT, work), { recursive: true, force: true });
});

const APP_ORIGINS = ['https://sg.example.cn', 'https://staff.sg.example.cn'];

interface Resource {
  Type: string;
  Properties: Record<string, any>;
  DeletionPolicy?: string;
  Condition?: string;
}
interface Template {
  Parameters: Record<string, { Type: string; Default?: string }>;
  Resources: Record<string, Resource>;
  Outputs: Record<string, unknown>;
}

const ofType = (t: Template, type: string) => Object.entries(t.Resources).filter(([, r]) => r.Type === type);

describe('the packaged AWS stack', () => {
  let template: Template;
  // every test reads the one template: packaged before them, so each passes alone and in any order
  beforeAll(async () => {
    // asynchronously: a worker blocked for minutes stops answering vitest
    await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules/serverless/bin/serverless.js'), 'package', '--stage', 'prod', '--package', out], {
      cwd: ROOT,
      env: { ...process.env, SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off', TABLE_NAME_OVERRIDE: '', ESBUILD_WORK_FOLDER: work, APP_ORIGINS: APP_ORIGINS.join(',') },
      timeout: 180_000,
    });
    template = JSON.parse(readFileSync(join(out, 'cloudformation-template-update-stack.json'), 'utf8'));
  }, 200_000);

  it('packages with serverless for the prod stage', () => {
    expect(Object.keys(template.Resources).length).toBeGreaterThan(0);
  });

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
    // a parameter with a suffix (Open311's `{service_code}.json`) is a whole segment at the gateway
    expect(routes).toEqual(ROUTES.map((r) => `${r.method} ${r.path.replace(/\{(\w+)\}\.json$/, '{$1}')}`).sort());
    expect(routes).toContain('GET /open311/v2/services/{service_code}');
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

  it('reads its secrets from the parameter store by name, and may read those three parameters only', () => {
    for (const [, f] of ofType(template, 'AWS::Lambda::Function')) {
      const env = f.Properties.Environment.Variables as Record<string, string>;
      // no plain secret outside the local stage
      expect(env.JWT_SECRET).toBe('');
      expect(env.WECHAT_SECRET).toBe('');
      expect([env.JWT_SECRET_PARAMETER, env.JWT_PREVIOUS_SECRET_PARAMETER, env.WECHAT_SECRET_PARAMETER]).toEqual([
        '/shaogang/prod/jwt-secret', '/shaogang/prod/jwt-secret-previous', '/shaogang/prod/wechat-secret',
      ]);
    }
    const [, role] = ofType(template, 'AWS::IAM::Role')[0]!;
    const statements = (role.Properties.Policies as Array<{ PolicyDocument: { Statement: Array<{ Action: string[]; Resource: unknown[] }> } }>).flatMap((p) => p.PolicyDocument.Statement);
    const ssm = statements.filter((s) => s.Action.some((a) => a.startsWith('ssm:')));
    expect(ssm).toHaveLength(1);
    expect(ssm[0]!.Action.sort()).toEqual(['ssm:GetParameter', 'ssm:GetParameters']);
    expect(ssm[0]!.Resource.map((r) => JSON.stringify(r).replace(/.*parameter/, ''))).toEqual([
      '/shaogang/prod/jwt-secret"}', '/shaogang/prod/jwt-secret-previous"}', '/shaogang/prod/wechat-secret"}',
    ]);
    // nothing else may read the parameter store or decrypt
    expect(statements.flatMap((s) => s.Action).filter((a) => /^(ssm|kms|secretsmanager):/.test(a)).sort()).toEqual(['ssm:GetParameter', 'ssm:GetParameters']);
  });

  it('traces and logs through Powertools from its layer, tracing on, responses kept out of traces', () => {
    expect(template.Parameters.LibrariesLayerArn).toMatchObject({ Type: 'AWS::SSM::Parameter::Value<String>', Default: '/shaogang/prod/libraries-layer' });
    for (const [, f] of ofType(template, 'AWS::Lambda::Function')) {
      expect(f.Properties.Layers).toEqual([{ Ref: 'LibrariesLayerArn' }]);
      expect(f.Properties.TracingConfig).toEqual({ Mode: 'Active' });
      expect(f.Properties.Environment.Variables).toMatchObject({
        POWERTOOLS_SERVICE_NAME: 'shaogang-prod', POWERTOOLS_METRICS_NAMESPACE: 'Shaogang', POWERTOOLS_TRACE_ENABLED: 'true',
        POWERTOOLS_TRACER_CAPTURE_RESPONSE: 'false', POWERTOOLS_LOGGER_SAMPLE_RATE: expect.stringMatching(/^0\.\d+$/),
      });
    }
  });

  it('alarms on 5xx rate, p99 latency, throttles, sweeper errors, failed notifications and DynamoDB system errors, to one topic', () => {
    const alarms = ofType(template, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    const names = alarms.map((a) => String(a.AlarmName).replace('shaogang-prod-', '')).sort();
    expect(names).toEqual(['api-5xx-rate', 'api-latency-p99', 'dynamodb-system-errors', 'lambda-throttles', 'notifications-failed', 'sweeper-errors']);
    for (const a of alarms) expect(a.AlarmActions).toEqual([{ Ref: 'AlarmTopic' }]);
    expect(template.Resources.AlarmTopic!.Type).toBe('AWS::SNS::Topic');
    const byName = (n: string) => alarms.find((a) => a.AlarmName === `shaogang-prod-${n}`)!;
    expect(byName('api-latency-p99')).toMatchObject({ MetricName: 'Latency', ExtendedStatistic: 'p99' });
    expect(byName('notifications-failed')).toMatchObject({ Namespace: 'Shaogang', MetricName: 'NotificationsFailed', Dimensions: [{ Name: 'service', Value: 'shaogang-prod' }] });
    expect(byName('sweeper-errors')).toMatchObject({ MetricName: 'Errors', Dimensions: [{ Name: 'FunctionName', Value: { Ref: 'SweeperLambdaFunction' } }] });
  });

  it('has a dashboard that shows the alarms and the metrics the functions emit', () => {
    const [, dashboard] = ofType(template, 'AWS::CloudWatch::Dashboard')[0]!;
    const body = String(dashboard.Properties.DashboardBody['Fn::Sub']);
    // valid JSON once CloudFormation has put in the names
    const widgets = (JSON.parse(body.replace(/\$\{[^}]+\}/g, 'x')) as { widgets: unknown[] }).widgets;
    expect(widgets.length).toBeGreaterThanOrEqual(6);
    for (const alarm of ['Api5xxRateAlarm', 'ApiLatencyP99Alarm', 'LambdaThrottlesAlarm', 'SweeperErrorsAlarm', 'NotificationsFailedAlarm', 'DynamoSystemErrorsAlarm']) {
      expect(body).toContain(`\${${alarm}.Arn}`);
    }
    for (const metric of ['PetitionsSubmitted', 'StepsTaken', 'OverdueMarks', 'Bookings', 'NotificationsSent', 'NotificationsFailed', 'Http4xx', 'Http5xx', 'ConditionalCheckFailures']) {
      expect(body).toContain(metric);
    }
  });

  it('lets the functions put and read uploads only under photos/ and audio/ (the presigned URLs are signed with their role)', () => {
    const [, role] = ofType(template, 'AWS::IAM::Role')[0]!;
    const statements = (role.Properties.Policies as Array<{ PolicyDocument: { Statement: Array<{ Action: string[]; Resource: unknown[] }> } }>).flatMap((p) => p.PolicyDocument.Statement);
    const s3 = statements.filter((s) => s.Action.some((a) => a.startsWith('s3:')));
    expect(s3).toHaveLength(1);
    expect(s3[0]!.Action.sort()).toEqual(['s3:GetObject', 's3:PutObject']);
    expect(s3[0]!.Resource.map((r) => /"(\/[a-z]+\/\*)"/.exec(JSON.stringify(r))?.[1])).toEqual(['/photos/*', '/audio/*']);
  });

  it('protects the data: the table refuses deletion, the photos keep their versions and are never public', () => {
    const table = template.Resources.Table!;
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.Properties.DeletionProtectionEnabled).toBe(true);
    expect(table.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    const photos = template.Resources.PhotosBucket!;
    expect(photos.DeletionPolicy).toBe('Retain');
    expect(photos.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    for (const bucket of [photos, template.Resources.H5Bucket!]) {
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    }
  });

  it('serves the H5 app from a private bucket through CloudFront: origin access control, compression, the objects’ own caching', () => {
    const [, cdn] = ofType(template, 'AWS::CloudFront::Distribution')[0]!;
    const config = cdn.Properties.DistributionConfig;
    expect(config.Origins).toHaveLength(1);
    expect(config.Origins[0].OriginAccessControlId).toEqual({ 'Fn::GetAtt': ['H5OriginAccessControl', 'Id'] });
    expect(config.DefaultCacheBehavior).toMatchObject({ Compress: true, ViewerProtocolPolicy: 'redirect-to-https', CachePolicyId: { Ref: 'H5CachePolicy' } });
    expect(config.DefaultRootObject).toBe('index.html');
    // index.html says no-cache, the hashed assets a year: a cache that keeps what has no Cache-Control would break that
    expect(template.Resources.H5CachePolicy!.Properties.CachePolicyConfig).toMatchObject({
      MinTTL: 0, DefaultTTL: 0, ParametersInCacheKeyAndForwardedToOrigin: { EnableAcceptEncodingGzip: true, EnableAcceptEncodingBrotli: true },
    });
    const policy = template.Resources.H5BucketPolicy!.Properties.PolicyDocument.Statement;
    expect(policy).toHaveLength(1);
    expect(policy[0]).toMatchObject({ Effect: 'Allow', Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject' });
    expect(JSON.stringify(policy[0].Condition)).toContain('distribution/${H5Distribution}');
    expect(Object.keys(template.Outputs)).toEqual(expect.arrayContaining(['ApiUrl', 'H5Url', 'H5BucketName']));
  });
});
