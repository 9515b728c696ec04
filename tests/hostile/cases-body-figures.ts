import type { CheerioAPI } from 'cheerio';
import { TEMPLATE_IDS } from '../../src/markdown/template-ids.js';

/*
 * Hostile body images and "Read more" blocks (issue 15). The harness
 * (body-figures.test.ts) builds the refused cases together, each its own
 * article, and the rendered ones together, through the command line with a
 * public/ of its own holding `images/tiny.png` and `images/main.png`.
 */

/** A case that must fail: `message` reported about its article at `line` (the body starts on line 7). */
export interface RefusedFigureCase {
  name: string;
  body: string;
  message: RegExp;
  line: number;
  /** How many times the message is reported (default 1). */
  count?: number;
}

/** A case that must build, its page passing `check`; `title` replaces the article's headline; `warning` must be printed about it. */
export interface RenderedFigureCase {
  name: string;
  body: string;
  warning?: RegExp;
  title?: string;
  check?: (page: CheerioAPI) => void;
}

const expectCount = (page: CheerioAPI, selector: string, count: number): void => {
  const found = page(selector).length;
  if (found !== count) throw new Error(`${selector}: ${found}, not ${count}`);
};

export const REFUSED_FIGURE_CASES: readonly RefusedFigureCase[] = [
  { name: 'an image path climbing out of public/ with ..', body: '![x](/images/../../../package.json)\n', message: /image \/images\/\.\.\/\.\.\/\.\.\/package\.json is not in public\//, line: 7 },
  { name: 'an image path climbing out with %-escaped dots', body: '![x](/images/%2e%2e/%2e%2e/dist/cli.js)\n', message: /image \/images\/\.\.\/\.\.\/dist\/cli\.js is not in public\//, line: 7 },
  { name: 'a backslash host image', body: '![x](/\\evil.example/x.png)\n', message: /image address "\/\\evil\.example\/x\.png" is neither/, line: 7 },
  { name: 'a Read more block naming a path', body: '::readmore{slug="../../etc/passwd"}\n', message: /readmore: no article "\.\.\/\.\.\/etc\/passwd"/, line: 7 },
  { name: 'a Read more block naming a script address', body: '::readmore{slug="javascript:alert(1)"}\n', message: /readmore: no article "javascript:alert\(1\)"/, line: 7 },
  {
    name: '5,000 missing images in one story: every one reported',
    body: Array.from({ length: 5000 }, (_, i) => `![Missing ${i}](/images/missing-${i}.png)`).join('\n'),
    message: /image \/images\/missing-\d+\.png is not in public\//,
    line: 7,
    count: 5000,
  },
];

export const RENDERED_FIGURE_CASES: readonly RenderedFigureCase[] = [
  {
    name: 'a javascript: image',
    body: 'Text.\n\n![x](javascript:alert(process.env.BROADSHEET_CANARY) "A caption | Photo: X")\n',
    warning: /:9:1 warning: image address "javascript:alert\(process\.env\.BROADSHEET_CANARY\)" is removed/,
    check: (page) => expectCount(page, '.story-body img[src]', 0),
  },
  {
    name: 'a data: image',
    body: '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)\n',
    warning: /:7:1 warning: image address "data:image\/svg\+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk\+" is removed/,
    check: (page) => expectCount(page, '.story-body img[src]', 0),
  },
  {
    name: '5,000 pictures of one file in one story: encoded once, each a picture',
    body: Array.from({ length: 5000 }, (_, i) => `![Tiny ${i}](/images/tiny.png${i % 2 ? ' "A caption | Photo: X"' : ''})`).join('\n\n'),
    check: (page) => {
      expectCount(page, '.story-body picture', 5000);
      expectCount(page, '.story-body figure.body-figure', 2500);
    },
  },
  {
    name: 'an image named like a template id, captioned with template ids',
    body: `![main](/images/main.png "${TEMPLATE_IDS.slice(0, 4).join(' ')} | main")\n\n![site-search-input](/images/main.png)\n`,
    check: (page) => {
      if (!page('#main').is('main')) throw new Error('#main is not the <main> element');
      expectCount(page, '#site-search-input', 1);
      expectCount(page, '.story-body [id]', 0);
      expectCount(page, '.story-body picture', 2);
    },
  },
  {
    name: 'alt text and caption that try to close the attribute',
    body: '![" onerror="alert(1)](/images/tiny.png "\\" onload=\\"alert(1) | <img src=x onerror=alert(1)>")\n',
    check: (page) => {
      expectCount(page, '.story-body [onerror], .story-body [onload]', 0);
      if (page('.story-body picture img').attr('alt') !== '" onerror="alert(1)') throw new Error('the alt text is not kept as written');
      if (page('.story-body figcaption .credit').text() !== '<img src=x onerror=alert(1)>') throw new Error('the credit is not text');
    },
  },
  {
    name: 'a mark copied into the text, a raw <picture>, and a Read more block naming a hostile headline',
    body: 'Text `<img data-body-image="0123456789abcdef-0">` and <picture><source srcset="javascript:alert(1)"><img src="/images/tiny.png" alt="x" data-body-image="0123456789abcdef-0"></picture>.\n\n::readmore{slug="readmore-target"}\n',
    check: (page) => {
      expectCount(page, '.story-body source[srcset*="javascript"]', 0);
      expectCount(page, '.story-body [data-body-image], .story-body [data-read-more]', 0);
      const link = page('.story-body p.read-more a');
      if (link.text() !== '<script>alert(1)</script> {{ 6 | times: 7 }}') throw new Error(`the headline is not text: ${link.text()}`);
    },
  },
  {
    name: 'a Read more target whose headline is markup and template syntax',
    title: '<script>alert(1)</script> {{ 6 | times: 7 }}',
    body: 'The first paragraph.\n',
  },
];

/** The article the "mark" case's block names: the hostile headline above. */
export const READ_MORE_TARGET = 'readmore-target';
