import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import type { TestProject } from 'vitest/node';
import { sha256Manifest } from '../helpers/manifest.js';
import { SAMPLE_NOW, type SampleBuild } from '../helpers/sample-build.js';

/*
 * Vitest global setup: the sample newsroom is built once per test run, from
 * a cold cache, and handed to the tests (inject('sample'), see
 * tests/helpers/shared-sample.ts). When the run ends, the builds and the
 * cache must be exactly as they were made: a test that wrote into them fails
 * the run.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  // Loaded by tsx: Vite's module runner, which runs this file, has no
  // import.meta.resolve, and the build needs it.
  const { build, checkContent } = (await tsImport('../../src/stages/build.ts', import.meta.url)) as typeof import('../../src/stages/build.js');
  const root = mkdtempSync(path.join(tmpdir(), 'broadsheet-shared-sample-'));
  const contentDir = fileURLToPath(new URL('../../content', import.meta.url));
  const cacheDir = path.join(root, 'cache');
  const siteDir = path.join(root, 'site');
  const previewDir = path.join(root, 'preview');
  const now = SAMPLE_NOW;
  try {
    // Rendered in this thread: starting worker threads under tsx costs more
    // than rendering the sample; the compiled CLI builds it with workers in
    // the kill, reproducibility and command-line tests.
    const published = await build({ contentDir, outDir: siteDir, cacheDir, now, workers: 0 });
    await build({ contentDir, outDir: previewDir, cacheDir, now, drafts: true, future: true, workers: 0 });
    const sample: SampleBuild = {
      contentDir,
      now,
      siteDir,
      previewDir,
      cacheDir,
      output: published.output,
      content: (await checkContent({ contentDir, cacheDir, now })).content,
      everything: (await checkContent({ contentDir, cacheDir, now, drafts: true, future: true })).content,
    };
    project.provide('sample', sample);
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  const made = sha256Manifest(root);
  return () => {
    const left = sha256Manifest(root);
    rmSync(root, { recursive: true, force: true });
    if (left !== made) {
      const files = (manifest: string) => new Map(manifest.split('\n').filter(Boolean).map((line) => [line.slice(66), line.slice(0, 64)]));
      const [before, after] = [files(made), files(left)];
      const changed = [...new Set([...before.keys(), ...after.keys()])].filter((file) => before.get(file) !== after.get(file));
      // Vitest only logs an error thrown here; the run must fail.
      process.exitCode = 1;
      throw new Error(`a test wrote into the shared sample build (${root}); copy it instead. Changed: ${changed.slice(0, 10).join(', ')}`);
    }
  };
}
