/** Starts the local stack once for the run and tells the tests where it is. */
import type { TestProject } from 'vitest/node';
import { startStack, type Stack } from './stack';

let stack: Stack | undefined;

export default async function setup(project: TestProject) {
  stack = await startStack();
  project.provide('stack', stack.info);
  return async () => {
    await stack?.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: import('./stack').StackInfo;
  }
}
