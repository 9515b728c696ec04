import { Tokenizer, TypeGuards } from 'liquidjs';
import { aloneOnLine, asBlock, fencedCode, type BodyPiece } from '../body-pieces.js';
import { embedLine, gistLink, vimeoAddress, youtubeAddress } from '../embed-text.js';
import { valueAt } from '../static-site/fields.js';

/** What Liquid in a post may name: the site's config, the post's front matter, the other posts. */
export interface LiquidContext {
  site: Record<string, unknown>;
  page: Record<string, unknown>;
  /** The new address of a source file (`_posts/2019-05-14-x.md`, `about.md`) when it was imported. */
  addressOfSource(source: string): string | undefined;
  /** Source files of posts, for `{% post_url %}`. */
  posts: readonly string[];
}

type TagToken = ReturnType<Tokenizer['readTagToken']>;
type Token = ReturnType<Tokenizer['readTopLevelTokens']>[number];

interface Converted {
  pieces: BodyPiece[];
  /** Index of the last token used (block tags use their end tag too). */
  last: number;
}

/**
 * Converts a post's Liquid into what Broadsheet says the same way: code
 * highlighting to fenced code, `raw` to its text, links to posts to their
 * new addresses, `site.` and `page.` values to their text, video includes
 * to embeds. Every other tag or output is kept as written (Broadsheet shows
 * it as text, never runs it) with a note naming it.
 */
export function convertLiquid(body: string, context: LiquidContext): BodyPiece[] {
  let tokens: Token[];
  try {
    tokens = new Tokenizer(body).readTopLevelTokens();
  } catch (error) {
    const message = error instanceof Error ? error.message.split(',')[0] : String(error);
    return [{ text: body, at: 0, note: { kind: 'unconverted', message: `the Liquid in this body could not be read (${message}); the body is kept as written` } }];
  }
  const pieces: BodyPiece[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index];
    if (!token) continue;
    if (TypeGuards.isTagToken(token)) {
      const converted = convertTag(body, tokens, index, context);
      pieces.push(...converted.pieces);
      index = converted.last;
    } else if (TypeGuards.isOutputToken(token)) {
      pieces.push(convertOutput(token.content.trim(), token.getText(), token.begin, context));
    } else {
      pieces.push({ text: token.getText(), at: token.begin });
    }
  }
  return pieces;
}

const kept = (token: TagToken, why: string): BodyPiece => ({ text: token.getText(), at: token.begin, note: { kind: 'unconverted', message: why } });

function convertTag(body: string, tokens: readonly Token[], index: number, context: LiquidContext): Converted {
  const token = tokens[index] as TagToken;
  const endOf = (name: string) => tokens.findIndex((other, at) => at > index && TypeGuards.isTagToken(other) && other.name === name);
  const single = (piece: BodyPiece): Converted => ({ pieces: [piece], last: index });
  switch (token.name) {
    case 'raw': {
      const end = endOf('endraw');
      if (end < 0) return single(kept(token, '{% raw %} without {% endraw %}: kept as written'));
      const endToken = tokens[end] as TagToken;
      return { pieces: [{ text: body.slice(token.end, endToken.begin), at: token.end }], last: end };
    }
    case 'highlight': {
      const end = endOf('endhighlight');
      if (end < 0) return single(kept(token, '{% highlight %} without {% endhighlight %}: kept as written'));
      const endToken = tokens[end] as TagToken;
      const language = token.args.trim().split(/\s+/)[0];
      const code = body.slice(token.end, endToken.begin);
      return { pieces: [{ text: asBlock(fencedCode(code, language), aloneOnLine(body, token.begin, endToken.end)), at: token.begin }], last: end };
    }
    case 'comment': {
      const end = endOf('endcomment');
      if (end < 0) return single(kept(token, '{% comment %} without {% endcomment %}: kept as written'));
      return { pieces: [{ text: '', at: token.begin, note: { kind: 'warning', message: 'a Liquid comment is left out (readers never saw it)' } }], last: end };
    }
    case 'link': {
      const target = token.args.trim();
      const address = context.addressOfSource(target);
      return single(address ? { text: address, at: token.begin } : kept(token, `{% link ${target} %} names no imported post or page: kept as written`));
    }
    case 'post_url': {
      const name = token.args.trim();
      const source = context.posts.find((post) => post.replace(/\.[^./]+$/, '') === `_posts/${name}` || post.replace(/\.[^./]+$/, '').endsWith(`/${name}`));
      const address = source && context.addressOfSource(source);
      return single(address ? { text: address, at: token.begin } : kept(token, `{% post_url ${name} %} names no imported post: kept as written`));
    }
    case 'include':
    case 'include_cached': {
      const embed = videoInclude(token.args);
      return single(
        embed
          ? { text: asBlock(embed, aloneOnLine(body, token.begin, token.end)), at: token.begin }
          : kept(token, `{% ${token.name} ${token.args.trim().split(/\s+/)[0] ?? ''} %} has no Broadsheet equivalent: kept as written`),
      );
    }
    case 'youtube':
    case 'vimeo': {
      // A plugin tag's argument is the id itself, quoted or not.
      const word = token.args.trim().split(/\s+/)[0] ?? '';
      const id = unquote(word) ?? word;
      const address = id && (token.name === 'youtube' ? youtubeAddress(id) : vimeoAddress(id));
      return single(address ? { text: asBlock(address, aloneOnLine(body, token.begin, token.end)), at: token.begin } : kept(token, `{% ${token.name} %} without a plain video id: kept as written`));
    }
    case 'gist': {
      const [path = '', file] = token.args.trim().split(/\s+/);
      const [user, id] = path.includes('/') ? path.split('/') : [undefined, path];
      const link = id && !file ? gistLink(user, id) : undefined;
      if (!link) return single(kept(token, '{% gist %} with a file name or an id that is not plain: kept as written'));
      return single({ text: asBlock(link, aloneOnLine(body, token.begin, token.end)), at: token.begin, note: { kind: 'warning', message: 'a gist has no Broadsheet embed: it is a link to the gist now' } });
    }
    default:
      return single(kept(token, `the Liquid tag {% ${token.name} %} has no Broadsheet equivalent: kept as written`));
  }
}

const unquote = (value: string): string | undefined => /^"([^"]*)"$|^'([^']*)'$/.exec(value)?.slice(1).find((part) => part !== undefined);

/** Jekyll include parameters: `key="value"`, `key='value'` or `key=variable` (a variable is never plain). */
function includeParameters(args: string): { file: string; plain: Map<string, string> } {
  const file = args.trim().split(/\s+/)[0] ?? '';
  const plain = new Map<string, string>();
  for (const match of args.slice(args.indexOf(file) + file.length).matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))/g)) {
    const value = match[2] ?? match[3];
    if (match[1] && value !== undefined && !value.includes('{{')) plain.set(match[1].toLowerCase(), value);
  }
  return { file, plain };
}

/** `{% include youtube.html id="…" %}`, `{% include video id="…" provider="vimeo" %}` and the like, when the id is written out. */
function videoInclude(args: string): string | undefined {
  const { file, plain } = includeParameters(args);
  const name = file.toLowerCase();
  const provider = name.includes('youtube') ? 'youtube' : name.includes('vimeo') ? 'vimeo' : name.startsWith('video') ? plain.get('provider')?.toLowerCase() : undefined;
  const id = ['id', 'video_id', 'videoid', 'youtube_id', 'youtubeid', 'vimeo_id', 'vimeoid'].map((key) => plain.get(key)).find(Boolean);
  if (!id) return undefined;
  const address = provider === 'youtube' ? youtubeAddress(id) : provider === 'vimeo' ? vimeoAddress(id) : undefined;
  return address && embedLine(address, plain.get('title'));
}

function convertOutput(expression: string, text: string, at: number, context: LiquidContext): BodyPiece {
  const variable = /^(site|page)\.([A-Za-z0-9_.-]+)$/.exec(expression);
  if (variable) {
    const value = valueAt(variable[1] === 'site' ? context.site : context.page, variable[2] ?? '');
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return { text: String(value), at };
    if (value === undefined && variable[1] === 'site' && variable[2] === 'baseurl') return { text: '', at };
    return { text, at, note: { kind: 'unconverted', message: `{{ ${expression} }} has no value to write: kept as written` } };
  }
  const url = /^(?:'([^']*)'|"([^"]*)")\s*\|\s*(?:relative_url|absolute_url)$/.exec(expression);
  const path = url?.[1] ?? url?.[2];
  if (path !== undefined) return { text: path.startsWith('/') || /^[a-z]+:/i.test(path) ? path : `/${path}`, at };
  return { text, at, note: { kind: 'unconverted', message: `the Liquid output {{ ${expression} }} has no Broadsheet equivalent: kept as written` } };
}
