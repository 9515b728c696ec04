import type { AddressMove, ImportNotice, SourcePlace } from './types.js';

/** What one import did, for the report. Paths are `content/…` or `public/…`. */
export interface ImportSummary {
  kind: string;
  source: string;
  counts: Map<string, number>;
  written: string[];
  unchanged: string[];
  /** Changed by an editor since the last import, so left as they are. */
  kept: string[];
  /** Written by the last import, not produced by this one: left in place. */
  notProduced: string[];
  refused: { path: string; reason: string; source: SourcePlace }[];
  notices: ImportNotice[];
  moves: AddressMove[];
}

const NOTICE_HEADINGS: Record<ImportNotice['kind'], string> = {
  skipped: 'Not imported',
  unconverted: 'Kept as text: not converted',
  warning: 'Warnings',
};

export const sourceText = (place: SourcePlace): string =>
  `${place.file}${place.line ? `:${place.line}` : ''}${place.item ? ` (${place.item})` : ''}`;

const targetText = (notice: ImportNotice): string =>
  notice.target ? `content/${notice.target.path}${notice.target.line ? `:${notice.target.line}` : ''}: ` : '';

/** One line per notice: where it ended up, what it is, where it came from. */
export const noticeLine = (notice: ImportNotice): string => `${targetText(notice)}${notice.message} (from ${sourceText(notice.source)})`;

// Markdown control characters in text from an export must not become links or tables in the report.
const inline = (text: string): string => text.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');

/** The report as Markdown (`import-report.md`): the same import gives the same bytes. */
export function formatImportReport(summary: ImportSummary): string {
  const lines = [`# Import report`, '', `Imported from ${inline(summary.kind)}: ${inline(summary.source)}`, '', '## Counts', '', '| Kind | Number |', '| --- | ---: |'];
  for (const [kind, n] of [...summary.counts].sort(([a], [b]) => (a < b ? -1 : 1))) lines.push(`| ${inline(kind)} | ${n} |`);
  lines.push(
    '',
    '## Files',
    '',
    `${summary.written.length} written, ${summary.unchanged.length} unchanged, ${summary.kept.length} kept because they were changed since the last import (\`--force\` replaces them), ${summary.refused.length} refused.`,
  );
  section(lines, 'Refused', summary.refused.map((item) => `${inline(item.path)}: ${inline(item.reason)} (from ${inline(sourceText(item.source))})`));
  section(lines, 'Kept: changed since the last import', summary.kept.map(inline));
  section(lines, 'Written by the last import, not by this one (left in place)', summary.notProduced.map(inline));
  for (const kind of ['skipped', 'unconverted', 'warning'] as const) {
    section(lines, NOTICE_HEADINGS[kind], summary.notices.filter((notice) => notice.kind === kind).map((notice) => inline(noticeLine(notice))));
  }
  if (summary.moves.length > 0) {
    lines.push('', `## Old addresses (${summary.moves.length})`, '', '| Old | New |', '| --- | --- |');
    for (const move of summary.moves) lines.push(`| ${inline(move.old)} | ${inline(move.new)} |`);
  }
  return `${lines.join('\n')}\n`;
}

function section(lines: string[], heading: string, items: string[]): void {
  if (items.length === 0) return;
  lines.push('', `## ${heading} (${items.length})`, '', ...items.map((item) => `- ${item}`));
}
