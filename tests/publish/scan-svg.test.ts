import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { scanOutput } from '../../src/publish/scan-output.js';
import { scanSvg } from '../../src/publish/scan-svg.js';

const svg = (inside: string, attributes = '') => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"${attributes}>${inside}</svg>`;
const scan = (text: string | Uint8Array) => scanSvg(typeof text === 'string' ? Buffer.from(text) : text);

describe('scanSvg finds what can act or reach out when the SVG is opened on the site', () => {
  test.each([
    ['a script', svg('<script>alert(1)</script>'), 'a <script> element'],
    ['a script with a namespace prefix', '<s:svg xmlns:s="http://www.w3.org/2000/svg"><s:script>alert(1)</s:script></s:svg>', 'a <script> element'],
    ['an XHTML script', svg('<html:script xmlns:html="http://www.w3.org/1999/xhtml">alert(1)</html:script>'), 'a <script> element'],
    ['a script in CDATA', svg('<script><![CDATA[alert(1)]]></script>'), 'a <script> element'],
    ['onload on the root', svg('', ' onload="alert(1)"'), 'an event-handler attribute onload='],
    ['a mixed-case handler', svg('<rect OnClick="x()"/>'), 'an event-handler attribute onclick='],
    ['a foreignObject', svg('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'), 'a <foreignobject> element'],
    ['an iframe', svg('<foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="https://evil.test/"/></foreignObject>'), 'a <iframe> element'],
    ['a javascript: link', svg('<a href="javascript:alert(1)"><text>x</text></a>'), 'a reference to another file or address in href='],
    ['an entity-written javascript: link', svg('<a xlink:href="&#106;avascript:alert(1)"><text>x</text></a>'), 'a reference to another file or address in href='],
    ['an outside image', svg('<image href="https://evil.test/pixel.png"/>'), 'a reference to another file or address in href='],
    ['a data: image', svg('<image xlink:href="data:image/png;base64,AAAA"/>'), 'a reference to another file or address in href='],
    ['a use of another file', svg('<use href="sprites.svg#icon"/>'), 'a reference to another file or address in href='],
    ['an xml:base that moves #fragments elsewhere', svg('<use href="#a"/>', ' xml:base="https://evil.test/"'), 'a reference to another file or address in base='],
    ['an outside url() in an attribute', svg('<rect fill="url(https://evil.test/x.svg#g)"/>'), 'a url() to another file or address in fill='],
    ['an outside url() in a style attribute', svg('<rect style="fill: url( \'//evil.test/x\' )"/>'), 'a url() to another file or address in style='],
    ['@import in a style element', svg('<style>@import "https://evil.test/x.css";</style>'), 'a <style> that loads another file or address'],
    ['an outside url() in a style element', svg('<style><![CDATA[rect { fill: url(https://evil.test/g) }]]></style>'), 'a <style> that loads another file or address'],
    ['an animation that sets a link', svg('<a href="#a"><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a>'), 'an animation that sets href='],
    ['an animation that sets a handler', svg('<animate attributeName="onbegin" to="alert(1)"/>'), 'an animation that sets onbegin='],
    ['an XSLT stylesheet', `<?xml version="1.0"?><?xml-stylesheet type="text/xsl" href="x.xsl"?>${svg('')}`, 'a processing instruction <?xml-stylesheet>'],
    ['an entity that spells a script', `<!DOCTYPE svg [<!ENTITY s "&#60;script&#62;alert(1)&#60;/script&#62;">]>${svg('&s;')}`, 'an entity declaration'],
    ['an encoding other than UTF-8', `<?xml version="1.0" encoding="ISO-8859-1"?>${svg('')}`, 'an encoding other than UTF-8'],
    ['UTF-16 without a byte-order mark', Buffer.from(svg('<script>alert(1)</script>'), 'utf16le'), 'NUL bytes (UTF-16 text?)'],
    ['UTF-16 with a byte-order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(svg('<script>alert(1)</script>'), 'utf16le')]), 'bytes that are not UTF-8'],
  ])('%s', (_name, text, finding) => {
    expect(scan(text)).toContain(finding);
  });

  test.each([
    ['the sample logo', readFileSync(path.resolve('public/images/courier-logo.svg'))],
    ['the sample icon', readFileSync(path.resolve('public/images/favicon.svg'))],
    [
      'a chart with a DOCTYPE, gradients, styles, links within the file and a byte-order mark',
      `\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<!-- made by hand -->${svg(
        '<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient><path id="p" d="M0 0h10"/></defs><style>.bar { fill: url(#g) }</style><rect class="bar" style="stroke: url(\'#g\')" width="5" height="5"/><use xlink:href="#p"/><a href="#p"><text>1</text></a><animate attributeName="width" from="0" to="5" dur="1s"/>',
      )}`,
    ],
  ])('%s passes', (_name, text) => {
    expect(scan(text)).toEqual([]);
  });
});

describe('scanOutput reads every SVG in the folder', () => {
  test('wherever it is, whatever its case, and a compressed one is a finding', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-scan-svg-'));
    try {
      mkdirSync(path.join(dir, 'images'));
      writeFileSync(path.join(dir, 'images', 'ok.svg'), svg('<rect/>'));
      writeFileSync(path.join(dir, 'images', 'Evil.SVG'), svg('', ' onload="alert(1)"'));
      writeFileSync(path.join(dir, 'packed.svgz'), Buffer.from([0x1f, 0x8b, 0x08]));
      expect(scanOutput(dir, [])).toEqual([
        { file: 'images/Evil.SVG', finding: 'an event-handler attribute onload=' },
        { file: 'packed.svgz', finding: 'a compressed SVG, which the scan cannot read' },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
