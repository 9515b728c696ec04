import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentFiles } from '../../src/content/content-files.js';
import { importPathProblem } from '../../src/import/import-path.js';
import { decideWrite } from '../../src/import/import-record.js';
import type { ImportEvent, ImportedFile } from '../../src/import/types.js';
import { writeImport, type WriteImportOptions } from '../../src/import/write-import.js';
import type { Problem } from '../../src/util/problems.js';

let dir: string;
let options: WriteImportOptions;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'write-import-'));
  options = { kind: 'test', source: 'export.xml', contentDir: path.join(dir, 'content'), publicDir: path.join(dir, 'public'), force: false, reportFile: path.join(dir, 'import-report.md') };
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const file = (filePath: string, content: string | Uint8Array, root: ImportedFile['root'] = 'content'): ImportedFile => ({
  type: 'file',
  root,
  path: filePath,
  content,
  source: { file: 'export.xml', line: 3, item: `item ${filePath}` },
});

async function* events(list: ImportEvent[]): AsyncIterable<ImportEvent> {
  yield* list;
}

const story = (title: string) => file('articles/2019/2019-05-14-harbour-wall.md', `---\ntitle: ${title}\n---\nText\n`);
const read = (relative: string) => fs.readFileSync(path.join(dir, relative), 'utf8');

/** Every file below `dir`, relative, with its bytes. */
function tree(): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((name) => fs.lstatSync(path.join(dir, name)).isFile())
      .sort()
      .map((name) => [name.split(path.sep).join('/'), fs.readFileSync(path.join(dir, name), 'latin1')]),
  );
}

describe('decideWrite', () => {
  it.each([
    ['absent, never imported', undefined, undefined, false, 'write'],
    ['the same bytes', 'new', 'old', false, 'unchanged'],
    ['untouched since the last import', 'old', 'old', false, 'write'],
    ['changed by an editor', 'edited', 'old', false, 'keep'],
    ['deleted by an editor', undefined, 'old', false, 'keep'],
    ['there before any import', 'theirs', undefined, false, 'keep'],
    ['changed by an editor, --force', 'edited', 'old', true, 'write'],
    ['deleted by an editor, --force', undefined, 'old', true, 'write'],
  ] as const)('%s', (_, current, recorded, force, expected) => {
    expect(decideWrite('new', current, recorded, force)).toBe(expected);
  });
});

describe('importPathProblem', () => {
  it.each([
    ['content', 'articles/2019/2019-05-14-harbour-wall.md'],
    ['content', 'authors/jane-doe.md'],
    ['content', 'categories/news.md'],
    ['content', 'pages/about.md'],
    ['content', 'comments/harbour-wall/2019-05-15-ann-lee.yml'],
    ['content', 'site.yml'],
    ['public', 'images/2019/05/harbour_wall-1.jpg'],
  ] as const)('accepts %s/%s', (root, filePath) => {
    expect(importPathProblem({ root, path: filePath })).toBeUndefined();
  });

  it.each([
    ['content', '../outside.md', 'not a folder'],
    ['content', 'articles/../../outside.md', 'not a plain file or folder name'],
    ['content', 'articles/2019/..', 'not a plain file or folder name'],
    ['content', '/etc/passwd', 'not a folder'],
    ['content', 'articles//x.md', 'not a plain file or folder name'],
    ['content', 'articles/a\\..\\..\\x.md', 'not a plain file or folder name'],
    ['content', 'articles/.hidden.md', 'not a plain file or folder name'],
    ['content', 'articles/C:x.md', 'not a plain file or folder name'],
    ['content', 'articles/x.md\u0000.txt', 'not a plain file or folder name'],
    ['content', 'articles/aux.md', 'Windows reserves'],
    ['content', 'articles/LPT1', 'Windows reserves'],
    ['content', 'articles/x..md', 'not a plain file or folder name'],
    ['content', 'templates/base.njk', 'not a folder of content/'],
    ['content', 'x.md', 'not inside'],
    ['public', 'site.yml', 'not inside'],
    ['public', 'css/site.css', 'not a folder of public/'],
    ['public', 'js/search.js', 'not a folder of public/'],
    ['public', 'images/%2e%2e/x.jpg', 'not a plain file or folder name'],
  ] as const)('refuses %s/%s', (root, filePath, reason) => {
    expect(importPathProblem({ root, path: filePath })).toContain(reason);
  });
});

describe('writeImport', () => {
  it('writes the files, a record and a report, and the same import again gives the same bytes and writes nothing', async () => {
    const list: ImportEvent[] = [
      story('Harbour wall'),
      file('images/2019/05/wall.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0x00]), 'public'),
      { type: 'count', kind: 'articles', n: 1 },
      { type: 'notice', kind: 'skipped', message: 'private post not imported', source: { file: 'export.xml', line: 40, item: 'post 7 “Secret”' } },
      { type: 'notice', kind: 'unconverted', message: '[contact-form] kept as text', source: { file: 'export.xml', line: 12 }, target: { path: 'articles/2019/2019-05-14-harbour-wall.md', line: 4 } },
      { type: 'address', old: '/2019/05/14/harbour-wall/', new: '/news/harbour-wall/' },
    ];
    const first = await writeImport(events(list), options);
    expect(first.written).toEqual(['content/articles/2019/2019-05-14-harbour-wall.md', 'public/images/2019/05/wall.jpg']);
    const before = tree();
    expect(Object.keys(before)).toEqual([
      'content/.broadsheet-import.json',
      'content/articles/2019/2019-05-14-harbour-wall.md',
      'import-report.md',
      'public/images/2019/05/wall.jpg',
    ]);
    expect(read('import-report.md')).toBe(
      [
        '# Import report',
        '',
        'Imported from test: export.xml',
        '',
        '## Counts',
        '',
        '| Kind | Number |',
        '| --- | ---: |',
        '| articles | 1 |',
        '',
        '## Files',
        '',
        '2 written, 0 unchanged, 0 kept because they were changed since the last import (`--force` replaces them), 0 refused.',
        '',
        '## Not imported (1)',
        '',
        '- private post not imported (from export.xml:40 (post 7 “Secret”))',
        '',
        '## Kept as text: not converted (1)',
        '',
        '- content/articles/2019/2019-05-14-harbour-wall.md:4: \\[contact-form\\] kept as text (from export.xml:12)',
        '',
        '## Old addresses (1)',
        '',
        '| Old | New |',
        '| --- | --- |',
        '| /2019/05/14/harbour-wall/ | /news/harbour-wall/ |',
        '',
      ].join('\n'),
    );
    const again = await writeImport(events(list), options);
    expect(again.written).toEqual([]);
    expect(again.unchanged).toHaveLength(2);
    expect(tree()['content/.broadsheet-import.json']).toBe(before['content/.broadsheet-import.json']);
    expect(tree()['public/images/2019/05/wall.jpg']).toBe(before['public/images/2019/05/wall.jpg']);
  });

  it('replaces a file only the export changed, keeps one an editor changed or deleted until --force, and keeps files it did not write', async () => {
    fs.mkdirSync(path.join(dir, 'content/authors'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'content/authors/jane-doe.md'), 'written by hand\n');
    const author = file('authors/jane-doe.md', '---\nname: Jane Doe\n---\n');
    const comment = file('comments/harbour-wall/2019-05-15-ann.yml', 'name: Ann\n');
    await writeImport(events([story('Harbour wall'), author, comment]), options);
    expect(read('content/authors/jane-doe.md')).toBe('written by hand\n');

    // The export changed the headline: nobody edited the file, so it is replaced.
    const second = await writeImport(events([story('Harbour wall rebuilt'), author, comment]), options);
    expect(second.written).toEqual(['content/articles/2019/2019-05-14-harbour-wall.md']);
    expect(read('content/articles/2019/2019-05-14-harbour-wall.md')).toContain('title: Harbour wall rebuilt');

    // An editor corrects the story and deletes the comment: both stay as the editor left them, now and next time.
    fs.writeFileSync(path.join(dir, 'content/articles/2019/2019-05-14-harbour-wall.md'), '---\ntitle: Harbour wall (corrected)\n---\n');
    fs.rmSync(path.join(dir, 'content/comments/harbour-wall/2019-05-15-ann.yml'));
    for (let run = 0; run < 2; run++) {
      const kept = await writeImport(events([story('Harbour wall rebuilt'), author, comment]), options);
      expect(kept.kept).toEqual(['content/articles/2019/2019-05-14-harbour-wall.md', 'content/authors/jane-doe.md', 'content/comments/harbour-wall/2019-05-15-ann.yml']);
      expect(read('content/articles/2019/2019-05-14-harbour-wall.md')).toContain('(corrected)');
      expect(fs.existsSync(path.join(dir, 'content/comments/harbour-wall/2019-05-15-ann.yml'))).toBe(false);
      expect(read('import-report.md')).toContain('## Kept: changed since the last import (3)\n\n- content/articles/2019/2019-05-14-harbour-wall.md\n');
    }

    const forced = await writeImport(events([story('Harbour wall rebuilt'), author, comment]), { ...options, force: true });
    expect(forced.written).toHaveLength(3);
    expect(read('content/authors/jane-doe.md')).toBe('---\nname: Jane Doe\n---\n');
    expect(read('content/comments/harbour-wall/2019-05-15-ann.yml')).toBe('name: Ann\n');

    // A file the last import wrote that this one does not produce is left where it is, and listed.
    const fewer = await writeImport(events([story('Harbour wall rebuilt')]), options);
    expect(fewer.notProduced).toEqual(['content/authors/jane-doe.md', 'content/comments/harbour-wall/2019-05-15-ann.yml']);
    expect(fs.existsSync(path.join(dir, 'content/authors/jane-doe.md'))).toBe(true);
  });

  it('refuses hostile paths, a second file for one path, and writing through a symbolic link, and writes nothing outside the folders', async () => {
    const outside = path.join(dir, 'outside');
    fs.mkdirSync(outside);
    fs.mkdirSync(path.join(dir, 'content'));
    fs.symlinkSync(outside, path.join(dir, 'content/authors'));
    fs.mkdirSync(path.join(dir, 'public/images'), { recursive: true });
    fs.symlinkSync(path.join(outside, 'target.jpg'), path.join(dir, 'public/images/linked.jpg'));
    const summary = await writeImport(
      events([
        file('../escape.md', 'x'),
        file('articles/../../escape.md', 'x'),
        file('/tmp/escape.md', 'x'),
        file('images/../../escape.jpg', 'x', 'public'),
        story('First'),
        { ...story('Second'), source: { file: 'export.xml', line: 90, item: 'post 2' } },
        file('authors/jane-doe.md', 'through the link'),
        file('images/linked.jpg', 'through the link', 'public'),
      ]),
      options,
    );
    expect(summary.refused.map((item) => item.path)).toEqual([
      'content/../escape.md',
      'content/articles/../../escape.md',
      'content//tmp/escape.md',
      'public/images/../../escape.jpg',
      'content/articles/2019/2019-05-14-harbour-wall.md',
      'content/authors/jane-doe.md',
      'public/images/linked.jpg',
    ]);
    expect(summary.refused[4]?.reason).toBe('a second file for the same path (the first came from export.xml, item articles/2019/2019-05-14-harbour-wall.md)');
    expect(summary.refused[5]?.reason).toContain('is a symbolic link');
    expect(read('content/articles/2019/2019-05-14-harbour-wall.md')).toContain('title: First');
    expect(fs.readdirSync(outside)).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'escape.md'))).toBe(false);
    expect(read('import-report.md')).toContain('## Refused (7)');
  });

  it('writes nothing when the importer fails part-way', async () => {
    async function* failing(): AsyncIterable<ImportEvent> {
      yield story('Harbour wall');
      throw new Error('export.xml:120: unclosed tag');
    }
    await expect(writeImport(failing(), options)).rejects.toThrow('unclosed tag');
    expect(tree()).toEqual({});
  });

  it('the import record at the top of content/ is not read as content and not reported', async () => {
    await writeImport(events([story('Harbour wall')]), options);
    const problems: Problem[] = [];
    const found = contentFiles(options.contentDir, problems);
    expect(problems).toEqual([]);
    expect(found.articles.map((name) => path.basename(name))).toEqual(['2019-05-14-harbour-wall.md']);
  });
});
