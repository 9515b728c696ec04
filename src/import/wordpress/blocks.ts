import { parse } from '@wordpress/block-serialization-default-parser';

/*
 * A Gutenberg body is HTML with block comments around each block. The saved
 * HTML of most blocks is what a reader saw, so it is kept and converted
 * like any HTML; the blocks whose meaning is in their comment (embeds,
 * dynamic blocks with no saved HTML) are rewritten here, by name.
 */

type Block = ReturnType<typeof parse>[number];

/** A block that could not be converted: its name, and the text kept for it in the file. */
export interface BlockNote {
  kind: 'unconverted' | 'warning';
  message: string;
  /** Text that is in the written file where the block ended up. */
  find?: string;
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const escapeComment = (value: string) => value.replace(/--/g, '- -');

/** Does this body use blocks (as opposed to the classic editor's HTML)? */
export const hasBlocks = (body: string): boolean => body.includes('<!-- wp:');

/** Blocks whose saved HTML is exactly what they mean; containers whose inner blocks carry the content. */
const SAVED_HTML = new Set([
  'core/paragraph', 'core/heading', 'core/list', 'core/list-item', 'core/quote', 'core/pullquote', 'core/table',
  'core/image', 'core/gallery', 'core/separator', 'core/preformatted', 'core/code', 'core/verse', 'core/html',
  'core/video', 'core/audio', 'core/columns', 'core/column', 'core/group', 'core/buttons', 'core/button',
  'core/details', 'core/media-text', 'core/cover', 'core/file', 'core/footnotes',
]);

/** Blocks that show nothing in a story's text. */
const SILENT = new Set(['core/spacer', 'core/more', 'core/nextpage']);

/**
 * The HTML a block body stands for, with embeds as `<bs-embed>` elements
 * and classic (freeform) parts run through `classic` (paragraphs and
 * shortcodes). Blocks that cannot be shown as HTML are kept as HTML
 * comments, which the site does not show, and listed.
 */
export function blocksToHtml(body: string, classic: (html: string) => string): { html: string; notes: BlockNote[] } {
  const notes: BlockNote[] = [];
  const render = (block: Block): string => {
    const name = block.blockName;
    if (name === null) return block.innerHTML.trim() ? classic(block.innerHTML) : '';
    if (SILENT.has(name)) {
      if (name === 'core/nextpage') notes.push({ kind: 'warning', message: 'page break (core/nextpage) removed: the story is one page now' });
      return '';
    }
    if (name === 'core/embed' || name.startsWith('core-embed/')) {
      const attrs = block.attrs ?? {};
      const url = typeof attrs['url'] === 'string' ? attrs['url'] : '';
      const caption = /<figcaption[^>]*>([\s\S]*?)<\/figcaption>/i.exec(block.innerHTML)?.[1] ?? '';
      return url ? `<bs-embed url="${escapeAttribute(url)}" title="${escapeAttribute(caption.replace(/<[^>]*>/g, '').trim())}"></bs-embed>` : '';
    }
    if (name === 'core/shortcode' || name === 'core/freeform') return classic(block.innerHTML);
    let inner = 0;
    const html = block.innerContent.map((part) => (part === null ? render(block.innerBlocks[inner++] as Block) : part)).join('');
    if (SAVED_HTML.has(name)) return html;
    if (html.trim()) {
      notes.push({ kind: 'warning', message: `block ${name} converted from its saved HTML; check how it reads` });
      return html;
    }
    // A dynamic block (latest posts, a form, a plugin's widget): WordPress draws it when the page is shown.
    const kept = `wp:${name}${block.attrs && Object.keys(block.attrs).length ? ` ${JSON.stringify(block.attrs)}` : ''}`;
    notes.push({ kind: 'unconverted', message: `block ${name} is drawn by WordPress when the page is shown and has no Broadsheet equivalent; kept as an HTML comment (not shown)`, find: `<!-- ${escapeComment(`wp:${name}`)}` });
    return `<!-- ${escapeComment(kept)} -->`;
  };
  const html = parse(body)
    .map(render)
    .filter((part) => part.trim())
    .join('\n\n');
  return { html, notes };
}
