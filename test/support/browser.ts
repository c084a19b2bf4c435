/**
 * Debian's Chromium through playwright-core, as this machine runs it: headless, a fresh profile, none of the
 * background traffic a closed network refuses. Used by the browser tests and the benchmark.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { TEST_API_HOST } from './appBuild';

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** `apiUrl`: where the test builds' fixed API address (appBuild.ts TEST_API_HOST) leads in this browser. */
export async function openBrowser(opts: { width?: number; height?: number; apiUrl?: string } = {}): Promise<Browser> {
  const api = opts.apiUrl ? new URL(opts.apiUrl) : undefined;
  const profile = mkdtempSync(path.join(tmpdir(), 'shaogang-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ...(api ? [`--host-resolver-rules=MAP ${TEST_API_HOST} ${api.hostname}:${api.port}`] : []),
    ],
    viewport: { width: opts.width ?? 390, height: opts.height ?? 844 },
    locale: 'zh-CN',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
