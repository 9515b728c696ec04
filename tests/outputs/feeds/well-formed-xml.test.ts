import { expect, test } from 'vitest';
import { xmlProblems } from './well-formed-xml.js';

// The feed tests trust this checker, so it must catch what readers reject.
test.each([
  ['a bare ampersand', '<a>Fish & chips</a>', /bare "&"/],
  ['an unknown entity', '<a>&nbsp;</a>', /bare "&"/],
  ['a reference to NUL', '<a>&#0;</a>', /forbidden character/],
  ['a raw control character', '<a>\u0001</a>', /forbids/],
  ['a lone surrogate', '<a>\uD800</a>', /forbids/],
  ['"]]>" in text', '<a>x]]>y</a>', /"\]\]>" in text/],
  ['"<" in an attribute', '<a b="<"/>', /"<" in an attribute/],
  ['an unquoted attribute', '<a b=c/>', /malformed markup/],
  ['an attribute given twice', '<a b="1" b="2"/>', /twice/],
  ['crossed tags', '<a><b></a></b>', /does not close/],
  ['an unclosed tag', '<a><b></b>', /unclosed: <a>/],
  ['two roots', '<a/><b/>', /second root/],
  ['text after the root', '<a/>text', /outside the root/],
  ['an undeclared prefix', '<a><dc:creator>x</dc:creator></a>', /undeclared prefix/],
  ['an unclosed CDATA section', '<a><![CDATA[x</a>', /unclosed CDATA/],
  ['nothing', '', /no root/],
])('finds %s', (_, xml, problem) => {
  expect(xmlProblems(xml).join('\n')).toMatch(problem);
});

test('passes a well-formed document with namespaces, references, CDATA and comments', () => {
  const xml = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<!-- a feed -->',
    '<rss xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0">',
    '  <dc:creator title=\'a &amp; &quot;b&quot;\'>Fish &amp; chips &#x1F41F; &#10;</dc:creator>',
    '  <c xml:lang="en"><![CDATA[<p>x]]]]><![CDATA[>y</p>]]></c>',
    '</rss>',
    '',
  ].join('\n');
  expect(xmlProblems(xml)).toEqual([]);
});
