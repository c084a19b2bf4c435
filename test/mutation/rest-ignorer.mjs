/**
 * A Stryker ignorer for `npm run mutation -- rest`: of the code inside the ranges a rest run is given, it leaves out
 * every node that holds none of the mutants the run is for. Stryker's `mutate` range holds every mutant inside it (a
 * block statement's range holds the whole block), so without this a rest run re-ran the mutants already known inside a
 * pending one's range first (2026-12-01: 279 mutants in 15 minutes, one of them new). A node left out takes its own
 * mutants and those under it; a node that holds a wanted mutant is kept whole, so a few known ones still run beside it.
 *
 * run.ts writes the wanted mutants into the run's config as `restWanted`: by file (relative to the project), each as
 * `[line, column, endLine, endColumn]` in Babel's terms (lines from 1, columns from 0).
 */
import path from 'node:path';
import { PluginKind, commonTokens, declareFactoryPlugin } from '@stryker-mutator/api/plugin';

/** Whether the node's place holds the mutant's whole place */
const holds = (loc, [line, column, endLine, endColumn]) =>
  (loc.start.line < line || (loc.start.line === line && loc.start.column <= column)) &&
  (loc.end.line > endLine || (loc.end.line === endLine && loc.end.column >= endColumn));

function restIgnorer(options) {
  const wanted = options.restWanted ?? {};
  return {
    shouldIgnore(p) {
      const loc = p.node.loc;
      const file = p.hub?.file?.opts?.filename;
      if (!loc || !file) return undefined;
      const mine = wanted[path.relative(process.cwd(), file).replace(/^\.stryker-tmp\/[^/]+\//, '')];
      if (!mine) return 'no mutant of this file is pending';
      return mine.some((m) => holds(loc, m)) ? undefined : 'known before this rest run';
    },
  };
}
restIgnorer.inject = [commonTokens.options];

export const strykerPlugins = [declareFactoryPlugin(PluginKind.Ignore, 'rest', restIgnorer)];
