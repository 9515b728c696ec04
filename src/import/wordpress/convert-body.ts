import { autop } from './autop.js';
import { blocksToHtml, hasBlocks } from './blocks.js';
import { htmlToMarkdown, type HtmlContext } from './html-to-markdown.js';
import { convertShortcodes, type ShortcodeContext } from './shortcodes.js';

/** A construct converted with a loss or kept as it was; `find` is text to look for in the written file to give its line. */
export interface BodyNote {
  kind: 'unconverted' | 'warning';
  message: string;
  find?: string;
}

/** What converting a body asks of the import: addresses, alt texts, embeds and attachments. */
export type BodyContext = HtmlContext & ShortcodeContext;

/**
 * A post's `content:encoded` (classic HTML or Gutenberg blocks, with
 * shortcodes) as Broadsheet Markdown, with notes for the report.
 */
export function convertBody(source: string, context: BodyContext): { markdown: string; notes: BodyNote[] } {
  // WordPress runs shortcodes over the whole text, blocks or not.
  const shortcodes = convertShortcodes(source, context);
  const notes: BodyNote[] = shortcodes.notes.map(({ kind, message, name }) => (name ? { kind, message, find: `[${name}` } : { kind, message }));
  let html: string;
  if (hasBlocks(shortcodes.html)) {
    const blocks = blocksToHtml(shortcodes.html, autop);
    notes.push(...blocks.notes);
    html = blocks.html;
  } else html = autop(shortcodes.html);
  const converted = htmlToMarkdown(html, context);
  notes.push(...converted.notes);
  return { markdown: converted.markdown, notes };
}

/**
 * The 1-based line of `find` in `file` (as written, where Markdown may have
 * escaped a `[` as `\[`), searching from line `from`; undefined when absent.
 */
export function lineOf(file: string, find: string, from = 1): number | undefined {
  const lines = file.split('\n');
  const escaped = find.replace(/\[/g, '\\[');
  for (let index = from - 1; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (line.includes(find) || line.includes(escaped)) return index + 1;
  }
  return undefined;
}
