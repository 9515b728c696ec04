import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { configDefaults, defineConfig } from 'vitest/config';

/** Suites that take a minute or more each: Chromium, the kill test, the fuzz tests. */
const SLOW = ['tests/browser/**/*.test.ts', 'tests/publish/kill.test.ts', 'tests/fuzz/**/*.test.ts'];

/**
 * The slow project's files first (longest first, as vitest orders files
 * within a project), so that they start at once and the many short files
 * fill the other worker, rather than running alone at the end.
 */
class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return [...sorted.filter((file) => file.project.name === 'slow'), ...sorted.filter((file) => file.project.name !== 'slow')];
  }
}

export default defineConfig({
  test: {
    // Builds the sample newsroom once for every project (see tests/helpers/shared-sample.ts).
    globalSetup: ['tests/setup/sample-newsroom.ts'],
    // Two files at a time on two cores (vitest's default would be one): builds
    // wait on Pagefind, Chromium and the disk often enough that the second
    // worker paid for itself (361 s → 315 s for the same files); a third did not.
    maxWorkers: 2,
    sequence: { sequencer: SlowFirst },
    projects: [
      {
        test: {
          name: 'main',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...SLOW],
          // One module graph per worker, not per file: loading Eleventy and
          // the rest afresh for each file cost some 45 s of CPU a run. These
          // files share no state but the module cache (a test that changes
          // the working folder puts it back).
          isolate: false,
          testTimeout: 60_000,
          // reproducible.test.ts builds the sample six times before its tests.
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'slow',
          include: SLOW,
          testTimeout: 120_000,
          hookTimeout: 60_000,
          // A poll's default second was too short for Chromium on a busy CI machine (the media
          // library of the web editor test opened after it); the test's own limit still bounds it.
          expect: { poll: { timeout: 30_000 } },
        },
      },
    ],
  },
});
