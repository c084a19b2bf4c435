/**
 * Surviving mutants that no test should kill, each with the reason (an equivalent mutant, a message no one reads …).
 * Key: `file:line:mutator:replacement` as test/mutation/run.ts prints it in report.md.
 */
export const EXPLAINED: Record<string, string> = {};
