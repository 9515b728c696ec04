import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IMPORTERS } from '../../src/import/importers.js';
import { writeImport } from '../../src/import/write-import.js';

/*
 * Each case is a small site written for this project
 * (tests/fixtures/import/<kind>/<case>/source/) → the newsroom the import
 * writes (expected/content/, expected/public/, expected/import-report.md),
 * compared file by file, byte for byte. `UPDATE=1` rewrites the expected
 * folder; review every file before committing.
 *
 * What git cannot hold is made in a copy of the source before importing:
 * symbolic links (a post linked to a file outside the site, a folder linked
 * to one outside) and the modification time Jekyll dates an undated draft by.
 */

const FIXTURES = path.resolve('tests/fixtures/import');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ssg-import-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Every file below `dir`, relative and sorted, with its bytes. */
function filesOf(dir: string): Map<string, Buffer> {
  if (!fs.existsSync(dir)) return new Map();
  return new Map(
    fs
      .readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .map((name) => name.split(path.sep).join('/'))
      .filter((name) => fs.lstatSync(path.join(dir, name)).isFile())
      .sort()
      .map((name) => [name, fs.readFileSync(path.join(dir, name))]),
  );
}

/** A copy of the source with what git cannot hold: links that must not be followed, a draft's file time. */
function prepareSource(kind: string, name: string): string {
  const caseDir = path.join(work, kind, name);
  const source = path.join(caseDir, 'source');
  fs.rmSync(caseDir, { recursive: true, force: true });
  fs.cpSync(path.join(FIXTURES, kind, name, 'source'), source, { recursive: true });
  const outside = path.join(caseDir, 'outside');
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(outside, 'secret.md'), '---\ntitle: SECRET-CANARY\n---\nSECRET-CANARY\n');
  fs.writeFileSync(path.join(outside, 'secret.jpg'), 'SECRET-CANARY');
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

/** Imports the case into a fresh folder and answers with the folder (content/, public/, import-report.md). */
async function importCase(kind: string, name: string): Promise<string> {
  const source = prepareSource(kind, name);
  const out = path.join(work, kind, name, 'out');
  const load = IMPORTERS[kind];
  if (!load) throw new Error(`no importer for ${kind}`);
  const importer = await load();
  await writeImport(importer({ source }), {
    kind,
    source: `${kind}-site`,
    contentDir: path.join(out, 'content'),
    publicDir: path.join(out, 'public'),
    force: false,
    reportFile: path.join(out, 'import-report.md'),
  });
  return out;
}

const cases = ['jekyll', 'hugo'].flatMap((kind) =>
  fs.existsSync(path.join(FIXTURES, kind)) ? fs.readdirSync(path.join(FIXTURES, kind)).sort().map((name) => [kind, name] as const) : [],
);

describe.each(cases)('import %s: %s', (kind, name) => {
  it('writes exactly the expected newsroom', async () => {
    const out = await importCase(kind, name);
    const expectedDir = path.join(FIXTURES, kind, name, 'expected');
    if (process.env.UPDATE) {
      fs.rmSync(expectedDir, { recursive: true, force: true });
      fs.cpSync(out, expectedDir, { recursive: true });
    }
    const actual = filesOf(out);
    const expected = filesOf(expectedDir);
    expect([...actual.keys()]).toEqual([...expected.keys()]);
    for (const [file, bytes] of expected) expect({ file, text: actual.get(file)?.toString('latin1') }).toEqual({ file, text: bytes.toString('latin1') });
    // Nothing read through a link: the canary is in no file written.
    for (const [file, bytes] of actual) expect({ file, canary: bytes.includes('SECRET-CANARY') }).toEqual({ file, canary: false });
  });

  it('gives the same bytes when imported again', async () => {
    const first = filesOf(await importCase(kind, name));
    const second = filesOf(await importCase(kind, name));
    expect(second).toEqual(first);
  });
});
