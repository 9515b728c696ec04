/*
 * Classic WordPress bodies have no <p>: the editor saved paragraphs as text
 * separated by blank lines, and WordPress adds the markup when it shows the
 * post (wpautop), turning single line breaks into <br> and an address alone
 * on a line into an embed (autoembed). This does the same, so that an HTML
 * parser sees the paragraphs a reader saw.
 */

const BLOCK_START =
  /^<\/?(?:p|div|h[1-6]|ul|ol|li|dl|dt|dd|blockquote|table|thead|tbody|tfoot|tr|td|th|caption|figure|figcaption|pre|hr|iframe|bs-embed|video|audio|object|embed|form|section|article|aside|header|footer|nav|address|details|summary|script|style|noscript|!--)\b/i;

const BARE_ADDRESS = /^\s*(https?:\/\/[^\s<>"]+)\s*$/i;

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Paragraph markup for a classic body; `<pre>` blocks are kept as they are. */
export function autop(text: string): string {
  const kept: string[] = [];
  // A listing keeps its blank lines and line breaks: set it aside first.
  const protectedText = text.replace(/\r\n?/g, '\n').replace(/<pre\b[\s\S]*?<\/pre>/gi, (pre) => {
    kept.push(pre);
    return `\n\n\u0000${kept.length - 1}\u0000\n\n`;
  });
  const blocks = protectedText.split(/\n[ \t]*\n/).map((block) => block.trim()).filter(Boolean);
  const out: string[] = [];
  for (const block of blocks) {
    const listing = /^\u0000(\d+)\u0000$/.exec(block);
    if (listing) {
      out.push(kept[Number(listing[1])] ?? '');
      continue;
    }
    if (BLOCK_START.test(block)) {
      out.push(block);
      continue;
    }
    // An address alone on its line is an embed, and ends the paragraph around it.
    let lines: string[] = [];
    const flush = () => {
      if (lines.length) out.push(`<p>${lines.join('<br>\n')}</p>`);
      lines = [];
    };
    for (const line of block.split('\n')) {
      const address = BARE_ADDRESS.exec(line);
      if (address) {
        flush();
        out.push(`<bs-embed url="${escapeAttribute(address[1] ?? '')}" bare></bs-embed>`);
      } else lines.push(line);
    }
    flush();
  }
  return out.join('\n\n');
}
