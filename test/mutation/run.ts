/**
 * `npm run mutation [-- shared|usecases|rules]`: Stryker's mutation score of shared/ and functions/usecases/ (not part of
 * `npm test`, like the bench). Each area runs niced (the machine is shared), incrementally (test/mutation/.cache keeps
 * the last results, so a second run tests only what changed), then test/mutation/report.md is written from the
 * results: the score per area against its goal and every surviving mutant, each with its explanation from
 * explained.ts or marked as still to kill. Exits non-zero when an area misses its goal.
 *
 * Values computed when a module loads (the step table of shared/steps.ts): the configs keep `ignoreStatic`, so a
 * mutant reached only at load is Ignored. One reached at load and also inside a test (steps.ts is loaded again inside
 * the contract test, through tsx) is run with only the tests that reached it, switched on at their file's beforeAll:
 * after the file's imports, so the copy the file imported is never mutated, and it would "survive" however wrong the
 * table. Vitest's isolation is per file and does not change this; `ignoreStatic: false` does (each such mutant is
 * switched on before the imports, with every test), at the cost of the whole unit suite per static mutant (over a
 * hundred here: hours on this machine). So a test of such values loads the module afresh in its own beforeEach
 * (test/unit/steps.test.ts): that load is inside the test, so it reads the mutated table and its failure counts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EXPLAINED } from './explained';

const ROOT = path.resolve(__dirname, '../..');
const HERE = path.join(ROOT, 'test', 'mutation');

interface Area {
  name: string;
  folder: string;
  goal: number;
  tests: string;
}
const AREAS: Area[] = [
  { name: 'shared', folder: 'shared/', goal: 85, tests: 'the unit tests (test/unit, test/weapp without the builds)' },
  // the rules' core of shared/ (the step table, the workflow, time limits and the calendar, supervision, routing, the
  // login throttle): a run that fits where the whole of shared/ does not
  { name: 'rules', folder: 'shared/ rules (workflow, steps, timeLimits, calendar, supervision, routing, loginThrottle)', goal: 85, tests: 'the unit tests' },
  { name: 'usecases', folder: 'functions/usecases/', goal: 75, tests: 'the unit and integration tests (DynamoDB Local, in the test process)' },
];

interface Mutant {
  id: string;
  mutatorName: string;
  replacement?: string;
  location: { start: { line: number; column: number } };
  status: 'Killed' | 'Survived' | 'NoCoverage' | 'Timeout' | 'CompileError' | 'RuntimeError' | 'Ignored' | 'Pending';
}
interface Report {
  files: Record<string, { source: string; mutants: Mutant[] }>;
}

const wanted = process.argv.slice(2);
const areas = AREAS.filter((a) => (wanted.length === 0 && a.name !== 'rules') || wanted.includes(a.name));
for (const area of areas) {
  const started = Date.now();
  const run = spawnSync('nice', ['-n', '10', 'npx', 'stryker', 'run', path.join(HERE, `stryker.${area.name}.config.json`)], { cwd: ROOT, stdio: 'inherit' });
  console.log(`${area.name}: stryker exited ${run.status} after ${Math.round((Date.now() - started) / 60_000)} min`);
}

const keyOf = (file: string, m: Mutant) => `${file}:${m.location.start.line}:${m.mutatorName}:${(m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 60)}`;
const lines: string[] = [
  '# Mutation score',
  '',
  'Written by `npm run mutation` (test/mutation/run.ts) from Stryker\'s results; do not edit by hand. Explanations of',
  'surviving mutants live in `test/mutation/explained.ts`.',
  '',
  '| area | tests run | mutants | killed | survived | no coverage | timeout | score | goal |',
  '|---|---|---|---|---|---|---|---|---|',
];
const survivorLines: string[] = [];
let missed = false;
for (const area of AREAS) {
  const file = path.join(HERE, '.cache', `${area.name}-report.json`);
  if (!existsSync(file)) {
    lines.push(`| ${area.folder} | ${area.tests} | not run | | | | | | ${area.goal}% |`);
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8')) as Report;
  const all = Object.entries(report.files).flatMap(([f, r]) => r.mutants.map((m) => ({ file: path.relative(ROOT, path.resolve(ROOT, f)), m, source: r.source })));
  const count = (...s: Mutant['status'][]) => all.filter((x) => s.includes(x.m.status)).length;
  const valid = all.filter((x) => !['CompileError', 'RuntimeError', 'Ignored', 'Pending'].includes(x.m.status)).length;
  const detected = count('Killed', 'Timeout');
  const score = valid ? (detected / valid) * 100 : 0;
  if (score < area.goal) missed = true;
  lines.push(`| ${area.folder} | ${area.tests} | ${valid} | ${count('Killed')} | ${count('Survived')} | ${count('NoCoverage')} | ${count('Timeout')} | **${score.toFixed(1)}%** | ${area.goal}% |`);
  const survivors = all.filter((x) => x.m.status === 'Survived' || x.m.status === 'NoCoverage').sort((a, b) => a.file.localeCompare(b.file) || a.m.location.start.line - b.m.location.start.line);
  if (survivors.length) {
    survivorLines.push('', `## Survivors in ${area.folder}`, '', '| where | mutant | status | why it lives |', '|---|---|---|---|');
    for (const { file: f, m, source } of survivors) {
      const code = source.split('\n')[m.location.start.line - 1]?.trim().slice(0, 80) ?? '';
      const why = EXPLAINED[keyOf(f, m)] ?? 'to kill: no test yet';
      const cell = (t: string) => t.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
      survivorLines.push(`| ${f}:${m.location.start.line} \`${cell(code)}\` | ${m.mutatorName}: \`${cell((m.replacement ?? '').slice(0, 60))}\` | ${m.status} | ${cell(why)} |`);
    }
  }
}
writeFileSync(path.join(HERE, 'report.md'), [...lines, ...survivorLines, ''].join('\n'));
console.log(lines.join('\n'));
process.exit(missed ? 1 : 0);
