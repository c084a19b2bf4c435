/**
 * Product code imports zod/mini only: a single classic `import * as z from 'zod'` anywhere in shared/, functions/ or the
 * app pulls all of classic zod (88 KiB minified) into the Lambda bundles or the mini-program (see `npm run bench`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const sources = (dir: string): string[] =>
  readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));

describe('zod in product code', () => {
  it('is zod/mini in shared/, functions/ and miniprogram/src', () => {
    const files = ['shared', 'functions', 'miniprogram/src'].flatMap(sources);
    expect(files.length).toBeGreaterThan(50);
    const classic = files.filter((f) => /from ['"]zod(\/v4)?['"]/.test(readFileSync(path.join(ROOT, f), 'utf8')));
    expect(classic).toEqual([]);
  });
});
