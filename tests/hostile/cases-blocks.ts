import type { CheerioAPI } from 'cheerio';
import type { CaseFiles, HostileCase } from './cases.js';

/*
 * Hostile bodies for directives, newsroom blocks and highlighted code
 * (issue 15). Each renders safely with a warning, or is refused with an
 * error at its line; blocks-hostile.test.ts builds them with the CLI.
 */

const FRONT_MATTER_LINES = 6;
const article = (slug: string, body: string): CaseFiles => ({
  [`articles/${slug}.md`]: `---\ntitle: "A block case"\ndate: 2025-03-14T08:30:00\nauthors: [jane-doe]\ncategory: news\n---\n${body}`,
});
/** The line in the file of line `bodyLine` of the body. */
const line = (bodyLine: number) => FRONT_MATTER_LINES + bodyLine;

const fail = (message: string): never => {
  throw new Error(message);
};
/** Elements of the story body matching `selector`. */
const inBody = (page: CheerioAPI, selector: string) => page('.story-body').find(selector);
/** No element of the body carries any of these attributes. */
const noAttributes = (page: CheerioAPI, ...names: string[]) =>
  inBody(page, '*').each((_, el) => {
    for (const name of Object.keys(page(el).attr() ?? {})) if (names.includes(name) || name.startsWith('on')) fail(`<${el.tagName} ${name}> in the body`);
  });

let counter = 0;
const cases: HostileCase[] = [];
function add(name: string, kind: HostileCase['kind'], body: string, outcome: (slug: string) => HostileCase['outcome']): void {
  const slug = `block-${String(++counter).padStart(2, '0')}`;
  cases.push({ name, kind, files: article(slug, body), outcome: outcome(slug) });
}
const renders = (check: (page: CheerioAPI) => void, warning?: RegExp) => (slug: string) => ({ renders: { url: `/news/${slug}/`, check, warning } });
const refused = (message: RegExp, bodyLine: number) => () => ({ refused: { message, line: line(bodyLine) } });

add('10,000 nested ::: blocks', 'limit', `First.\n\n${':::pullquote\n'.repeat(10_000)}Deep.\n`, refused(/::: blocks nested 21 levels deep; at most 20 are rendered/, 3 + 20));
add('10,000 nested ::: blocks in a quote', 'limit', `First.\n\n${'> :::note\n'.repeat(10_000)}`, refused(/::: blocks nested 21 levels deep/, 3 + 20));
add('10,000 adjacent pull quotes', 'limit', `First.\n\n${':::pullquote{by="x"}\nq\n:::\n\n'.repeat(10_000)}`, refused(/more than 1,000 :: and ::: blocks in one story/, 3 + 4 * 1_000));
add('10,000 adjacent unknown ::name lines', 'limit', `First.\n\n${'::x[label]{onclick=alert(1)}\n'.repeat(10_000)}`, refused(/more than 1,000 :: and ::: blocks/, 3 + 1_000));

add(
  '1,000 adjacent pull quotes, the most a story may have',
  'body',
  `First.\n\n${':::pullquote{by="x"}\nq\n:::\n\n'.repeat(1_000)}`,
  renders((page) => {
    if (inBody(page, 'figure.pull-quote').length !== 1_000) fail(`${inBody(page, 'figure.pull-quote').length} pull quotes`);
  }),
);
add(
  'javascript: in the attributes of a pull quote and a key facts box',
  'body',
  ':::pullquote{by="javascript:alert(document.domain)" cite="javascript:alert(1)" href="javascript:alert(2)"}\nQuoted.\n:::\n\n:::keyfacts{title="javascript:alert(3)" src="data:text/html,<script>alert(4)</script>"}\n- fact\n:::\n',
  renders((page) => {
    if (inBody(page, 'figcaption').text() !== 'javascript:alert(document.domain)') fail('the attribution is not its text');
    if (inBody(page, '.key-facts-title').text() !== 'javascript:alert(3)') fail('the title is not its text');
    noAttributes(page, 'href', 'src', 'cite');
  }, /pull quote: the attribute "cite" is ignored/),
);
add(
  'style and event handlers on blocks',
  'body',
  ':::pullquote{style="position:fixed;inset:0;z-index:99" onmouseover="alert(1)" onclick=alert(2)}\nQuoted.\n:::\n\n:::keyfacts{style="display:none" onfocus="alert(3)" tabindex=0 autofocus}\n- fact\n:::\n',
  renders((page) => {
    if (inBody(page, 'figure.pull-quote').length !== 1 || inBody(page, 'aside.key-facts').length !== 1) fail('the blocks are not shown');
    noAttributes(page, 'style', 'tabindex', 'autofocus');
  }, /the attribute "style" is ignored/),
);
add(
  '{#id .class} shortcuts that would take the page\'s ids and classes',
  'body',
  ':::pullquote{#main .skip-link .visually-hidden}\nQuoted.\n:::\n\n:::keyfacts{#related-heading .banner id="comments-heading" class="key-facts pull-quote"}\n- fact\n:::\n',
  renders((page) => {
    if (!page('#main').is('main')) fail('#main is not the <main> element');
    if (page('#related-heading').length > 1 || page('#comments-heading').length > 1) fail('an id of the page is used twice');
    if (inBody(page, '.skip-link, .visually-hidden, .banner').length > 0) fail('a class of the page is in the body');
    if (inBody(page, 'figure').attr('class') !== 'pull-quote' || inBody(page, 'aside').attr('class') !== 'key-facts') fail('the blocks\' own classes changed');
  }, /the attribute "id" is ignored/),
);
add(
  'a 1 MB code block with a language',
  'body',
  `Code:\n\n\`\`\`js\n${'const payload = "<script>alert(1)</script>"; // x\n'.repeat(20_000)}\`\`\`\n`,
  renders((page) => {
    const code = inBody(page, 'pre code.language-js');
    if (code.length !== 1 || code.find('span').length > 0) fail('the long block is not shown as plain code');
    if (!code.text().startsWith('const payload = "<script>alert(1)</script>";')) fail('the code is not shown as written');
  }, /code blocks from here on are shown without colours/),
);
for (const language of ['../../x', '__proto__', 'constructor', 'toString', 'js onmouseover=alert(1)', '"><script>alert(1)</script>']) {
  add(
    `a code language ${JSON.stringify(language)}`,
    'body',
    `\`\`\`${language}\nconst a = 1;\n\`\`\`\n`,
    renders((page) => {
      if (inBody(page, 'pre code').text() !== 'const a = 1;\n') fail('the code is not shown as written');
      // `js` and what follows it on the fence line: JavaScript, highlighted; the rest is ignored.
      if (inBody(page, 'script').length > 0 || (!language.startsWith('js ') && inBody(page, 'code span').length > 0)) fail('markup in the code block');
      noAttributes(page, 'onmouseover', 'style');
    }, language.startsWith('js ') ? undefined : /is shown without colours: that language is not known/),
  );
}
add(
  'raw HTML that borrows the blocks\' and highlighting\'s classes',
  'body',
  'Text.\n\n<figure class="pull-quote"><blockquote>Forged</blockquote><figcaption>Someone</figcaption></figure>\n\n<aside class="key-facts" aria-labelledby="main"><p class="key-facts-title" id="key-facts-1">Forged</p></aside>\n\nA <span class="hljs-keyword">forged</span> keyword.\n',
  renders((page) => {
    if (inBody(page, '.pull-quote, .key-facts, .key-facts-title, .hljs-keyword, [aria-labelledby]').length > 0) fail('raw HTML took a class or label of our blocks');
  }),
);

/** The cases of this file. */
export const BLOCK_CASES: readonly HostileCase[] = cases;
