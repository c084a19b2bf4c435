/** Starts the local stack once for the run (one API per worker) and tells the test files where it is. */
import type { TestProject } from 'vitest/node';
import { WORKERS } from '../vitest.config';
import { startStack, type Stack } from './stack';

let stack: Stack | undefined;

export default async function setup(project: TestProject) {
  stack = await startStack({ workers: WORKERS, movable: true });
  project.provide('stacks', stack.infos);
  return async () => {
    await stack?.stop();
    // Every API test's requests went through these APIs: their logs must hold nothing personal.
    if (stack?.leaks.length) throw new Error(`the API logged personal data:\n${stack.leaks.slice(0, 20).join('\n')}`);
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    stacks: import('./stack').StackInfo[];
  }
}
