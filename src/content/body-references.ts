import { error, type Position, type Problem } from '../util/problems.js';
import { didYouMeanPath } from '../util/suggest.js';
import { articlesByRef, findArticle } from './article-refs.js';
import type { Article, Page } from './types.js';

/** What a rendered body names outside itself; lines and columns count from the body's first line. */
export interface BodyReferences {
  /** Images naming a site path (`/images/x.jpg`), in body order. */
  images?: readonly { src: string; line: number; column: number }[] | undefined;
  /** "Read more" blocks, each naming an article by slug or section/slug, in body order. */
  readMore?: readonly { slug: string; line: number; column: number }[] | undefined;
}

export interface BodyLookups {
  assetExists: (sitePath: string) => boolean;
  isSvg: (sitePath: string) => boolean;
  /** Files of public/, without the leading `/`, for "did you mean". */
  publicFiles: readonly string[];
  /** Whether this build shows an article (published, or a draft or scheduled one asked for). */
  isShown: (article: Article) => boolean;
  /** Slugs of the articles that have errors of their own: naming one is no error of the body that does (see findArticle). */
  withErrors?: ReadonlySet<string> | undefined;
  /** Slugs of the articles this build leaves out for their errors: naming one is an error, since it has no page. */
  leftOut?: ReadonlySet<string> | undefined;
  /** The articles a "Read more" block may name, when not only those checked (a preview checks one among the last build's). */
  among?: readonly Article[] | undefined;
}

const IMAGE_FILE = /\.(?:avif|gif|jpe?g|png|svgz?|webp)$/i;

/**
 * Check what each article's and page's body names against the rest of the
 * newsroom, and note on it what the model fills in: a body image must be a
 * file in public/ (an SVG is shown as it is, every other image is encoded
 * like a lead image), and a "Read more" block must name one article this
 * build shows, other than itself. Every problem is an error at the line
 * and column of the image or block. `pages` are those this build shows.
 */
export function checkBodyReferences(
  articles: Article[],
  bodyOf: (file: string) => BodyReferences | undefined,
  lookups: BodyLookups,
  problems: Problem[],
  pages: readonly Page[] = [],
): void {
  // Made only when a body needs them: serve runs this on every save, and most bodies name nothing.
  let images: string[] | undefined;
  const imageFiles = () => (images ??= lookups.publicFiles.filter((name) => IMAGE_FILE.test(name)).map((name) => `/${name}`));
  let byRef: Map<string, Article[]> | undefined;
  const byRefOnce = () => (byRef ??= articlesByRef(lookups.among ?? articles));
  // Telling an SVG reads the file's start: once per file, however many bodies show it.
  const svg = new Map<string, boolean>();
  const isSvg = (src: string): boolean => svg.get(src) ?? svg.set(src, lookups.isSvg(src)).get(src) === true;
  for (const article of [...articles, ...pages]) {
    const body = bodyOf(article.file);
    if (!body) continue;
    const at = (place: { line: number; column: number }): Position => ({ line: article.bodyLine + place.line - 1, column: place.column });
    const encoded: { src: string; at: Position }[] = [];
    for (const image of body.images ?? []) {
      if (!lookups.assetExists(image.src)) {
        problems.push(missingImage(article.file, image.src, at(image), imageFiles()));
      } else if (!isSvg(image.src)) {
        encoded.push({ src: image.src, at: at(image) });
      }
    }
    if (encoded.length > 0) article.bodyImages = encoded;
    const links: ({ url: string; title: string } | undefined)[] = [];
    for (const block of body.readMore ?? []) {
      const target = readMoreTarget(article, block.slug, byRefOnce(), lookups, at(block), problems);
      // Kept in step with the blocks' marks: the model finds a block's link by its index.
      links.push(target && { url: target.url, title: target.title });
    }
    if (links.length > 0) article.readMore = links;
  }
}

/** A file with errors of its own whose body was rendered all the same (see checkBodiesOfBroken). */
export interface BrokenBody {
  file: string;
  bodyLine: number;
  /** Its slug, when it could be read: a block naming it names itself. */
  slug: string | undefined;
}

/**
 * What the bodies of articles with errors of their own name, checked as a
 * valid article's are, so that one run reports every problem: an image
 * that is not in public/, a "Read more" block that names no article, one
 * of several, or itself. Whether the article a block names is shown is not
 * asked: whether this one would be is not known.
 */
export function checkBodiesOfBroken(
  broken: readonly BrokenBody[],
  articles: Article[],
  bodyOf: (file: string) => BodyReferences | undefined,
  lookups: Pick<BodyLookups, 'assetExists' | 'publicFiles' | 'withErrors' | 'leftOut'>,
  problems: Problem[],
): void {
  let byRef: Map<string, Article[]> | undefined;
  const imageFiles = lookups.publicFiles.filter((name) => IMAGE_FILE.test(name)).map((name) => `/${name}`);
  for (const { file, bodyLine, slug } of broken) {
    const body = bodyOf(file);
    if (!body) continue;
    const at = (place: { line: number; column: number }): Position => ({ line: bodyLine + place.line - 1, column: place.column });
    for (const image of body.images ?? []) if (!lookups.assetExists(image.src)) problems.push(missingImage(file, image.src, at(image), imageFiles));
    for (const block of body.readMore ?? []) {
      byRef ??= articlesByRef(articles);
      const found = findArticle(block.slug, byRef, undefined, 'an article cannot send readers to itself', lookups.withErrors, lookups.leftOut, slug);
      if ('message' in found) problems.push(error(file, `readmore: ${found.message}`, { position: at(block), hint: found.hint }));
    }
  }
}

function missingImage(file: string, src: string, position: Position, imageFiles: readonly string[]): Problem {
  return error(file, `image ${src} is not in public/`, { position, hint: didYouMeanPath(src, imageFiles) ?? `add the file public${src}, or fix the path` });
}

function readMoreTarget(
  from: Article | Page,
  ref: string,
  byRef: ReadonlyMap<string, Article[]>,
  { isShown, withErrors, leftOut }: Pick<BodyLookups, 'isShown' | 'withErrors' | 'leftOut'>,
  position: Position,
  problems: Problem[],
): Article | undefined {
  const fail = (message: string, hint?: string) => {
    problems.push(error(from.file, `readmore: ${message}`, { position, hint }));
    return undefined;
  };
  const article = 'status' in from ? from : undefined;
  const found = findArticle(ref, byRef, article, 'an article cannot send readers to itself', withErrors, leftOut);
  if ('reported' in found) return undefined;
  if (!('article' in found)) return fail(found.message, found.hint);
  const target = found.article;
  // A story this build leaves out has no page to link to; that matters only when the story or page linking to it is shown.
  if ((article === undefined || isShown(article)) && !isShown(target)) {
    const state = target.status === 'draft' ? 'a draft' : 'scheduled for later';
    return fail(`"${ref}" is ${state}, and has no page yet`, 'name a published article, or add the block when this one is published');
  }
  return target;
}
