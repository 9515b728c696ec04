// Anything outside XML 1.0's `Char` production (C0 controls, lone surrogates,
// U+FFFE, U+FFFF) makes a parser reject the whole file, so one stray byte in a
// headline would cost the site its sitemap; such characters are dropped.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Text made safe for XML element content or a quoted attribute: characters
 * XML 1.0 forbids are removed and `& < > " '` become entities.
 */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}
