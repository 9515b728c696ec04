import type { Picture } from '../images/picture.js';
import type { RenderedMarkdown } from '../markdown/render.js';
import { BODY_IMAGE_ATTRIBUTE, READ_MORE_ATTRIBUTE } from '../markdown/body-marker.js';
import { xmlAttribute, xmlText } from '../util/xml-text.js';

/** What the model knows that one body did not when it was rendered. */
export interface BodyFill {
  /** The encoded picture of a site path; undefined keeps the image a plain `<img>` (an SVG, or no build encoded it). */
  picture: (src: string) => Picture | undefined;
  /** The `sizes` of a body picture. */
  sizes: string;
  /** The article each "Read more" block names, in body order; a block without one keeps the slug as written. */
  readMore: readonly ({ url: string; title: string } | undefined)[];
}

/** Nothing known: images stay plain and "Read more" blocks unlinked (bodies that are not articles'). */
export const NOTHING_TO_FILL: BodyFill = { picture: () => undefined, sizes: '', readMore: [] };

/**
 * A body's HTML with its marked elements (body-marker.ts) finished: each
 * image its picture, each "Read more" block its linked headline, and every
 * mark removed. Only elements carrying this body's own marker are touched,
 * and the rest of the HTML is kept byte for byte.
 */
export function fillBody(rendered: RenderedMarkdown, fill: BodyFill): string {
  const { marker } = rendered;
  if (marker === undefined) return rendered.html;
  // Attribute values come from hast-util-to-html in double quotes, with any `"` escaped, so `"[^"]*"` is a whole value.
  const tag = (name: string, attribute: string) => new RegExp(`<${name}\\s(?:[^>"]|"[^"]*")*? ${attribute}="${marker}-(\\d+)"(?:[^>"]|"[^"]*")*>`, 'g');
  const images = rendered.images ?? [];
  return rendered.html
    .replace(tag('img', BODY_IMAGE_ATTRIBUTE), (element, index: string) => {
      const image = images[Number(index)];
      const picture = image && fill.picture(image.src);
      return picture && image ? pictureHtml(picture, image.alt, fill.sizes) : unmarked(element, BODY_IMAGE_ATTRIBUTE);
    })
    .replace(new RegExp(`${tag('p', READ_MORE_ATTRIBUTE).source}([^]*?)</p>`, 'g'), (element, index: string) => {
      const target = fill.readMore[Number(index)];
      if (!target) return unmarked(element, READ_MORE_ATTRIBUTE);
      return `<p class="read-more"><span class="read-more-label">Read more:</span> <a href="${xmlAttribute(target.url)}">${xmlText(target.title)}</a></p>`;
    });
}

const unmarked = (element: string, attribute: string): string => element.replace(new RegExp(` ${attribute}="[^"]*"`), '');

/** The markup of templates/_includes/partials/story.njk's `picture` for a lazy image, without its white space. */
function pictureHtml(picture: Picture, alt: string, sizes: string): string {
  const sources = picture.sources.map((source) => `<source type="${xmlAttribute(source.type)}" srcset="${xmlAttribute(source.srcset)}" sizes="${xmlAttribute(sizes)}">`);
  const img = `<img src="${xmlAttribute(picture.src)}" width="${picture.width}" height="${picture.height}" alt="${xmlAttribute(alt)}" loading="lazy" decoding="async">`;
  return `<picture>${sources.join('')}${img}</picture>`;
}
