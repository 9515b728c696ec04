import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { slugifyText, slugProblem } from '../../content/slug.js';
import { MAX_TAGS } from '../../content/limits.js';
import { isLanguageTag } from '../../content/schema.js';
import { createEmbedMatcher } from '../../markdown/embeds/providers.js';
import { markdownFile, safeSlug, yamlFile } from '../newsroom-files.js';
import type { ImportEvent, Importer, ImportOptions, SourcePlace } from '../types.js';
import { autop } from './autop.js';
import { collectExport, pictureKey, type ExportCategory, type ExportIndex } from './collect-export.js';
import { convertBody, lineOf, type BodyContext, type BodyNote } from './convert-body.js';
import { htmlToMarkdown } from './html-to-markdown.js';
import { mapComments, type CommentSkip } from './map-comments.js';
import { isKeepablePath, oldAddress, TAKEN_TOP_LEVEL } from './old-addresses.js';
import { readWxr, type WxrRecord } from './read-wxr.js';
import { filePost, sectionSlug } from './sections.js';
import { findUpload, publicUploadPath, uploadSegments } from './uploads.js';
import { wordpressDate } from './wp-dates.js';

type Item = Extract<WxrRecord, { kind: 'item' }>;

/** WordPress's own machinery, exported with the posts: counted in one line each, never content. */
const MACHINERY = new Set([
  'nav_menu_item', 'revision', 'custom_css', 'customize_changeset', 'oembed_cache', 'user_request', 'wp_block', 'wp_template',
  'wp_template_part', 'wp_global_styles', 'wp_navigation', 'wp_font_family', 'wp_font_face',
]);

/** Statuses that are not imported, and why (for the report). */
const NOT_IMPORTED: Record<string, string> = {
  private: 'private (only logged-in editors could read it)',
  pending: 'pending review (never published)',
  trash: 'in the trash',
  'auto-draft': 'an automatic draft WordPress made',
  inherit: 'a revision',
};

/** The content model's limits on site.yml (pages in the footer, redirects). */
const MAX_FOOTER_PAGES = 50;
const MAX_SITE_REDIRECTS = 20_000;

const UNCATEGORIZED: ExportCategory = { nicename: 'uncategorized', name: 'Uncategorized', parent: '', description: '' };

const plainText = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d{1,7});/g, (whole, code: string) => (Number(code) <= 0x10ffff ? String.fromCodePoint(Number(code)) : whole))
    .replace(/&#x([\da-f]{1,6});/gi, (whole, code: string) => (Number.parseInt(code, 16) <= 0x10ffff ? String.fromCodePoint(Number.parseInt(code, 16)) : whole))
    // Last, so that an escaped entity (`&amp;lt;`) stays text.
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

interface SectionUse {
  slug: string;
  category: ExportCategory;
  /** Old category archive paths that lead to this section. */
  aliases: Set<string>;
}

/**
 * `broadsheet import wordpress EXPORT.xml`: a WordPress export (WXR) as a
 * Broadsheet newsroom. Reads the export twice as a stream (first the
 * authors, categories and attachments, then the posts one at a time).
 */
export const importWordPress: Importer = async function* (options: ImportOptions): AsyncGenerator<ImportEvent> {
  const exportName = path.basename(options.source);
  const index = await collectExport(options.source, exportName);
  const run = new WordPressImport(index, exportName, options.uploads);
  for await (const record of readWxr(options.source, exportName)) {
    if (record.kind === 'item') yield* run.item(record);
  }
  yield* run.finish();
};

class WordPressImport {
  private readonly sites: URL[];
  private readonly site: URL;
  private readonly embed = createEmbedMatcher();
  private readonly authorSlugs = new Map<string, string>();
  private readonly usedAuthors = new Set<string>();
  private readonly sections = new Map<string, SectionUse>();
  private readonly articleSlugs = new Set<string>();
  private readonly pageSlugs = new Set<string>();
  /** Site paths pages are published at. */
  private readonly permalinks = new Set<string>();
  /** Published top-level pages, for the footer (`pages:` in site.yml) in WordPress's menu order. */
  private readonly footerPages: { slug: string; order: number; id: number }[] = [];
  private readonly takenTopLevel: Set<string>;
  /** Tag slug → the tag as first written, for tags of published articles (they have a tag page). */
  private readonly publishedTags = new Map<string, string>();
  /** Old tag archive path → tag slug, for every tag of an imported article. */
  private readonly tagArchives = new Map<string, string>();
  /** Old archive paths of categories that became tags → [tag slug, section slug]. */
  private readonly categoryArchives = new Map<string, [string, string]>();
  /** Upload source file → its public path, for files copied or to copy. */
  private readonly copied = new Map<string, string>();
  private readonly publicPaths = new Set<string>();
  private readonly remoteWarned = new Set<string>();
  private pendingCopies: { file: string; publicPath: string; place: SourcePlace }[] = [];
  private remoteImages = 0;
  private queryAddresses = 0;
  private readonly counts = new Map<string, number>();
  private readonly machinery = new Map<string, number>();
  private readonly commentSkips = new Map<string, number>();

  constructor(
    private readonly index: ExportIndex,
    private readonly exportName: string,
    private readonly uploads: string | undefined,
  ) {
    const channel = index.channel;
    const candidates = [channel.get('wp:base_blog_url'), channel.get('link'), channel.get('wp:base_site_url')].map((value) => (value ?? '').trim()).filter((value) => URL.canParse(value));
    this.sites = candidates.map((value) => new URL(value.replace(/\/?$/, '/')));
    this.site = this.sites[0] ?? new URL('https://example.org/');
    for (const author of index.authors.values()) this.authorSlugs.set(author.login, this.uniqueAuthorSlug(author.login, author.name));
    this.takenTopLevel = new Set(TAKEN_TOP_LEVEL);
    for (const category of index.categories.values()) if (!category.parent) this.takenTopLevel.add(sectionSlug(category.nicename));
  }

  private count(kind: string, n = 1): void {
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + n);
  }

  private uniqueAuthorSlug(login: string, name: string): string {
    const base = safeSlug(login, safeSlug(name, 'author'));
    let slug = base;
    const taken = new Set(this.authorSlugs.values());
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    return slug;
  }

  private place(item: Item, what: string): SourcePlace {
    return { file: this.exportName, line: item.line, item: what };
  }

  /**
   * The address to write for an image or a link: an upload's public copy
   * when --uploads has it; otherwise an image's web address (a path of the
   * old site is not a file of the new one) and, for a link to the old site,
   * its path, which an alias or redirect keeps answering.
   */
  private resolve(address: string, use: 'image' | 'link', place: SourcePlace, notes: BodyNote[]): string {
    const copy = this.copyUpload(address, place, notes);
    if (copy) return copy;
    if (!URL.canParse(address, this.site)) return address;
    const url = new URL(address, this.site);
    // An upload that was not copied is still on the old host; its path is no file of the new site.
    if (uploadSegments(address, this.sites)) return url.href;
    if (use === 'image' || !/^https?:$/.test(url.protocol)) return /^https?:$/.test(url.protocol) ? url.href : address;
    let old = oldAddress(url.href, this.site);
    // A short link (`/?p=123`, `/?page_id=7`) names a post whose permalink is kept as an alias: link to that.
    const id = old.kind === 'query' ? /^\/\?(?:p|page_id)=(\d+)$/.exec(old.query)?.[1] : undefined;
    const permalink = id === undefined ? undefined : this.index.permalinks.get(id);
    if (permalink !== undefined) old = oldAddress(permalink, this.site);
    return old.kind === 'path' && isKeepablePath(old.path) ? `${old.path}${url.hash}` : address;
  }

  /** The site path of an upload's copy in public/, when the export's address is an upload and --uploads holds the file. */
  private copyUpload(address: string, place: SourcePlace, notes: BodyNote[]): string | undefined {
    const segments = uploadSegments(address, this.sites);
    if (!segments) return undefined;
    const absolute = new URL(address, this.site).href;
    if (!this.uploads) {
      this.remoteImages++;
      return undefined;
    }
    const file = findUpload(this.uploads, segments);
    if (!file) {
      if (!this.remoteWarned.has(absolute)) {
        this.remoteWarned.add(absolute);
        notes.push({ kind: 'warning', message: `${segments.join('/')} is not in the uploads folder (or not a plain file inside it); kept as the remote address ${absolute}`, find: absolute });
      }
      return undefined;
    }
    const known = this.copied.get(file);
    if (known) return `/${known}`;
    const wanted = publicUploadPath(segments);
    if (!wanted) {
      notes.push({ kind: 'warning', message: `${segments.join('/')} has no file extension; kept as the remote address ${absolute}`, find: absolute });
      return undefined;
    }
    let publicPath = wanted;
    for (let n = 2; this.publicPaths.has(publicPath); n++) publicPath = wanted.replace(/(\.[a-z0-9]+)$/, `-${n}$1`);
    this.publicPaths.add(publicPath);
    this.copied.set(file, publicPath);
    this.pendingCopies.push({ file, publicPath, place });
    return `/${publicPath}`;
  }

  private async *copies(): AsyncGenerator<ImportEvent> {
    const pending = this.pendingCopies;
    this.pendingCopies = [];
    for (const copy of pending) {
      yield { type: 'file', root: 'public', path: copy.publicPath, content: new Uint8Array(await readFile(copy.file)), source: copy.place };
      this.count('images');
    }
  }

  private bodyContext(place: SourcePlace, notes: BodyNote[]): BodyContext {
    return {
      resolve: (address, use) => this.resolve(address, use, place, notes),
      altFor: (address) => this.index.altByAddress.get(pictureKey(new URL(address, this.site).href)),
      embed: this.embed,
      attachment: (id) => this.index.attachments.get(id),
    };
  }

  async *item(item: Item): AsyncGenerator<ImportEvent> {
    const field = (name: string) => (item.fields.get(name) ?? '').trim();
    const type = field('wp:post_type');
    const id = field('wp:post_id');
    const title = plainText(field('title'));
    const what = `${type || 'item'} ${id} “${title}”`;
    if (type === 'attachment') return;
    if (MACHINERY.has(type)) {
      this.machinery.set(type, (this.machinery.get(type) ?? 0) + 1);
      return;
    }
    const place = this.place(item, what);
    const skip = (message: string) => {
      this.count('not imported');
      const comments = item.comments.filter((comment) => comment.fields.get('comment_approved') === '1').length;
      if (comments) this.skipComment('on a post not imported', comments);
      return { type: 'notice', kind: 'skipped', message, source: place } as const;
    };
    if (type !== 'post' && type !== 'page') {
      yield skip(`not imported: post type "${type}" has no Broadsheet equivalent`);
      return;
    }
    const status = field('wp:status');
    if (field('wp:post_password')) {
      yield skip('not imported: password-protected');
      return;
    }
    if (NOT_IMPORTED[status]) {
      yield skip(`not imported: ${NOT_IMPORTED[status]}`);
      return;
    }
    if (status !== 'publish' && status !== 'future' && status !== 'draft') {
      yield skip(`not imported: status "${status}"`);
      return;
    }
    const date = wordpressDate(field('wp:post_date'), field('wp:post_date_gmt'));
    if (!date) {
      yield skip('not imported: it has no publication date');
      return;
    }
    const modified = wordpressDate(field('wp:post_modified'), field('wp:post_modified_gmt'));
    const updated = modified && status !== 'draft' && modified.epoch > date.epoch ? modified.text : undefined;

    const notes: BodyNote[] = [];
    const context = this.bodyContext(place, notes);
    const body = convertBody(item.fields.get('content:encoded') ?? '', context);
    notes.unshift(...body.notes);
    const summary = plainText(field('excerpt:encoded')) || undefined;
    const headline = title || `Untitled ${type} ${id}`;
    if (!title) notes.push({ kind: 'warning', message: `it had no title; wrote "${headline}"` });

    const rawLink = field('link') || field('guid');
    // A link with `.`/`..` segments (written or escaped) would resolve to another address, an archive's perhaps: not kept.
    const link = /(?:^|\/)(?:\.|%2e){1,2}(?:\/|$|\?|#)/i.test(rawLink.replace(/^[a-z]+:\/\/[^/]*/i, '')) ? ({ kind: 'elsewhere' } as const) : oldAddress(rawLink, this.site);
    if (link.kind === 'elsewhere' && rawLink) notes.push({ kind: 'warning', message: `its old address ${rawLink} is not on the site's host or climbs with "." or ".." segments; it is not kept` });
    if (link.kind === 'query' || oldAddress(field('guid'), this.site).kind === 'query') this.queryAddresses++;
    let postName = field('wp:post_name');
    try {
      postName = decodeURIComponent(postName);
    } catch {
      // Kept as written; the slug is made from it all the same.
    }

    yield* this.copies();
    if (type === 'page') {
      yield* this.page({ item, place, id, headline, summary, date, updated, status, postName, link, body: body.markdown, notes });
      return;
    }

    const filing = filePost(item.terms, this.index.categories, UNCATEGORIZED);
    const section = this.section(filing.section);
    const tags: string[] = [];
    const tagSlugs = new Set<string>();
    const addTag = (name: string) => {
      const tagSlug = slugifyText(name);
      if (!name || !tagSlug || tagSlugs.has(tagSlug)) return;
      tagSlugs.add(tagSlug);
      tags.push(name);
    };
    filing.categoryTags.forEach(addTag);
    for (const term of item.terms) if (term.domain === 'post_tag') addTag(plainText(term.name));
    if (tags.length > MAX_TAGS) {
      notes.push({ kind: 'warning', message: `it had ${tags.length} tags and categories; kept the first ${MAX_TAGS}` });
      tags.length = MAX_TAGS;
    }

    let slug = safeSlug(postName || headline, `post-${id}`);
    if (this.articleSlugs.has(slug)) slug = safeSlug(`${slug}-${id}`, `post-${id}`);
    this.articleSlugs.add(slug);
    const newPath = `/${section.slug}/${slug}/`;

    const creator = field('dc:creator');
    const author = this.author(creator, notes);
    const image = this.featuredImage(item, place, notes);
    const aliases = link.kind === 'path' && link.path !== newPath && isKeepablePath(link.path) ? [link.path] : [];
    if (link.kind === 'path' && aliases.length === 0 && link.path !== newPath) notes.push({ kind: 'warning', message: `its old address ${link.path} is not a path a static site can answer (only letters, digits, . _ ~ - between slashes); it is not kept` });

    // Archive pages of the old site: a tag's leads to its tag page, when a published article has it.
    if (status === 'publish') for (const tag of tags) if (!this.publishedTags.has(slugifyText(tag))) this.publishedTags.set(slugifyText(tag), tag);
    for (const term of item.terms) {
      const tagSlug = slugifyText(plainText(term.name));
      if (term.domain === 'post_tag' && term.nicename && tagSlugs.has(tagSlug)) this.tagArchives.set(`/tag/${term.nicename}/`, tagSlug);
    }
    // A category's archive leads to its section when it is one, else to its tag page, else to the post's section.
    for (const chain of filing.categories) {
      for (let at = 0; at < chain.length; at++) {
        const category = chain[at] as ExportCategory;
        const archive = `/category/${chain.slice(at).reverse().map((up) => up.nicename).join('/')}/`;
        if (category.nicename === filing.section.nicename || this.categoryArchives.has(archive)) continue;
        this.categoryArchives.set(archive, [slugifyText(category.name), section.slug]);
      }
    }

    const frontMatter = {
      title: headline,
      summary,
      date: date.text,
      updated,
      authors: [author],
      category: section.slug,
      tags: tags.length ? tags : undefined,
      image,
      draft: status === 'draft' ? true : undefined,
      comments: field('wp:comment_status') === 'closed' ? false : undefined,
      aliases: aliases.length ? aliases : undefined,
    };
    const file = `articles/${date.text.slice(0, 4)}/${date.text.slice(0, 10)}-${slug}.md`;
    const content = markdownFile(frontMatter, body.markdown);
    yield* this.copies();
    yield { type: 'file', root: 'content', path: file, content, source: place };
    this.count(status === 'draft' ? 'drafts' : status === 'future' ? 'scheduled articles' : 'articles');
    for (const alias of aliases) yield { type: 'address', old: alias, new: newPath };
    yield* this.notices(notes, place, file, content);

    const comments = mapComments(item.comments, (html) => this.commentBody(html));
    for (const [why, n] of comments.skipped) this.skipComment(why, n);
    for (const comment of comments.files) {
      const commentFile = `comments/${slug}/${comment.id}.yml`;
      const commentPlace = { file: this.exportName, line: comment.line, item: `comment on ${what}` };
      yield { type: 'file', root: 'content', path: commentFile, content: comment.content, source: commentPlace };
      for (const message of comment.notes) yield { type: 'notice', kind: 'warning', message, source: commentPlace, target: { path: commentFile } };
      this.count('comments');
    }
  }

  private skipComment(why: CommentSkip | 'on a page' | 'on a post not imported', n: number): void {
    this.commentSkips.set(why, (this.commentSkips.get(why) ?? 0) + n);
  }

  private commentBody(html: string): { markdown: string; notes: string[] } {
    // Readers' comments are plain paragraphs; no embeds, no copies of uploads.
    const converted = htmlToMarkdown(autop(html), { resolve: (address) => address, altFor: () => undefined, embed: () => undefined });
    return { markdown: converted.markdown, notes: converted.notes.map((note) => note.message) };
  }

  private *page(page: {
    item: Item;
    place: SourcePlace;
    id: string;
    headline: string;
    summary: string | undefined;
    date: { text: string };
    updated: string | undefined;
    status: string;
    postName: string;
    link: ReturnType<typeof oldAddress>;
    body: string;
    notes: BodyNote[];
  }): Generator<ImportEvent> {
    let slug = safeSlug(page.postName || page.headline, `page-${page.id}`);
    if (this.takenTopLevel.has(slug)) slug = safeSlug(`${slug}-page`, `page-${page.id}`);
    if (this.pageSlugs.has(slug)) slug = safeSlug(`${slug}-${page.id}`, `page-${page.id}`);
    this.pageSlugs.add(slug);
    // A page keeps its old address as its permalink when that is a path of slugs the site does not use itself.
    const old = page.link.kind === 'path' ? page.link.path : undefined;
    const segments = old ? /^\/(.+)\/$/.exec(old)?.[1]?.split('/') : undefined;
    const first = segments?.[0] ?? '';
    const keeps = old !== undefined && segments !== undefined && segments.every((segment) => !slugProblem(segment)) && !this.takenTopLevel.has(first) && !this.permalinks.has(old);
    const newPath = keeps ? old : `/${slug}/`;
    this.permalinks.add(newPath);
    const permalink = newPath === `/${slug}/` ? undefined : newPath;
    const aliases = !keeps && old !== undefined && old !== newPath && isKeepablePath(old) && !this.takenTopLevel.has(first) ? [old] : [];
    if (!keeps && old !== undefined && aliases.length === 0) page.notes.push({ kind: 'warning', message: `its old address ${old} is one the new site uses itself, or not a path a static site can answer; it is not kept` });
    if (page.status === 'publish' && (page.item.fields.get('wp:post_parent') ?? '0').trim() === '0') {
      this.footerPages.push({ slug, order: Number((page.item.fields.get('wp:menu_order') ?? '0').trim()) || 0, id: Number(page.id) || 0 });
    }
    const frontMatter = {
      title: page.headline,
      summary: page.summary,
      permalink,
      updated: page.updated,
      draft: page.status === 'draft' ? true : undefined,
      aliases: aliases.length ? aliases : undefined,
    };
    if (page.status === 'future') page.notes.push({ kind: 'warning', message: `it was scheduled for ${page.date.text}; pages have no date, so it is published with the site` });
    const file = `pages/${slug}.md`;
    const content = markdownFile(frontMatter, page.body);
    // Pages hold no comments in Broadsheet.
    const comments = page.item.comments.filter((comment) => comment.fields.get('comment_approved') === '1').length;
    if (comments) this.skipComment('on a page', comments);
    yield { type: 'file', root: 'content', path: file, content, source: page.place };
    this.count(page.status === 'draft' ? 'draft pages' : 'pages');
    for (const alias of aliases) yield { type: 'address', old: alias, new: newPath };
    yield* this.notices(page.notes, page.place, file, content);
  }

  private *notices(notes: readonly BodyNote[], place: SourcePlace, file: string, content: string): Generator<ImportEvent> {
    for (const note of notes) {
      const line = note.find ? lineOf(content, note.find) : undefined;
      yield { type: 'notice', kind: note.kind, message: note.message, source: place, target: line ? { path: file, line } : { path: file } };
    }
  }

  private section(category: ExportCategory): SectionUse {
    const slug = sectionSlug(category.nicename);
    let use = this.sections.get(slug);
    if (!use) {
      use = { slug, category, aliases: new Set() };
      this.sections.set(slug, use);
    }
    const archive = `/category/${category.nicename}/`;
    if (archive !== `/${slug}/` && isKeepablePath(archive)) use.aliases.add(archive);
    return use;
  }

  private sectionFor(category: ExportCategory | undefined): string {
    return category ? this.section(category).slug : this.section(UNCATEGORIZED).slug;
  }

  private author(login: string, notes: BodyNote[]): string {
    let slug = this.authorSlugs.get(login);
    if (!slug) {
      const name = login || 'Unknown author';
      slug = this.uniqueAuthorSlug(login || 'unknown-author', name);
      this.authorSlugs.set(login, slug);
      this.index.authors.set(login, { login, name, description: '', line: 0 });
      notes.push({ kind: 'warning', message: `its author "${login}" is not among the export's authors; wrote authors/${slug}.md with the login as the name` });
    }
    this.usedAuthors.add(login);
    return slug;
  }

  private featuredImage(item: Item, place: SourcePlace, notes: BodyNote[]) {
    const thumbnail = item.meta.get('_thumbnail_id')?.trim();
    if (!thumbnail) return undefined;
    const attachment = this.index.attachments.get(thumbnail);
    if (!attachment?.url) {
      notes.push({ kind: 'warning', message: `its featured image (attachment ${thumbnail}) is not in the export; left out` });
      return undefined;
    }
    const src = this.copyUpload(attachment.url, place, notes);
    if (!src) {
      notes.push({ kind: 'warning', message: `its featured image ${attachment.url} is not a copied upload (a lead image must be a file in public/); left out` });
      return undefined;
    }
    let alt = attachment.alt || attachment.caption || attachment.title;
    if (!alt) {
      alt = 'Image';
      notes.push({ kind: 'warning', message: `its featured image ${attachment.url} has no alt text; wrote "Image": describe what it shows` });
    }
    return { src, alt, caption: attachment.caption || undefined };
  }

  *finish(): Generator<ImportEvent> {
    const place: SourcePlace = { file: this.exportName };
    for (const [login, author] of this.index.authors) {
      const slug = this.authorSlugs.get(login);
      if (!slug) continue;
      yield { type: 'file', root: 'content', path: `authors/${slug}.md`, content: markdownFile({ name: author.name }, author.description), source: { file: this.exportName, line: author.line || undefined, item: `author ${login}` } };
      this.count('authors');
    }
    const redirects: Record<string, string> = {};
    const sections = [...this.sections.values()].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
    for (const section of sections) {
      const aliases = [...section.aliases].sort();
      yield {
        type: 'file',
        root: 'content',
        path: `categories/${section.slug}.md`,
        content: markdownFile({ name: section.category.name, description: plainText(section.category.description) || undefined, aliases: aliases.length ? aliases : undefined }, ''),
        source: { ...place, item: `category ${section.category.nicename}` },
      };
      for (const alias of aliases) yield { type: 'address', old: alias, new: `/${section.slug}/` };
      this.count('sections');
    }
    const moves: [string, string][] = [];
    const sectionAliases = new Set(sections.flatMap((section) => [...section.aliases]));
    for (const [archive, [tagSlug, sectionSlugValue]] of this.categoryArchives) {
      if (!isKeepablePath(archive) || sectionAliases.has(archive)) continue;
      moves.push([archive, this.publishedTags.has(tagSlug) ? `/tags/${tagSlug}/` : `/${sectionSlugValue}/`]);
    }
    for (const [archive, tagSlug] of this.tagArchives) {
      if (!isKeepablePath(archive) || !this.publishedTags.has(tagSlug) || archive === `/tags/${tagSlug}/`) continue;
      moves.push([archive, `/tags/${tagSlug}/`]);
    }
    moves.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (moves.length > MAX_SITE_REDIRECTS) {
      yield { type: 'notice', kind: 'warning', message: `${moves.length} category and tag archive addresses, and site.yml may hold ${MAX_SITE_REDIRECTS} redirects: the first ${MAX_SITE_REDIRECTS} in order are kept`, source: place };
      moves.length = MAX_SITE_REDIRECTS;
    }
    for (const [from, to] of moves) {
      redirects[from] = to;
      yield { type: 'address', old: from, new: to };
    }
    yield { type: 'file', root: 'content', path: 'site.yml', content: this.siteFile(redirects), source: place };

    if (!this.uploads && this.remoteImages > 0) {
      yield { type: 'notice', kind: 'warning', message: `${this.remoteImages} addresses of uploaded files were kept as remote addresses, and no featured image was imported: give --uploads with a copy of wp-content/uploads to copy them into public/`, source: place };
    }
    if (this.queryAddresses > 0) {
      yield {
        type: 'notice',
        kind: 'warning',
        message: `${this.queryAddresses} posts and pages also had an address with a query string (/?p=123, /?page_id=7); a static host answers by path alone, so these addresses are not kept (on Netlify, a _redirects rule with a query parameter can send them on)`,
        source: place,
      };
    }
    yield {
      type: 'notice',
      kind: 'warning',
      message: 'a WordPress export does not name the site’s timezone: dates are written with the offset WordPress recorded, and site.yml says timezone: UTC; set the newsroom’s own timezone there',
      source: place,
    };
    for (const [type, n] of [...this.machinery].sort()) yield { type: 'notice', kind: 'skipped', message: `not imported: ${n} ${type} item${n === 1 ? '' : 's'} (WordPress's own settings, not content)`, source: place };
    for (const [why, n] of [...this.commentSkips].sort()) yield { type: 'count', kind: `comments not imported (${why})`, n };
    for (const [kind, n] of [...this.counts].sort()) yield { type: 'count', kind, n };
  }

  private siteFile(redirects: Record<string, string>): string {
    const channel = this.index.channel;
    const language = (channel.get('language') ?? '').trim();
    // Not a language tag: English, which an editor can change.
    const valid = isLanguageTag(language) ? (Intl.getCanonicalLocales(language)[0] ?? 'en') : 'en';
    const footer = [...this.footerPages].sort((a, b) => a.order - b.order || a.id - b.id).slice(0, MAX_FOOTER_PAGES);
    return yamlFile({
      title: plainText(channel.get('title') ?? '') || this.site.hostname,
      url: this.site.href,
      description: plainText(channel.get('description') ?? '') || undefined,
      language: valid,
      timezone: 'UTC',
      pages: footer.length ? footer.map((page) => page.slug) : undefined,
      redirects: Object.keys(redirects).length ? redirects : undefined,
    });
  }
}
