/**
 * The libraries layer holds everything the functions import from it: each package loads in a fresh node that sees
 * the layer's node_modules and nothing of the project's (the AWS SDK, which the Lambda runtime has, left out).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import yaml from 'js-yaml';
import { readFileSync } from 'node:fs';
import { LAYER_PACKAGES, buildLayer } from '../../functions/deploy/layer';
import { ROOT } from '../../functions/local/table';

const dir = mkdtempSync(path.join(tmpdir(), 'layer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the libraries layer', () => {
  it('is what serverless.yml keeps out of the bundles', () => {
    const exclude = (yaml.load(readFileSync(path.join(ROOT, 'serverless.yml'), 'utf8')) as { custom: { esbuild: { exclude: string[] } } }).custom.esbuild.exclude;
    expect(exclude).toEqual(['@aws-sdk/*', '@aws-lambda-powertools/*', 'jose']);
    for (const p of LAYER_PACKAGES) expect(p.startsWith('@aws-lambda-powertools/') || p === 'jose').toBe(true);
  });

  it('loads the logger, metrics, tracer and jose from the layer alone', async () => {
    const { dir: layer } = buildLayer(dir);
    const script = `
      const { Logger } = require('@aws-lambda-powertools/logger');
      const { Metrics } = require('@aws-lambda-powertools/metrics');
      const { Tracer } = require('@aws-lambda-powertools/tracer');
      new Logger(); new Metrics({ namespace: 'x' }); new Tracer();
      if (typeof require('jose').jwtVerify !== 'function') throw new Error('no jose');
      // the parameters package needs only the SDK the runtime brings
      try { require('@aws-lambda-powertools/parameters/ssm'); } catch (e) { if (!/@aws-sdk\\/client-ssm/.test(e.message)) throw e; }
      process.stdout.write(require.resolve('@aws-lambda-powertools/tracer'));`;
    // asynchronously: a busy machine must not keep the worker from answering vitest
    const { stdout: resolved } = await promisify(execFile)(process.execPath, ['-e', script], {
      cwd: tmpdir(),
      env: { PATH: process.env.PATH, NODE_PATH: path.join(layer, 'nodejs', 'node_modules'), POWERTOOLS_TRACE_ENABLED: 'false' },
      encoding: 'utf8',
    });
    expect(resolved.startsWith(path.join(layer, 'nodejs', 'node_modules'))).toBe(true);
  });
});
