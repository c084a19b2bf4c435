/**
 * Debian's Chromium through playwright-core, as this machine runs it: headless, a fresh profile, none of the
 * background traffic a closed network refuses. Used by the browser tests and the benchmark.
 *
 * Every browser test audits what it sees with axe-core (`audit`, called by the screenshot helpers at each state a
 * test reaches): a serious or critical violation of WCAG 2.2 A/AA fails the test, naming the rule and the elements.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AxeResults, Result } from 'axe-core';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { TEST_API_HOST } from './appBuild';

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * `apiUrl`: where the test builds' fixed API address (appBuild.ts TEST_API_HOST) leads in this browser.
 * `fakeMedia`: Chromium's fake microphone (a beeping tone) and no permission prompt, for 按住说话.
 */
export async function openBrowser(opts: { width?: number; height?: number; apiUrl?: string; fakeMedia?: boolean } = {}): Promise<Browser> {
  const api = opts.apiUrl ? new URL(opts.apiUrl) : undefined;
  const profile = mkdtempSync(path.join(tmpdir(), 'shaogang-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ...(api ? [`--host-resolver-rules=MAP ${TEST_API_HOST} ${api.hostname}:${api.port}`] : []),
      ...(opts.fakeMedia ? ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'] : []),
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

const AXE_SOURCE = readFileSync(createRequire(__filename).resolve('axe-core/axe.min.js'), 'utf8');
/** WCAG 2.0, 2.1 and 2.2, levels A and AA (axe's tags), and axe's best practices (landmarks, one main …). */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
export const FAILING_IMPACTS = ['serious', 'critical'] as const;

/** axe-core's violations on the page as it is now (Taro keeps earlier pages hidden in the DOM: axe skips hidden nodes). */
export async function axeViolations(page: Page, opts: { enhancedContrast?: boolean } = {}): Promise<Result[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(
    ([tags, enhanced]) => {
      const axe = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<AxeResults> } }).axe;
      return axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        // AAA contrast (7:1) only where asked: the citizen pages' body text
        rules: { 'color-contrast-enhanced': { enabled: enhanced } },
        resultTypes: ['violations'],
      });
    },
    [opts.enhancedContrast ? [...AXE_TAGS, 'wcag2aaa'] : AXE_TAGS, opts.enhancedContrast ?? false] as const,
  );
  return results.violations;
}

/** One line per violation: the rule, its impact, and the first few elements with axe's summary of what is wrong. */
export function describeViolations(violations: Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 4)
        .map((n) => `    ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 240)}`)
        .join('\n');
      return `  ${v.id} (${v.impact}, ${v.nodes.length} element(s)): ${v.help}\n${nodes}`;
    })
    .join('\n');
}

/**
 * Fails (throws) when axe finds a serious or critical violation on the page as it is now. `where` names the state
 * in the message. Moderate and minor findings are returned, not thrown.
 */
export async function audit(page: Page, where: string, opts: { enhancedContrast?: boolean } = {}): Promise<Result[]> {
  let violations: Result[] = [];
  // A Taro toast is passing feedback that fades in and out over 0.1 s; axe reads a half-faded one as low contrast.
  // Audit the page once every toast is gone, and again if one came up while axe ran.
  const toastsGone = () =>
    page.waitForFunction(() => Array.from(document.querySelectorAll<HTMLElement>('.taro__toast')).every((t) => getComputedStyle(t).display === 'none'), undefined, { timeout: 15_000 });
  const failingOf = (v: Result[]) => v.filter((x) => (FAILING_IMPACTS as readonly string[]).includes(x.impact ?? ''));
  const onToast = (v: Result[]) =>
    page.evaluate(
      (targets) => targets.some((t) => document.querySelector(t)?.closest('.taro__toast')),
      v.flatMap((x) => x.nodes.map((n) => String(n.target[0]))),
    );
  for (let attempt = 0; attempt < 2; attempt++) {
    await toastsGone();
    violations = await axeViolations(page, opts);
    if (!(await onToast(failingOf(violations)))) break;
  }
  const failing = failingOf(violations);
  if (failing.length) throw new Error(`axe-core: ${failing.length} serious or critical violation(s) at ${where} (${page.url()}):\n${describeViolations(failing)}`);
  return violations;
}

/**
 * Makes the H5 app at `appUrl` log its citizen in by `name` (the local stage's dev login) from its next request on,
 * so a test can act as the same citizen through the API (`citizenToken(name)`).
 */
export async function citizenNamed(page: Page, appUrl: string, name: string): Promise<void> {
  await page.goto(`${appUrl}/#/pages/index/index`);
  await page.evaluate((n) => {
    localStorage.removeItem('sg.token');
    localStorage.setItem('sg.devName', JSON.stringify({ data: n }));
  }, name);
}
