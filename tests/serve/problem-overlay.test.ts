import { load } from 'cheerio';
import { describe, expect, test } from 'vitest';
import { BUILDING, MAX_LISTED, OVERLAY_STYLESHEET_PATH, problemPage, withProblemPanel, type ServeStatus } from '../../src/serve/problem-overlay.js';
import { failedStatus } from '../../src/serve/serve.js';
import { ContentError, error, warning } from '../../src/util/problems.js';

const PAGE = '<!DOCTYPE html>\n<html lang="en">\n<head>\n<title>Story</title>\n</head>\n<body>\n<main><h1>Story</h1></main>\n</body>\n</html>\n';
const HOSTILE = '<script>alert(1)</script>';
const DATE_ERROR = error('content/articles/2026/harbour.md', 'date: "2026-02-31" is not a real date', { position: { line: 4, column: 1 }, hint: 'write the date as YYYY-MM-DD' });

/** The panel's items as a reader sees them: text, one string per problem. */
function items(html: string): string[] {
  const $ = load(html);
  return $('#broadsheet-problems li')
    .map((_, item) => $(item).text())
    .get();
}

describe('the problem panel on a served page', () => {
  test('a failed update: every problem as file:line:column, severity, message and hint, and that the page is the last good build', () => {
    const status: ServeStatus = { served: true, failed: true, problems: [DATE_ERROR, warning('content/authors/jane-doe.md', 'unknown key "twiter"', { position: { line: 3, column: 1 }, hint: 'did you mean "twitter"?' })] };
    const $ = load(withProblemPanel(PAGE, status));
    expect($('body > link[rel=stylesheet]').attr('href')).toBe(OVERLAY_STYLESHEET_PATH);
    expect($('body > link + aside#broadsheet-problems').length).toBe(1);
    expect($('#broadsheet-problems summary').text()).toBe('✖ The site was not updated: 1 error and 1 warning');
    expect(items($.html())).toEqual([
      'content/articles/2026/harbour.md:4:1 error: date: "2026-02-31" is not a real date hint: write the date as YYYY-MM-DD',
      'content/authors/jane-doe.md:3:1 warning: unknown key "twiter" hint: did you mean "twitter"?',
    ]);
    expect($('#broadsheet-problems .broadsheet-problems-note').text()).toMatch(/^This page is the last good build\./);
    // The page itself is untouched around the panel.
    expect($('main h1').text()).toBe('Story');
    expect($('head title').text()).toBe('Story');
  });

  test('warnings of a build that went through are marked as warnings, not as a failed build', () => {
    const $ = load(withProblemPanel(PAGE, { served: true, failed: false, problems: [warning('content/site.yml', 'unknown key "titel"')] }));
    expect($('#broadsheet-problems').hasClass('broadsheet-problems-failed')).toBe(false);
    expect($('#broadsheet-problems summary').text()).toBe('⚠ 1 warning');
    expect(items($.html())).toEqual(['content/site.yml warning: unknown key "titel"']);
    expect($('#broadsheet-problems .broadsheet-problems-note').text()).not.toContain('last good build');
  });

  test('a failure that is not the content is shown by its message', () => {
    const status = failedStatus(new Error('templates/article.njk: unknown filter "shout"'), true);
    const $ = load(withProblemPanel(PAGE, status));
    expect($('#broadsheet-problems summary').text()).toBe('✖ The site was not updated: the build failed');
    expect(items($.html())).toEqual(['templates/article.njk: unknown filter "shout"']);
  });

  test('a content error keeps its problems', () => {
    expect(failedStatus(new ContentError([DATE_ERROR]), false)).toEqual({ served: false, failed: true, problems: [DATE_ERROR] });
  });

  test('without problems the page is sent byte for byte as built', () => {
    expect(withProblemPanel(PAGE, { served: true, failed: false, problems: [] })).toBe(PAGE);
  });

  test('file names, messages and hints are text: markup in them is shown, never run', () => {
    const status: ServeStatus = {
      served: true,
      failed: true,
      problems: [error(`content/articles/${HOSTILE}.md`, `title: ${HOSTILE}`, { position: { line: 2, column: 8 }, hint: `"${HOSTILE}' & more` })],
      failure: `</aside>${HOSTILE}`,
    };
    const html = withProblemPanel(PAGE, status);
    const $ = load(html);
    expect($('script').length).toBe(0);
    expect(html).not.toContain('<script>');
    expect(items(html)).toEqual([`content/articles/${HOSTILE}.md:2:8 error: title: ${HOSTILE} hint: "${HOSTILE}' & more`, `</aside>${HOSTILE}`]);
    expect($('.broadsheet-problems-file').attr('title')).toBe(`content/articles/${HOSTILE}.md:2:8`);
  });

  test('a long list stops at MAX_LISTED and says how many more the terminal has', () => {
    const problems = Array.from({ length: MAX_LISTED + 5 }, (_, index) => error(`content/articles/${String(index).padStart(3, '0')}.md`, 'date is missing'));
    const listed = items(withProblemPanel(PAGE, { served: true, failed: true, problems }));
    expect(listed).toHaveLength(MAX_LISTED + 1);
    expect(listed[0]).toBe('content/articles/000.md error: date is missing');
    expect(listed.at(-1)).toBe('5 more: the terminal lists them all');
    expect(load(withProblemPanel(PAGE, { served: true, failed: true, problems }))('summary').text()).toBe(`✖ The site was not updated: ${MAX_LISTED + 5} errors`);
  });

  test('a body with attributes, or none at all, still gets the panel first', () => {
    const withClass = load(withProblemPanel('<!DOCTYPE html><title>x</title><body class="home" data-x="1"><p>x</p>', { served: true, failed: true, problems: [DATE_ERROR] }));
    expect(withClass('body').attr('class')).toBe('home');
    expect(withClass('body').children().first().is('link')).toBe(true);
    expect(withClass('body > aside#broadsheet-problems').length).toBe(1);
    const bare = load(withProblemPanel('<p>no body tag</p>', { served: true, failed: true, problems: [DATE_ERROR] }));
    expect(bare('#broadsheet-problems li').length).toBe(1);
  });
});

describe('the page before any good build', () => {
  test('lists what stops the build and says it reloads by itself', () => {
    const $ = load(problemPage({ served: false, failed: true, problems: [DATE_ERROR] }));
    expect($('title').text()).toBe('The site could not be built');
    expect($('h1').text()).toBe('The site could not be built');
    expect($('main p strong').text()).toBe('1 error');
    expect(items($.html())).toEqual(['content/articles/2026/harbour.md:4:1 error: date: "2026-02-31" is not a real date hint: write the date as YYYY-MM-DD']);
    expect($('.broadsheet-problems-note').text()).toContain('this page reloads by itself when the site builds');
    expect($('link[rel=stylesheet]').attr('href')).toBe(OVERLAY_STYLESHEET_PATH);
    expect($('meta[name=robots]').attr('content')).toBe('noindex');
  });

  test('while the first build runs, it says so', () => {
    const $ = load(problemPage(BUILDING));
    expect($('h1').text()).toBe('Building the site…');
    expect($('li').length).toBe(0);
    expect($('.broadsheet-problems-note').text()).toContain('reloads by itself when it is ready');
  });

  test('escapes what the content wrote', () => {
    const html = problemPage({ served: false, failed: true, problems: [error(`${HOSTILE}.md`, HOSTILE)] });
    expect(load(html)('script').length).toBe(0);
    expect(items(html)).toEqual([`${HOSTILE}.md error: ${HOSTILE}`]);
  });
});
