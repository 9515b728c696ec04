import { compareText, error, type Position, type Problem } from '../util/problems.js';
import type { Content } from '../content/types.js';
import type { ImageKind, PictureSet } from './picture.js';

/** An image file the site shows, and the content files that show it. */
export interface ImageUse {
  kind: ImageKind;
  /** Site path of the file in public/, such as `/images/harbour.jpg`. */
  src: string;
  /** Content files naming it, for messages. */
  usedBy: string[];
}

/**
 * The lead images and body images of the articles this build shows, the
 * body images of its pages, and the avatars of every author, once each, in a fixed order. A body image is
 * shown in the same column as a lead image, so it is encoded as one and
 * shares its files. An image used as a picture and as an avatar is listed
 * under each kind: they are encoded at different widths.
 */
export function usedImages(content: Content): ImageUse[] {
  const uses = new Map<string, ImageUse>();
  const add = (kind: ImageKind, src: string, file: string) => {
    const key = `${kind} ${src}`;
    const use = uses.get(key) ?? { kind, src, usedBy: [] };
    // One article adds its images one after another: a repeat is the last file listed.
    if (use.usedBy.at(-1) !== file) use.usedBy.push(file);
    uses.set(key, use);
  };
  for (const article of content.articles) {
    if (article.image) add('lead', article.image.src, article.file);
    for (const image of article.bodyImages ?? []) add('lead', image.src, article.file);
  }
  for (const page of content.pages) for (const image of page.bodyImages ?? []) add('lead', image.src, page.file);
  for (const author of content.authors) if (author.avatar) add('avatar', author.avatar, author.file);
  return [...uses.values()].sort((a, b) => compareText(a.kind, b.kind) || compareText(a.src, b.src));
}

/** Whether every image `content` shows has its picture in `pictures` (else a full build must make it). */
export function hasEveryPicture(content: Content, pictures: PictureSet): boolean {
  return usedImages(content).every((use) => pictures[use.kind].has(use.src));
}

/**
 * An image that could not be encoded is an error in every file that uses
 * it, at the line naming it when `positionOf` knows it.
 */
export function imageProblems(
  failures: readonly { use: ImageUse; message: string }[],
  positionOf: (use: ImageUse, file: string) => Position | undefined = () => undefined,
): Problem[] {
  return failures.flatMap(({ use, message }) =>
    use.usedBy.map((file) =>
      error(file, `image ${use.src} could not be read as an image (${message})`, {
        position: positionOf(use, file),
        hint: 'use a JPEG, PNG, WebP, AVIF or GIF file, or fix the path',
      }),
    ),
  );
}
