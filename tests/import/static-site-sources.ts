import fs from 'node:fs';
import path from 'node:path';

/** The fixture sites: tests/fixtures/import/<kind>/<case>/source/. */
export const IMPORT_FIXTURES = path.resolve('tests/fixtures/import');

/** Written outside the source and reachable only through its links: no imported file may hold it. */
export const CANARY = 'SECRET-CANARY';

/**
 * A copy of a fixture site in `caseDir/source` with what git cannot hold:
 * symbolic links into `caseDir/outside` (a post linked to a file there, a
 * folder linked to the folder), which the import must report and never
 * follow, and the file time an undated post is dated by.
 */
export function prepareSource(kind: string, name: string, caseDir: string): string {
  const source = path.join(caseDir, 'source');
  fs.rmSync(caseDir, { recursive: true, force: true });
  fs.cpSync(path.join(IMPORT_FIXTURES, kind, name, 'source'), source, { recursive: true });
  const outside = path.join(caseDir, 'outside');
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(outside, 'secret.md'), `---\ntitle: ${CANARY}\n---\n${CANARY}\n`);
  fs.writeFileSync(path.join(outside, 'secret.jpg'), CANARY);
  const time = new Date('2024-03-01T10:00:00Z');
  if (kind === 'jekyll') {
    fs.symlinkSync(path.join(outside, 'secret.md'), path.join(source, '_posts', '2019-06-01-linked.md'));
    fs.symlinkSync(outside, path.join(source, 'assets', 'linked'));
    fs.utimesSync(path.join(source, '_drafts', 'harbour-festival-plans.md'), time, time);
  } else {
    fs.symlinkSync(path.join(outside, 'secret.md'), path.join(source, 'content', 'posts', 'linked.md'));
    fs.symlinkSync(outside, path.join(source, 'static', 'linked'));
    fs.utimesSync(path.join(source, 'content', 'posts', 'undated.md'), time, time);
  }
  return source;
}

/** The old → new rows of an import report's "Old addresses" table. */
export function reportedMoves(report: string): { old: string; new: string }[] {
  const table = report.split(/^## Old addresses.*$/m)[1] ?? '';
  return [...table.matchAll(/^\| (\/\S*) \| (\/\S*) \|$/gm)].map((match) => ({ old: match[1] ?? '', new: match[2] ?? '' }));
}
