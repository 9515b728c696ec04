import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { WORKER_BUNDLE, workerModule } from '../../src/workers/worker-module.js';

/* Which file a rendering thread loads, in a compiled tree made up here: dist/workers/ and one other module. */
const dist = mkdtempSync(path.join(tmpdir(), 'broadsheet-worker-module-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));
mkdirSync(path.join(dist, 'workers'));
mkdirSync(path.join(dist, 'content'));
const file = (name: string, at: number) => {
  writeFileSync(path.join(dist, name), '');
  utimesSync(path.join(dist, name), at, at);
};
const pool = pathToFileURL(path.join(dist, 'workers/process-pool.js')).href;
const chosen = () => path.basename(new URL(workerModule(pool)).pathname);

describe('workerModule', () => {
  test('from the TypeScript sources, with no bundle: process-files.ts', () => {
    expect(workerModule(pathToFileURL('/src/workers/process-pool.ts').href).pathname).toBe('/src/workers/process-files.ts');
  });

  test('from the TypeScript sources: the bundle in dist/ if it was made after every source file, else process-files.ts', () => {
    const project = mkdtempSync(path.join(tmpdir(), 'broadsheet-worker-sources-'));
    try {
      const at = (name: string, time: number) => {
        mkdirSync(path.dirname(path.join(project, name)), { recursive: true });
        writeFileSync(path.join(project, name), '');
        utimesSync(path.join(project, name), time, time);
      };
      const fromSources = () => path.basename(workerModule(pathToFileURL(path.join(project, 'src/workers/process-pool.ts')).href).pathname);
      at('src/workers/process-pool.ts', 1000);
      at('src/content/load.ts', 1000);
      expect(fromSources()).toBe('process-files.ts');
      at(`dist/workers/${WORKER_BUNDLE}`, 2000);
      expect(fromSources()).toBe(WORKER_BUNDLE);
      // A source edited since the bundle was made (no npm test or compile since).
      at('src/content/load.ts', 3000);
      expect(fromSources()).toBe('process-files.ts');
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  test('compiled, without a bundle: process-files.js', () => {
    file('workers/process-pool.js', 1000);
    file('workers/process-files.js', 1000);
    expect(chosen()).toBe('process-files.js');
  });

  test('compiled, with a bundle made after every module: the bundle', () => {
    file('content/load.js', 1000);
    file(`workers/${WORKER_BUNDLE}`, 2000);
    expect(chosen()).toBe(WORKER_BUNDLE);
  });

  test('a module compiled after the bundle (tsc run on its own): process-files.js, which is current', () => {
    file('content/load.js', 3000);
    expect(chosen()).toBe('process-files.js');
  });

  test('the compiled command line of this run (npm test compiles and bundles first) loads the bundle', () => {
    const compiled = pathToFileURL(path.resolve('dist/workers/process-pool.js')).href;
    expect(path.basename(workerModule(compiled).pathname)).toBe(WORKER_BUNDLE);
  });
});
