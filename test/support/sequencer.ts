/**
 * The order files start in. A browser file waits for the H5 build and a weapp file for the weapp build (appBuild.ts),
 * about two minutes each on a fresh clone; the first file of each starts its build. By size alone the first two files
 * were both browser files: both workers waited for one build. Here the first browser file and the first weapp file
 * start the two builds at once, and the files that need no build come next, so a worker tests while a build runs; the
 * other app files come last and find their build made. Within each group, vitest's own order (its cache, then size).
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const needsH5 = (s: TestSpecification) => s.moduleId.includes('/test/browser/');
const needsWeapp = (s: TestSpecification) => /\/test\/weapp\/[^/]+\.weapp\.test\.ts$/.test(s.moduleId);

export default class BuildsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const starters = [sorted.find(needsH5), sorted.find(needsWeapp)].filter((s): s is TestSpecification => s !== undefined);
    const rest = sorted.filter((s) => !starters.includes(s));
    const app = (s: TestSpecification) => needsH5(s) || needsWeapp(s);
    return [...starters, ...rest.filter((s) => !app(s)), ...rest.filter(app)];
  }
}
