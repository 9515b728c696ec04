import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { publicSitePaths } from '../../src/stages/public-files.js';

const dir = mkdtempSync(path.join(tmpdir(), 'public-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('an SVG in public/ that would act when opened is an error naming it; an inert one passes', () => {
  mkdirSync(path.join(dir, 'images'), { recursive: true });
  writeFileSync(path.join(dir, 'images/logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>');
  writeFileSync(path.join(dir, 'images/chart.svg'), '<svg xmlns="http://www.w3.org/2000/svg" onload="x()"><a href="https://example.org/">x</a></svg>');
  writeFileSync(path.join(dir, 'images/packed.svgz'), 'not read');
  writeFileSync(path.join(dir, 'images/photo.jpg'), 'any bytes: only SVGs are read here');
  const { sitePaths, problems } = publicSitePaths(dir);
  expect([...sitePaths].sort()).toEqual(['/images/chart.svg', '/images/logo.svg', '/images/packed.svgz', '/images/photo.jpg']);
  const messages = problems.map((p) => `${path.basename(p.file)}: ${p.message}`);
  expect(messages).toContain('chart.svg: this SVG would be published with an event-handler attribute onload=');
  expect(messages.filter((m) => m.startsWith('chart.svg: ')).length).toBe(2);
  expect(messages).toContain('packed.svgz: this SVG would be published with a compressed SVG, which the scan cannot read');
  expect(messages.some((m) => m.startsWith('logo.svg') || m.startsWith('photo.jpg'))).toBe(false);
  expect(problems.every((p) => p.severity === 'error' && p.hint)).toBe(true);
});
