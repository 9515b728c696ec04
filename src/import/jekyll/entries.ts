import { DateTime } from 'luxon';
import { unsimpleElements } from '../html-body.js';
import { safeSlug } from '../newsroom-files.js';
import { sitePathOf } from '../old-addresses.js';
import type { SourceTree } from '../source-tree.js';
import type { ImportNotice } from '../types.js';
import { asText, asTextList, distinct, keptTags, lineOfKey, valueAt } from '../static-site/fields.js';
import { openEntry } from '../static-site/open-entry.js';
import type { SiteEntry } from '../static-site/types.js';
import { isoFromWritten } from '../static-site/written-date.js';
import type { JekyllConfig } from './config.js';
import { jekyllPostAddress, permalinkPattern } from './permalink.js';

/** Front matter fields the import reads; any other is reported as left out. */
const READ = new Set([
  'title', 'date', 'last_modified_at', 'categories', 'category', 'tags', 'tag', 'author', 'authors', 'excerpt',
  'description', 'image', 'image_alt', 'header', 'published', 'redirect_from', 'permalink', 'slug',
]);

/** A post's file name: its date, then its title. */
const POST_NAME = /^(\d{4})-(\d{1,2})-(\d{1,2})-(.+)\.(?:md|markdown|mkd|mkdn|mdown|html)$/i;

export interface EntryReading {
  tree: SourceTree;
  config: JekyllConfig;
  defaultSection: string;
  notices: ImportNotice[];
  leftFields: { add(file: string, keys: Iterable<string>): void };
}

/**
 * One post (`_posts/`), draft (`_drafts/`) or page (a Markdown or HTML
 * file with front matter anywhere else) as an entry; undefined, with a notice saying why, when it cannot
 * be imported (unreadable front matter, an HTML body too rich to convert).
 */
export function readJekyllEntry(file: string, kind: 'post' | 'draft' | 'page', reading: EntryReading): SiteEntry | undefined {
  const { tree, config } = reading;
  const opened = openEntry(tree, file, reading.notices);
  if (!opened) return undefined;
  const { text, block, skip } = opened;
  if (block.format !== 'yaml' && block.format !== 'none') return skip(`Jekyll reads YAML front matter only, and this file has ${block.format.toUpperCase()}`);
  const { data, body, bodyLine } = block;
  const notes: SiteEntry['notes'] = [];
  const line = (key: string) => lineOfKey(text, key, bodyLine);
  const baseName = file.split('/').at(-1) ?? file;
  const isHtml = /\.html$/i.test(baseName);
  if (isHtml) {
    const rich = unsimpleElements(body.replace(/\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g, ''));
    if (rich.length) return skip(`an HTML ${kind} with ${rich.map((name) => `<${name}>`).join(', ')}, which Markdown cannot say: convert it by hand`);
  }

  const named = POST_NAME.exec(baseName);
  const stem = baseName.replace(/\.[^.]+$/, '');
  // A page is named by its place: `about.md` → about, `docs/guide.md` → docs-guide, `team/index.md` → team.
  const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
  const pagePlace = stem.toLowerCase() === 'index' ? folder : folder ? `${folder}/${stem}` : stem;
  const nameSlug = named?.[4] ?? (kind === 'page' ? pagePlace.replace(/\//g, '-') : stem);
  let date = isoFromWritten(data.date);
  if (data.date !== undefined && date === undefined) notes.push({ kind: 'warning', message: `the date "${String(data.date)}" is not a date: the file name's date is used`, line: line('date') });
  if (!date && named) date = `${named[1]}-${named[2]?.padStart(2, '0')}-${named[3]?.padStart(2, '0')}`;
  if (!date && kind === 'draft') {
    date = DateTime.fromMillis(tree.modified(file), { zone: 'UTC' }).toISO({ suppressMilliseconds: true }) ?? undefined;
    notes.push({ kind: 'warning', message: 'the draft has no date: the date its file was last changed is used, as Jekyll does' });
  }
  if (kind === 'post' && !named) return skip('a post\'s file name must start with its date (2019-05-14-title.md)');

  const title = asText(data.title) ?? titleFromName(kind === 'page' ? (pagePlace.split('/').at(-1) ?? pagePlace) : nameSlug);
  if (!asText(data.title)) notes.push({ kind: 'warning', message: `no title: "${title}" is made from the file name, as Jekyll does` });

  const categories = distinct([...asTextList(data.categories, true), ...asTextList(data.category)]);
  let tags = distinct([...categories.slice(1), ...asTextList(data.tags, true), ...asTextList(data.tag)]);
  const kept = keptTags(tags);
  for (const message of kept.left) notes.push({ kind: 'warning', message, line: line('tags') });
  tags = kept.tags;

  const published = data.published !== false && !/^(?:false|no|off)$/i.test(asText(data.published) ?? '');
  const draft = kind === 'draft' || !published;
  const slugText = asText(data.slug) ?? nameSlug;
  const oldAddresses: SiteEntry['oldAddresses'] = [];
  if (!draft) {
    const own = asText(data.permalink);
    if (kind === 'page') {
      const pattern = permalinkPattern(config.permalink);
      const path = own ?? (stem.toLowerCase() === 'index' || pattern.endsWith('/') ? `/${pagePlace}/` : `/${pagePlace}.html`);
      oldAddresses.push({ path: leadingSlash(path), line: own ? line('permalink') : undefined });
    } else if (date) {
      const path = jekyllPostAddress(own ?? config.permalink, { date, timezone: config.settings.timezone, name: slugText, categories, outputExtension: '.html' });
      oldAddresses.push({ path, line: own ? line('permalink') : undefined });
    }
    for (const from of asTextList(data.redirect_from)) {
      const path = sitePathOf(leadingSlash(from), config.oldSite);
      if (path) oldAddresses.push({ path, line: line('redirect_from') });
      else notes.push({ kind: 'warning', message: `redirect_from: ${from} is not an address of this site: not kept`, line: line('redirect_from') });
    }
  }

  reading.leftFields.add(file, Object.keys(data).filter((key) => !READ.has(key)));
  const summary = (asText(data.excerpt) ?? asText(data.description))?.replace(/\s+/g, ' ');
  return {
    kind: kind === 'page' ? 'page' : 'article',
    source: file,
    title,
    date,
    updated: isoFromWritten(data.last_modified_at),
    draft,
    section: kind === 'page' ? undefined : (categories[0] ?? reading.defaultSection),
    sectionAssumed: kind !== 'page' && categories.length === 0,
    tags,
    authors: authorsOf(data),
    summary,
    image: leadImage(data, line),
    slug: safeSlug(slugText, kind === 'page' ? 'page' : 'post'),
    oldAddresses,
    body,
    bodyLine,
    data,
    notes,
  };
}

const leadingSlash = (path: string) => (path.startsWith('/') ? path : `/${path}`);

/** Jekyll's title for a post without one: the file name's words, capitalised. */
const titleFromName = (name: string) => name.split(/[-_\s]+/).filter(Boolean).map((word) => word[0]?.toUpperCase() + word.slice(1)).join(' ') || name;

function authorsOf(data: Record<string, unknown>): string[] {
  const listed = [data.author, data.authors].flatMap((value) => (Array.isArray(value) ? value : value === undefined ? [] : [value]));
  return distinct(listed.map((value) => asText(value) ?? asText(valueAt(value, 'name'))).filter((name): name is string => name !== undefined));
}

/** `image: /x.jpg`, `image: {path, alt}` (jekyll-seo-tag), or a theme's `header: {image, teaser, image_description, caption}`. */
function leadImage(data: Record<string, unknown>, line: (key: string) => number | undefined): SiteEntry['image'] {
  const ref = asText(data.image) ?? asText(valueAt(data, 'image.path')) ?? asText(valueAt(data, 'header.image')) ?? asText(valueAt(data, 'header.overlay_image')) ?? asText(valueAt(data, 'header.teaser'));
  if (!ref) return undefined;
  return {
    ref,
    alt: asText(valueAt(data, 'image.alt')) ?? asText(valueAt(data, 'header.image_description')) ?? asText(data.image_alt),
    caption: asText(valueAt(data, 'header.caption')),
    line: line(data.image === undefined ? 'header' : 'image'),
  };
}
