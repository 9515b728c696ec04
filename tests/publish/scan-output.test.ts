import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { scanOutput, scanPage } from '../../src/publish/scan-output.js';

const page = (body: string) => `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`;

describe('scanPage finds what templates never write', () => {
  test.each([
    ['an inline script', '<script>alert(1)</script>', 'a <script> element that is not from the templates'],
    ['a script file', '<script src="https://evil.test/x.js"></script>', 'a <script> element that is not from the templates'],
    ['an upper-case script', '<SCRIPT>alert(1)</SCRIPT>', 'a <script> element that is not from the templates'],
    ['an event handler', '<img src="a.jpg" onerror="alert(1)">', 'an event-handler attribute onerror='],
    ['a mixed-case event handler', '<p OnMouseOver="x()">a</p>', 'an event-handler attribute onmouseover='],
    ['a javascript: link', '<a href="javascript:alert(1)">a</a>', 'a javascript: URL in href='],
    ['an entity-encoded javascript: link', '<a href="jav&#x61;script&colon;alert(1)">a</a>', 'a javascript: URL in href='],
    ['a javascript: link with a tab and case', '<a href=" JaVa\tScRiPt:alert(1)">a</a>', 'a javascript: URL in href='],
    ['a vbscript: link', '<a href="vbscript:msgbox(1)">a</a>', 'a vbscript: URL in href='],
    ['a data: frame source', '<img src="data:text/html,<script>alert(1)</script>">', 'a data: URL in src='],
    ['a data: URL in a srcset', '<img src="a.jpg" srcset="a.jpg 1x, data:image/svg+xml,x 2x">', 'a data: URL in srcset='],
    ['a form to a script URL', '<form action="javascript:alert(1)"></form>', 'a javascript: URL in action='],
    ['an iframe', '<iframe src="https://evil.test/"></iframe>', 'an <iframe> element'],
    ['an embedded object', '<object data="x.swf"></object>', 'an <object> element'],
    ['a style element', '<style>body{}</style>', 'an <style> element'],
    ['a base element', '<base href="https://evil.test/">', 'an <base> element'],
    ['a refresh to a script URL', '<meta http-equiv="refresh" content="0; url=javascript:alert(1)">', 'a refresh to a script URL'],
    ['JSON-LD that content closed early', '<script type="application/ld+json">{"headline":"</script><script>alert(1)</script>"}</script>', 'a JSON-LD block that is not valid JSON'],
  ])('%s', (_name, body, finding) => {
    expect(scanPage(page(body))).toContain(finding);
  });

  test.each([
    ['ordinary links and images', '<a href="/news/a/">a</a> <a href="https://example.org/?q=javascript:x">b</a> <img src="/i.jpg" alt="onerror=alert(1)">'],
    ['payloads written as text', '<p>&lt;script&gt;alert(1)&lt;/script&gt; javascript:alert(1) onload=x</p>'],
    ['a summary that starts with a scheme-like word', '<meta name="description" content="JavaScript: the language of the web">'],
    ['valid JSON-LD holding a closing tag written safely', '<script type="application/ld+json">{"headline":"<\\/script>"}</script>'],
    ['mail and phone links', '<a href="mailto:desk@example.org">m</a> <a href="tel:+441234">t</a>'],
  ])('%s: nothing found', (_name, body) => {
    expect(scanPage(page(body))).toEqual([]);
  });
});

describe('scripts the templates put on a page', () => {
  const script = '<script type="module" src="/js/search.0123456789.js"></script>';
  test('pass on that page, and no other script does', () => {
    const allowed = new Set(['/js/search.0123456789.js']);
    expect(scanPage(page(script), allowed)).toEqual([]);
    expect(scanPage(page(`${script}<script src="/js/other.js"></script>`), allowed)).toEqual(['a <script> element that is not from the templates']);
    expect(scanPage(page('<script>alert(1)</script>'), allowed)).toEqual(['a <script> element that is not from the templates']);
  });

  test('on any other page they are findings', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-scan-'));
    try {
      mkdirSync(path.join(dir, 'search'));
      writeFileSync(path.join(dir, 'search', 'index.html'), page(script));
      writeFileSync(path.join(dir, 'index.html'), page(script));
      const scripts = new Map([['search/index.html', new Set(['/js/search.0123456789.js'])]]);
      expect(scanOutput(dir, ['search/index.html', 'index.html'], scripts)).toEqual([{ file: 'index.html', finding: 'a <script> element that is not from the templates' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('scanOutput', () => {
  test('reports symbolic links, paths outside the folder and unsafe pages, relative to the folder', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-scan-'));
    try {
      mkdirSync(path.join(dir, 'news'));
      writeFileSync(path.join(dir, 'news', 'index.html'), page('<p onclick="x()">a</p>'));
      writeFileSync(path.join(dir, 'clean.html'), page('<p>a</p>'));
      symlinkSync('/etc/passwd', path.join(dir, 'news', 'passwd'));
      const findings = scanOutput(dir, ['news/index.html', 'clean.html', '../escape.html']);
      expect(findings).toEqual([
        { file: 'news/passwd', finding: 'a symbolic link' },
        { file: 'news/index.html', finding: 'an event-handler attribute onclick=' },
        { file: '../escape.html', finding: 'a path outside the output folder' },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
