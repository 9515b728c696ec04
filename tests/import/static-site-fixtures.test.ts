import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IMPORTERS } from '../../src/import/importers.js';
import { writeImport } from '../../src/import/write-import.js';
import { CANARY, IMPORT_FIXTURES, prepareSource } from './static-site-sources.js';

/*
 * Each case is a small site written for this project
 * (tests/fixtures/import/<kind>/<case>/source/) → the newsroom the import
 * writes (expected/content/, expected/public/, expected/import-report.md),
 * compared file by file, byte for byte. `UPDATE=1` rewrites the expected
 * folder; review every file before committing.
 *
 * What git cannot hold (symbolic links, a file time) is made in a copy of
 * the source before importing: see prepareSource.
 */

const FIXTURES = IMPORT_FIXTURES;
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

/** Imports the case into a fresh folder and answers with the folder (content/, public/, import-report.md). */
async function importCase(kind: string, name: string): Promise<string> {
  const source = prepareSource(kind, name, path.join(work, kind, name));
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
    for (const [file, bytes] of actual) expect({ file, canary: bytes.includes(CANARY) }).toEqual({ file, canary: false });
  });

  it('gives the same bytes when imported again', async () => {
    const first = filesOf(await importCase(kind, name));
    const second = filesOf(await importCase(kind, name));
    expect(second).toEqual(first);
  });
});
