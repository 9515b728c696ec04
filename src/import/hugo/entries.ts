import { DateTime } from 'luxon';
import { unsimpleElements } from '../html-body.js';
import { safeSlug } from '../newsroom-files.js';
import type { SourceTree } from '../source-tree.js';
import type { ImportNotice } from '../types.js';
import { asText, asTextList, distinct, keptTags, lineOfKey, valueAt } from '../static-site/fields.js';
import { openEntry } from '../static-site/open-entry.js';
import type { SiteEntry } from '../static-site/types.js';
import { isoFromWritten } from '../static-site/written-date.js';
import type { HugoConfig } from './config.js';
import { hugoPageAddress } from './permalink.js';

/** Front matter fields the import reads; any other is reported as left out. */
const READ = new Set([
  'title', 'date', 'publishdate', 'pubdate', 'lastmod', 'modified', 'draft', 'categories', 'tags', 'author', 'authors',
  'summary', 'description', 'images', 'image', 'image_alt', 'imagealt', 'featured_image', 'featuredimage', 'cover', 'slug', 'url', 'aliases', 'params',
]);

/** A content file found: where it is and what it is to the site. */
export interface HugoFile {
  /** Tree path of the file. */
  file: string;
  kind: 'article' | 'page';
  /** Folders below the content folder (for a bundle, its parent folders), the section first. */
  folders: string[];
  /** The file name without extension, or the bundle's folder name. */
  name: string;
  /** The bundle's folder (tree path) when the file is a leaf bundle's index. */
  bundle?: string;
}

export interface HugoEntryReading {
  tree: SourceTree;
  config: HugoConfig;
  notices: ImportNotice[];
  leftFields: { add(file: string, keys: Iterable<string>): void };
}

/** One content file as an entry; undefined, with a notice saying why, when it cannot be imported. */
export function readHugoEntry(found: HugoFile, reading: HugoEntryReading): SiteEntry | undefined {
  const { tree, config } = reading;
  const { file } = found;
  const opened = openEntry(tree, file, reading.notices);
  if (!opened) return undefined;
  const { text, block, skip } = opened;
  const { body, bodyLine } = block;
  const data = Object.fromEntries(Object.entries(block.data).map(([key, value]) => [key.toLowerCase(), value]));
  if (/\.html$/i.test(file)) {
    const rich = unsimpleElements(body.replace(/\{\{[<%][\s\S]*?[>%]\}\}/g, ''));
    if (rich.length) return skip(`an HTML page with ${rich.map((name) => `<${name}>`).join(', ')}, which Markdown cannot say: convert it by hand`);
  }
  const notes: SiteEntry['notes'] = [];
  const line = (key: string) => lineOfKey(text, key, bodyLine) ?? lineOfKey(text, capitalised(key), bodyLine);

  const dateKey = ['date', 'publishdate', 'pubdate', 'lastmod'].find((key) => data[key] !== undefined);
  let date = dateKey ? isoFromWritten(data[dateKey]) : undefined;
  if (dateKey && !date) notes.push({ kind: 'warning', message: `the date "${String(data[dateKey])}" is not a date`, line: line(dateKey) });
  if (!date && found.kind === 'article') {
    date = DateTime.fromMillis(tree.modified(file), { zone: 'UTC' }).toISO({ suppressMilliseconds: true }) ?? undefined;
    notes.push({ kind: 'warning', message: 'no date: the date its file was last changed is used' });
  }
  const title = asText(data.title) ?? found.name.replace(/[-_]+/g, ' ').replace(/^\w/, (char) => char.toUpperCase());
  if (!asText(data.title)) notes.push({ kind: 'warning', message: `no title: "${title}" is made from the file name` });

  let tags = distinct([...asTextList(data.categories), ...asTextList(data.tags)]);
  const kept = keptTags(tags);
  for (const message of kept.left) notes.push({ kind: 'warning', message, line: line('tags') });
  tags = kept.tags;
  const draft = data.draft === true || asText(data.draft) === 'true';
  const slugText = asText(data.slug);
  const oldAddresses: SiteEntry['oldAddresses'] = [];
  if (!draft) {
    const url = asText(data.url);
    const own = url ? `/${url.replace(/^\/+/, '')}` : undefined;
    const path =
      own ??
      hugoPageAddress(found.kind === 'article' ? config.permalinks.get(found.folders[0] ?? '') : undefined, { folders: found.folders, name: found.name, slug: slugText, title, date, timezone: config.settings.timezone }, config.uglyUrls);
    oldAddresses.push({ path, line: own ? line('url') : undefined });
    const directory = path.replace(/[^/]*\/?$/, '');
    for (const alias of asTextList(data.aliases)) {
      const resolved = alias.startsWith('/') ? alias : `${directory}${alias}`;
      oldAddresses.push({ path: resolved.replace(/\/{2,}/g, '/'), line: line('aliases') });
    }
  }
  reading.leftFields.add(file, Object.keys(data).filter((key) => !READ.has(key)));
  const params = data.params && typeof data.params === 'object' ? (data.params as Record<string, unknown>) : {};
  return {
    kind: found.kind,
    source: file,
    title,
    date,
    updated: isoFromWritten(data.lastmod ?? data.modified),
    draft,
    section: found.kind === 'article' ? found.folders[0] : undefined,
    tags,
    authors: distinct([...asTextList(data.author), ...asTextList(data.authors), ...asTextList(params.author)]),
    summary: (asText(data.summary) ?? asText(data.description))?.replace(/\s+/g, ' '),
    image: leadImage(data, line),
    slug: safeSlug(slugText ?? found.name, found.kind === 'page' ? 'page' : 'post'),
    oldAddresses,
    body,
    bodyLine,
    data: { ...params, ...data },
    notes,
  };
}

const capitalised = (key: string) => key.replace(/^\w/, (char) => char.toUpperCase());

/** `images: [first, …]` (Hugo's own), `featured_image`, `image`, or a theme's `cover: {image, alt, caption}`. */
function leadImage(data: Record<string, unknown>, line: (key: string) => number | undefined): SiteEntry['image'] {
  const images = asTextList(data.images);
  const keys = ['images', 'featured_image', 'featuredimage', 'image', 'cover'] as const;
  const ref = images[0] ?? asText(data.featured_image) ?? asText(data.featuredimage) ?? asText(data.image) ?? asText(valueAt(data, 'cover.image'));
  if (!ref) return undefined;
  const key = keys.find((name) => data[name] !== undefined) ?? 'images';
  return {
    ref,
    alt: asText(valueAt(data, 'cover.alt')) ?? asText(data.image_alt) ?? asText(data.imagealt),
    caption: asText(valueAt(data, 'cover.caption')),
    line: line(key),
  };
}
