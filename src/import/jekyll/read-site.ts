import { htmlAsMarkdown } from '../html-body.js';
import { linkNotices, readSourceTree, resolveInTree, type SourceTree } from '../source-tree.js';
import type { ImportNotice } from '../types.js';
import { createLeftFields } from '../static-site/fields.js';
import { publicPathOf } from '../static-site/public-path.js';
import type { SiteEntry, StaticSite } from '../static-site/types.js';
import { readJekyllAuthors } from './authors-data.js';
import { readJekyllConfig } from './config.js';
import { readJekyllEntry, type EntryReading } from './entries.js';
import { convertLiquid } from './liquid.js';

const TEXT = /\.(?:md|markdown|mkd|mkdn|mdown|html)$/i;

/** The section of posts without a category. */
const DEFAULT_SECTION = 'Posts';

/**
 * A Jekyll site as the import sees it: `_config.yml`, the posts in
 * `_posts/`, the drafts in `_drafts/`, the pages (files with front matter
 * outside the underscore folders) and the authors in `_data/authors.yml`
 * (collections are listed as not imported); images are found in the site's
 * folder (or `uploads`, when given, first).
 */
export function readJekyllSite(root: string, uploads?: string): StaticSite {
  const tree = readSourceTree(root);
  const uploadTree = uploads ? readSourceTree(uploads) : undefined;
  const config = readJekyllConfig(tree);
  const notices: ImportNotice[] = [...config.notices, ...linkNotices(tree, uploadTree)];
  const leftFields = createLeftFields();
  const reading: EntryReading = { tree, config, defaultSection: DEFAULT_SECTION, notices, leftFields };
  const declared = config.data.collections;
  const collections = new Set(Array.isArray(declared) ? declared.map(String) : declared && typeof declared === 'object' ? Object.keys(declared) : []);
  const entries: SiteEntry[] = [];
  const add = (entry: SiteEntry | undefined) => entry && entries.push(entry);
  for (const file of tree.files) {
    const [top, ...rest] = file.split('/');
    if (top === '_posts' && TEXT.test(file)) add(readJekyllEntry(file, 'post', reading));
    else if (top === '_drafts' && TEXT.test(file)) add(readJekyllEntry(file, 'draft', reading));
    else if ((top === '_posts' || top === '_drafts') && rest.length) notices.push({ type: 'notice', kind: 'skipped', message: 'not imported: not a Markdown or HTML post', source: { file } });
    else if (top?.startsWith('_') && rest.length) {
      const collection = top.slice(1);
      if (collections.has(collection)) notices.push({ type: 'notice', kind: 'skipped', message: `not imported: a document of the collection "${collection}", which has no Broadsheet equivalent`, source: { file } });
    } else if (TEXT.test(file) && /^---[ \t]*\r?$/.test(tree.readText(file).split('\n', 1)[0] ?? '')) {
      // Jekyll makes a page of every file with front matter outside the folders it keeps for itself.
      if (/^(?:index|404)\./i.test(file)) notices.push({ type: 'notice', kind: 'skipped', message: 'not imported: Broadsheet makes its own home and not-found pages', source: { file } });
      else add(readJekyllEntry(file, 'page', reading));
    }
  }
  const authorsData = readJekyllAuthors(tree);
  notices.push(...authorsData.notices);
  notices.push(...leftFields.notices());
  const posts = tree.files.filter((file) => file.startsWith('_posts/'));

  return {
    tree,
    configFile: tree.has('_config.yml') ? '_config.yml' : '.',
    settings: config.settings,
    oldSite: config.oldSite,
    entries,
    sections: new Map(),
    authors: authorsData.authors,
    defaultAuthor: config.author ?? config.settings.title,
    defaultSection: DEFAULT_SECTION,
    redirects: new Map(),
    notices,
    convertBody(entry, context) {
      const pieces = convertLiquid(entry.body, { site: config.data, page: entry.data, addressOfSource: context.addressOfSource, posts });
      return /\.html$/i.test(entry.source) ? htmlAsMarkdown(entry.body, pieces) : pieces;
    },
    locateImage(_entry, sitePath) {
      const file = resolveInTree(sitePath, '');
      if (!file) return undefined;
      const publicPath = publicPathOf(file.split('/'));
      if (!publicPath) return undefined;
      const found: SourceTree | undefined = uploadTree?.has(file) ? uploadTree : tree.has(file) ? tree : undefined;
      return found && { tree: found, file, publicPath };
    },
  };
}
