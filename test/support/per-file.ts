/**
 * Runs before each file of the `stack` project: the worker's table is made afresh from serverless.yml and the demo
 * seed, and its API's time is the real time again, so a file depends on no other file and on no order of files.
 */
import { beforeAll } from 'vitest';
import { reseedWorkerTable } from './reseed';

beforeAll(reseedWorkerTable);
