import type { CheerioAPI } from 'cheerio';
import type { CaseFiles, HostileCase } from './cases.js';

/*
 * Raw HTML in bodies (issue 15): the allowed subset is kept, everything
 * else is removed with a warning at its line, and nothing an editor writes
 * becomes a script, a style, a frame or markup our plugins reserve.
 * Bodies start on line 7 of each file (six lines of front matter).
 */

const BODY_LINE = 7;

const article = (slug: string, body: string): CaseFiles => ({
  [`articles/${slug}.md`]: `---\ntitle: "A raw HTML case"\ndate: 2025-03-14T08:30:00\nauthors: [jane-doe]\ncategory: news\n---\n${body}`,
});

const fail = (message: string): never => {
  throw new Error(message);
};

const body = (page: CheerioAPI) => page('.story-body');

/** No attribute in the body that styles, runs or names anything: what only our plugins may write. */
const noForgedAttributes = (page: CheerioAPI): void => {
  body(page).find('*').each((_, el) => {
    for (const name of Object.keys((el as { attribs?: Record<string, string> }).attribs ?? {})) {
      if (/^on|^style$|^srcdoc$|^data-|^id$/i.test(name)) fail(`<${(el as { tagName: string }).tagName} ${name}> reached the page`);
    }
  });
};

const shows = (text: string) => (page: CheerioAPI): void => {
  if (!body(page).text().includes(text)) fail(`the body does not show ${JSON.stringify(text)}: ${body(page).text().slice(0, 300)}`);
};

const has = (selector: string, count = 1) => (page: CheerioAPI): void => {
  const found = body(page).find(selector).length;
  if (found !== count) fail(`${found} × ${selector} in the body, not ${count}`);
};

const all = (...checks: ((page: CheerioAPI) => void)[]) => (page: CheerioAPI): void => checks.forEach((check) => check(page));

interface RawHtmlCase extends HostileCase {
  /** Lines the build must print about the case's file, as `line:column warning: message` (or error). */
  reported: RegExp[];
}

let counter = 0;
const cases: RawHtmlCase[] = [];
function add(name: string, text: string, check: (page: CheerioAPI) => void, reported: RegExp[]): void {
  const slug = `html-${String(++counter).padStart(3, '0')}`;
  cases.push({ kind: 'body', name, files: article(slug, text), outcome: { renders: { url: `/news/${slug}/`, check } }, reported });
}
const at = (line: number, column: number, message: string): RegExp =>
  new RegExp(`:${BODY_LINE + line - 1}:${column} warning: ${message.replace(/[.*+?^${}()|[\]\\<>]/g, '\\$&')}`);

add(
  'style and on* attributes inside allowed elements',
  '<figure style="position:fixed;inset:0" onclick="alert(1)">\n<img src="/images/harbour-dawn.jpg" alt="The harbour" onerror="alert(1)" style="width:9999px">\n<figcaption onmouseover="alert(1)" class="embed-facade">The harbour at dawn</figcaption>\n</figure>\n\n<table style="x"><tr><td onclick="alert(1)" style="x">cell</td></tr></table>\n',
  all(noForgedAttributes, has('figure'), has('figure img[alt="The harbour"]'), has('figcaption'), shows('The harbour at dawn'), shows('cell'), (page) => {
    if (body(page).find('[class]').filter((_, el) => page(el).attr('class') === 'embed-facade').length > 0) fail('an editor forged a plugin class');
  }),
  [at(1, 1, 'style attribute removed from <figure>'), at(1, 1, 'onclick attribute removed from <figure>'), at(2, 1, 'onerror attribute removed from <img>'), at(3, 1, 'class attribute removed from <figcaption>'), at(6, 1, 'style attribute removed from <table>')],
);
add(
  'srcdoc on a frame and on an allowed element',
  'Before.\n\n<iframe srcdoc="<script>parent.alert(document.domain)</script>"></iframe>\n\n<p srcdoc="<script>alert(1)</script>">After.</p>\n',
  all(noForgedAttributes, has('iframe', 0), shows('After.')),
  [at(3, 1, '<iframe srcdoc="<script>parent.alert(document.domain)</script>"> removed'), at(5, 1, 'srcdoc attribute removed from <p>')],
);
add(
  'an <img> with a javascript: source, in every spelling',
  'One <img src=javascript:alert(1) alt=one> two <img src="jav&#x09;ascript:alert(1)" alt="two"> three <img src=" JAVASCRIPT:alert(1)" alt="three"> four <img src="data:image/svg+xml,<svg onload=alert(1)>" alt="four">.\n',
  all(has('img', 0), shows('One  two  three  four')),
  [at(1, 5, '<img src="javascript:alert(1)"> removed: not a web address (3 times; the first is here)'), at(1, 151, '<img src="data:image/svg+xml,<svg onload=alert(1)>"> removed: not a web address')],
);
add(
  'nested figure and details tricks',
  '<details open><summary><figure><details><summary>Inner</summary><img src="/images/harbour-dawn.jpg" alt="Deep" onload="alert(1)"></details><figcaption>Caption in a summary</figcaption></figure></summary>Outer text</details>\n\n<figure><figcaption>First</figcaption><figcaption>Second</figcaption><figure><figcaption><figure>Third</figure></figcaption></figure></figure>\n',
  all(noForgedAttributes, has('details', 2), has('figure', 4), shows('Outer text'), shows('Caption in a summary'), shows('Third')),
  [at(1, 65, 'onload attribute removed from <img>')],
);
add(
  'a table inside a link with a script URL',
  '<a href="javascript:alert(1)"><table><tr><td>Click the cell</td></tr></table></a>\n\nAfter.\n',
  all(has('a[href]', 0), has('table'), shows('Click the cell'), shows('After.')),
  [at(1, 1, 'href="javascript:alert(1)" removed from <a>: not a web address')],
);
add(
  'an unclosed <details> swallowing the rest of the story',
  'Intro.\n\n<details>\n<summary>Facts</summary>\n\nThe rest of the story.\n\n## A heading\n\nThe end.\n',
  all(has('details'), shows('The rest of the story.'), shows('The end.'), has('h2#a-heading')),
  [at(3, 1, '<details> is never closed, so everything after it to the end of the text is inside it')],
);
add(
  'an unclosed <script> in a paragraph keeps the Markdown after it',
  'A paragraph <script>alert(1) with *emphasis* and [a link](/news/) after it.\n\nNext paragraph.\n',
  all(has('script', 0), shows('alert(1) with'), has('em'), has('a[href="/news/"]'), shows('Next paragraph.')),
  [at(1, 13, '<script> is never closed, so everything after it to the end of the paragraph is inside it'), at(1, 13, '<script> removed')],
);
add(
  'an unclosed <script> block takes the text after it, with a warning',
  'Intro.\n\n<script>\nalert(1)\n\nAll of this is inside the script.\n',
  all(has('script', 0), shows('Intro.')),
  [at(3, 1, '<script> is never closed'), at(3, 1, '<script> removed with everything inside it')],
);
add(
  'noscript and style tricks for mutation XSS',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>\n\n<p><style><img src=x onerror=alert(1)></style>Text</p>\n\nAfter.\n',
  all(noForgedAttributes, has('img', 0), has('style', 0), shows('After.')),
  [at(1, 1, '<noscript> removed with everything inside it'), at(3, 4, '<style> removed with everything inside it')],
);
add(
  '2,000 wrappers are one warning',
  `${'<span style="color:red">word</span> '.repeat(2_000)}\n`,
  all(has('span', 0), shows('word word word')),
  [at(1, 1, '<span> removed; its text is kept (2000 times; the first is here)')],
);
add(
  'a link that opens a new window and names the page',
  '<a href="https://evil.example/" target="_blank" name="main" id="main">Out</a>\n',
  all(noForgedAttributes, has('a[href="https://evil.example/"][rel="noopener"]'), has('a[target]', 0)),
  [at(1, 1, 'target attribute removed from <a>'), at(1, 1, 'id attribute removed from <a>'), at(1, 1, 'name attribute removed from <a>')],
);

/** Readers' comments: no HTML at all, each removal reported at the comment's line. */
const commentCase: RawHtmlCase = {
  kind: 'comment',
  name: 'HTML in a reader\'s comment',
  files: {
    ...article('html-comment', 'The story.\n'),
    'comments/html-comment/reader.yml': 'name: Reader\ndate: 2025-03-15T10:00\nbody: |\n  I <b onclick="alert(1)">agree</b>.\n\n  <details><summary>More</summary>Hidden</details>\n',
  },
  outcome: {
    renders: {
      url: '/news/html-comment/',
      file: 'content/comments/html-comment/reader.yml',
      check: (page) => {
        const comment = page('.comments .comment-body');
        if (comment.find('b, details, summary').length > 0) fail('HTML from the public reached the page');
        if (!comment.text().includes('I agree.') || !comment.text().includes('More')) fail(`comment text: ${comment.text()}`);
      },
    },
  },
  // Columns count in the body as YAML reads it, without the block's indentation.
  reported: [/:4:3 warning: <b> removed; its text is kept/, /:6:1 warning: <details> removed; its text is kept/],
};

/** Cases that build, with warnings. */
export const RAW_HTML_CASES: readonly RawHtmlCase[] = [...cases, commentCase];

/** HTML nested past the limit: refused with an error at its line. */
export const DEEP_HTML_CASE: RawHtmlCase = {
  kind: 'limit',
  name: '5,000 unclosed <sup>',
  files: article('html-deep', `Intro.\n\nA ${'<sup>'.repeat(5000)} deep.\n`),
  outcome: { refused: { message: /HTML elements open more than 100 levels deep/, line: BODY_LINE + 2 } },
  reported: [/:9:\d+ error: HTML elements open more than 100 levels deep; this HTML is left out/],
};
