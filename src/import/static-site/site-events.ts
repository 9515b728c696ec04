import { parseContentDate } from '../../content/dates.js';
import { MAX_ALIASES, MAX_PAGES_PER_FILE } from '../../content/limits.js';
import { joinPieces, type BodyNote } from '../body-pieces.js';
import { relinkBody } from '../body-links.js';
import { markdownFile, safeSlug } from '../newsroom-files.js';
import { aliasProblem, chooseAliases } from '../old-addresses.js';
import type { ImportEvent, ImportNotice } from '../types.js';
import { authorFiles, createAuthorBook } from './authors.js';
import { leadImage, relinkAddress, type Note } from './entry-addresses.js';
import { createImageShelf } from './image-shelf.js';
import { planNewsroom } from './plan.js';
import { keepsRedirect, sectionFile, siteFile } from './site-files.js';
import type { SiteEntry, StaticSite } from './types.js';

/**
 * The newsroom a static site becomes, as import events: every post an
 * article, every page a page, each section, author and copied image a
 * file, `site.yml`, every old address an alias and an address move, and a
 * notice for everything left out or kept as it was.
 */
export function* staticSiteEvents(site: StaticSite): Generator<ImportEvent> {
  yield* site.notices;
  const timezone = site.settings.timezone;
  const dated: SiteEntry[] = [];
  for (const entry of site.entries) {
    if (entry.kind === 'page') dated.push(entry);
    else if (entry.date === undefined) yield skipped(entry, 'it has no date');
    else {
      const parsed = parseContentDate(entry.date, timezone);
      if (parsed.ok) dated.push(entry);
      else yield skipped(entry, `its date ${parsed.reason}`);
    }
  }
  const plan = planNewsroom(dated, (name) => site.sections.get(name)?.slug);
  const addressBySource = new Map(plan.entries.map((planned) => [planned.entry.source, planned.address]));
  const addressByOld = new Map<string, string>();
  for (const planned of plan.entries) for (const old of planned.entry.oldAddresses) if (!addressByOld.has(old.path)) addressByOld.set(old.path, planned.address);

  const shelf = createImageShelf();
  const authors = createAuthorBook(site.authors);
  const claimed = new Map<string, string>();
  for (const planned of plan.entries) claimed.set(planned.address.toLowerCase(), planned.entry.source);
  const publishedTags = new Set<string>();
  const counts = { articles: 0, drafts: 0, pages: 0 };
  let uncredited = 0;

  for (const planned of plan.entries) {
    const { entry } = planned;
    const item = `${entry.kind} “${entry.title}”`;
    const notices: ImportNotice[] = [];
    const note = (kind: ImportNotice['kind'], message: string, line?: number, targetLine?: number) =>
      notices.push({ type: 'notice', kind, message, source: { file: entry.source, line, item }, target: { path: planned.path, line: targetLine } });

    if (planned.renamed) note('warning', planned.renamed);
    for (const problem of entry.notes) note(problem.kind, problem.message, problem.line);

    const joined = joinPieces(entry.body, site.convertBody(entry, { addressOfSource: (source) => addressBySource.get(source) }));
    const linkNotes: BodyNote[] = [];
    const body = relinkBody(joined.text, (address) => relinkAddress(site, shelf, entry, address, addressByOld, item, (message) => linkNotes.push({ kind: 'warning', message, sourceLine: 0, line: address.line })));

    const image = entry.kind === 'article' ? leadImage(site, shelf, entry, item, note) : undefined;
    // An article adds a page per tag and per alias, and at most MAX_PAGES_PER_FILE with its own.
    const tagPages = new Set(entry.tags.map((tag) => safeSlug(tag, 'tag'))).size;
    const choice = chooseAliases(entry.oldAddresses, planned.address, claimed, entry.source, Math.min(MAX_ALIASES, MAX_PAGES_PER_FILE - 1 - tagPages));
    for (const refused of choice.refused) note('warning', `the old address ${refused.address} is not kept: ${refused.why}`, refused.line);

    let authorSlugs: string[] = [];
    if (entry.kind === 'article') {
      const named = entry.authors.length ? entry.authors : [site.defaultAuthor];
      if (!entry.authors.length) uncredited += 1;
      authorSlugs = [...new Set(named.map((name) => authors.slugOf(name)))];
      if (!entry.draft) for (const tag of entry.tags) publishedTags.add(safeSlug(tag, 'tag'));
    }
    const updated = checkedUpdated(entry, timezone, note);
    const frontMatter =
      entry.kind === 'article'
        ? {
            title: entry.title,
            summary: entry.summary,
            date: entry.date,
            updated,
            authors: authorSlugs,
            category: planned.section,
            tags: entry.tags.length ? entry.tags : undefined,
            image,
            draft: entry.draft || undefined,
            aliases: choice.aliases.length ? choice.aliases : undefined,
          }
        : {
            title: entry.title,
            summary: entry.summary,
            updated,
            draft: entry.draft || undefined,
            aliases: choice.aliases.length ? choice.aliases : undefined,
          };
    const text = markdownFile(frontMatter, body);
    const toFileLine = fileLines(text, body);
    for (const bodyNote of [...joined.notes, ...linkNotes]) {
      note(bodyNote.kind, bodyNote.message, bodyNote.sourceLine ? entry.bodyLine + bodyNote.sourceLine - 1 : undefined, toFileLine(bodyNote.line));
    }

    yield* shelf.take();
    yield { type: 'file', root: 'content', path: planned.path, content: text, source: { file: entry.source, item } };
    yield* notices;
    if (!entry.draft) for (const alias of choice.aliases) yield { type: 'address', old: alias, new: planned.address };
    if (entry.kind === 'page') counts.pages += 1;
    else if (entry.draft) counts.drafts += 1;
    else counts.articles += 1;
  }

  const assumed = plan.entries.filter((planned) => planned.entry.sectionAssumed);
  const [firstAssumed] = assumed;
  if (firstAssumed) {
    const n = assumed.length;
    const where = `the section “${site.defaultSection}” (categories/${plan.sectionOf(site.defaultSection)}.md)`;
    yield { type: 'notice', kind: 'warning', message: `${n} ${n === 1 ? 'post names' : 'posts name'} no category: ${n === 1 ? 'it is' : 'they are'} in ${where}${n === 1 ? '' : ' (the first is named here)'}`, source: { file: firstAssumed.entry.source } };
  }
  if (uncredited) {
    yield { type: 'notice', kind: 'warning', message: `${uncredited} ${uncredited === 1 ? 'post names' : 'posts name'} no author: credited to “${site.defaultAuthor}” (authors/${authors.slugOf(site.defaultAuthor)}.md)`, source: { file: site.configFile } };
  }
  for (const [slug, name] of plan.sections) yield sectionFile(site, slug, name);
  yield* authorFiles(site, authors, shelf);
  yield* shelf.take();
  yield siteFile(site, plan.entries, publishedTags);
  for (const [old, target] of site.redirects) {
    if (keepsRedirect(old, target, publishedTags)) yield { type: 'address', old, new: target };
    else yield { type: 'notice', kind: 'warning', message: `the old address ${old} is not kept: ${aliasProblem(old) ?? `${target}, where it would lead, has no published story`}`, source: { file: '.', item: 'a list page of the old site' } };
  }

  yield { type: 'count', kind: 'articles', n: counts.articles };
  yield { type: 'count', kind: 'drafts', n: counts.drafts };
  yield { type: 'count', kind: 'pages', n: counts.pages };
  yield { type: 'count', kind: 'sections', n: plan.sections.size };
  yield { type: 'count', kind: 'authors', n: authors.count };
  yield { type: 'count', kind: 'images', n: shelf.count };
}

const skipped = (entry: SiteEntry, why: string): ImportNotice => ({
  type: 'notice',
  kind: 'skipped',
  message: `not imported: ${why}`,
  source: { file: entry.source, item: `${entry.kind} “${entry.title}”` },
});

function checkedUpdated(entry: SiteEntry, timezone: string, note: Note): string | undefined {
  if (entry.updated === undefined) return undefined;
  const updated = parseContentDate(entry.updated, timezone);
  if (!updated.ok) {
    note('warning', `the last-modified date is left out: ${updated.reason}`);
    return undefined;
  }
  const date = entry.date === undefined ? undefined : parseContentDate(entry.date, timezone);
  if (date?.ok && updated.date.epoch < date.date.epoch) {
    note('warning', `the last-modified date ${entry.updated} is before the publication date; left out`);
    return undefined;
  }
  return entry.updated;
}

/** Maps 1-based lines of the body to lines of the written file (the front matter before it, the blank lines trimmed off its start). */
function fileLines(text: string, body: string): (line: number) => number {
  const trimmedLines = body.slice(0, body.length - body.trimStart().length).split('\n').length - 1;
  const trimmed = body.trim();
  const header = trimmed ? text.slice(0, text.length - trimmed.length - 1) : text;
  const headerLines = header.split('\n').length - 1;
  return (line) => headerLines + Math.max(1, line - trimmedLines);
}
