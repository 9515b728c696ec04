import { readWxr } from './read-wxr.js';

/*
 * The first pass over an export: the small things every post may refer to,
 * wherever they are in the file (WordPress writes attachments among the
 * posts, often after the post that uses them). No post body is kept.
 */

/** A `<wp:author>`: the login posts name in `dc:creator`, and what the author page shows. */
export interface ExportAuthor {
  login: string;
  name: string;
  description: string;
  line: number;
}

/** A `<wp:category>`, by its nicename (the slug in its archive's address). */
export interface ExportCategory {
  nicename: string;
  name: string;
  /** The parent's nicename, or '' at the top. */
  parent: string;
  description: string;
}

/** An attachment item: the upload's address, its alt text, caption (the excerpt) and title. */
export interface ExportAttachment {
  url: string;
  alt: string;
  caption: string;
  title: string;
}

/** What the first pass keeps: small maps, never a post's text. */
export interface ExportIndex {
  channel: Map<string, string>;
  authors: Map<string, ExportAuthor>;
  categories: Map<string, ExportCategory>;
  attachments: Map<string, ExportAttachment>;
  /** Attachment address without WordPress's size suffix (`-300x200`) → its alt text. */
  altByAddress: Map<string, string>;
  /** Post or page id → its permalink (`<link>`), so that a link written `/?p=123` can name the address that is kept. */
  permalinks: Map<string, string>;
}

/** An upload's address as WordPress's resized copies share it: `x-300x200.jpg` and `x.jpg` are one picture. */
export const pictureKey = (url: string): string => (url.split(/[?#]/)[0] ?? '').replace(/^https?:/i, '').replace(/-\d+x\d+(?=\.[A-Za-z0-9]+$)/, '').toLowerCase();

const plainText = (html: string) => html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();

/** Read `file` once for its channel fields, authors, categories and attachments. */
export async function collectExport(file: string, name: string): Promise<ExportIndex> {
  const index: ExportIndex = { channel: new Map(), authors: new Map(), categories: new Map(), attachments: new Map(), altByAddress: new Map(), permalinks: new Map() };
  for await (const record of readWxr(file, name)) {
    const field = (key: string) => (record.fields.get(key) ?? '').trim();
    if (record.kind === 'channel') index.channel = record.fields;
    else if (record.kind === 'author') {
      const login = field('author_login');
      const full = [field('author_first_name'), field('author_last_name')].filter(Boolean).join(' ');
      if (login) index.authors.set(login, { login, name: field('author_display_name') || full || login, description: field('author_description'), line: record.line });
    } else if (record.kind === 'category') {
      const nicename = field('category_nicename');
      if (nicename) index.categories.set(nicename, { nicename, name: field('cat_name') || nicename, parent: field('category_parent'), description: field('category_description') });
    } else if (record.kind === 'item' && (field('wp:post_type') === 'post' || field('wp:post_type') === 'page')) {
      if (field('link')) index.permalinks.set(field('wp:post_id'), field('link'));
    } else if (record.kind === 'item' && field('wp:post_type') === 'attachment') {
      const url = field('wp:attachment_url') || field('guid');
      const attachment = { url, alt: plainText(record.meta.get('_wp_attachment_image_alt') ?? ''), caption: plainText(field('excerpt:encoded')), title: plainText(field('title')) };
      index.attachments.set(field('wp:post_id'), attachment);
      if (url && attachment.alt) index.altByAddress.set(pictureKey(url), attachment.alt);
    }
  }
  return index;
}
