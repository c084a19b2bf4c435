/**
 * A Stryker reporter that writes each mutant's result as it is known, one JSON line each, to <batch>-partial.jsonl
 * beside the run's json report (its first line: how many mutants the run has, and the line of each, by file). Stryker writes its own report
 * and incremental file only when a run ends: a run stopped part way (the session's window, a shared machine) keeps
 * what this file holds, and run.ts reports it as partial.
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
    // the line of each mutant planned, by file: run.ts tells from it how many each batch of the run has
    const plan = {};
    for (const { mutant } of mutantPlans) (plan[mutant.fileName] ??= []).push(mutant.location.start.line + 1);
    writeFileSync(this.file, JSON.stringify({ mutants: mutantPlans.length, at: new Date().toISOString(), plan }) + '\n');
  }
  onMutantTested(r) {
    const { id, mutatorName, replacement, location, status, fileName } = r;
    appendFileSync(this.file, JSON.stringify({ file: fileName, mutant: { id, mutatorName, replacement, location, status } }) + '\n');
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.Reporter, 'partial', PartialReporter)];
