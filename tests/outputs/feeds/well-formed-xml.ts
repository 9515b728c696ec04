/*
 * A strict well-formedness check for the XML the feeds write. htmlparser2 and
 * cheerio forgive what an XML reader rejects (a bare `&`, an unclosed tag,
 * an undeclared prefix), so the feeds are first held to the rules here. It
 * covers the subset feeds use: a declaration, elements, attributes,
 * character data, CDATA and comments; no DTD, no processing instructions.
 */

const S = '[ \\t\\r\\n]';
const NAME = '[A-Za-z_][A-Za-z0-9._-]*(?::[A-Za-z_][A-Za-z0-9._-]*)?';
const DECLARATION = /^<\?xml version="1\.0"(?: encoding="[A-Za-z][A-Za-z0-9._-]*")?\?>/;
const START_TAG = new RegExp(`<(${NAME})((?:${S}+${NAME}${S}*=${S}*(?:"[^"]*"|'[^']*'))*)${S}*(/?)>`, 'y');
const END_TAG = new RegExp(`</(${NAME})${S}*>`, 'y');
const ATTRIBUTE = new RegExp(`(${NAME})${S}*=${S}*(?:"([^"]*)"|'([^']*)')`, 'g');
const REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#([0-9]+)|#x([0-9A-Fa-f]+));/y;
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function isXmlChar(codePoint: number): boolean {
  return codePoint <= 0x10ffff && NOT_XML_CHAR.test(String.fromCodePoint(codePoint)) === false;
}

// Problems in character data or an attribute value: a bare `&`, a bad reference, `]]>` or (in attributes) `<`.
function dataProblems(data: string, where: string, inAttribute: boolean): string[] {
  const problems: string[] = [];
  if (!inAttribute && data.includes(']]>')) problems.push(`"]]>" in text ${where}`);
  if (inAttribute && data.includes('<')) problems.push(`"<" in an attribute ${where}`);
  for (let i = data.indexOf('&'); i !== -1; i = data.indexOf('&', i + 1)) {
    REFERENCE.lastIndex = i;
    const match = REFERENCE.exec(data);
    if (!match) {
      problems.push(`a bare "&" ${where}: ${JSON.stringify(data.slice(i, i + 12))}`);
      continue;
    }
    const code = match[2] ? Number.parseInt(match[2], 10) : match[3] ? Number.parseInt(match[3], 16) : undefined;
    if (code !== undefined && !isXmlChar(code)) problems.push(`a reference to a forbidden character ${where}: ${match[0]}`);
  }
  return problems;
}

/** Every reason `xml` is not a well-formed, namespace-well-formed XML 1.0 document; empty when it is. */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  if (NOT_XML_CHAR.test(xml)) problems.push('a character XML 1.0 forbids');
  const open: { name: string; prefixes: Set<string> }[] = [];
  let roots = 0;
  let i = DECLARATION.exec(xml)?.[0].length ?? 0;
  while (i < xml.length && problems.length < 20) {
    const where = `at offset ${i}`;
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end === -1 || xml.slice(i + 4, end).includes('--')) problems.push(`a bad comment ${where}`);
      i = end === -1 ? xml.length : end + 3;
    } else if (xml.startsWith('<![CDATA[', i)) {
      const end = xml.indexOf(']]>', i);
      if (open.length === 0) problems.push(`CDATA outside the root element ${where}`);
      if (end === -1) problems.push(`an unclosed CDATA section ${where}`);
      i = end === -1 ? xml.length : end + 3;
    } else if (xml.startsWith('</', i)) {
      END_TAG.lastIndex = i;
      const match = END_TAG.exec(xml);
      const top = open.pop();
      if (!match || top?.name !== match[1]) {
        problems.push(`${match ? `</${match[1]}>` : 'a malformed end tag'} does not close ${top ? `<${top.name}>` : 'anything'} ${where}`);
        break;
      }
      i += match[0].length;
    } else if (xml[i] === '<') {
      START_TAG.lastIndex = i;
      const match = START_TAG.exec(xml);
      if (!match) {
        problems.push(`malformed markup ${where}: ${JSON.stringify(xml.slice(i, i + 30))}`);
        break;
      }
      const [whole, name = '', attributeText = '', selfClosing] = match;
      if (open.length === 0 && ++roots > 1) problems.push(`a second root element <${name}> ${where}`);
      const prefixes = new Set(open.at(-1)?.prefixes ?? ['xml', 'xmlns']);
      const seen = new Set<string>();
      const attributes = [...attributeText.matchAll(ATTRIBUTE)];
      for (const [, attribute = ''] of attributes) {
        if (attribute.startsWith('xmlns:')) prefixes.add(attribute.slice(6));
      }
      for (const [, attribute = '', double, single] of attributes) {
        if (seen.has(attribute)) problems.push(`attribute ${attribute} twice on <${name}> ${where}`);
        seen.add(attribute);
        problems.push(...dataProblems(double ?? single ?? '', `in ${attribute} on <${name}> ${where}`, true));
      }
      for (const qualified of [name, ...seen]) {
        const prefix = qualified.includes(':') ? qualified.split(':')[0] : undefined;
        if (prefix !== undefined && !prefixes.has(prefix)) problems.push(`undeclared prefix in ${qualified} ${where}`);
      }
      if (!selfClosing) open.push({ name, prefixes });
      i += whole.length;
    } else {
      const end = xml.indexOf('<', i);
      const text = xml.slice(i, end === -1 ? undefined : end);
      if (open.length === 0 && /[^ \t\r\n]/.test(text)) problems.push(`text outside the root element ${where}`);
      problems.push(...dataProblems(text, where, false));
      i = end === -1 ? xml.length : end;
    }
  }
  if (open.length > 0) problems.push(`unclosed: ${open.map((element) => `<${element.name}>`).join(' ')}`);
  if (roots === 0) problems.push('no root element');
  return problems;
}
