import fs from 'node:fs';
import path from 'node:path';
import { makeScratchFolder } from '../util/scratch-folder.js';
import { importPathProblem } from './import-path.js';
import { IMPORT_RECORD } from '../content/content-files.js';
import { decideWrite, formatImportRecord, readImportRecord, sha256 } from './import-record.js';
import { formatImportReport, type ImportSummary } from './import-report.js';
import type { ImportedFile, ImportEvent, SourcePlace } from './types.js';

export interface WriteImportOptions {
  /** What is imported, for the report: `wordpress`, `jekyll`, `hugo`. */
  kind: string;
  /** The export or site folder, as the user named it (for the report). */
  source: string;
  contentDir: string;
  publicDir: string;
  /** Replace files changed since the last import. */
  force: boolean;
  /** Where `import-report.md` goes. */
  reportFile: string;
}

interface Staged {
  key: string;
  root: ImportedFile['root'];
  path: string;
  hash: string;
  staged: string;
  source: SourcePlace;
}

/**
 * Write what an importer yields into the content and public folders. Every
 * file is first staged outside them; nothing is put in place unless the
 * importer finished, so a failed import leaves the folders as they were.
 * A path outside the folders an import writes, a symbolic link on the way,
 * or a second file for the same path is refused and reported, never written.
 */
export async function writeImport(events: AsyncIterable<ImportEvent>, options: WriteImportOptions): Promise<ImportSummary> {
  const summary: ImportSummary = { kind: options.kind, source: options.source, counts: new Map(), written: [], unchanged: [], kept: [], notProduced: [], refused: [], notices: [], moves: [] };
  const stagingDir = makeScratchFolder('import');
  try {
    const staged = new Map<string, Staged>();
    for await (const event of events) {
      if (event.type === 'notice') summary.notices.push(event);
      else if (event.type === 'address') summary.moves.push(event);
      else if (event.type === 'count') summary.counts.set(event.kind, (summary.counts.get(event.kind) ?? 0) + event.n);
      else stage(event, staged, stagingDir, summary);
    }
    const rootDirs = { content: options.contentDir, public: options.publicDir };
    const record = readImportRecord(options.contentDir);
    const next = new Map<string, string>();
    for (const file of [...staged.values()].sort((a, b) => (a.key < b.key ? -1 : 1))) {
      const target = path.join(rootDirs[file.root], ...file.path.split('/'));
      const unsafe = unsafeWay(rootDirs[file.root], file.path);
      if (unsafe) {
        summary.refused.push({ path: file.key, reason: unsafe, source: file.source });
        continue;
      }
      const current = fs.existsSync(target) ? sha256(fs.readFileSync(target)) : undefined;
      const decision = decideWrite(file.hash, current, record.get(file.key), options.force);
      if (decision === 'write') {
        fs.mkdirSync(path.dirname(target), { recursive: true });
        replaceFile(target, fs.readFileSync(file.staged));
        summary.written.push(file.key);
        next.set(file.key, file.hash);
      } else if (decision === 'unchanged') {
        summary.unchanged.push(file.key);
        next.set(file.key, file.hash);
      } else {
        summary.kept.push(file.key);
        // Still the last import's hash: the editor's change stays visible to the next import too.
        const recorded = record.get(file.key);
        if (recorded) next.set(file.key, recorded);
      }
    }
    for (const [key, hash] of record) {
      if (!staged.has(key)) {
        summary.notProduced.push(key);
        next.set(key, hash);
      }
    }
    fs.mkdirSync(options.contentDir, { recursive: true });
    replaceFile(path.join(options.contentDir, IMPORT_RECORD), formatImportRecord(next));
    replaceFile(options.reportFile, formatImportReport(summary));
    return summary;
  } finally {
    fs.rmSync(stagingDir, { recursive: true, force: true });
  }
}

function stage(file: ImportedFile, staged: Map<string, Staged>, stagingDir: string, summary: ImportSummary): void {
  const key = `${file.root}/${file.path}`;
  const problem = importPathProblem(file);
  if (problem) {
    summary.refused.push({ path: key, reason: problem, source: file.source });
    return;
  }
  const earlier = staged.get(key);
  if (earlier) {
    summary.refused.push({ path: key, reason: `a second file for the same path (the first came from ${earlier.source.file}${earlier.source.item ? `, ${earlier.source.item}` : ''})`, source: file.source });
    return;
  }
  const name = path.join(stagingDir, String(staged.size));
  fs.writeFileSync(name, file.content);
  staged.set(key, { key, root: file.root, path: file.path, hash: sha256(file.content), staged: name, source: file.source });
}

/**
 * Why writing `relative` below `root` could land somewhere else: a symbolic
 * link (or something that is not a folder) on the way, or a target that is
 * not a regular file. Folders that do not exist yet are fine.
 */
function unsafeWay(root: string, relative: string): string | undefined {
  let at = root;
  const parts = relative.split('/');
  for (const [index, part] of [root, ...parts].entries()) {
    if (index > 0) at = path.join(at, part);
    const stat = fs.lstatSync(at, { throwIfNoEntry: false });
    if (!stat) return undefined;
    const last = index === parts.length;
    if (stat.isSymbolicLink()) return `${at} is a symbolic link; an import never writes through one`;
    if (!last && !stat.isDirectory()) return `${at} is not a folder`;
    if (last && !stat.isFile()) return `${at} is not a regular file`;
  }
  return undefined;
}

/** Write beside the target and rename over it, so a reader never sees half a file. */
function replaceFile(target: string, content: string | Uint8Array): void {
  const temporary = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, content);
  fs.renameSync(temporary, target);
}
