import type { CheerioAPI } from 'cheerio';
import { FOLDER_AND_LIMIT_CASES } from './cases-folders-limits.js';
import { SVG_AND_HEADER_CASES } from './cases-svg-headers.js';

/** The environment variable every run carries; its value must never reach an output file or a log. */
export const CANARY_VARIABLE = 'BROADSHEET_CANARY';

/**
 * Files of one case, by path under content/. Buffers are written as they are (invalid UTF-8).
 * `{ symlink }` makes a symbolic link to `secret.md` (a file) or `folder` (a folder holding
 * secret.md and story/secret.yml) in a folder outside the newsroom, whose files hold the canary.
 */
export type CaseFiles = Record<string, string | Buffer | { symlink: 'secret.md' | 'folder' }>;

export type Outcome =
  /** The build fails, naming `file` (default: the case's article) with a message matching `message`, on `line` when given. */
  | { refused: { message: RegExp; line?: number; file?: string } }
  /** The build succeeds and the page at `url` passes `check`; `warning` must be printed about `file` (default: the case's article) when given. */
  | { renders: { url: string; check?: (page: CheerioAPI) => void; warning?: RegExp; file?: string } };

export interface HostileCase {
  name: string;
  kind: 'front matter' | 'slug or path' | 'body' | 'field' | 'comment' | 'folder or link' | 'limit';
  files: CaseFiles;
  outcome: Outcome;
}

const canary = `process.env.${CANARY_VARIABLE}`;

/** Front matter lines, as an editor writes them, around a body. */
const file = (lines: string[], body = 'The first paragraph.\n'): string => `---\n${lines.join('\n')}\n---\n${body}`;
const fields = (extra: string[] = [], body?: string, title = 'A hostile case'): string =>
  file([`title: ${JSON.stringify(title)}`, 'date: 2025-03-14T08:30:00', 'authors: [jane-doe]', 'category: news', ...extra], body);

let counter = 0;
const cases: HostileCase[] = [];
/** A case whose one article is `text`, at /news/<slug>/. */
function add(kind: HostileCase['kind'], name: string, text: string | Buffer, outcome: (slug: string, path: string) => Outcome): void {
  const slug = `case-${String(++counter).padStart(3, '0')}`;
  const path = `articles/${slug}.md`;
  cases.push({ kind, name, files: { [path]: text }, outcome: outcome(slug, `content/${path}`) });
}
const refused = (message: RegExp, line?: number) => () => ({ refused: { message, line } });
const renders = (check?: (page: CheerioAPI) => void, warning?: RegExp) => (slug: string) => ({ renders: { url: `/news/${slug}/`, check, warning } });
const bodyText = (page: CheerioAPI): string => page('.story-body').text();
const bodyShows = (text: string) => (page: CheerioAPI) => {
  if (!bodyText(page).includes(text)) throw new Error(`the body does not show ${JSON.stringify(text)} as text: ${bodyText(page).slice(0, 200)}`);
};
const headlineIs = (text: string) => (page: CheerioAPI) => {
  if (page('h1').first().text() !== text) throw new Error(`the headline is ${JSON.stringify(page('h1').first().text())}, not ${JSON.stringify(text)}`);
  if (!page('title').text().startsWith(text)) throw new Error(`the <title> is ${JSON.stringify(page('title').text())}`);
};

// ── Front matter: languages other than YAML are refused on line 1 ──
for (const fence of ['---js', '---javascript', '---JS', '--- js ', '---json', '---toml', '---constructor', '---coffee']) {
  add('front matter', `${fence.trim()} front matter`, `${fence}\n{ title: ${canary}, date: require('child_process').execSync('id').toString() }\n---\nBody.\n`, refused(/only YAML is read/, 1));
}
// ── YAML that must not be read as code or expanded ──
add('front matter', 'a !!js/function tag', fields([`summary: !!js/function "function () { return ${canary} }"`]), refused(/YAML: .*tag/i, 6));
add('front matter', 'a !!binary tag', fields(['summary: !!binary aGVsbG8=']), refused(/YAML: .*tag/i, 6));
add('front matter', 'a !!set tag', fields(['tags: !!set {a, b}']), refused(/YAML: .*tag/i, 6));
add('front matter', 'a duplicate key', fields(['title: Again']), refused(/YAML: .*unique/i, 6));
add(
  'front matter',
  'an alias bomb (billion laughs)',
  file(['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefghij'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghij'[i]}`).join(', ')}]`), 'title: Boom', 'date: 2025-03-14', 'authors: [jane-doe]', 'category: news']),
  refused(/alias/i),
);
add('front matter', '5,000-deep nesting', fields([`summary: ${'['.repeat(5000)}${']'.repeat(5000)}`]), refused(/nested too deeply/));
add('front matter', 'a scalar instead of a mapping', file(['just a sentence']), refused(/found a single value or a list/, 2));
add('front matter', 'a list instead of a mapping', file(['- title', '- date']), refused(/found a single value or a list/, 2));
add('front matter', 'no closing ---', '---\ntitle: Open\ndate: 2025-03-14\n\nBody without an end.\n', refused(/not closed/));
add('front matter', 'a blank line before ---', `\n${fields()}`, refused(/must start on the first line/, 2));
add('front matter', 'an impossible date', file(['title: Leap', 'date: 2024-02-30', 'authors: [jane-doe]', 'category: news']), refused(/not a real date/, 3));
add('front matter', 'a month 13', file(['title: Month', 'date: 2024-13-45', 'authors: [jane-doe]', 'category: news']), refused(/date/, 3));
add('front matter', 'a title 01234 read as a number', file(['title: 01234', 'date: 2025-03-14', 'authors: [jane-doe]', 'category: news']), refused(/title: .*(text|string)/i, 2));
add('front matter', 'a title 1.10 read as a number', file(['title: 1.10', 'date: 2025-03-14', 'authors: [jane-doe]', 'category: news']), refused(/title: .*(text|string)/i, 2));
add('front matter', 'NO stays the word NO', file(['title: NO', 'date: 2025-03-14', 'authors: [jane-doe]', 'category: news']), renders(headlineIs('NO')));
add('front matter', 'an author slug written as a number', file(['title: Numbers', 'date: 2025-03-14', 'authors: [01234]', 'category: news']), refused(/authors/, 4));
for (const key of ['layout: ../../etc/passwd', 'permalink: ../deploy.sh', 'eleventyComputed: { title: "{{ 6 * 7 }}" }', 'templateEngineOverride: njk,md', 'pagination: { data: collections.all, size: 1 }', 'eleventyExcludeFromCollections: true']) {
  add('front matter', `the engine key ${key.split(':')[0]}`, fields([key], 'Body {{ 6 * 7 }}.\n'), renders(bodyShows('Body {{ 6 * 7 }}.'), /has no effect|unknown/i));
}
add('front matter', 'a __proto__ key', fields(['__proto__: { polluted: yes, title: Hijacked }']), renders(headlineIs('A hostile case'), /__proto__/));
add('front matter', 'a constructor key', fields(['constructor: { prototype: { polluted: yes } }']), renders(headlineIs('A hostile case'), /constructor/));

// ── Slugs and paths: nothing from content chooses where a file goes ──
for (const slug of ['../x', '/abs', '%2e%2e', '..\\\\x', 'Tram', 'tram-lіne', 'con', 'lpt1', 'a/b', '.', 'x'.repeat(300)]) {
  add('slug or path', `slug ${JSON.stringify(slug.slice(0, 20))}`, fields([`slug: "${slug}"`]), refused(/slug/, 6));
}
const named = (name: string, files: CaseFiles, failing: string, message: RegExp): HostileCase => ({
  kind: 'slug or path',
  name,
  files,
  outcome: { refused: { message, file: `content/${failing}` } },
});
cases.push(
  named('a Unicode look-alike file name', { 'articles/tram-l\u0456ne.md': fields() }, 'articles/tram-l\u0456ne.md', /slug/),
  named('a Windows reserved file name', { 'articles/aux.md': fields() }, 'articles/aux.md', /Windows reserves/),
  named('a case-only duplicate file name', { 'articles/case-only.md': fields(), 'articles/CASE-ONLY.md': fields() }, 'articles/CASE-ONLY.md', /slug/),
  named('a Windows reserved author file', { 'authors/nul.md': file(['name: Nul']) }, 'authors/nul.md', /Windows reserves/),
  named('a file name with spaces', { 'categories/home news.md': file(['name: Home news']) }, 'categories/home news.md', /slug/),
);
add('slug or path', 'an image path out of public/', fields(['image: { src: ../../etc/passwd, alt: A view }']), refused(/image/, 6));
add('slug or path', 'a javascript: lead image', fields(['image: { src: "javascript:alert(1)", alt: A view }']), refused(/image/, 6));
add('slug or path', 'a pinned related link out of the site', fields(['related: [../../etc/passwd]']), refused(/related/, 6));
add('slug or path', 'tags that differ only in case share one page', fields(['tags: [Harbour, HARBOUR, harbour]']), renders((page) => {
  const links = page('.story-tags a').map((_, a) => page(a).attr('href')).get();
  if (new Set(links).size !== 1) throw new Error(`tag links: ${links.join(' ')}`);
}));

// ── Bodies: raw HTML and script URLs never reach a reader; template syntax is text ──
const bodies: [string, string, ((page: CheerioAPI) => void)?][] = [
  ['a script element', `<script>document.write(${canary})</script>\n\nAfter.\n`],
  ['an event handler', '<img src="https://images.example.org/x.jpg" alt="A picture" onerror="alert(1)">\n\nAfter.\n'],
  ['a javascript: link', '[click](javascript:alert(1))\n'],
  ['a mixed-case javascript: link', '[click](JaVaScRiPt:alert(1))\n'],
  ['a javascript: link written with entities', '[click](javascript&#58;alert(1)) and [two](&#106;avascript:alert(1))\n'],
  ['a javascript: link in raw HTML', '<a href="javascript:alert(1)">raw</a>\n'],
  ['a javascript: reference link', '[click][ref]\n\n[ref]: javascript:alert(1)\n'],
  ['a javascript: autolink', '<javascript:alert(1)>\n'],
  ['a data: link', '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)\n'],
  ['a vbscript: link', '[click](vbscript:msgbox(1))\n'],
  ['a javascript: image', '![pic](javascript:alert(1))\n'],
  ['an iframe', '<iframe src="https://evil.example/"></iframe>\n\nAfter.\n'],
  ['an svg with onload', '<svg onload="alert(1)"><circle r="1"/></svg>\n\nAfter.\n'],
  ['a style element', '<style>body { display: none }</style>\n\nAfter.\n'],
  ['a form posting to a script URL', '<form action="javascript:alert(1)"><button>Go</button></form>\n'],
  ['a meta refresh', '<meta http-equiv="refresh" content="0; url=javascript:alert(1)">\n'],
  ['a base element', '<base href="https://evil.example/">\n\nAfter.\n'],
  ['object and embed', '<object data="x.swf"></object><embed src="x.swf">\n\nAfter.\n'],
  ['a mutation-XSS tangle', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>\n'],
  ['a closing script tag in text', 'Text </script><script>alert(1)</script> more.\n'],
  ['a srcset with a script URL', '<img src="https://images.example.org/a.jpg" alt="A picture" srcset="javascript:alert(1) 1x">\n'],
  ['an HTML comment hiding a script', '<!-- <script>alert(1)</script> -->\n\nAfter.\n'],
  ['Liquid syntax', 'Answer: {{ 6 | times: 7 }} {% assign x = 1 %}\n', bodyShows('{{ 6 | times: 7 }}')],
  ['Nunjucks syntax', 'Answer: {{ 6 * 7 }} {% set x = 1 %}\n', bodyShows('{{ 6 * 7 }}')],
  ['the constructor chain', `Leak: {{ "".constructor.constructor("return ${canary}")() }}\n`, bodyShows('{{ "".constructor.constructor(')],
  ['a range constructor to a shell', `Run: {{ range.constructor("return global.process.mainModule.require('child_process').execSync('id')")() }}\n`, bodyShows('{{ range.constructor(')],
  ['50,000 [', `${'['.repeat(50_000)}\n`],
  ['NUL characters', 'Null\u0000byte and \u0000 more.\n', (page) => { if (page.html().includes('\u0000')) throw new Error('a NUL reached the page'); }],
  ['a lone surrogate written as an entity', 'Half a pair: &#xD800; here.\n'],
];
for (const [name, body, check] of bodies) add('body', name, fields([], body), renders(check));
add('body', 'a 1,000-deep list', fields([], Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n')), refused(/nested .* levels deep/));
add('body', '5,000 >', fields([], `${'>'.repeat(5000)} deep\n`), refused(/nested 5000 levels deep/, 7));
add('body', 'a 10 MB paragraph', fields([], `${'word '.repeat(2_000_000)}\n`), refused(/limit is 4 MB/));
add('body', 'invalid UTF-8', Buffer.concat([Buffer.from(fields([], 'Good line.\n')), Buffer.from([0xff, 0xfe, 0x0a])]), refused(/not valid UTF-8/, 8));
add('body', 'a lone surrogate in the bytes (CESU-8)', Buffer.concat([Buffer.from(fields([], 'Half: ')), Buffer.from([0xed, 0xa0, 0x80, 0x0a])]), refused(/not valid UTF-8/, 7));

// ── The same payloads in fields, which templates print escaped ──
const payloads = ['</title><script>alert(1)</script>', '"><img src=x onerror=alert(1)>', `{{ "".constructor.constructor("return ${canary}")() }}`, 'javascript:alert(1)'];
for (const payload of payloads) {
  add('field', `a title ${payload.slice(0, 24)}`, fields([], undefined, payload), renders(headlineIs(payload)));
  add('field', `a summary ${payload.slice(0, 24)}`, fields([`summary: ${JSON.stringify(payload)}`]), renders((page) => {
    if (page('.standfirst').text() !== payload) throw new Error(`standfirst ${page('.standfirst').text()}`);
    if (page('meta[name="description"]').attr('content') !== payload) throw new Error('meta description differs');
  }));
  add('field', `a tag ${payload.slice(0, 24)}`, fields([`tags: [${JSON.stringify(payload)}]`]), renders((page) => {
    if (page('.story-tags a').text() !== payload) throw new Error(`tag shown as ${page('.story-tags a').text()}`);
  }));
  add('field', `a caption and credit ${payload.slice(0, 24)}`, fields([`image: { src: /images/harbour-dawn.jpg, alt: ${JSON.stringify(payload)}, caption: ${JSON.stringify(payload)}, credit: ${JSON.stringify(payload)} }`]), renders((page) => {
    if (page('figure img').attr('alt') !== payload) throw new Error('alt differs');
    if (!page('figcaption').text().startsWith(payload)) throw new Error(`caption ${page('figcaption').text()}`);
  }));
}
// An author and a section whose names are payloads; their articles show them escaped.
cases.push({
  kind: 'field',
  name: 'an author name, role and bio with payloads',
  files: {
    'authors/mallory.md': file([`name: ${JSON.stringify(payloads[0])}`, `role: ${JSON.stringify(payloads[1])}`]),
    'articles/by-mallory.md': file(['title: By Mallory', 'date: 2025-03-14', 'authors: [mallory]', 'category: news']),
  },
  outcome: {
    renders: {
      url: '/news/by-mallory/',
      check: (page) => {
        if (!page('.byline').text().includes(payloads[0]!) || !page('.byline').text().includes(payloads[1]!)) throw new Error(`byline ${page('.byline').text()}`);
      },
    },
  },
});
cases.push({
  kind: 'field',
  name: 'a section name and description with payloads',
  files: {
    'categories/mallory.md': file([`name: ${JSON.stringify(payloads[1])}`, `description: ${JSON.stringify(payloads[0])}`], '<script>alert(1)</script> Intro.\n'),
    'articles/in-mallory.md': file(['title: In Mallory', 'date: 2025-03-14', 'authors: [jane-doe]', 'category: mallory']),
  },
  outcome: {
    renders: {
      url: '/mallory/in-mallory/',
      check: (page) => {
        if (page('.breadcrumb li').eq(1).text() !== payloads[1]) throw new Error(`breadcrumb ${page('.breadcrumb').text()}`);
      },
    },
  },
});

// ── Readers' comments: public text, under the same rules as articles and a smaller size limit ──
/** A case of one article and one comment on it, `comments/<slug>/reader.yml`. */
function addComment(name: string, comment: string | Buffer, outcome: (slug: string, path: string) => Outcome): void {
  const slug = `case-${String(++counter).padStart(3, '0')}`;
  const path = `comments/${slug}/reader.yml`;
  cases.push({ kind: 'comment', name, files: { [`articles/${slug}.md`]: fields(), [path]: comment }, outcome: outcome(slug, `content/${path}`) });
}
const commentFile = (lines: string[], body: string): string => [...lines, 'body: |', ...body.split('\n').map((line) => `  ${line}`), ''].join('\n');
const signed = (body: string, name = 'Reader'): string => commentFile([`name: ${JSON.stringify(name)}`, 'date: 2025-03-15T10:00'], body);
const refusedComment = (message: RegExp, line?: number) => (_slug: string, file: string): Outcome => ({ refused: { message, line, file } });
const commentShows = (check: (comment: ReturnType<CheerioAPI>, page: CheerioAPI) => void) => (slug: string): Outcome => ({
  renders: {
    url: `/news/${slug}/`,
    check: (page) => {
      const comment = page('.comments .comment');
      if (comment.length !== 1) throw new Error(`${comment.length} comments shown`);
      check(comment, page);
    },
  },
});

addComment('a script, handlers and script URLs in a comment', signed(`<script>document.write(${canary})</script>\n\n<img src=x onerror=alert(1)> [win](javascript:alert(1)) [two](JaVaScRiPt&#58;alert(1))\n\nAfter.`), commentShows((comment) => {
  if (!comment.find('.comment-body').text().includes('After.')) throw new Error(`body ${comment.find('.comment-body').text()}`);
}));
addComment('a tracking pixel in a comment', signed('![](https://tracker.example/pixel.gif?reader=1)'), commentShows((comment) => {
  if (comment.find('img').length > 0) throw new Error('an image from the public is loaded by every reader');
}));
addComment('a commenter named with markup and template syntax', signed('Hello.', `</title><script>alert(1)</script>{{ ${canary} }}`), commentShows((comment) => {
  if (comment.find('.comment-author').text() !== `</title><script>alert(1)</script>{{ ${canary} }}`) throw new Error(`name ${comment.find('.comment-author').text()}`);
}));
addComment('a !!js/function tag in a comment', `name: Reader\ndate: 2025-03-15\nbody: !!js/function "function () { return ${canary} }"\n`, refusedComment(/YAML: .*tag/i, 3));
addComment('a comment with 5,000 >', signed(`${'>'.repeat(5000)} deep`), refusedComment(/nested 5000 levels deep/, 4));
addComment('a 100 KB comment', signed('word '.repeat(20_000)), refusedComment(/limit is 64 KB/));
cases.push({
  kind: 'comment',
  name: 'a comment folder escaping comments/',
  files: { 'articles/escape.md': fields(), 'comments/%2e%2e/escape/x.yml': signed('Out.') },
  outcome: { refused: { message: /is not an article's folder/, file: 'content/comments/%2e%2e/escape/x.yml' } },
});

export const HOSTILE_CASES: readonly HostileCase[] = [...cases, ...FOLDER_AND_LIMIT_CASES, ...SVG_AND_HEADER_CASES];
