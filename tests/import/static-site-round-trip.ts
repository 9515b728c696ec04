import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, checkContent, defaultPaths } from '../../src/stages/build.js';
import { redirectFile } from '../../src/routes/addresses.js';
import type { Problem } from '../../src/util/problems.js';
import { prepareSource, reportedMoves } from './static-site-sources.js';

const CLI = path.resolve('dist/cli.js');
const NOW = Date.parse('2026-12-01T12:00:00Z');

/**
 * The whole way for one fixture site: `broadsheet import <kind>` (the real
 * command) into a fresh newsroom whose public/ starts as Broadsheet's own,
 * then check (no errors), then one build, in which every old address the
 * report lists resolves (a redirect page and a `_redirects` line to the new
 * address) and every lead image is on its article's page.
 */
export function describeRoundTrip(kind: 'jekyll' | 'hugo'): void {
  describe(`import ${kind} → check → build`, () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), `${kind}-round-trip-`));
    const contentDir = path.join(root, 'content');
    const publicDir = path.join(root, 'public');
    const outDir = path.join(root, 'site');
    const reportFile = path.join(root, 'import-report.md');
    let run: ReturnType<typeof spawnSync>;
    let again: ReturnType<typeof spawnSync>;
    let problems: Problem[] = [];
    let site = '';
    afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

    beforeAll(async () => {
      const source = prepareSource(kind, 'site', path.join(root, 'case'));
      fs.cpSync(defaultPaths.publicDir, publicDir, { recursive: true });
      const importCommand = () =>
        spawnSync(process.execPath, [CLI, 'import', kind, source, '--content', contentDir, '--public', publicDir, '--report', reportFile], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      run = importCommand();
      again = importCommand();
      problems = (await checkContent({ contentDir, publicDir, now: NOW, workers: 0 })).problems;
      await build({ contentDir, publicDir, outDir, now: NOW, workers: 0 });
      site = fs.readFileSync(path.join(contentDir, 'site.yml'), 'utf8');
    });

    it('imports through the command, which says what it did', () => {
      expect(run.stderr).not.toMatch(/✖/);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^ +[1-9]\d* articles$/m);
      expect(run.stdout).toMatch(/^✔ [1-9]\d* files written, 0 unchanged, 0 kept; the report is in /m);
    });

    it('changes nothing when the same site is imported again', () => {
      expect(again.status).toBe(0);
      expect(again.stdout).toMatch(/^✔ 0 files written, [1-9]\d* unchanged, 0 kept;/m);
    });

    it('gives a newsroom that check accepts', () => {
      expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    });

    it('keeps every old address working', () => {
      const moves = reportedMoves(fs.readFileSync(reportFile, 'utf8'));
      expect(moves.length).toBeGreaterThan(3);
      const prefix = new URL(/^url: (.*)$/m.exec(site)?.[1] ?? '').pathname.replace(/\/$/, '');
      const hostFile = fs.readFileSync(path.join(outDir, '_redirects'), 'utf8').split('\n');
      for (const move of moves) {
        const page = path.join(outDir, ...redirectFile(move.old).split('/'));
        const refresh = fs.existsSync(page) ? cheerio.load(fs.readFileSync(page, 'utf8'))('meta[http-equiv="refresh"]').attr('content') : undefined;
        expect({ old: move.old, refresh: refresh?.replace(/^0; url=https?:\/\/[^/]+/, '') }).toEqual({ old: move.old, refresh: `${prefix}${move.new}` });
        expect(hostFile).toContain(`${prefix}${move.old} ${prefix}${move.new} 301`);
        // The new address is a page of the site.
        expect({ target: move.new, exists: fs.existsSync(path.join(outDir, ...redirectFile(move.new).split('/'))) }).toEqual({ target: move.new, exists: true });
      }
    });

    it('shows every lead image on its article page', () => {
      const articles = fs.readdirSync(path.join(contentDir, 'articles'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.md'));
      let shown = 0;
      for (const file of articles) {
        const text = fs.readFileSync(path.join(contentDir, 'articles', file), 'utf8');
        const alt = /^ {2}alt: (.*)$/m.exec(text)?.[1];
        if (!alt || /^draft: true$/m.test(text)) continue;
        const category = /^category: (.*)$/m.exec(text)?.[1] ?? '';
        const slug = path.basename(file, '.md').replace(/^\d{4}-\d{2}-\d{2}-/, '');
        const $ = cheerio.load(fs.readFileSync(path.join(outDir, category, slug, 'index.html'), 'utf8'));
        expect({ file, alts: $('img').map((_, image) => $(image).attr('alt')).get() }).toEqual({ file, alts: expect.arrayContaining([alt]) });
        shown += 1;
      }
      expect(shown).toBeGreaterThan(0);
    });
  });
}
