import { createReadStream } from 'node:fs';
import { SaxesParser, type SaxesTagNS } from 'saxes';

/*
 * A WordPress export (WXR 1.0–1.2) read as a stream of small records: the
 * channel's own fields, each author, category and tag, and each item (post,
 * page, attachment) with its meta and comments. Only one chunk's records are
 * held at a time, so a 500 MB export never sits in memory whole.
 */

/** A `<category>` of an item: a category (`domain="category"`) or a tag (`post_tag`). */
export interface WxrTerm {
  domain: string;
  nicename: string;
  name: string;
}

/** A `<wp:comment>`: its fields by name without prefix (`comment_id`, `comment_author`…). */
export interface WxrComment {
  line: number;
  fields: Map<string, string>;
}

/** One record of the export, in document order; the channel's own fields are one record, given when the first item begins. */
export type WxrRecord =
  | { kind: 'channel'; line: number; fields: Map<string, string> }
  | { kind: 'author' | 'category' | 'tag'; line: number; fields: Map<string, string> }
  | {
      kind: 'item';
      line: number;
      /** `title`, `link`, `guid`, `dc:creator`, `content:encoded`, `excerpt:encoded`, `wp:post_id`… */
      fields: Map<string, string>;
      terms: WxrTerm[];
      meta: Map<string, string>;
      comments: WxrComment[];
    };

type ItemRecord = Extract<WxrRecord, { kind: 'item' }>;

// Prefixes by namespace, so an export that binds other prefixes reads the same.
// The excerpt namespace lives under the wp one, so it is tried first.
const NAMESPACES: [prefix: string, test: (uri: string) => boolean][] = [
  ['excerpt', (uri) => /^http:\/\/wordpress\.org\/export\/[\d.]+\/excerpt\/?$/.test(uri)],
  ['wp', (uri) => /^http:\/\/wordpress\.org\/export\/[\d.]+\/?$/.test(uri)],
  ['content', (uri) => uri === 'http://purl.org/rss/1.0/modules/content/'],
  ['dc', (uri) => uri === 'http://purl.org/dc/elements/1.1/'],
];

function nameOf(tag: SaxesTagNS): string {
  if (!tag.uri) return tag.local;
  const found = NAMESPACES.find(([, test]) => test(tag.uri));
  return found ? `${found[0]}:${tag.local}` : `{${tag.uri}}${tag.local}`;
}

const CHANNEL_RECORDS: Record<string, 'author' | 'category' | 'tag'> = { 'wp:author': 'author', 'wp:category': 'category', 'wp:tag': 'tag' };

/**
 * HTML's named entities that exports written by hand or by old plugins put
 * into non-CDATA fields; XML knows only five, and saxes stops at any other.
 */
const HTML_ENTITIES: Record<string, string> = {
  nbsp: '\u00a0', ndash: '–', mdash: '—', hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”',
  laquo: '«', raquo: '»', copy: '©', reg: '®', trade: '™', euro: '€', pound: '£', eacute: 'é', egrave: 'è',
  agrave: 'à', ccedil: 'ç', ouml: 'ö', uuml: 'ü', auml: 'ä', szlig: 'ß', middot: '·', bull: '•', deg: '°',
};

/**
 * A short field as a string of its own. The parser hands out pieces of the
 * chunk it read, and V8 keeps a piece as a view of that chunk: a slug or an
 * alt text kept for the whole import would keep its 256 KB chunk alive too
 * (35 MB for 4,000 attachments, measured). Long fields (bodies) are used
 * once and let go, so they are not copied.
 */
function ownString(text: string): string {
  return text.length > 2048 ? text : Buffer.from(text, 'utf8').toString('utf8');
}

/** Where the reader stopped on a file that is not well-formed XML. */
export class WxrSyntaxError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(`${file}:${line}: ${message}`);
  }
}

/**
 * Read `file` and yield its records in document order. `name` is how the
 * file is called in errors. Throws a `WxrSyntaxError` at the first place
 * that is not well-formed XML.
 */
export async function* readWxr(file: string, name = file): AsyncGenerator<WxrRecord> {
  const ready: WxrRecord[] = [];
  const parser = new SaxesParser({ xmlns: true, position: true });
  Object.assign(parser.ENTITIES, HTML_ENTITIES);

  const path: string[] = [];
  let channel: { line: number; fields: Map<string, string> } | undefined = { line: 1, fields: new Map() };
  let record: { kind: 'author' | 'category' | 'tag'; line: number; fields: Map<string, string> } | undefined;
  let item: ItemRecord | undefined;
  let comment: WxrComment | undefined;
  let term: WxrTerm | undefined;
  let metaKey = '';
  let metaValue = '';
  let text = '';

  const flushChannel = () => {
    if (channel) ready.push({ kind: 'channel', ...channel });
    channel = undefined;
  };

  parser.on('opentag', (tag) => {
    const tagName = nameOf(tag);
    path.push(tagName);
    text = '';
    const parent = path[path.length - 2];
    if (tagName === 'item' && parent === 'channel') {
      flushChannel();
      item = { kind: 'item', line: parser.line, fields: new Map(), terms: [], meta: new Map(), comments: [] };
    } else if (item && tagName === 'wp:comment') {
      comment = { line: parser.line, fields: new Map() };
    } else if (item && tagName === 'category' && parent === 'item') {
      const attribute = (key: string) => {
        const value = tag.attributes[key];
        return ownString(typeof value === 'string' ? value : (value?.value ?? ''));
      };
      term = { domain: attribute('domain'), nicename: attribute('nicename'), name: '' };
    } else if (parent === 'channel' && CHANNEL_RECORDS[tagName]) {
      record = { kind: CHANNEL_RECORDS[tagName], line: parser.line, fields: new Map() };
    }
  });

  const addText = (value: string) => {
    text += value;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);

  parser.on('closetag', () => {
    const tagName = path.pop() ?? '';
    const parent = path[path.length - 1];
    const value = ownString(text);
    text = '';
    if (item) {
      if (tagName === 'item') {
        ready.push(item);
        item = undefined;
      } else if (comment) {
        if (tagName === 'wp:comment') {
          item.comments.push(comment);
          comment = undefined;
        } else if (parent === 'wp:comment') comment.fields.set(tagName.replace(/^wp:/, ''), value);
      } else if (term && tagName === 'category') {
        term.name = value;
        item.terms.push(term);
        term = undefined;
      } else if (parent === 'wp:postmeta') {
        if (tagName === 'wp:meta_key') metaKey = value;
        else if (tagName === 'wp:meta_value') metaValue = value;
      } else if (tagName === 'wp:postmeta') {
        // The first value of a key wins, as get_post_meta(…, true) reads it.
        if (metaKey && !item.meta.has(metaKey)) item.meta.set(metaKey, metaValue);
        metaKey = metaValue = '';
      } else if (parent === 'item') item.fields.set(tagName, value);
    } else if (record) {
      if (parent === 'channel') {
        ready.push(record);
        record = undefined;
      } else record.fields.set(tagName.replace(/^wp:/, ''), value);
    } else if (channel && parent === 'channel') {
      channel.fields.set(tagName, value);
    }
  });

  let failure: WxrSyntaxError | undefined;
  parser.on('error', (cause) => {
    failure ??= new WxrSyntaxError(name, parser.line, `not a readable WordPress export (${cause.message.replace(/^.*?:\d+:\d+: /, '')})`);
  });

  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 })) {
    parser.write(chunk as string);
    if (failure) throw failure;
    yield* ready.splice(0);
  }
  parser.close();
  if (failure) throw failure;
  flushChannel();
  yield* ready.splice(0);
}
