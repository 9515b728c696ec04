// The Char production of XML 1.0: C0 controls other than tab, newline and
// carriage return, lone surrogates, U+FFFE and U+FFFF may not appear in a
// document at all, not even as character references, so they can only go.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

// A carriage return is escaped because parsers turn a literal one into a
// newline; in attributes, tabs and newlines too, because parsers turn those
// into spaces.
const TEXT_SPECIALS = /[&<>"'\r]/g;
const ATTRIBUTE_SPECIALS = /[&<>"'\t\n\r]/g;
const REFERENCES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#x9;',
  '\n': '&#xA;',
  '\r': '&#xD;',
};

/** `text` without the characters XML 1.0 forbids anywhere in a document. */
export function removeNonXmlChars(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}

/** `text` as XML character data: forbidden characters removed, markup characters escaped. */
export function xmlText(text: string): string {
  return removeNonXmlChars(text).replace(TEXT_SPECIALS, (char) => REFERENCES[char] ?? char);
}

/** `value` for an attribute in double quotes, kept exactly as given through a parser's normalizing. */
export function xmlAttribute(value: string): string {
  return removeNonXmlChars(value).replace(ATTRIBUTE_SPECIALS, (char) => REFERENCES[char] ?? char);
}

/**
 * `text` in a CDATA section. A `]]>` inside would end the section early, so
 * the section is closed between its `]]` and `>` and reopened.
 */
export function xmlCdata(text: string): string {
  return `<![CDATA[${removeNonXmlChars(text).replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

/** Plain text as HTML text: `&`, `<` and `>` escaped, so markup characters stay characters. */
export const htmlText = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
