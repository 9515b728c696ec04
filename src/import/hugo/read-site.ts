import { readFrontMatterBlock } from '../front-matter-block.js';
import { htmlAsMarkdown } from '../html-body.js';
import { safeSlug } from '../newsroom-files.js';
import { linkNotices, readSourceTree, resolveInTree, type SourceTree } from '../source-tree.js';
import type { ImportNotice } from '../types.js';
import { asText, createLeftFields, valueAt } from '../static-site/fields.js';
import { publicPathOf } from '../static-site/public-path.js';
import type { AuthorFound, LocatedImage, SiteEntry, StaticSite } from '../static-site/types.js';
import { readHugoConfig } from './config.js';
import { readHugoEntry, type HugoFile } from './entries.js';
import { hugoUrlize } from './permalink.js';
import { convertShortcodes } from './shortcodes.js';

const TEXT = /\.(?:md|markdown|html)$/i;
const OTHER_FORMATS = /\.(?:adoc|asciidoc|org|rst|pandoc|pdc|ipynb|mmark)$/i;
const INDEX = /^index\.(?:md|markdown|html)$/i;
const LIST = /^_index\.(?:md|markdown|html)$/i;
/** Folders that hold a taxonomy's term pages in Hugo sites, whose addresses are Broadsheet's own pages. */
const TAXONOMY_FOLDERS = new Set(['authors', 'tags', 'categories']);

/**
 * A Hugo site as the import sees it: the config at its root, the content
 * folder (a top folder is a section, `_index.md` its description, a file
 * or leaf bundle at the top a page, every other content file a post, the
 * files beside a bundle's `index.md` its images, the author taxonomy's
 * term pages `authors/<name>/_index.md` the authors' names and bios) and the static folder
 * (or `uploads`, when given) for images named by site path.
 */
export function readHugoSite(root: string, uploads?: string): StaticSite {
  const tree = readSourceTree(root);
  const staticTree = uploads ? readSourceTree(uploads) : undefined;
  const config = readHugoConfig(tree);
  const notices: ImportNotice[] = [...config.notices, ...linkNotices(tree, staticTree)];
  const contentPrefix = `${config.contentDir}/`;
  const contentFiles = tree.files.filter((file) => file.startsWith(contentPrefix));
  const bundles = new Set(contentFiles.filter((file) => INDEX.test(file.split('/').at(-1) ?? '')).map((file) => file.replace(/\/[^/]+$/, '')));
  const inBundle = (file: string) => {
    for (let dir = file.replace(/\/[^/]+$/, ''); dir.length > config.contentDir.length; dir = dir.replace(/\/[^/]+$/, '')) if (bundles.has(dir)) return dir;
    return undefined;
  };

  const found: HugoFile[] = [];
  const sections = new Map<string, ReturnType<typeof sectionFrom>>();
  const sectionNames = new Map<string, string>();
  const authors = new Map<string, AuthorFound>();
  for (const file of contentFiles) {
    const parts = file.slice(contentPrefix.length).split('/');
    const base = parts.at(-1) ?? '';
    const say = (message: string) => notices.push({ type: 'notice', kind: 'skipped', message, source: { file } });
    if (OTHER_FORMATS.test(base)) say('not imported: Broadsheet reads Markdown; convert this format by hand');
    if (!TEXT.test(base)) continue;
    if (parts.length === 3 && parts[0] === 'authors' && LIST.test(base)) {
      const author = authorFrom(tree, file);
      if (author) authors.set(parts[1] ?? '', author.found);
      else say('not imported: the author page\'s front matter could not be read');
      if (author?.left.length) say(`the author page's ${author.left.map((key) => `"${key}"`).join(', ')} ${author.left.length === 1 ? 'has' : 'have'} no Broadsheet equivalent and ${author.left.length === 1 ? 'is' : 'are'} left out`);
      continue;
    }
    if (parts.length > 1 && TAXONOMY_FOLDERS.has(parts[0] ?? '')) {
      say(`not imported: a page of the taxonomy "${parts[0]}" (Broadsheet makes its own author and tag pages)`);
      continue;
    }
    const bundle = inBundle(file);
    if (bundle && !INDEX.test(base)) continue;
    if (LIST.test(base)) {
      if (parts.length === 1) say('not imported: the home page\'s content (Broadsheet makes its own home page)');
      else if (parts.length === 2) sections.set(parts[0] ?? '', sectionFrom(tree, file));
      else say('not imported: the list page of a nested section (its posts are in the top section)');
      continue;
    }
    if (INDEX.test(base) && bundle) {
      const folders = parts.slice(0, -2);
      found.push({ file, kind: folders.length ? 'article' : 'page', folders, name: parts.at(-2) ?? '', bundle });
    } else {
      const folders = parts.slice(0, -1);
      found.push({ file, kind: folders.length ? 'article' : 'page', folders, name: base.replace(/\.[^.]+$/, '') });
    }
  }
  for (const [folder, section] of sections) sectionNames.set(folder, section.name);

  const leftFields = createLeftFields();
  const reading = { tree, config, notices, leftFields };
  const entries: SiteEntry[] = [];
  for (const file of found) {
    const entry = readHugoEntry(file, reading);
    if (!entry) continue;
    if (entry.section !== undefined) entry.section = sectionNames.get(entry.section) ?? titleOf(entry.section);
    entries.push(entry);
  }
  const sectionInfo: StaticSite['sections'] = new Map();
  for (const entry of found) {
    const folder = entry.folders[0];
    if (folder === undefined) continue;
    const name = sectionNames.get(folder) ?? titleOf(folder);
    const known = sections.get(folder);
    sectionInfo.set(name, { slug: folder, description: known?.description, intro: known?.intro, source: known?.source ?? `${contentPrefix}${folder}` });
  }
  notices.push(...leftFields.notices());

  // The old site's category pages lead to the tag pages now (categories are tags here).
  const redirects = new Map<string, string>();
  for (const entry of entries) {
    if (entry.draft) continue;
    const categories = entry.data.categories;
    for (const category of Array.isArray(categories) ? categories : categories === undefined ? [] : [categories]) {
      const text = asText(category);
      if (text) redirects.set(`/categories/${hugoUrlize(text)}/`, `/tags/${safeSlug(text, 'tag')}/`);
    }
    for (const tag of entry.tags) {
      const old = `/tags/${hugoUrlize(tag)}/`;
      const now = `/tags/${safeSlug(tag, 'tag')}/`;
      if (old !== now) redirects.set(old, now);
    }
  }
  if ([...redirects.keys()].some((old) => old.startsWith('/categories/'))) redirects.set('/categories/', '/tags/');

  const refIndex = referenceIndex(found, contentPrefix);
  const bundleOf = new Map(found.filter((file) => file.bundle).map((file) => [file.file, file.bundle ?? '']));
  const staticPrefix = `${config.staticDir}/`;
  return {
    tree,
    configFile: config.file,
    settings: config.settings,
    oldSite: config.oldSite,
    entries,
    sections: sectionInfo,
    authors,
    defaultAuthor: config.author ?? config.settings.title,
    defaultSection: 'Posts',
    redirects: new Map([...redirects].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    notices,
    convertBody(entry, context) {
      const pieces = convertShortcodes(entry.body, {
        page: entry.data,
        params: isMapping(config.data.params) ? config.data.params : {},
        addressOfRef: (reference) => {
          const source = refIndex.get(reference.replace(/^\.?\/+/, '').replace(/\/+$/, '').toLowerCase());
          return source && context.addressOfSource(source);
        },
      });
      return /\.html$/i.test(entry.source) ? htmlAsMarkdown(entry.body, pieces) : pieces;
    },
    locateImage(entry, sitePath): LocatedImage | undefined {
      if (!sitePath.startsWith('/')) {
        if (!entry) return undefined;
        const bundle = bundleOf.get(entry.source);
        const file = resolveInTree(sitePath, bundle ?? entry.source.replace(/\/[^/]+$/, ''));
        if (!file || !tree.has(file) || !file.startsWith(contentPrefix)) return undefined;
        if (bundle && file.startsWith(`${bundle}/`)) {
          const folder = [entry.kind === 'page' ? 'pages' : safeSlug(entry.source.slice(contentPrefix.length).split('/')[0] ?? '', 'posts'), entry.slug];
          const publicPath = publicPathOf(['images', ...folder, ...file.slice(bundle.length + 1).split('/')]);
          return publicPath ? { tree, file, publicPath } : undefined;
        }
        const publicPath = publicPathOf(file.slice(contentPrefix.length).split('/'));
        return publicPath ? { tree, file, publicPath } : undefined;
      }
      const file = resolveInTree(sitePath, '');
      if (!file) return undefined;
      const publicPath = publicPathOf(file.split('/'));
      if (!publicPath) return undefined;
      if (staticTree?.has(file)) return { tree: staticTree, file, publicPath };
      if (tree.has(`${staticPrefix}${file}`)) return { tree, file: `${staticPrefix}${file}`, publicPath };
      if (tree.has(`${contentPrefix}${file}`)) return { tree, file: `${contentPrefix}${file}`, publicPath };
      return undefined;
    },
  };
}

const isMapping = (value: unknown): value is Record<string, unknown> => Boolean(value) && typeof value === 'object' && !Array.isArray(value);

/** A section's name from its folder, as Hugo titles it: `posts` → `Posts`. */
const titleOf = (folder: string) => folder.replace(/[-_]+/g, ' ').replace(/^\w/, (char) => char.toUpperCase());

function sectionFrom(tree: SourceTree, file: string): { name: string; description?: string; intro?: string; source: string } {
  const folder = file.split('/').at(-2) ?? '';
  const read = readFrontMatterBlock(tree.readText(file));
  if (!read.ok) return { name: titleOf(folder), source: file };
  const data = Object.fromEntries(Object.entries(read.block.data).map(([key, value]) => [key.toLowerCase(), value]));
  return {
    name: asText(data.title) ?? titleOf(folder),
    description: (asText(data.description) ?? asText(data.summary))?.replace(/\s+/g, ' '),
    intro: read.block.body.trim() || undefined,
    source: file,
  };
}

const LINK_KEYS = ['website', 'email', 'mastodon', 'bluesky', 'x', 'linkedin', 'github'];

/** An author's term page: the title is the name, the body the bio; `role`, `avatar` or `image`, and links under their Broadsheet names. */
function authorFrom(tree: SourceTree, file: string): { found: AuthorFound; left: string[] } | undefined {
  const read = readFrontMatterBlock(tree.readText(file));
  if (!read.ok) return undefined;
  const data = Object.fromEntries(Object.entries(read.block.data).map(([key, value]) => [key.toLowerCase(), value]));
  const name = asText(data.title) ?? titleOf(file.split('/').at(-2) ?? '');
  const links: Record<string, string> = {};
  for (const key of LINK_KEYS) {
    const value = asText(data[key]) ?? asText(valueAt(data.params, key));
    if (value) links[key] = value;
  }
  const known = new Set(['title', 'role', 'avatar', 'image', 'params', ...LINK_KEYS]);
  const left = Object.keys(data).filter((key) => !known.has(key));
  return { found: { name, role: asText(data.role), bio: read.block.body.trim() || undefined, avatar: asText(data.avatar) ?? asText(data.image), links, source: file }, left };
}

/** The ways a `ref` may name content: its path with or without extension, a bundle's folder, or the file name alone. */
function referenceIndex(found: readonly HugoFile[], contentPrefix: string): Map<string, string> {
  const index = new Map<string, string>();
  const add = (key: string, file: string) => {
    const lower = key.toLowerCase();
    if (!index.has(lower)) index.set(lower, file);
  };
  for (const { file, bundle } of found) {
    const relative = file.slice(contentPrefix.length);
    add(relative, file);
    add(relative.replace(/\.[^./]+$/, ''), file);
    if (bundle) add(bundle.slice(contentPrefix.length), file);
  }
  for (const { file, bundle } of found) {
    const name = bundle ? (bundle.split('/').at(-1) ?? '') : (file.split('/').at(-1) ?? '');
    add(name, file);
    add(name.replace(/\.[^./]+$/, ''), file);
  }
  return index;
}
