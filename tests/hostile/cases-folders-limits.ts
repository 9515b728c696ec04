import type { HostileCase } from './cases.js';

/*
 * Issue 14, round two: symbolic links and silently skipped files under
 * content/, and the limits that bound one contributor's whole effect.
 * Appended to HOSTILE_CASES in cases.ts. Links replacing a whole folder of
 * content/ cannot share the build of the other cases (every article would
 * lose its section or authors): they are in folder-links.test.ts.
 */

/** An article, its front matter lines after title, date, authors and category, which are lines 2 to 5. */
const article = (extra: string[] = [], date = '2025-03-14T08:30:00'): string =>
  `---\ntitle: "A case of issue 14"\ndate: ${date}\nauthors: [jane-doe]\ncategory: news\n${extra.map((line) => `${line}\n`).join('')}---\nThe first paragraph.\n`;
const comment = (date = '2025-03-15T10:00'): string => `name: Reader\ndate: ${date}\nbody: Fine.\n`;
const list = (count: number, item: (index: number) => string): string => `[${Array.from({ length: count }, (_, i) => item(i)).join(', ')}]`;

const cases: HostileCase[] = [];
let counter = 0;
/** A case whose one file is `articles/limit-NNN.md`, refused at `line` with `message`. */
function refusedArticle(name: string, text: string, message: RegExp, line?: number): void {
  const file = `articles/limit-${String(++counter).padStart(3, '0')}.md`;
  cases.push({ kind: 'limit', name, files: { [file]: text }, outcome: { refused: { message, line } } });
}

// ── Symbolic links, to a file or a folder, at any depth: an error naming the link ──
const linked = (name: string, file: string, target: 'secret.md' | 'folder'): HostileCase => ({
  kind: 'folder or link',
  name,
  files: { [file]: { symlink: target } },
  outcome: { refused: { message: /symbolic links are not read/, file: `content/${file}` } },
});
cases.push(
  linked('a link to a file outside, as an article', 'articles/linked-story.md', 'secret.md'),
  linked('a link to a folder outside, deep inside articles/', 'articles/2025/linked-folder', 'folder'),
  linked('a link to a file outside, as an author', 'authors/linked-author.md', 'secret.md'),
  linked("a link to a folder outside, as an article's comments", 'comments/linked-comments', 'folder'),
  linked('a link to a folder outside, as a folder of content/ that is not read', 'extras', 'folder'),
);

// ── Files that would be left out without a word: a warning naming each, and the build goes on ──
const skipped = (name: string, file: string, warning: RegExp): HostileCase => ({
  kind: 'folder or link',
  name,
  files: { [file]: article() },
  outcome: { renders: { url: '/', warning, file: `content/${file}` } },
});
cases.push(
  skipped('a dot-file in articles/', 'articles/.draft.md', /is not read: its name starts with "\."/),
  skipped('a file named just .md', 'articles/.md', /is not read: a file named just "\.md" has no name to make an address from/),
  skipped('a story saved as .markdown', 'articles/story.markdown', /is not read: only \.md files are read in articles\//),
  skipped('notes saved as .txt', 'articles/notes.txt', /is not read: only \.md files are read in articles\//),
  skipped('a file in a hidden folder', 'articles/.trash/old.md', /is not read: it is in a folder whose name starts with "\."/),
  skipped('a comment saved as .yaml', 'comments/some-story/reader.yaml', /is not read: only \.yml files are read in comments\//),
);

// ── Limits on one article, each an error on the line of the field ──
refusedArticle('51 tags', article([`tags: ${list(51, (i) => `topic ${i}`)}`]), /tags: 51 tags, and an article may have at most 50/, 6);
refusedArticle('20,000 tags', article([`tags: ${list(20_000, (i) => `t${i}`)}`]), /tags: 20000 tags, and an article may have at most 50/, 6);
refusedArticle('21 aliases', article([`aliases: ${list(21, (i) => `/old/${i}/`)}`]), /aliases: 21 aliases, and an article may have at most 20/, 6);
refusedArticle('51 corrections', article([`corrections: ${list(51, () => '{ date: 2025-03-15, text: Fixed. }')}`]), /corrections: 51 corrections, and an article may have at most 50/, 6);
refusedArticle(
  '50 tags and 10 aliases: 61 pages from one file',
  article([`tags: ${list(50, (i) => `topic ${i}`)}`, `aliases: ${list(10, (i) => `/old/${i}/`)}`]),
  /this article would add 61 pages to the site \(its own, 50 tag pages and 10 redirects\); one file may add at most 60/,
  6,
);
refusedArticle('a 399-character tag', article([`tags: [${'a'.repeat(399)}]`]), /tag "a{60}…" is 399 characters long; the limit is 100/, 6);
refusedArticle('a tag named Con', article(['tags: [Con]']), /tag "Con" would have the address \/tags\/con\/, a name Windows reserves for devices/, 6);

// ── Dates in the years 1000 to 9999, on the line of the date ──
const outOfRange = (text: string) => new RegExp(`"${text}" is outside the years 1000 to 9999`);
refusedArticle('date: 0001-01-01', article([], '0001-01-01'), outOfRange('0001-01-01'), 3);
refusedArticle('updated: in the year 500', article(['updated: 0500-01-01']), outOfRange('0500-01-01'), 6);
refusedArticle('a correction dated in the year 1', article(['corrections: [{ date: 0001-01-01, text: Fixed. }]']), outOfRange('0001-01-01'), 6);
cases.push({
  kind: 'limit',
  name: 'a comment dated in the year 1',
  files: { 'articles/old-comment.md': article(), 'comments/old-comment/reader.yml': comment('0001-01-01') },
  outcome: { refused: { message: outOfRange('0001-01-01'), line: 2, file: 'content/comments/old-comment/reader.yml' } },
});

// ── Comments on one article: counted over its comment files, an error of the article ──
cases.push({
  kind: 'limit',
  name: '501 comments on one article',
  files: {
    'articles/busy-story.md': article(),
    ...Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`comments/busy-story/reader-${i}.yml`, comment()])),
  },
  outcome: { refused: { message: /comments\/busy-story\/ holds 501 comments on this article, and an article may have at most 500/, file: 'content/articles/busy-story.md' } },
});

export const FOLDER_AND_LIMIT_CASES: readonly HostileCase[] = cases;
