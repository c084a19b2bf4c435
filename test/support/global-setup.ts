/** Starts the local stack once for the run and tells the tests where it is. */
import type { TestProject } from 'vitest/node';
import { startStack, type Stack } from './stack';

let stack: Stack | undefined;

export default async function setup(project: TestProject) {
  stack = await startStack();
  project.provide('stack', stack.info);
  return async () => {
    await stack?.stop();
    // Every API test's requests went through this stack: its log must hold nothing personal.
    if (stack?.leaks.length) throw new Error(`the API logged personal data:\n${stack.leaks.slice(0, 20).join('\n')}`);
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: import('./stack').StackInfo;
  }
}
