import { expect, test } from 'vitest';
import { removeNonXmlChars, xmlAttribute, xmlCdata, xmlText } from '../../src/util/xml-text.js';

test.each([
  ['NUL and other C0 controls', 'a\u0000b\u0001c\u001fd', 'abcd'],
  ['tab, newline and carriage return stay', 'a\tb\nc\rd', 'a\tb\nc\rd'],
  ['a lone high surrogate', 'a\uD800b', 'ab'],
  ['a lone low surrogate', 'a\uDC00b', 'ab'],
  ['U+FFFE and U+FFFF', 'a\uFFFEb\uFFFFc', 'abc'],
  ['a surrogate pair (emoji) stays', 'fish 🐟', 'fish 🐟'],
  ['DEL and C1 controls stay (XML 1.0 allows them)', 'a\u007f\u0085b', 'a\u007f\u0085b'],
])('removeNonXmlChars: %s', (_, input, expected) => {
  expect(removeNonXmlChars(input)).toBe(expected);
});

test('xmlText escapes the five markup characters and a carriage return', () => {
  expect(xmlText(`</a> & "b" 'c' ]]> \r\n\t`)).toBe('&lt;/a&gt; &amp; &quot;b&quot; &apos;c&apos; ]]&gt; &#xD;\n\t');
});

test('xmlText leaves existing references alone only by escaping them again', () => {
  expect(xmlText('&amp; &#60;')).toBe('&amp;amp; &amp;#60;');
});

test('xmlAttribute also keeps tabs and newlines from becoming spaces', () => {
  expect(xmlAttribute('a\tb\nc\rd "e" <f> & \u0000')).toBe('a&#x9;b&#xA;c&#xD;d &quot;e&quot; &lt;f&gt; &amp; ');
});

test.each([
  ['plain HTML', '<p>a & b</p>', '<![CDATA[<p>a & b</p>]]>'],
  ['one "]]>"', 'x]]>y', '<![CDATA[x]]]]><![CDATA[>y]]>'],
  ['"]]>" twice and at the end', ']]>]]>', '<![CDATA[]]]]><![CDATA[>]]]]><![CDATA[>]]>'],
  ['forbidden characters', 'a\u0000\uFFFFb', '<![CDATA[ab]]>'],
])('xmlCdata: %s', (_, input, expected) => {
  expect(xmlCdata(input)).toBe(expected);
});
