/**
 * A Stryker reporter that writes each mutant's result as it is known, one JSON line each, to <batch>-partial.jsonl
 * beside the run's json report. Its first line is the plan: every mutant of the run, by file, as
 * `line:column-endLine:endColumn mutator replacement` in the report's terms (lines and columns from 1). Stryker writes
 * its own report and incremental file only when a run ends: a run stopped part way (the session's window, a shared
 * machine) keeps what this file holds, run.ts reports it as partial, and `npm run mutation -- rest` runs the planned
 * mutants it did not reach.
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PluginKind, commonTokens, declareClassPlugin } from '@stryker-mutator/api/plugin';

class PartialReporter {
  static inject = [commonTokens.options];
  constructor(options) {
    const report = options.jsonReporter?.fileName ?? 'reports/mutation/mutation.json';
    this.file = path.resolve(report.replace(/-report\.json$|\.json$/, '') + '-partial.jsonl');
    mkdirSync(path.dirname(this.file), { recursive: true });
  }
  onMutationTestingPlanReady({ mutantPlans }) {
    // each mutant planned, by file: run.ts tells from it how many each batch of the run has, and which are left.
    // Stryker's plan counts lines and columns from 0, its results (and this plan) from 1.
    const plan = {};
    for (const { mutant: m } of mutantPlans) {
      const { start, end } = m.location;
      const replacement = (m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 60);
      (plan[m.fileName] ??= []).push(`${start.line + 1}:${start.column + 1}-${end.line + 1}:${end.column + 1} ${m.mutatorName} ${replacement}`);
    }
    writeFileSync(this.file, JSON.stringify({ mutants: mutantPlans.length, at: new Date().toISOString(), plan }) + '\n');
  }
  onMutantTested(r) {
    const { id, mutatorName, replacement, location, status, fileName } = r;
    appendFileSync(this.file, JSON.stringify({ file: fileName, mutant: { id, mutatorName, replacement, location, status } }) + '\n');
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.Reporter, 'partial', PartialReporter)];
