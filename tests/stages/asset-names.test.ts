import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { assetNames } from '../../src/stages/asset-names.js';

const publicDir = mkdtempSync(path.join(tmpdir(), 'broadsheet-asset-names-'));
mkdirSync(path.join(publicDir, 'css'));
writeFileSync(path.join(publicDir, 'css', 'site.css'), 'body { margin: 0; }\n');
afterAll(() => rmSync(publicDir, { recursive: true, force: true }));

test('the published stylesheet (with the theme) names site.css: a new theme is a new name, the same theme the same', () => {
  const published = (accent: string) => new Map([['css/site.css', Buffer.from(`body{margin:0}:root{--color-accent:${accent}}`)]]);
  const plain = assetNames(publicDir).get('css/site.css');
  const themed = assetNames(publicDir, published('#8c1c3a')).get('css/site.css');
  const again = assetNames(publicDir, published('#8c1c3a')).get('css/site.css');
  const other = assetNames(publicDir, published('#1d4e89')).get('css/site.css');
  expect(plain).toMatch(/^css\/site\.[0-9a-f]{10}\.css$/);
  expect(themed).toMatch(/^css\/site\.[0-9a-f]{10}\.css$/);
  expect(new Set([plain, themed, other]).size).toBe(3);
  expect(again).toBe(themed);
  // Without published bytes of its own, the file's bytes name it.
  expect(assetNames(publicDir, new Map()).get('css/site.css')).toBe(plain);
  expect(assetNames(publicDir, new Map([['css/site.css', Buffer.from('body { margin: 0; }\n')]])).get('css/site.css')).toBe(plain);
});
